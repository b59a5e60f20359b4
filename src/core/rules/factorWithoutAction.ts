// PM007: a contributing factor without an action item of its own (seed 000: at least one action item per factor).
import type { ListItem } from '../markdown/model';
import type { ActionItem } from '../postmortem/actionItems';
import type { Rule, RuleContext, RuleReport } from './types';
import { incident, sectionByRoleOf } from './util';

/** Words too common in incident writing to link a factor to an action. */
const STOP_WORDS = new Set(
  (
    'about above after again against also because been before being below between both cause caused causes could did does doing down during each ' +
    'from further have having here into itself just more most once only other over same should some such than that their them then there these they this those ' +
    'through under until very were what when where which while will with would your ensure make made missing lack lacked lacking no not without ' +
    'incident incidents issue issues problem problems error errors failure failures failed service services system systems production team teams ' +
    'add added adding improve improved review reviewed update updated need needed needs better proper properly able'
  ).split(' '),
);

/** The significant word stems of `text`: four or more letters, not a stop word, crude suffixes removed. */
export function significantStems(text: string): Set<string> {
  const stems = new Set<string>();
  const lower = text.toLowerCase();
  // Printable ASCII text (most): its letters and digits are [a-z0-9] once lower-cased, so its
  // words are the runs of those, found by char code (what `split(/[^a-z0-9]+/)` finds, without
  // the array); any other character sends the whole text to the Unicode split.
  let start = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) continue;
    if (c > 0x7e || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)) return unicodeStems(lower);
    if (i - start >= 4) addStem(stems, lower.slice(start, i));
    start = i + 1;
  }
  if (lower.length - start >= 4) addStem(stems, lower.slice(start));
  return stems;
}

function unicodeStems(lower: string): Set<string> {
  const stems = new Set<string>();
  for (const raw of lower.split(/[^\p{L}\p{N}]+/u)) addStem(stems, raw);
  return stems;
}

function addStem(stems: Set<string>, raw: string): void {
  if (raw.length < 4 || STOP_WORDS.has(raw) || isAsciiDigits(raw)) return;
  stems.add(raw.slice(0, raw.length - suffixLength(raw)).slice(0, 8));
}

/** `/^\d+$/.test(word)` without a regex call per word. */
function isAsciiDigits(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return word.length > 0;
}

/** The length of the crude suffix `word.replace(/(?:ing|ed|es|s)$/, '')` removes (the leftmost match: the longest). */
function suffixLength(word: string): number {
  if (word.endsWith('ing')) return 3;
  if (word.endsWith('ed') || word.endsWith('es')) return 2;
  return word.endsWith('s') ? 1 : 0;
}

/** Whether two stems match: the shorter (four letters or more, as both are here) begins the longer (cach ~ cache, index ~ indexe). */
function stemsMatch(s: string, t: string): boolean {
  return t.charCodeAt(0) === s.charCodeAt(0) && (t.length >= s.length ? t.startsWith(s) : s.startsWith(t));
}

/** What an action item's text says, for the pairing: the factor numbers it names and its stems. */
interface ActionFacts {
  /** The factor numbers it refers to, as written (`CF2`, `factor #2`). */
  readonly references: ReadonlySet<number>;
  /** Its stems that can match another (four letters or more). */
  readonly stems: readonly string[];
}

/**
 * The facts of one action item's text. Memoised: a document is linted again on every edit, and
 * its action items mostly stay as they were.
 */
function actionFacts(text: string): ActionFacts {
  const hit = factsMemo.get(text);
  if (hit !== undefined) return hit;
  const references = new Set<number>();
  // exec on the one pattern (matchAll would copy it for every item).
  FACTOR_REFERENCE.lastIndex = 0;
  for (let m = FACTOR_REFERENCE.exec(text); m; m = FACTOR_REFERENCE.exec(text)) references.add(Number(m[1] ?? m[2]));
  const stems: string[] = [];
  for (const t of significantStems(text)) if (t.length >= 4) stems.push(t);
  const facts = { references, stems };
  if (factsMemo.size >= FACTS_MEMO_LIMIT) factsMemo.clear();
  factsMemo.set(text, facts);
  return facts;
}

const FACTS_MEMO_LIMIT = 4096;
const factsMemo = new Map<string, ActionFacts>();

/**
 * For each item, how many stems of `factor` match one of the item's stems. Each distinct stem
 * of the items is compared once with each of the factor's, not once per item holding it.
 */
function sharedStemCounts(
  factor: ReadonlySet<string>,
  distinct: readonly string[],
  holders: readonly (readonly number[])[],
  itemCount: number,
): number[] {
  const counts = new Array<number>(itemCount).fill(0);
  // marks[i] === j + 1: item i already counts the factor's stem j.
  const marks = new Array<number>(itemCount).fill(0);
  let j = 0;
  for (const s of factor) {
    j++;
    if (s.length < 4) continue;
    for (let d = 0; d < distinct.length; d++) {
      if (!stemsMatch(s, distinct[d])) continue;
      for (const i of holders[d]) {
        if (marks[i] === j) continue;
        marks[i] = j;
        counts[i]++;
      }
    }
  }
  return counts;
}

/** A reference to a contributing factor by number: `CF2`, `CF-2`, `factor 2`, `factor #2` (the number as written). */
const FACTOR_REFERENCE = /\b(?:CF-?(\d+)|factor\s*#?(\d+))\b/gi;

/** One contributing factor and the action item paired with it, if any. */
export interface FactorPairing {
  /** The factor's list item in the Contributing Factors section. */
  readonly factor: ListItem;
  /** Its number, 1 for the first factor (what `CF1` refers to). */
  readonly number: number;
  /** The action item that addresses it; undefined when none is left for it. */
  readonly action: ActionItem | undefined;
  /** How the pair was made: the item names the factor's number, or shares its words. */
  readonly by: 'reference' | 'meaning' | undefined;
  /** Action items that share words with the factor but are paired with other factors (for the message). */
  readonly taken: readonly ActionItem[];
}

/**
 * Pairs each contributing factor with an action item of its own. An item that refers to factors
 * by number (`CF2`, `factor #2`) addresses exactly those (one item may name several). Every other
 * item addresses at most one factor, chosen by the words they share: the largest set of pairs
 * wins, and when there are not enough items to go round, the factors sharing the fewest words
 * are the ones left without. So three factors and one action item leave two factors unpaired,
 * whatever words the item shares with them. Factors without a significant word are left out.
 * Undefined when the document has no Contributing Factors section or no action items section.
 */
export function pairFactorsWithActions(context: RuleContext): FactorPairing[] | undefined {
  const model = incident(context);
  const section = sectionByRoleOf(model, 'contributingFactors');
  if (!section || !model.actionItems) return undefined;
  const items = model.actionItems.items;
  const factors = context.doc.listItems.filter(
    (li) => li.depth === 0 && li.line >= section.bodyStartLine && li.line < section.endLine,
  );
  // Only what the item says it does counts; owners and statuses do not address a factor.
  const actionTexts = items.map((i) => `${i.action} ${i.fields.type?.text ?? ''}`);
  // The factor numbers each item refers to, as written (one search per item, not one new pattern per factor), and its stems.
  const facts = actionTexts.map(actionFacts);
  const references = facts.map((f) => f.references);
  // The distinct stems of the items, each with the items that hold it; an item that names
  // factors scores 0 for every factor, so its stems are left out.
  const distinct: string[] = [];
  const holders: number[][] = [];
  const slot = new Map<string, number>();
  facts.forEach((f, i) => {
    if (f.references.size > 0) return;
    for (const stem of facts[i].stems) {
      let d = slot.get(stem);
      if (d === undefined) {
        slot.set(stem, (d = distinct.length));
        distinct.push(stem);
        holders.push([]);
      }
      holders[d].push(i);
    }
  });

  const pairs = new Map<number, { item: number; by: 'reference' | 'meaning' }>();
  const considered: number[] = [];
  const scores: number[][] = [];
  factors.forEach((factor, index) => {
    const n = index + 1;
    const referring = references.findIndex((r) => r.has(n));
    const stems = significantStems(factor.text);
    scores[index] = sharedStemCounts(stems, distinct, holders, items.length);
    if (referring >= 0) pairs.set(index, { item: referring, by: 'reference' });
    else if (stems.size > 0) considered.push(index);
  });

  // A maximum matching between the other factors and the items that name no factor (augmenting
  // paths); the factor sharing the most words with an item goes first, so it is never the one left out.
  const best = (f: number) => Math.max(0, ...scores[f]);
  considered.sort((a, b) => best(b) - best(a) || a - b);
  const owner = new Map<number, number>();
  const candidateLists: number[][] = [];
  const candidates = (f: number): readonly number[] => {
    let list = candidateLists[f];
    if (!list) {
      list = [];
      const row = scores[f];
      for (let i = 0; i < row.length; i++) if (row[i] > 0) list.push(i);
      list.sort((a, b) => row[b] - row[a] || a - b);
      candidateLists[f] = list;
    }
    return list;
  };
  const augment = (f: number, seen: Set<number>): boolean => {
    for (const i of candidates(f)) {
      if (seen.has(i)) continue;
      seen.add(i);
      const holder = owner.get(i);
      if (holder === undefined || augment(holder, seen)) {
        owner.set(i, f);
        return true;
      }
    }
    return false;
  };
  for (const f of considered) augment(f, new Set());
  for (const [item, f] of owner) pairs.set(f, { item, by: 'meaning' });

  return factors.flatMap((factor, index) => {
    if (!pairs.has(index) && !considered.includes(index)) return [];
    const pair = pairs.get(index);
    const taken = pair ? [] : candidates(index).map((i) => items[i]);
    return [{ factor, number: index + 1, action: pair ? items[pair.item] : undefined, by: pair?.by, taken }];
  });
}

function quote(text: string, max = 60): string {
  const t = text.trim();
  return t.length > max ? `${t.slice(0, max - 3)}...` : t;
}

export const PM007: Rule = {
  id: 'PM007',
  name: 'factor-without-action',
  title: 'A contributing factor has no action item of its own',
  defaultSeverity: 'warning',
  kinds: ['postmortem'],
  check(context) {
    const pairing = pairFactorsWithActions(context);
    if (!pairing) return [];
    const items = incident(context).actionItems?.items ?? [];
    const factorCount = pairing.length;
    const reports: RuleReport[] = [];
    const count =
      items.length < factorCount
        ? ` (${factorCount} contributing factors, ${items.length} action item${items.length === 1 ? '' : 's'})`
        : '';
    for (const p of pairing) {
      if (p.action) continue;
      const factor = `Contributing factor "${quote(p.factor.text)}"`;
      const ask = `add one that names it (or refers to it as CF${p.number})`;
      const other = p.taken.length > 0 ? pairing.find((q) => q.action === p.taken[0]) : undefined;
      const message = other
        ? `${factor} has no action item of its own: "${quote(p.taken[0].action, 50)}" addresses factor ${other.number} ("${quote(other.factor.text, 40)}"), and one item counts for one factor${count}; ${ask}.`
        : `${factor} has no action item that addresses it${count}; ${ask}.`;
      reports.push({
        message,
        range: {
          start: { line: p.factor.line, character: 0 },
          end: { line: p.factor.line, character: context.doc.lines[p.factor.line].length },
        },
      });
    }
    return reports;
  },
};

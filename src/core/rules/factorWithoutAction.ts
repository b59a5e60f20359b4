// PM007: a contributing factor that no action item addresses (seed 000: one action per factor at least).
import type { Rule, RuleReport } from './types';
import { incident, sectionByRoleOf } from './util';

/** Words too common in incident writing to link a factor to an action. */
const STOP_WORDS = new Set(('about above after again against also because been before being below between both cause caused causes could did does doing down during each ' +
  'from further have having here into itself just more most once only other over same should some such than that their them then there these they this those ' +
  'through under until very were what when where which while will with would your ensure make made missing lack lacked lacking no not without ' +
  'incident incidents issue issues problem problems error errors failure failures failed service services system systems production team teams ' +
  'add added adding improve improved review reviewed update updated need needed needs better proper properly able').split(' '));

/** The significant word stems of `text`: four or more letters, not a stop word, crude suffixes removed. */
export function significantStems(text: string): Set<string> {
  const stems = new Set<string>();
  const lower = text.toLowerCase();
  // Printable ASCII text (most): its letters and digits are [a-z0-9] once lower-cased, and the
  // split needs no Unicode classes.
  if (!NOT_PRINTABLE_ASCII.test(lower)) {
    for (const raw of lower.split(ASCII_SEPARATORS)) addStem(stems, raw);
    return stems;
  }
  for (const raw of lower.split(/[^\p{L}\p{N}]+/u)) addStem(stems, raw);
  return stems;
}

function addStem(stems: Set<string>, raw: string): void {
  if (raw.length < 4 || STOP_WORDS.has(raw) || isAsciiDigits(raw)) return;
  stems.add(raw.slice(0, raw.length - suffixLength(raw)).slice(0, 8));
}

const NOT_PRINTABLE_ASCII = /[^\t\n\r\x20-\x7e]/;
const ASCII_SEPARATORS = /[^a-z0-9]+/;

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

/** The stems of `groups` that can match another (four letters or more), each once. */
function matchableStems(groups: ReadonlyArray<ReadonlySet<string>>): string[] {
  const unique = new Set<string>();
  for (const group of groups) for (const t of group) if (t.length >= 4) unique.add(t);
  return [...unique];
}

/** Whether some stem of `candidates` matches one of `stems`: the shorter (four letters or more) begins the longer (cach ~ cache, index ~ indexe). */
function anyStemMatches(candidates: Iterable<string>, stems: readonly string[]): boolean {
  for (const s of candidates) {
    if (s.length < 4) continue;
    for (const t of stems) if (t.length >= s.length ? t.startsWith(s) : s.startsWith(t)) return true;
  }
  return false;
}

/** A reference to a contributing factor by number: `CF2`, `CF-2`, `factor 2`, `factor #2` (the number as written). */
const FACTOR_REFERENCE = /\b(?:CF-?(\d+)|factor\s*#?(\d+))\b/gi;

export const PM007: Rule = {
  id: 'PM007',
  name: 'factor-without-action',
  title: 'A contributing factor has no action item that addresses it',
  defaultSeverity: 'warning',
  kinds: ['postmortem'],
  check(context) {
    const model = incident(context);
    const section = sectionByRoleOf(model, 'contributingFactors');
    const items = model.actionItems?.items ?? [];
    if (!section || !model.actionItems) return [];
    const factors = context.doc.listItems.filter((li) => li.depth === 0 && li.line >= section.bodyStartLine && li.line < section.endLine);
    // Only what the item says it does counts; owners and statuses do not address a factor.
    const actionTexts = items.map((i) => [i.action, i.fields.type?.text ?? ''].join(' '));
    const actionStems = matchableStems(actionTexts.map((t) => significantStems(t)));
    // The factor numbers the items refer to ("CF2", "CF-2", "factor #2"), as written: one search per item, not one new pattern per factor.
    const referred = new Set<string>();
    for (const t of actionTexts) {
      // exec on the one pattern (matchAll would copy it for every item).
      FACTOR_REFERENCE.lastIndex = 0;
      for (let m = FACTOR_REFERENCE.exec(t); m; m = FACTOR_REFERENCE.exec(t)) referred.add(m[1] ?? m[2]);
    }
    const reports: RuleReport[] = [];
    factors.forEach((factor, index) => {
      const n = index + 1;
      if (referred.has(String(n))) return;
      const stems = significantStems(factor.text);
      if (stems.size === 0) return;
      if (anyStemMatches(stems, actionStems)) return;
      const text = factor.text.length > 60 ? `${factor.text.slice(0, 57)}...` : factor.text;
      reports.push({
        message: `Contributing factor "${text}" has no action item that addresses it; add one that names it (or refers to it as CF${n}).`,
        range: { start: { line: factor.line, character: 0 }, end: { line: factor.line, character: context.doc.lines[factor.line].length } },
      });
    });
    return reports;
  },
};

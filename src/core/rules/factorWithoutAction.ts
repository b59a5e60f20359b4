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
  // Printable ASCII text (most): its letters and digits are [a-z0-9] once lower-cased, split natively.
  if (!NOT_PRINTABLE_ASCII.test(lower)) {
    for (const raw of lower.split(ASCII_SEPARATORS)) addStem(stems, raw);
    return stems;
  }
  // The runs of letters and digits, as `lower.split(/[^\p{L}\p{N}]+/u)` finds them, without the
  // Unicode-class split (the costliest step of this rule): ASCII is classified by hand.
  let start = -1;
  for (let i = 0; i <= lower.length; ) {
    const cp = i < lower.length ? (lower.codePointAt(i) as number) : -1;
    const inWord = cp >= 0 && isLetterOrNumber(cp);
    if (inWord && start < 0) start = i;
    if (!inWord && start >= 0) {
      addStem(stems, lower.slice(start, i));
      start = -1;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  return stems;
}

function addStem(stems: Set<string>, raw: string): void {
  if (raw.length < 4 || STOP_WORDS.has(raw) || isAsciiDigits(raw)) return;
  stems.add(raw.slice(0, raw.length - suffixLength(raw)).slice(0, 8));
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const NOT_PRINTABLE_ASCII = /[^\t\n\r\x20-\x7e]/;
const ASCII_SEPARATORS = /[^a-z0-9]+/;

/** Whether the code point `cp` is a letter or a number (`[\p{L}\p{N}]`). */
function isLetterOrNumber(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a);
  return LETTER_OR_NUMBER.test(String.fromCodePoint(cp));
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

/**
 * The action items' stems (four letters or more, each once), for matching a factor's stems. Two
 * stems match when the shorter (four letters or more) begins the longer: cach ~ cache, index ~ indexe.
 * A few factors against a few dozen stems: comparing the pairs costs less than indexing prefixes.
 */
interface StemIndex {
  /** Whether some stem of `stems` matches some indexed stem. */
  matchesAny(stems: Iterable<string>): boolean;
}

function stemIndex(groups: ReadonlyArray<ReadonlySet<string>>): StemIndex {
  const unique = new Set<string>();
  for (const group of groups) for (const t of group) if (t.length >= 4) unique.add(t);
  const stems = [...unique];
  return {
    matchesAny(candidates) {
      for (const s of candidates) {
        if (s.length < 4) continue;
        for (const t of stems) {
          if (t.length >= s.length ? t.startsWith(s) : s.startsWith(t)) return true;
        }
      }
      return false;
    },
  };
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
    const actionStems = stemIndex(actionTexts.map((t) => significantStems(t)));
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
      if (actionStems.matchesAny(stems)) return;
      const text = factor.text.length > 60 ? `${factor.text.slice(0, 57)}...` : factor.text;
      reports.push({
        message: `Contributing factor "${text}" has no action item that addresses it; add one that names it (or refers to it as CF${n}).`,
        range: { start: { line: factor.line, character: 0 }, end: { line: factor.line, character: context.doc.lines[factor.line].length } },
      });
    });
    return reports;
  },
};

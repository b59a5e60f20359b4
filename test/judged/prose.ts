// The prose judgement set (issue #19, test/fixtures/judgement): our own labelled sentences and root causes,
// read, linted one by one in a clean harness postmortem, and scored per rule. Used by scripts/judgeProse.mjs,
// scripts/judge.mjs and the tests.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../src/core/lint/lint';
import { findProfile, type Profile } from '../../src/core/profiles';
import { CLEAN_POSTMORTEM, replaceSection } from '../fixtures/documents';

/** The rules the prose set measures, and the kind of item each reads. */
export const PROSE_RULES = [
  { rule: 'PM013', name: 'blame-language', items: 'sentences', label: 'blame' },
  { rule: 'PM022', name: 'hindsight-language', items: 'sentences', label: 'hindsight' },
  { rule: 'PM008', name: 'vague-root-cause', items: 'rootCauses', label: 'vague' },
] as const;

export type ProseRule = (typeof PROSE_RULES)[number]['rule'];
export type ItemKind = 'sentences' | 'rootCauses';
export type Part = 'tuning' | 'hold-out';

/** One labelled item. */
export interface ProseItem {
  readonly kind: ItemKind;
  readonly part: Part;
  /** The file and 1-based line the item is written on, e.g. `sentences.tuning.txt:12`. */
  readonly where: string;
  readonly text: string;
  /** The labels: blame, hindsight (sentences), vague or specific (root causes); empty for "-". */
  readonly labels: ReadonlySet<string>;
}

/** The targets of issue #19 on our set, per rule; PM022's are ours (the issue sets none). */
export const PROSE_TARGETS: Readonly<Record<ProseRule, { readonly precision: number; readonly recall: number }>> = {
  PM013: { precision: 0.97, recall: 0.85 },
  PM008: { precision: 0.95, recall: 0.85 },
  PM022: { precision: 0.95, recall: 0.85 },
};

/** The folder of the set, from the repository root. */
export const JUDGEMENT_DIR = path.join('test', 'fixtures', 'judgement');

const FILES: ReadonlyArray<{ readonly file: string; readonly kind: ItemKind; readonly part: Part }> = [
  { file: 'sentences.tuning.txt', kind: 'sentences', part: 'tuning' },
  { file: 'root-causes.tuning.txt', kind: 'rootCauses', part: 'tuning' },
  { file: 'sentences.holdout.txt', kind: 'sentences', part: 'hold-out' },
  { file: 'root-causes.holdout.txt', kind: 'rootCauses', part: 'hold-out' },
];

const ALLOWED: Readonly<Record<ItemKind, ReadonlySet<string>>> = {
  sentences: new Set(['blame', 'hindsight', '-']),
  rootCauses: new Set(['vague', 'specific']),
};

/**
 * Reads one file of the set: `LABELS | text` a line; `#` lines and blank lines are skipped.
 * Throws on a line without a separator or with an unknown label, naming the line.
 */
export function parseProseFile(text: string, file: string, kind: ItemKind, part: Part): ProseItem[] {
  const items: ProseItem[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const bar = line.indexOf(' | ');
    if (bar < 0) throw new Error(`${file}:${i + 1}: expected "LABELS | text"`);
    const labels = line.slice(0, bar).trim().split(/\s+/);
    for (const l of labels) if (!ALLOWED[kind].has(l)) throw new Error(`${file}:${i + 1}: unknown label "${l}"`);
    items.push({ kind, part, where: `${file}:${i + 1}`, text: line.slice(bar + 3).trim(), labels: new Set(labels.filter((l) => l !== '-')) });
  });
  return items;
}

/** Every item of the set under `repoRoot`, tuning files first. */
export function loadProseSet(repoRoot: string): ProseItem[] {
  return FILES.flatMap(({ file, kind, part }) => parseProseFile(readFileSync(path.join(repoRoot, JUDGEMENT_DIR, file), 'utf8'), file, kind, part));
}

/** The postmortem an item is judged in: a sentence as the Impact section's first line, a root cause as the Root Cause section. */
export function documentFor(item: Pick<ProseItem, 'kind' | 'text'>): { readonly text: string; readonly line: number } {
  if (item.kind === 'sentences') {
    const text = CLEAN_POSTMORTEM.replace('## Impact\n', `## Impact\n${item.text}\n`);
    return { text, line: text.split('\n').indexOf(item.text) };
  }
  const text = replaceSection(CLEAN_POSTMORTEM, 'Root Cause', `## Root Cause\n${item.text}\n\n`);
  return { text, line: text.split('\n').indexOf('## Root Cause') };
}

/** What a rule reported on an item: its messages (on the item's line for sentences, anywhere for root causes). */
export function reportedOn(item: ProseItem, rule: ProseRule, profile: Profile = findProfile('harness') as Profile): string[] {
  const { text, line } = documentFor(item);
  const entry = PROSE_RULES.find((r) => r.rule === rule);
  if (!entry || entry.items !== item.kind) return [];
  return lintText(text, 'postmortem', profile).findings
    .filter((f) => f.ruleId === rule && (item.kind === 'rootCauses' || f.range.start.line === line))
    .map((f) => f.message);
}

/** Whether the item's label says `rule` should report it. */
export function expects(item: ProseItem, rule: ProseRule): boolean {
  const entry = PROSE_RULES.find((r) => r.rule === rule);
  return !!entry && item.labels.has(entry.label);
}

/** One item's verdict for one rule. */
export interface Verdict {
  readonly item: ProseItem;
  readonly expected: boolean;
  readonly messages: readonly string[];
}

/** The counts of one rule on one part. */
export interface ProseTally {
  readonly rule: ProseRule;
  readonly part: Part | 'all';
  readonly items: number;
  readonly expected: number;
  readonly right: number;
  /** Reported, not expected. */
  readonly wrong: Verdict[];
  /** Expected, not reported. */
  readonly missed: Verdict[];
  readonly precision: number | undefined;
  readonly recall: number | undefined;
}

/** Lints every item once per rule it is for and returns the verdicts. */
export function judgeProse(items: readonly ProseItem[], profile?: Profile): Map<ProseRule, Verdict[]> {
  const out = new Map<ProseRule, Verdict[]>();
  for (const { rule, items: kind } of PROSE_RULES) {
    out.set(rule, items.filter((i) => i.kind === kind).map((item) => ({ item, expected: expects(item, rule), messages: reportedOn(item, rule, profile) })));
  }
  return out;
}

/** Precision and recall of each rule on the tuning part, the hold-out part and all. */
export function tallyProse(verdicts: Map<ProseRule, Verdict[]>): ProseTally[] {
  const tallies: ProseTally[] = [];
  for (const part of ['tuning', 'hold-out', 'all'] as const) {
    for (const { rule } of PROSE_RULES) {
      const vs = (verdicts.get(rule) ?? []).filter((v) => part === 'all' || v.item.part === part);
      const reported = vs.filter((v) => v.messages.length > 0);
      const right = reported.filter((v) => v.expected).length;
      const expected = vs.filter((v) => v.expected).length;
      tallies.push({
        rule, part, items: vs.length, expected, right,
        wrong: reported.filter((v) => !v.expected),
        missed: vs.filter((v) => v.expected && v.messages.length === 0),
        precision: reported.length ? right / reported.length : undefined,
        recall: expected ? right / expected : undefined,
      });
    }
  }
  return tallies;
}

/** Whether a tally meets its rule's targets. */
export function meetsTarget(t: ProseTally): boolean {
  const target = PROSE_TARGETS[t.rule];
  return t.precision !== undefined && t.recall !== undefined && t.precision >= target.precision && t.recall >= target.recall;
}

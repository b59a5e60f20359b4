// Scoring the linter against the judged set: matching findings to labels, precision and recall per rule, and time accuracy.
import { keyKind, type JudgedDocument, type JudgedTimes, type Label } from './labels';

/** A finding as the judge sees it. */
export interface Reported {
  readonly rule: string;
  /** 1-based line of the finding's start. */
  readonly line: number;
  readonly message: string;
  /** For section rules: the section id the message names, when the profile knows it. */
  readonly section?: string;
}

/** A reported finding matched to the label it confirms. */
export interface Hit {
  readonly finding: Reported;
  readonly label: Label;
}

/** The verdicts on one document for one rule. */
export interface RuleOutcome {
  readonly rule: string;
  /** Reported and expected. */
  readonly right: Hit[];
  /** Reported and not expected. */
  readonly wrong: Reported[];
  /** Expected and not reported. */
  readonly missed: Label[];
  /** Reported, and labelled debatable: not counted. */
  readonly debatable: Reported[];
}

/** Whether `finding` is the finding `label` describes. */
export function matches(label: Label, finding: Reported): boolean {
  if (label.rule !== finding.rule) return false;
  switch (keyKind(label.rule)) {
    case 'section':
      return finding.section !== undefined && finding.section === label.section;
    case 'document':
      return true;
    case 'line':
      return label.line !== undefined && finding.line >= label.line && finding.line <= (label.to ?? label.line);
  }
}

/**
 * Judges the findings of one document: for each rule the document is judged on, every finding
 * confirms at most one expected label (and a label is confirmed at most once); a finding that
 * confirms none is debatable when a debatable label describes it, else wrong; expected labels
 * left over are missed. Findings of rules the document is not judged on are ignored.
 */
export function judgeDocument(doc: Pick<JudgedDocument, 'rules' | 'expected' | 'debatable'>, findings: readonly Reported[]): RuleOutcome[] {
  return doc.rules.map((rule) => {
    const open = doc.expected.filter((l) => l.rule === rule);
    const outcome: RuleOutcome = { rule, right: [], wrong: [], missed: [], debatable: [] };
    for (const finding of findings.filter((f) => f.rule === rule)) {
      const i = open.findIndex((l) => matches(l, finding));
      if (i >= 0) {
        outcome.right.push({ finding, label: open[i] });
        open.splice(i, 1);
      } else if (doc.debatable.some((l) => matches(l, finding))) {
        outcome.debatable.push(finding);
      } else {
        outcome.wrong.push(finding);
      }
    }
    outcome.missed.push(...open);
    return outcome;
  });
}

/** Counts of one rule over several documents. */
export interface RuleTally {
  readonly rule: string;
  /** Documents judged on the rule. */
  documents: number;
  expected: number;
  right: number;
  wrong: number;
  missed: number;
  debatable: number;
}

/** Share of reported findings that are right; undefined when nothing was reported. */
export function precision(t: Pick<RuleTally, 'right' | 'wrong'>): number | undefined {
  return ratio(t.right, t.right + t.wrong);
}

/** Share of expected findings that were reported; undefined when nothing was expected. */
export function recall(t: Pick<RuleTally, 'right' | 'missed'>): number | undefined {
  return ratio(t.right, t.right + t.missed);
}

/** n / d, or undefined when d is 0. */
export function ratio(n: number, d: number): number | undefined {
  return d === 0 ? undefined : n / d;
}

/** Adds up the outcomes of many documents per rule, in rule-id order. */
export function tally(outcomes: ReadonlyArray<readonly RuleOutcome[]>): RuleTally[] {
  const byRule = new Map<string, RuleTally>();
  for (const doc of outcomes) {
    for (const o of doc) {
      const t = byRule.get(o.rule) ?? { rule: o.rule, documents: 0, expected: 0, right: 0, wrong: 0, missed: 0, debatable: 0 };
      t.documents += 1;
      t.expected += o.right.length + o.missed.length;
      t.right += o.right.length;
      t.wrong += o.wrong.length;
      t.missed += o.missed.length;
      t.debatable += o.debatable.length;
      byRule.set(o.rule, t);
    }
  }
  return [...byRule.values()].sort((a, b) => a.rule.localeCompare(b.rule));
}

/** How close a computed time must be to the hand-computed one: within 20%, or within 2 minutes for small values. */
export const TIME_TOLERANCE = { relative: 0.2, minutes: 2 } as const;

/** Whether `actual` minutes is within the tolerance of the hand-computed `expected` (null is never within). */
export function withinTolerance(expected: number, actual: number | null | undefined): boolean {
  if (actual === null || actual === undefined) return false;
  return Math.abs(actual - expected) <= Math.max(TIME_TOLERANCE.relative * expected, TIME_TOLERANCE.minutes);
}

/** One measure compared. */
export interface TimeCheck {
  readonly metric: 'detect' | 'recover';
  readonly expected: number;
  readonly actual: number | null;
  readonly ok: boolean;
}

/**
 * Compares the product's measures with the hand-computed ones of a document whose timeline is
 * readable. Only the measures the labels give are compared; the document is within when all are.
 */
export function judgeTimes(expected: JudgedTimes, actual: { readonly detect: number | null; readonly recover: number | null }): { checks: TimeCheck[]; ok: boolean } {
  const checks: TimeCheck[] = [];
  for (const metric of ['detect', 'recover'] as const) {
    const want = expected[metric];
    if (want === null) continue;
    checks.push({ metric, expected: want, actual: actual[metric], ok: withinTolerance(want, actual[metric]) });
  }
  return { checks, ok: checks.length > 0 && checks.every((c) => c.ok) };
}

/** The targets of issue #17. */
export interface Target {
  readonly label: string;
  readonly min: number;
  /** The value measured on one part, undefined when it cannot be computed (nothing reported or expected). */
  value(part: PartScore): number | undefined;
}

/** The figures of one part of the set (tuning, hold-out or all). */
export interface PartScore {
  readonly name: string;
  readonly documents: number;
  readonly rules: RuleTally[];
  /** Documents whose timeline allows the measures, and how many of them the product gets within the tolerance. */
  readonly times: { readonly documents: number; readonly within: number };
}

function ruleValue(rule: string, measure: (t: RuleTally) => number | undefined): (part: PartScore) => number | undefined {
  return (part) => {
    const t = part.rules.find((r) => r.rule === rule);
    return t ? measure(t) : undefined;
  };
}

export const TARGETS: readonly Target[] = [
  { label: 'PM001 precision (structural findings right)', min: 0.9, value: ruleValue('PM001', precision) },
  { label: 'PM001 recall (truly missing sections kept)', min: 0.9, value: ruleValue('PM001', recall) },
  { label: 'RB001 precision (structural findings right)', min: 0.9, value: ruleValue('RB001', precision) },
  { label: 'RB001 recall (truly missing sections kept)', min: 0.9, value: ruleValue('RB001', recall) },
  { label: 'PM010 precision', min: 0.8, value: ruleValue('PM010', precision) },
  { label: 'Times to detect/recover within tolerance', min: 0.8, value: (part) => ratio(part.times.within, part.times.documents) },
];

/** Whether a part meets a target; a value that cannot be computed does not (a rule that never fires is not right). */
export function meets(target: Target, part: PartScore): boolean {
  const v = target.value(part);
  return v !== undefined && v >= target.min;
}

/** A profile section as the judge needs it. */
export interface SectionName {
  readonly id: string;
  readonly title: string;
  readonly synonyms: readonly string[];
}

/**
 * The id of the section a missing-section message names (`Missing required section "Root Cause".`):
 * the first quoted name, compared with the sections' titles and synonyms, case and spacing ignored.
 */
export function sectionFromMessage(message: string, sections: readonly SectionName[]): string | undefined {
  const quoted = /"([^"]+)"/.exec(message);
  if (!quoted) return undefined;
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const name = norm(quoted[1]);
  return sections.find((s) => norm(s.title) === name || s.synonyms.some((x) => norm(x) === name))?.id;
}

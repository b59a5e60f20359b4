// The judged set's labels (test/judged/labels.yaml): read, typed and checked. Used by scripts/judge.mjs and the tests.
import { parse } from 'yaml';

/** The document kinds the judged set lints documents as. */
export type JudgedKind = 'postmortem' | 'runbook';

/** How a finding of a rule is identified in the labels. */
export type KeyKind = 'section' | 'line' | 'document';

/** Rules whose findings name a missing section of the profile. */
const SECTION_RULES: ReadonlySet<string> = new Set(['PM001', 'RB001']);
/** Rules that report once per document. */
const DOCUMENT_RULES: ReadonlySet<string> = new Set(['PM006', 'PM010', 'PM011']);

/** The key a finding of `ruleId` is matched by: a section id, a line, or nothing (once per document). */
export function keyKind(ruleId: string): KeyKind {
  if (SECTION_RULES.has(ruleId)) return 'section';
  if (DOCUMENT_RULES.has(ruleId)) return 'document';
  return 'line';
}

/** One labelled finding. */
export interface Label {
  readonly rule: string;
  /** The id of the missing section (section rules). */
  readonly section?: string;
  /** The 1-based first line of the item or entry (line rules). */
  readonly line?: number;
  /** The 1-based last line, when the item spans several lines. */
  readonly to?: number;
  readonly why: string;
}

/** Hand-computed measures, in minutes; null when the timeline does not give that one. */
export interface JudgedTimes {
  readonly detect: number | null;
  readonly recover: number | null;
  readonly start?: string;
  readonly detection?: string;
  readonly recovery?: string;
}

/** One document of the judged set. */
export interface JudgedDocument {
  readonly path: string;
  readonly kind: JudgedKind;
  readonly profile: string;
  readonly holdout: boolean;
  readonly rules: readonly string[];
  readonly expected: readonly Label[];
  readonly debatable: readonly Label[];
  /** Undefined: the document has no timeline; 'unreadable': it has one that does not allow the measures. */
  readonly times: JudgedTimes | 'unreadable' | undefined;
  readonly timesNote?: string;
}

/** The labels file's contents, or the reasons it could not be read. */
export interface ParsedLabels {
  readonly documents: JudgedDocument[];
  readonly errors: string[];
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLine = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1;
const isMinutes = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0);

/** Reads the labels file's text. Errors name the document and the field, so the file can be fixed. */
export function parseLabels(text: string): ParsedLabels {
  const errors: string[] = [];
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    return { documents: [], errors: [`The labels file is not valid YAML: ${(e as Error).message}`] };
  }
  if (!isObject(data) || !Array.isArray(data.documents)) {
    return { documents: [], errors: ['The labels file needs a top-level "documents:" list.'] };
  }
  const documents: JudgedDocument[] = [];
  data.documents.forEach((raw: unknown, i: number) => {
    const where = isObject(raw) && typeof raw.path === 'string' ? raw.path : `document ${i + 1}`;
    const problem = (m: string) => errors.push(`${where}: ${m}`);
    if (!isObject(raw)) return problem('is not a mapping.');
    if (typeof raw.path !== 'string' || !raw.path) problem('"path" must be a path relative to the corpus root.');
    if (raw.kind !== 'postmortem' && raw.kind !== 'runbook') problem('"kind" must be postmortem or runbook.');
    if (typeof raw.profile !== 'string') problem('"profile" must name a built-in profile.');
    if (typeof raw.holdout !== 'boolean') problem('"holdout" must be true or false.');
    if (!Array.isArray(raw.rules) || raw.rules.length === 0 || !raw.rules.every((r) => typeof r === 'string')) problem('"rules" must list the judged rule ids.');
    const rules = Array.isArray(raw.rules) ? raw.rules.filter((r): r is string => typeof r === 'string') : [];
    const labels = (field: 'expected' | 'debatable'): Label[] => {
      const list = raw[field] ?? [];
      if (!Array.isArray(list)) {
        problem(`"${field}" must be a list.`);
        return [];
      }
      const out: Label[] = [];
      list.forEach((l: unknown, j: number) => {
        const at = `${field}[${j}]`;
        if (!isObject(l) || typeof l.rule !== 'string') return problem(`${at} needs a "rule".`);
        if (typeof l.why !== 'string' || !l.why.trim()) problem(`${at} (${l.rule}) needs a "why".`);
        if (!rules.includes(l.rule)) problem(`${at}: ${l.rule} is not among the document's judged "rules".`);
        const kind = keyKind(l.rule);
        if (kind === 'section' && typeof l.section !== 'string') problem(`${at}: ${l.rule} needs "section" (the profile's section id).`);
        if (kind === 'line' && !isLine(l.line)) problem(`${at}: ${l.rule} needs "line" (1-based).`);
        if (l.to !== undefined && (!isLine(l.to) || !isLine(l.line) || l.to < l.line)) problem(`${at}: "to" must be a line at or after "line".`);
        if (kind === 'document' && (l.line !== undefined || l.section !== undefined)) problem(`${at}: ${l.rule} is judged once per document; give no line or section.`);
        out.push({
          rule: l.rule,
          why: typeof l.why === 'string' ? l.why : '',
          ...(typeof l.section === 'string' ? { section: l.section } : {}),
          ...(isLine(l.line) ? { line: l.line } : {}),
          ...(isLine(l.to) ? { to: l.to } : {}),
        });
      });
      return out;
    };
    const expected = labels('expected');
    const debatable = labels('debatable');
    let times: JudgedDocument['times'];
    if (raw.times === 'unreadable') {
      times = 'unreadable';
      if (typeof raw.timesNote !== 'string') problem('"times: unreadable" needs a "timesNote" saying why.');
    } else if (raw.times !== undefined) {
      const t = raw.times;
      if (!isObject(t) || !isMinutes(t.detect) || !isMinutes(t.recover) || (t.detect === null && t.recover === null)) {
        problem('"times" must be "unreadable" or give "detect" and "recover" in minutes (null for one the timeline does not give).');
      } else {
        times = { detect: t.detect, recover: t.recover, start: str(t.start), detection: str(t.detection), recovery: str(t.recovery) };
        if (raw.kind !== 'postmortem') problem('"times" apply to postmortems only.');
      }
    }
    documents.push({
      path: String(raw.path ?? ''),
      kind: raw.kind === 'runbook' ? 'runbook' : 'postmortem',
      profile: String(raw.profile ?? ''),
      holdout: raw.holdout === true,
      rules,
      expected,
      debatable,
      times,
      ...(typeof raw.timesNote === 'string' ? { timesNote: raw.timesNote } : {}),
    });
  });
  const seen = new Set<string>();
  for (const d of documents) {
    if (seen.has(d.path)) errors.push(`${d.path}: listed twice.`);
    seen.add(d.path);
  }
  return { documents, errors };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** What checking the labels against the corpus, the profiles and the rules needs to know. */
export interface LabelsEnvironment {
  /** The number of lines of the corpus file, or undefined when it does not exist. */
  lineCount(path: string): number | undefined;
  /** The section ids the profile gives documents of `kind`, or undefined when there is no such profile. */
  sectionIds(profile: string, kind: JudgedKind): readonly string[] | undefined;
  /** The ids of the linter's rules. */
  readonly ruleIds: ReadonlySet<string>;
  /** The paths that must be (exactly) the hold-out part. */
  readonly holdout: readonly string[];
}

/** Checks that every label points at something real: files, lines, profiles, sections, rules, the hold-out part. */
export function checkLabels(documents: readonly JudgedDocument[], env: LabelsEnvironment): string[] {
  const errors: string[] = [];
  for (const d of documents) {
    const problem = (m: string) => errors.push(`${d.path}: ${m}`);
    const lines = env.lineCount(d.path);
    if (lines === undefined) problem('no such file in the corpus.');
    const sections = env.sectionIds(d.profile, d.kind);
    if (!sections) problem(`"${d.profile}" is not a built-in profile with ${d.kind}s.`);
    for (const r of d.rules) if (!env.ruleIds.has(r)) problem(`${r} is not a rule of the linter.`);
    for (const l of [...d.expected, ...d.debatable]) {
      if (l.section !== undefined && sections && !sections.includes(l.section)) problem(`${l.rule}: "${l.section}" is not a section of ${d.profile}'s ${d.kind}s (${sections.join(', ')}).`);
      if (lines !== undefined && (l.to ?? l.line ?? 0) > lines) problem(`${l.rule}: line ${l.to ?? l.line} is past the end of the file (${lines} lines).`);
    }
  }
  const marked = documents.filter((d) => d.holdout).map((d) => d.path).sort();
  const wanted = [...env.holdout].sort();
  if (marked.join('\n') !== wanted.join('\n')) {
    errors.push(`The hold-out part must be exactly ${wanted.join(', ')}; marked: ${marked.join(', ') || 'none'}.`);
  }
  return errors;
}

/** The hold-out part of issue #17: never used to tune a rule (shared with the other helpers). */
export const HOLDOUT_PATHS: readonly string[] = [
  'postmortems/kubernetes-test-infra-2019-05-30-prow-flakiness.md',
  'postmortems/opensuse-obs-2025-10-15-service-degradation.md',
  'postmortems/rust-lang-2023-07-20-crates-io-broken-downloads.md',
  'postmortems/usdr-univaf-2021-06-29-broken-deploys.md',
  'runbooks/openshift-etcdmembersdown.md',
];

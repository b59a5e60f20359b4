// The lint computer: document text + profile → findings. Pure, shared by the editor and the CLI.
import { documentIncludes, parseMarkdown, type MarkdownDocument } from '../markdown/model';
import type { DocumentKind, FindingSeverity, Profile } from '../profiles/types';
import { ALL_RULES, OFF_BY_DEFAULT, type Finding, type Rule, type RuleReport } from '../rules';
import type { SloDefinition } from '../slo/types';
import type { WorkspaceFacts } from '../rules/postmortemRequired';
import { readDisableComments } from './disableComments';
import { kindFromContent, kindFromPathWords, kindFromProfileFolders } from './documentKind';

/** The result of linting one document. */
export interface LintResult {
  readonly kind: DocumentKind;
  /** Sorted by line, then character, then rule id. */
  readonly findings: readonly Finding[];
}

/** The effective severity of `rule` under `profile`, or `off`. */
export function ruleLevel(rule: Rule, profile: Profile): FindingSeverity | 'off' {
  return profile.rules[rule.id] ?? (OFF_BY_DEFAULT.has(rule.id) ? 'off' : rule.defaultSeverity);
}

/** What rules may need beyond the document and the profile. */
export interface LintOptions {
  /** The workspace's SLOs (for PM015). */
  readonly slos?: readonly SloDefinition[];
  /** The document's workspace-relative path. */
  readonly path?: string;
  /** True when the workspace has no SLO file (for PM016); undefined when not known. */
  readonly sloFileMissing?: boolean;
  /** The workspace's other documents (for IN001); undefined when not known. */
  readonly workspace?: WorkspaceFacts;
}

/** Lints an already parsed document as `kind` under `profile`. */
export function lintModel(
  doc: MarkdownDocument,
  kind: DocumentKind,
  profile: Profile,
  options: LintOptions = {},
  rules: readonly Rule[] = ALL_RULES,
): LintResult {
  // Most documents have no disable comment: one search of the text instead of one per line.
  const disabled = documentIncludes(doc, 'incident-workbench-') ? readDisableComments(doc.lines) : () => false;
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!rule.kinds.includes(kind)) continue;
    const level = ruleLevel(rule, profile);
    if (level === 'off') continue;
    const kept = rule
      .check({ doc, kind, profile, ...options })
      .filter((report) => !disabled(rule.id, report.range.start.line));
    for (const report of capReports(rule.id, kept)) {
      findings.push({ ruleId: rule.id, severity: level, message: report.message, range: report.range });
    }
  }
  findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.ruleId.localeCompare(b.ruleId),
  );
  return { kind, findings };
}

/** The most findings one rule reports in one document; the rest are counted in one more finding. */
export const MAX_FINDINGS_PER_RULE = 50;

/**
 * Keeps the first `MAX_FINDINGS_PER_RULE` of a rule's reports (in document order) and replaces the
 * rest with one report, at the first left-out report's place, saying how many were left out.
 */
function capReports(ruleId: string, reports: readonly RuleReport[]): readonly RuleReport[] {
  if (reports.length <= MAX_FINDINGS_PER_RULE) return reports;
  const sorted = [...reports].sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  const more = sorted.length - MAX_FINDINGS_PER_RULE;
  const summary: RuleReport = {
    message: `… and ${String(more).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} more ${ruleId} ${more === 1 ? 'finding' : 'findings'} in this document, not listed (at most ${MAX_FINDINGS_PER_RULE} per rule).`,
    range: sorted[MAX_FINDINGS_PER_RULE].range,
  };
  return [...sorted.slice(0, MAX_FINDINGS_PER_RULE), summary];
}

/** Parses and lints `text` as `kind` under `profile`. */
export function lintText(text: string, kind: DocumentKind, profile: Profile, options: LintOptions = {}): LintResult {
  return lintModel(parseMarkdown(text), kind, profile, options);
}

/**
 * Lints the workspace file at `relativePath` if the profile's folders make it an incident
 * document; undefined otherwise. This is what the editor shows for a file.
 */
export function lintWorkspaceFile(
  relativePath: string,
  text: string,
  profile: Profile,
  options: LintOptions = {},
): LintResult | undefined {
  if (!kindFromProfileFolders(relativePath, profile)) return undefined;
  const doc = parseMarkdown(text);
  const kind = kindFromProfileFolders(relativePath, profile, doc) as DocumentKind;
  return lintModel(doc, kind, profile, { path: relativePath, ...options });
}

/**
 * Lints a file named explicitly (the CLI's arguments): always linted, its kind forced, else
 * from the profile's folders, else from words in its path, else from its content, else postmortem.
 */
export function lintNamedFile(
  path: string,
  text: string,
  profile: Profile,
  forced?: DocumentKind,
  options: LintOptions = {},
): LintResult {
  const doc = parseMarkdown(text);
  const kind =
    forced ??
    kindFromProfileFolders(path, profile, doc) ??
    kindFromPathWords(path) ??
    kindFromContent(doc, profile) ??
    'postmortem';
  return lintModel(doc, kind, profile, { path, ...options });
}

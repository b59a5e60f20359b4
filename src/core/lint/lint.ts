// The lint computer: document text + profile → findings. Pure, shared by the editor and the CLI.
import { parseMarkdown, type MarkdownDocument } from '../markdown/model';
import type { DocumentKind, FindingSeverity, Profile } from '../profiles/types';
import { ALL_RULES, type Finding, type Rule } from '../rules';
import { readDisableComments } from './disableComments';

/** The result of linting one document. */
export interface LintResult {
  readonly kind: DocumentKind;
  /** Sorted by line, then character, then rule id. */
  readonly findings: readonly Finding[];
}

/** The effective severity of `rule` under `profile`, or `off`. */
export function ruleLevel(rule: Rule, profile: Profile): FindingSeverity | 'off' {
  return profile.rules[rule.id] ?? rule.defaultSeverity;
}

/** Lints an already parsed document as `kind` under `profile`. */
export function lintModel(doc: MarkdownDocument, kind: DocumentKind, profile: Profile, rules: readonly Rule[] = ALL_RULES): LintResult {
  const disabled = readDisableComments(doc.lines);
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!rule.kinds.includes(kind)) continue;
    const level = ruleLevel(rule, profile);
    if (level === 'off') continue;
    for (const report of rule.check({ doc, kind, profile })) {
      if (disabled(rule.id, report.range.start.line)) continue;
      findings.push({ ruleId: rule.id, severity: level, message: report.message, range: report.range });
    }
  }
  findings.sort((a, b) =>
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.ruleId.localeCompare(b.ruleId));
  return { kind, findings };
}

/** Parses and lints `text` as `kind` under `profile`. */
export function lintText(text: string, kind: DocumentKind, profile: Profile): LintResult {
  return lintModel(parseMarkdown(text), kind, profile);
}

// The server's findings for one document: core's lint for incident documents, core's tag rules for code, a note for a file over the size limit.
import type { Diagnostic } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE, Settings } from '../constants';
import { splitByBaseline } from '../core/lint/baseline';
import { lintModel } from '../core/lint/lint';
import { splitLines } from '../core/markdown/model';
import type { Finding, Rule } from '../core/rules/types';
import { ALL_RULES } from '../core/rules';
import { formatSize } from '../core/sizeLimit';
import { findTagsInFile, tagFindings } from '../core/tags';
import type { DocumentEntry, WorkspaceModel } from './WorkspaceModel';

/** What computing findings needs besides the model. */
export interface FindingsOptions {
  /** The rules to run (all of core's by default). */
  readonly rules?: readonly Rule[];
  /** Milliseconds since 1970 (for IN001's deadline). */
  readonly now: number;
  /** Whether the findings are still wanted (false once a newer version arrived): checked before the lint runs. */
  readonly wanted?: () => boolean;
}

/** What linting one document gave. */
export type DocumentFindings =
  | { readonly status: 'linted'; readonly findings: readonly Finding[] }
  | { readonly status: 'tooLarge'; readonly size: number; readonly limit: number }
  | { readonly status: 'notLinted' }
  /** `wanted` said no: the document changed while the workspace facts were gathered, and nothing was linted. */
  | { readonly status: 'outdated' };

/** The findings of `entry`: lint for incident documents, TG001/TG002 for tagged code, nothing for other files. */
export async function documentFindings(
  model: WorkspaceModel,
  entry: DocumentEntry,
  options: FindingsOptions,
): Promise<DocumentFindings> {
  if (entry.tooLarge) return { status: 'tooLarge', ...entry.tooLarge };
  if (entry.relativePath === undefined) return { status: 'notLinted' };
  if (entry.doc && entry.kind) {
    const lintOptions = await model.lintOptions(options.now, entry.kind);
    if (options.wanted && !options.wanted()) return { status: 'outdated' };
    const result = lintModel(
      entry.doc,
      entry.kind,
      model.profile,
      { path: entry.relativePath, ...lintOptions },
      options.rules ?? ALL_RULES,
    );
    return { status: 'linted', findings: result.findings };
  }
  if (entry.doc) return { status: 'notLinted' };
  const scan = findTagsInFile(entry.relativePath, entry.text, model.languageIdOf(entry.path));
  if (scan.tags.length === 0 && scan.problems.length === 0) return { status: 'linted', findings: [] };
  return { status: 'linted', findings: tagFindings(scan, await model.incidentRefs(), model.profile) };
}

/** The findings of `entry` that the baseline named in the settings holds; undefined without a baseline. */
export function baselined(
  model: WorkspaceModel,
  entry: DocumentEntry,
  findings: readonly Finding[],
): ReadonlySet<Finding> | undefined {
  const baseline = model.baseline;
  if (!baseline || entry.relativePath === undefined) return undefined;
  const { baselined: old } = splitByBaseline(baseline, [
    { path: entry.relativePath, lines: splitLines(entry.text), findings },
  ]);
  return new Set(old.get(entry.relativePath));
}

/** Where a rule's documentation is: a link for `codeDescription.href`, or undefined when none is known. */
export type RuleDocumentation = (ruleId: string) => string | undefined;

/**
 * A finding as a protocol diagnostic: the rule id as its code, its documentation page as the code's link;
 * a finding the baseline holds is a hint (it was there before the team adopted the tool).
 */
export function toDiagnostic(finding: Finding, ruleDocumentation: RuleDocumentation, baselined = false): Diagnostic {
  const href = ruleDocumentation(finding.ruleId);
  return {
    range: finding.range,
    severity: baselined ? 4 : finding.severity === 'error' ? 1 : finding.severity === 'warning' ? 2 : 3,
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
}

/** The one note a document over the size limit gets, at its first line (no code: no quick fix applies). */
export function tooLargeDiagnostic(size: number, limit: number): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 3,
    source: DIAGNOSTIC_SOURCE,
    message: `Incident Workbench did not lint this document: it is ${formatSize(size)}, more than the ${formatSize(limit)} limit. Raise the setting "${Settings.section}.${Settings.diagnosticsMaxFileSize}" (the language server's initialization option "maxFileSize") to lint it.`,
  };
}

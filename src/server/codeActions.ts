// Core's quick fixes for the findings a client asks about, as protocol code actions carrying WorkspaceEdits.
import type { CodeAction, Diagnostic, Range, WorkspaceEdit } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE } from '../constants';
import { fixesForFile, type Fix } from '../core/fixes/fixes';
import { assertSafeRelativePath } from '../core/templates/paths';
import type { DocumentEntry, WorkspaceModel } from './WorkspaceModel';
import { toDiagnostic, type RuleDocumentation } from './diagnostics';
import { joinPath, pathToUri } from './uri';

/** What the client can apply. */
export interface EditSupport {
  /** `documentChanges` (versioned edits) rather than `changes`. */
  readonly documentChanges: boolean;
  /** Creating files in an edit (`resourceOperations` includes `create`). */
  readonly createFiles: boolean;
}

/** What computing code actions needs. */
export interface CodeActionInput {
  readonly uri: string;
  /** The editor's version of the open document, when known. */
  readonly version: number | undefined;
  readonly range: Range;
  /** The diagnostics the client sent; ours (by source) select the findings. None: every finding touching `range`. */
  readonly diagnostics: readonly Diagnostic[];
  readonly today: string;
  readonly now: number;
  readonly support: EditSupport;
  readonly ruleDocumentation: RuleDocumentation;
}

/** The quick fixes of the findings under the cursor, preferred first; disabling a rule comes last. */
export async function codeActions(
  model: WorkspaceModel,
  entry: DocumentEntry,
  input: CodeActionInput,
): Promise<CodeAction[]> {
  if (!entry.kind || entry.relativePath === undefined || entry.tooLarge) return [];
  const ours = input.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.code !== undefined);
  // Two findings of one rule can start at the same place (two sections missing at the end): the message tells them apart.
  const key = (ruleId: string, line: number, character: number, message: string) =>
    `${ruleId}@${line}:${character} ${message}`;
  const wanted = new Map(
    ours.map((d) => [key(String(d.code), d.range.start.line, d.range.start.character, d.message), d]),
  );
  const lintOptions = await model.lintOptions(input.now);
  const results = fixesForFile(
    entry.relativePath,
    entry.text,
    model.profile,
    input.today,
    (f) =>
      ours.length > 0
        ? wanted.has(key(f.ruleId, f.range.start.line, f.range.start.character, f.message))
        : touches(f.range, input.range),
    lintOptions,
  );
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const { finding, fixes } of results) {
    const diagnostic =
      wanted.get(key(finding.ruleId, finding.range.start.line, finding.range.start.character, finding.message)) ??
      toDiagnostic(finding, input.ruleDocumentation);
    for (const fix of fixes) {
      // Several findings can share a fix (disable PM001 for the file); offer it once.
      if (seen.has(fix.title)) continue;
      const edit = await toWorkspaceEdit(model, input, fix);
      if (!edit) continue;
      seen.add(fix.title);
      actions.push({
        title: fix.title,
        kind: 'quickfix',
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit,
      });
    }
  }
  return actions.sort((a, b) => Number(b.isPreferred ?? false) - Number(a.isPreferred ?? false));
}

/** The fix as an edit of the document (and a new file, where the client can create one that does not exist yet). */
async function toWorkspaceEdit(
  model: WorkspaceModel,
  input: CodeActionInput,
  fix: Fix,
): Promise<WorkspaceEdit | undefined> {
  const edits = fix.edits.map((e) => ({ range: e.range, newText: e.newText }));
  if (fix.createFile) {
    if (!input.support.createFiles || !input.support.documentChanges || !model.root) return undefined;
    // A path core computed, checked to be a plain relative path inside the workspace; never over an existing file.
    assertSafeRelativePath(fix.createFile.path);
    const target = joinPath(model.root, fix.createFile.path);
    if (await model.exists(target)) return undefined;
    const uri = pathToUri(target);
    const zero = { line: 0, character: 0 };
    return {
      documentChanges: [
        { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } },
        {
          textDocument: { uri, version: null },
          edits: [{ range: { start: zero, end: zero }, newText: fix.createFile.text }],
        },
        ...(edits.length > 0 ? [{ textDocument: { uri: input.uri, version: input.version ?? null }, edits }] : []),
      ],
    };
  }
  if (edits.length === 0) return undefined;
  if (input.support.documentChanges)
    return { documentChanges: [{ textDocument: { uri: input.uri, version: input.version ?? null }, edits }] };
  return { changes: { [input.uri]: edits } };
}

function touches(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

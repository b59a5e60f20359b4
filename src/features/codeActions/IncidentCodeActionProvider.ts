// Offers core's fixes for the findings under the cursor as quick fixes, applied through an undoable WorkspaceEdit.
import * as vscode from 'vscode';
import { assertSafeRelativePath, fixesForFile, type Fix, type FindingFixes, type Profile } from '../../core';
import { DIAGNOSTIC_SOURCE } from '../../constants';
import { toVsRange } from '../shared/convert';
import { workspaceRelativePath, type ProfileSource } from '../shared/profileSettings';

/** Quick fixes for Incident Workbench diagnostics. */
export class IncidentCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  /** The fixes of every finding of the last document asked about: VS Code asks again on each cursor move. */
  private last:
    | {
        uri: string;
        version: number;
        profile: Profile;
        today: string;
        sloFileMissing: boolean;
        results: FindingFixes[];
      }
    | undefined;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly profiles: ProfileSource,
    /** Documents the language server gives the fixes of (the findings are its own); none without a server. */
    private readonly servedByServer: (uri: vscode.Uri) => boolean = () => false,
  ) {}

  /** Lints once per document version (and profile and day), not once per request. */
  private fixesOf(document: vscode.TextDocument, relativePath: string, sloFileMissing: boolean): FindingFixes[] {
    const profile = this.profiles.profileFor(document.uri);
    const today = new Date().toISOString().slice(0, 10);
    const uri = document.uri.toString();
    const l = this.last;
    if (
      l &&
      l.uri === uri &&
      l.version === document.version &&
      l.profile === profile &&
      l.today === today &&
      l.sloFileMissing === sloFileMissing
    )
      return l.results;
    const results = fixesForFile(relativePath, document.getText(), profile, today, () => true, { sloFileMissing });
    this.last = { uri, version: document.version, profile, today, sloFileMissing, results };
    return results;
  }

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    const relativePath = workspaceRelativePath(document.uri);
    if (ours.length === 0 || relativePath === undefined || this.servedByServer(document.uri)) return [];
    const key = (ruleId: string, line: number, character: number) => `${ruleId}@${line}:${character}`;
    const wanted = new Map(ours.map((d) => [key(codeOf(d), d.range.start.line, d.range.start.character), d]));
    try {
      // PM016 is only reported when the workspace has no slo.yaml: its diagnostic says so.
      const sloFileMissing = ours.some((d) => codeOf(d) === 'PM016');
      const results = this.fixesOf(document, relativePath, sloFileMissing).filter(({ finding: f }) =>
        wanted.has(key(f.ruleId, f.range.start.line, f.range.start.character)),
      );
      const actions: vscode.CodeAction[] = [];
      const seen = new Set<string>();
      for (const { finding, fixes } of results) {
        const diagnostic = wanted.get(key(finding.ruleId, finding.range.start.line, finding.range.start.character));
        for (const fix of fixes) {
          // Several findings can share a fix (disable PM001 for the file); offer it once.
          if (seen.has(fix.title)) continue;
          seen.add(fix.title);
          actions.push(this.toAction(document, fix, diagnostic));
        }
      }
      return actions.sort((a, b) => Number(b.isPreferred ?? false) - Number(a.isPreferred ?? false));
    } catch (e) {
      this.log.error(
        `Computing quick fixes for ${document.uri.fsPath} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
      return [];
    }
  }

  private toAction(
    document: vscode.TextDocument,
    fix: Fix,
    diagnostic: vscode.Diagnostic | undefined,
  ): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    const edit = new vscode.WorkspaceEdit();
    for (const e of fix.edits) edit.replace(document.uri, toVsRange(e.range), e.newText);
    const folder = fix.createFile ? vscode.workspace.getWorkspaceFolder(document.uri) : undefined;
    if (fix.createFile && folder) {
      // A path core computed, checked to be a plain relative path inside the folder; an existing file is left as it is.
      assertSafeRelativePath(fix.createFile.path);
      const target = vscode.Uri.joinPath(folder.uri, ...fix.createFile.path.split('/'));
      edit.createFile(target, { ignoreIfExists: true, contents: new TextEncoder().encode(fix.createFile.text) });
    }
    action.edit = edit;
    action.isPreferred = fix.preferred;
    if (diagnostic) action.diagnostics = [diagnostic];
    return action;
  }
}

function codeOf(d: vscode.Diagnostic): string {
  const code = d.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code ?? '');
}

export function register(
  _context: vscode.ExtensionContext,
  deps: {
    log: vscode.LogOutputChannel;
    profiles: ProfileSource;
    /** Documents the language server gives the fixes of. */
    servedByServer?: (uri: vscode.Uri) => boolean;
  },
): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    { language: 'markdown' },
    new IncidentCodeActionProvider(deps.log, deps.profiles, deps.servedByServer),
    IncidentCodeActionProvider.metadata,
  );
}

// Registers the diagnostics feature and the "Lint All Incident Documents" command.
import * as vscode from 'vscode';
import { Commands } from '../../constants';
import { DiagnosticsManager, type DiagnosticsDeps } from './DiagnosticsManager';
import { plural } from '../../core/text';
import type { WorkspaceDocuments } from '../shared/WorkspaceDocuments';

/** Files never searched when linting the whole workspace. */
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**}';

export function register(_context: vscode.ExtensionContext, deps: DiagnosticsDeps): vscode.Disposable {
  const manager = new DiagnosticsManager(deps);
  const command = vscode.commands.registerCommand(Commands.lintWorkspace, () =>
    lintWorkspace(manager, deps.documents, deps.log),
  );
  return vscode.Disposable.from(manager, command);
}

async function lintWorkspace(
  manager: DiagnosticsManager,
  documents: WorkspaceDocuments,
  log: vscode.LogOutputChannel,
): Promise<{ files: number; errors: number; warnings: number }> {
  const totals = { files: 0, errors: 0, warnings: 0 };
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to lint its incident documents.'));
    return totals;
  }
  await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Linting incident documents'),
      cancellable: true,
    },
    async (progress, token) => {
      const uris = (await vscode.workspace.findFiles('**/*.{md,markdown}', EXCLUDE, undefined, token)).filter((u) =>
        manager.classify(u),
      );
      for (const [index, uri] of uris.entries()) {
        if (token.isCancellationRequested) break;
        progress.report({ message: vscode.l10n.t('{0} of {1}', index + 1, uris.length), increment: 100 / uris.length });
        try {
          // The layer reads it (unsaved edits win over what is on disk); the manager lints what it read.
          const document = await documents.read(uri);
          const findings = manager.publish(uri, () => document) ?? [];
          totals.files++;
          totals.errors += findings.filter((f) => f.severity === 'error').length;
          totals.warnings += findings.filter((f) => f.severity === 'warning').length;
        } catch (e) {
          log.error(`Could not lint ${uri.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    },
  );
  log.info(
    `Linted ${plural(totals.files, 'incident document')}: ${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')}.`,
  );
  const summary = vscode.l10n.t(
    'Linted {0}: {1}, {2}.',
    totals.files === 1 ? vscode.l10n.t('1 incident document') : vscode.l10n.t('{0} incident documents', totals.files),
    totals.errors === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', totals.errors),
    totals.warnings === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', totals.warnings),
  );
  const showProblems = vscode.l10n.t('Show Problems');
  const action = totals.errors + totals.warnings > 0 ? showProblems : undefined;
  void vscode.window.showInformationMessage(summary, ...(action ? [action] : [])).then((choice) => {
    if (choice === showProblems) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return totals;
}

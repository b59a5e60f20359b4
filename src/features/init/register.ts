// "Incident: Create Configuration from Existing Documents": proposes .incident-workbench.yaml from the workspace's documents.
import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES } from '../../core/config/types';
import { proposeConfig, type InitDocument } from '../../core/init/init';
import { Commands } from '../../constants';
import { fileExists } from '../shared/readTextFile';
import type { WorkspaceDocuments } from '../shared/WorkspaceDocuments';

/** At most this many Markdown files are read. */
const MAX_FILES = 2000;

/** What the command did, for tests: the proposed YAML and where it went. */
export interface CreateConfigResult {
  readonly yaml?: string;
  readonly written?: vscode.Uri;
}

export function register(documents: WorkspaceDocuments): vscode.Disposable {
  return vscode.commands.registerCommand(
    Commands.createConfigFromDocuments,
    async (options?: { folder?: vscode.Uri; write?: boolean }): Promise<CreateConfigResult> => {
      const folder = options?.folder
        ? vscode.workspace.getWorkspaceFolder(options.folder)
        : vscode.workspace.workspaceFolders?.length === 1
          ? vscode.workspace.workspaceFolders[0]
          : await vscode.window.showWorkspaceFolderPick({
              placeHolder: vscode.l10n.t('Choose the folder whose documents to read'),
            });
      if (!folder) return {};
      for (const name of CONFIG_FILE_NAMES) {
        const uri = vscode.Uri.joinPath(folder.uri, name);
        if (await fileExists(uri)) {
          void vscode.window.showInformationMessage(
            vscode.l10n.t('{0} already exists in {1}; it is never overwritten.', name, folder.name),
          );
          return {};
        }
      }
      const found = await readDocuments(folder, documents);
      let proposal;
      try {
        proposal = proposeConfig(found);
      } catch (e) {
        void vscode.window.showErrorMessage(
          vscode.l10n.t(
            'Could not propose a configuration for {0}: {1}',
            folder.name,
            e instanceof Error ? e.message : String(e),
          ),
        );
        return {};
      }
      if (proposal.kinds.length === 0) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t(
            'No postmortem or runbook was found in {0}; there is nothing to propose a configuration from.',
            folder.name,
          ),
        );
        return {};
      }
      const target = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAMES[0]);
      const write = vscode.l10n.t('Write {0}', CONFIG_FILE_NAMES[0]);
      const draft = vscode.l10n.t('Open as Draft');
      const choice =
        options?.write === undefined
          ? await vscode.window.showInformationMessage(
              vscode.l10n.t(
                'Extending the {0} profile, the proposed configuration has {1} missing-section findings where {0} alone has {2}.',
                proposal.base.name,
                proposal.after,
                proposal.before,
              ),
              { modal: true },
              write,
              draft,
            )
          : options.write
            ? write
            : draft;
      if (choice === write) {
        const edit = new vscode.WorkspaceEdit();
        // Never overwrites: a file created meanwhile is left alone.
        edit.createFile(target, {
          overwrite: false,
          ignoreIfExists: true,
          contents: new TextEncoder().encode(proposal.yaml),
        });
        await vscode.workspace.applyEdit(edit);
        if (options?.write === undefined) await vscode.window.showTextDocument(target);
        return { yaml: proposal.yaml, written: target };
      }
      if (choice === draft) {
        const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: proposal.yaml });
        await vscode.window.showTextDocument(doc);
      }
      return { yaml: proposal.yaml };
    },
  );
}

/** The folder's Markdown files (dependencies and build output left out), with paths relative to it. */
async function readDocuments(folder: vscode.WorkspaceFolder, documents: WorkspaceDocuments): Promise<InitDocument[]> {
  const uris = await vscode.workspace.findFiles(
    new vscode.RelativePattern(folder, '**/*.{md,markdown}'),
    '{**/node_modules/**,**/.git/**,**/out/**,**/dist/**}',
    MAX_FILES,
  );
  const out: InitDocument[] = [];
  for (const uri of uris) {
    // Unreadable and over-the-limit files are passed over: no incident document is that long.
    const document = await documents.read(uri);
    if (document) out.push({ path: document.path, text: document.text });
  }
  return out;
}

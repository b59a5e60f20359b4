// Lists the postmortems of a workspace folder with their incident summaries, from the workspace-document layer (unsaved edits win).
import * as vscode from 'vscode';
import { kindFromProfileFolders, type Profile } from '../../core';
import type { IncidentSummary } from '../../core/incident/summary';
import { workspaceRelativePath } from '../shared/profileSettings';
import type { WorkspaceDocuments } from '../shared/WorkspaceDocuments';

/** Files never searched for postmortems. */
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**}';

/** The postmortems of `folder` under `profile`, summarised, in path order. */
export async function workspaceIncidents(
  folder: vscode.WorkspaceFolder,
  profile: Profile,
  documents: WorkspaceDocuments,
  token?: vscode.CancellationToken,
): Promise<IncidentSummary[]> {
  const uris = await vscode.workspace.findFiles(
    new vscode.RelativePattern(folder, '**/*.{md,markdown}'),
    EXCLUDE,
    undefined,
    token,
  );
  const out: IncidentSummary[] = [];
  for (const uri of uris) {
    const relative = workspaceRelativePath(uri);
    if (!relative || !kindFromProfileFolders(relative, profile)) continue;
    const summary = (await documents.read(uri))?.summary;
    if (summary?.kind === 'postmortem') out.push(summary);
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** The workspace folder a command acts on: `uri`'s, else the active editor's, else the only one, else one the user picks. */
export async function pickFolder(uri?: vscode.Uri): Promise<vscode.WorkspaceFolder | undefined> {
  const from = uri ?? vscode.window.activeTextEditor?.document.uri;
  const folder = from ? vscode.workspace.getWorkspaceFolder(from) : undefined;
  if (folder) return folder;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Choose the workspace folder') });
}

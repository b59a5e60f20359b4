// The web extension's services take the same paths as the Node ones (a workspace folder's fsPath); here they become
// URIs again, on whatever file-system provider serves the folder (vscode-remote, vscode-vfs, memfs, file).
import * as vscode from 'vscode';

/** The URI of the workspace folder whose path is `root`; an error naming it when no open folder is there. */
export function folderUri(root: string): vscode.Uri {
  const folder = (vscode.workspace.workspaceFolders ?? []).find((f) => f.uri.fsPath === root || f.uri.path === root);
  if (!folder) throw new Error(`${root} is not an open workspace folder.`);
  return folder.uri;
}

/** The URI of `relativePath` (forward slashes) under the workspace folder at `root`. */
export function uriUnder(root: string, relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(folderUri(root), ...relativePath.split('/').filter((p) => p !== ''));
}

/** What `vscode.workspace.fs.stat` says about `uri`, or undefined when nothing is there. */
export async function statOrUndefined(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

/** Says, in the user's words, that something needs a folder on disk and a local process. */
export function notAvailableHere(what: string): string {
  return vscode.l10n.t('{0} is not available in a virtual workspace or in the browser.', what);
}

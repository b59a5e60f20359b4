// The few parts of the built-in git extension's API (`vscode.git`, API version 1) the diff view uses.
import * as vscode from 'vscode';
import { BUILTIN_GIT_EXTENSION_ID } from '../../constants';

/** What the built-in git extension exports. */
interface GitExtensionExports {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

/** The API methods used here; see extensions/git/src/api/git.d.ts in microsoft/vscode. */
export interface GitApi {
  /** A `git:` URI showing `uri`'s content at `ref`; empty where the file does not exist at that revision. */
  toGitUri(uri: vscode.Uri, ref: string): vscode.Uri;
  /** The repository the git extension has open for `uri`, or null. */
  getRepository(uri: vscode.Uri): unknown;
}

/**
 * The git extension's API when it is installed, enabled and has the repository at `root`
 * open; undefined otherwise (then the whole commit is shown as one read-only document).
 */
export async function gitApiFor(root: vscode.Uri, log: vscode.LogOutputChannel): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExtensionExports>(BUILTIN_GIT_EXTENSION_ID);
  if (!extension) return undefined;
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    if (!exports?.enabled) return undefined;
    const api = exports.getAPI(1);
    return api.getRepository(root) ? api : undefined;
  } catch (e) {
    log.warn(`The built-in git extension is not usable: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

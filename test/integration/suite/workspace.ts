// What the integration suites share: the extension's id, paths in the sample workspace, and waiting for VS Code to catch up.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** The extension under test, as installed from the packaged .vsix. */
export const EXTENSION_ID = 'incident-workbench.incident-workbench';

/** The URI of `relativePath` (forward slashes) in the first workspace folder: the copy of the sample workspace. */
export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/** Polls `probe` every 200 ms until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

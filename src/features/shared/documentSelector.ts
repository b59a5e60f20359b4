// The documents the editor features serve: a workspace's files wherever they live (on disk, on a remote host, on a
// virtual file system such as github.dev's), not diff views, output channels or generated documents.
import * as vscode from 'vscode';

/** Schemes of workspace files besides the open folders' own: disk, remote hosts, github.dev's virtual file system. */
const WORKSPACE_SCHEMES = ['file', 'vscode-remote', 'vscode-vfs'];

/** A selector for the workspace's documents (of `language`, when given), including the schemes the open folders use. */
export function workspaceDocuments(language?: string): vscode.DocumentFilter[] {
  const schemes = new Set([
    ...WORKSPACE_SCHEMES,
    ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme),
  ]);
  return [...schemes].map((scheme) => (language ? { language, scheme } : { scheme }));
}

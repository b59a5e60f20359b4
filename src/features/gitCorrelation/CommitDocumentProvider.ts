// Provides read-only documents holding one whole commit (`git show`), for when a per-file diff cannot be opened.
import * as vscode from 'vscode';
import type { Commit } from '../../core/git';
import type { ShowResult } from '../../services/gitService';
import { COMMIT_DOCUMENT_SCHEME } from '../../constants';

/** How the provider reads a commit; the git service in the extension, a fake in tests. */
export interface CommitReader {
  showCommit(repoRoot: string, hash: string, options?: { signal?: AbortSignal }): Promise<ShowResult>;
}

/** The documents of scheme `incident-workbench-commit`: the text of `git show` for the commit in the URI. */
export class CommitDocumentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly git: CommitReader) {}

  /** The URI of `commit`'s document; its `.diff` name gives it Diff highlighting. */
  static uriFor(root: string, commit: Pick<Commit, 'hash' | 'shortHash' | 'subject'>): vscode.Uri {
    const name = `${commit.shortHash} ${commit.subject}`
      // eslint-disable-next-line no-control-regex -- control characters cannot be part of a tab title.
      .replace(/[/\\?#%*:|"<>\u0000-\u001f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80);
    return vscode.Uri.from({
      scheme: COMMIT_DOCUMENT_SCHEME,
      path: `/${name}.diff`,
      query: new URLSearchParams({ root, hash: commit.hash }).toString(),
    });
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    // A document restored after a reload must not run git in a workspace that is no longer trusted.
    if (!vscode.workspace.isTrusted)
      return `${vscode.l10n.t('This commit cannot be shown in Restricted Mode: showing it runs git. Trust the workspace and open it again.')}\n`;
    const params = new URLSearchParams(uri.query);
    const root = params.get('root');
    const hash = params.get('hash');
    if (!root || !hash || !/^[0-9a-f]{4,64}$/i.test(hash))
      return `${vscode.l10n.t('This is not a commit document.')}\n`;
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      const result = await this.git.showCommit(root, hash, { signal: controller.signal });
      return result.available
        ? result.text
        : `${vscode.l10n.t('The commit {0} cannot be shown: {1}', hash, result.reason)}\n`;
    } finally {
      subscription.dispose();
    }
  }
}

// "Incident: Show Changes in Incident Window": the commits between two times, ranked by how they touch the incident, then a chosen commit's diff.
import * as vscode from 'vscode';
import { kindFromContent, kindFromProfileFolders } from '../../core';
import {
  checkWindow,
  diffUriInfo,
  formatWindowTime,
  incidentServices,
  parseWindowTime,
  rankCommits,
  suggestWindow,
  windowHints,
  type Commit,
  type FileChange,
  type RankedCommit,
  type RankReason,
  type SuggestedWindow,
  type WindowHints,
} from '../../core/git';
import { summarizeIncident } from '../../core/incident/summary';
import { gitService, type CommitsOptions, type CommitsResult, type ShowResult } from '../../services/gitService';
import { workspaceRelativePath, type ProfileSource } from '../shared/profileSettings';
import type { WorkspaceDocuments } from '../shared/WorkspaceDocuments';
import { CommitDocumentProvider } from './CommitDocumentProvider';
import { gitApiFor } from './gitExtension';
import { readTaggedFiles, type TaggedFilesSource } from './taggedFiles';
import { Commands, COMMIT_DOCUMENT_SCHEME } from '../../constants';

/** The most commits listed; the title says when the window held more. */
export const MAX_LISTED_COMMITS = 200;

/** What the feature needs from the extension. */
export interface GitCorrelationDeps {
  readonly log: vscode.LogOutputChannel;
  /** The profile of the active document, to read its incident date and services. */
  readonly profiles: ProfileSource;
  /** The one workspace-document layer: the active incident's model comes from it. */
  readonly documents: WorkspaceDocuments;
  /** Reads commits; default the Node git service (simple-git, read-only). */
  readonly git?: {
    commitsInWindow(repoRoot: string, options: CommitsOptions): Promise<CommitsResult>;
    showCommit(repoRoot: string, hash: string, options?: { signal?: AbortSignal }): Promise<ShowResult>;
  };
  /** Which changed files carry INCIDENT tags; default reads them from the workspace with core's tag grammar. */
  readonly taggedFiles?: TaggedFilesSource;
  /** The clock for the default window; default the system clock. */
  readonly now?: () => Date;
}

/** Optional arguments of the command (for keybindings and tests): a window that skips the two prompts. */
export interface ShowChangesArgs {
  /** ISO 8601 or `YYYY-MM-DD HH:MM`, as typed in the prompt. */
  readonly since?: string;
  readonly until?: string;
}

export function register(_context: vscode.ExtensionContext, deps: GitCorrelationDeps): vscode.Disposable {
  const git = deps.git ?? gitService;
  const documents = new CommitDocumentProvider(git);
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(COMMIT_DOCUMENT_SCHEME, documents),
    vscode.commands.registerCommand(Commands.showIncidentWindowChanges, async (args?: ShowChangesArgs) => {
      try {
        await showIncidentWindowChanges({ ...deps, git }, args);
      } catch (e) {
        deps.log.error(
          `Show Changes in Incident Window failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        );
        void vscode.window.showErrorMessage(
          vscode.l10n.t(
            'Could not show the changes in the incident window: {0}',
            e instanceof Error ? e.message : String(e),
          ),
        );
      }
    }),
  );
}

type Deps = GitCorrelationDeps & { readonly git: NonNullable<GitCorrelationDeps['git']> };

async function showIncidentWindowChanges(deps: Deps, args: ShowChangesArgs | undefined): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Show Changes in Incident Window runs git, which Restricted Mode does not allow. Trust this workspace to list its commits.',
      ),
      vscode.l10n.t('Manage Workspace Trust'),
    );
    if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
    return;
  }
  const folder = await chooseFolder();
  if (!folder) return;
  const incident = readActiveIncident(deps);
  const window = await askWindow(suggestWindow(incident.hints, (deps.now ?? (() => new Date()))()), args);
  if (!window) return;
  const range = vscode.l10n.t('{0} to {1}', formatWindowTime(window.since), formatWindowTime(window.until));

  const outcome = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Reading commits from {0}', range),
      cancellable: true,
    },
    async (progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        const result = await deps.git.commitsInWindow(folder.uri.fsPath, {
          ...window,
          maxCount: MAX_LISTED_COMMITS,
          signal: controller.signal,
        });
        if (!result.available || result.commits.length === 0) return { result, ranked: [] as RankedCommit[] };
        const candidates = [...new Set(result.commits.flatMap((c) => c.files))];
        progress.report({
          message:
            candidates.length === 1
              ? vscode.l10n.t('Looking for INCIDENT tags in 1 changed file')
              : vscode.l10n.t('Looking for INCIDENT tags in {0} changed files', candidates.length),
        });
        const taggedFiles = await (deps.taggedFiles ?? readTaggedFiles)(
          vscode.Uri.file(result.root),
          candidates,
          token,
        );
        return { result, ranked: rankCommits(result.commits, { taggedFiles, services: incident.services }) };
      } finally {
        subscription.dispose();
      }
    },
  );

  const { result, ranked } = outcome;
  if (!result.available) {
    if (result.code === 'cancelled') return;
    deps.log.warn(`Commit correlation unavailable for ${folder.uri.fsPath}: ${result.reason}`);
    void vscode.window.showWarningMessage(vscode.l10n.t('Commit correlation is unavailable: {0}', result.reason));
    return;
  }
  const where = result.branch ? vscode.l10n.t('on {0}', result.branch) : vscode.l10n.t('on the detached HEAD');
  const shallowNote = result.shallow
    ? vscode.l10n.t(' This is a shallow clone: commits older than its depth are not in it.')
    : '';
  if (ranked.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No commits {0} from {1}.', where, range) + shallowNote);
    return;
  }
  const commits = ranked.length === 1 ? vscode.l10n.t('1 commit') : vscode.l10n.t('{0} commits', ranked.length);
  const picked = await vscode.window.showQuickPick(commitItems(ranked), {
    title: result.truncated
      ? vscode.l10n.t(
          'Changes {0} from {1}: {2}, the newest only (narrow the window to see older ones)',
          where,
          range,
          commits,
        )
      : vscode.l10n.t('Changes {0} from {1}: {2}', where, range, commits),
    placeHolder: result.shallow
      ? vscode.l10n.t('Choose a commit to see its changes (shallow clone: older commits are missing)')
      : vscode.l10n.t('Choose a commit to see its changes'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked?.commit) return;
  await openCommit(picked.commit, result.root, deps.log);
}

/** The folder to read: the active editor's, the only one, or the one the user picks. */
async function chooseFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Open a folder inside a git repository to list the changes in an incident window.'),
    );
    return undefined;
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder =
    (active && vscode.workspace.getWorkspaceFolder(active)) ??
    (folders.length === 1
      ? folders[0]
      : await vscode.window.showWorkspaceFolderPick({
          placeHolder: vscode.l10n.t("Which folder's repository should be read?"),
        }));
  if (folder && folder.uri.scheme !== 'file') {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Commit correlation (git history) is not available in a virtual workspace: {0} is not a folder on disk.',
        folder.name,
      ),
    );
    return undefined;
  }
  return folder;
}

/** The date, timeline and services of the active incident document, from core's model; nothing for other editors. */
function readActiveIncident(deps: GitCorrelationDeps): { hints: WindowHints; services: string[] } {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || (document.languageId !== 'markdown' && !/\.(?:md|markdown)$/i.test(document.uri.path)))
    return { hints: {}, services: [] };
  try {
    const profile = deps.profiles.profileFor(document.uri);
    const doc = deps.documents.modelOf(document);
    if (!doc) return { hints: {}, services: [] };
    const relativePath = workspaceRelativePath(document.uri);
    const kind =
      (relativePath !== undefined ? kindFromProfileFolders(relativePath, profile, doc) : undefined) ??
      kindFromContent(doc, profile) ??
      'postmortem';
    const summary = summarizeIncident({ path: relativePath ?? document.uri.path, doc, profile, kind });
    return { hints: windowHints(summary), services: incidentServices(summary) };
  } catch (e) {
    // The window can still be typed in; a bug reading the document must not stop the command.
    deps.log.error(
      `Could not read the incident in ${document.uri.fsPath}: ${e instanceof Error ? e.message : String(e)}`,
    );
    return { hints: {}, services: [] };
  }
}

/** Asks for the start and the end (prefilled with the suggestion); undefined when the user cancels. */
async function askWindow(
  suggested: SuggestedWindow,
  args: ShowChangesArgs | undefined,
): Promise<{ since: Date; until: Date } | undefined> {
  if (args?.since !== undefined && args.until !== undefined) {
    const since = parseWindowTime(args.since, 'start');
    if (!since.ok) throw new Error(`Start: ${since.message}`);
    const until = parseWindowTime(args.until, 'end');
    if (!until.ok) throw new Error(`End: ${until.message}`);
    const problem = checkWindow({ since: since.date, until: until.date });
    if (problem) throw new Error(problem);
    return { since: since.date, until: until.date };
  }
  const title = vscode.l10n.t('Show Changes in Incident Window');
  const startText = await vscode.window.showInputBox({
    title: vscode.l10n.t('{0} ({1}/{2})', title, 1, 2),
    prompt: vscode.l10n.t('Start of the window, UTC unless you add an offset. Suggested: {0}', suggested.explanation),
    value: formatWindowTime(suggested.since),
    ignoreFocusOut: true,
    validateInput: (text) => {
      const r = parseWindowTime(text, 'start');
      return r.ok ? undefined : r.message;
    },
  });
  if (startText === undefined) return undefined;
  const start = parseWindowTime(startText, 'start');
  if (!start.ok) return undefined;
  const endText = await vscode.window.showInputBox({
    title: vscode.l10n.t('{0} ({1}/{2})', title, 2, 2),
    prompt: vscode.l10n.t('End of the window (inclusive), after {0}.', formatWindowTime(start.date)),
    value: formatWindowTime(suggested.until.getTime() >= start.date.getTime() ? suggested.until : start.date),
    ignoreFocusOut: true,
    validateInput: (text) => {
      const r = parseWindowTime(text, 'end');
      return r.ok ? checkWindow({ since: start.date, until: r.date }) : r.message;
    },
  });
  if (endText === undefined) return undefined;
  const end = parseWindowTime(endText, 'end');
  return end.ok ? { since: start.date, until: end.date } : undefined;
}

interface CommitItem extends vscode.QuickPickItem {
  readonly commit?: Commit;
}

/** Quick pick items: the likely related commits under one separator, the others under another. */
function commitItems(ranked: readonly RankedCommit[]): CommitItem[] {
  const related = ranked.filter((r) => r.score > 0);
  const others = ranked.filter((r) => r.score === 0);
  const items: CommitItem[] = [];
  if (related.length > 0)
    items.push({ label: vscode.l10n.t('likely related'), kind: vscode.QuickPickItemKind.Separator });
  items.push(...related.map(commitItem));
  if (related.length > 0 && others.length > 0)
    items.push({ label: vscode.l10n.t('other commits'), kind: vscode.QuickPickItemKind.Separator });
  items.push(...others.map(commitItem));
  return items;
}

function commitItem({ commit, reasons }: RankedCommit): CommitItem {
  const shown = commit.files.slice(0, 4).join(', ');
  const files =
    commit.files.length === 0
      ? vscode.l10n.t('no files changed')
      : commit.files.length > 4
        ? vscode.l10n.t('{0} (+{1} more)', shown, commit.files.length - 4)
        : shown;
  const why = reasons.map(describeReason).join('; ');
  return {
    label: `$(git-commit) ${commit.subject || vscode.l10n.t('(no message)')}`,
    description: `${commit.shortHash} · ${formatWindowTime(new Date(commit.authorDate))} · ${commit.authorName}`,
    detail: why ? `$(star-full) ${why} — ${files}` : files,
    commit,
  };
}

function describeReason(reason: RankReason): string {
  switch (reason.kind) {
    case 'tagged-file':
      return vscode.l10n.t('touches INCIDENT-tagged {0}', reason.file);
    case 'service-path':
      return vscode.l10n.t('changes {0} ({1})', reason.service, reason.file);
    case 'service-subject':
      return vscode.l10n.t('names {0}', reason.service);
    default: {
      const unreachable: never = reason;
      return String(unreachable);
    }
  }
}

interface FileItem extends vscode.QuickPickItem {
  readonly change?: FileChange;
}

/** How a file changed in a commit, in words. */
function statusLabel(status: FileChange['status']): string {
  switch (status) {
    case 'added':
      return vscode.l10n.t('added');
    case 'modified':
      return vscode.l10n.t('modified');
    case 'deleted':
      return vscode.l10n.t('deleted');
    case 'renamed':
      return vscode.l10n.t('renamed');
    case 'copied':
      return vscode.l10n.t('copied');
    case 'type-changed':
      return vscode.l10n.t('type changed');
    case 'unmerged':
      return vscode.l10n.t('unmerged');
    default:
      return vscode.l10n.t('changed');
  }
}

/**
 * Opens what `commit` changed: the diff of its one file, or a choice between one file's diff
 * and the whole commit. Per-file diffs use the built-in git extension's `git:` URIs; without
 * it (or for a root commit or a shallow boundary, which have no parent) the whole commit opens
 * as a read-only document.
 */
async function openCommit(commit: Commit, root: string, log: vscode.LogOutputChannel): Promise<void> {
  const rootUri = vscode.Uri.file(root);
  const api = commit.parents.length > 0 && commit.changes.length > 0 ? await gitApiFor(rootUri, log) : undefined;
  if (!api) {
    await openWholeCommit(commit, root);
    return;
  }
  let change: FileChange | undefined = commit.changes[0];
  if (commit.changes.length > 1) {
    const items: FileItem[] = [
      {
        label: vscode.l10n.t('$(git-commit) The whole commit'),
        description: vscode.l10n.t('{0} files, as one patch', commit.changes.length),
      },
      ...commit.changes.map((c) => ({
        label: `$(file) ${c.path}`,
        description: c.oldPath
          ? vscode.l10n.t('{0} from {1}', statusLabel(c.status), c.oldPath)
          : statusLabel(c.status),
        change: c,
      })),
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: `${commit.shortHash} ${commit.subject}`,
      placeHolder: vscode.l10n.t('Choose a file to compare with the commit before'),
      matchOnDescription: true,
    });
    if (!picked) return;
    change = picked.change;
  }
  const info = change ? diffUriInfo(commit, change.path) : undefined;
  if (!change || !info) {
    await openWholeCommit(commit, root);
    return;
  }
  // A side where the file does not exist is the same path at that revision: the git extension shows it empty.
  const at = (path: string) => vscode.Uri.joinPath(rootUri, ...path.split('/'));
  const left = api.toGitUri(at(info.left?.path ?? change.path), info.left?.ref ?? `${commit.hash}^1`);
  const right = api.toGitUri(at(info.right?.path ?? change.oldPath ?? change.path), info.right?.ref ?? commit.hash);
  await vscode.commands.executeCommand('vscode.diff', left, right, info.title, { preview: true });
}

async function openWholeCommit(commit: Commit, root: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(CommitDocumentProvider.uriFor(root, commit));
  await vscode.window.showTextDocument(document, { preview: true });
}

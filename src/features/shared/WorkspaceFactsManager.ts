// Keeps what the checks across documents need of each workspace folder (IN001: its postmortems), from the side bar's document cache and its file watchers.
import * as vscode from 'vscode';
import {
  postmortemRef,
  requiresPostmortems,
  type PostmortemRef,
  type WorkspaceFacts,
} from '../../core/rules/postmortemRequired';
import type { IncidentItem } from '../../core/trees/model';
import type { ProfileSource } from './profileSettings';

/** What the manager reads: the side bar's per-file cache of incident documents (features/trees), which follows file creates, changes and deletes. */
export interface DocumentCache {
  all(): ReadonlyArray<{
    readonly type: string;
    readonly folder: vscode.WorkspaceFolder;
    readonly uri: vscode.Uri;
    readonly summary: unknown;
  }>;
  ready(): Promise<void>;
  readonly onDidChange: vscode.Event<void>;
}

/**
 * The postmortems of each workspace folder whose profile requires postmortems (IN001), built
 * once and refreshed when the document cache changes (a postmortem or record created, changed or
 * deleted), never per keystroke. A postmortem read once is kept until its cache entry changes.
 * Folders whose profile requires no postmortem are never read.
 */
export class WorkspaceFactsManager implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Postmortems per folder uri; a folder is missing until it was read. */
  private postmortems = new Map<string, readonly PostmortemRef[]>();
  /** What each cache entry of a postmortem gave, so an unchanged file is not read again. */
  private refs = new WeakMap<object, PostmortemRef>();
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  /** Fires after the facts of any folder changed. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly cache: DocumentCache,
    private readonly profiles: ProfileSource,
    private readonly log: vscode.LogOutputChannel,
    onDidChangeProfiles: vscode.Event<void>,
  ) {
    this.disposables.push(
      cache.onDidChange(() => this.schedule()),
      onDidChangeProfiles(() => {
        this.refs = new WeakMap();
        this.schedule();
      }),
    );
    if (this.anyFolderNeedsFacts()) void cache.ready().then(() => this.schedule());
  }

  /** The facts for linting `uri` now; undefined when its profile requires no postmortem or the folder was not read yet. */
  factsFor(uri: vscode.Uri): WorkspaceFacts | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || !requiresPostmortems(this.profiles.profileFor(uri))) return undefined;
    const postmortems = this.postmortems.get(folder.uri.toString());
    return postmortems ? { postmortems, now: Date.now() } : undefined;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
  }

  private anyFolderNeedsFacts(): boolean {
    return (vscode.workspace.workspaceFolders ?? []).some((f) => requiresPostmortems(this.profiles.profileFor(f.uri)));
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () =>
        void this.rebuild().catch((e: unknown) =>
          this.log.error(
            `Reading the workspace's postmortems failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
          ),
        ),
      300,
    );
  }

  private async rebuild(): Promise<void> {
    const generation = ++this.generation;
    if (!this.anyFolderNeedsFacts()) {
      if (this.postmortems.size > 0) {
        this.postmortems = new Map();
        this.changed.fire();
      }
      return;
    }
    const next = new Map<string, PostmortemRef[]>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (requiresPostmortems(this.profiles.profileFor(folder.uri))) next.set(folder.uri.toString(), []);
    }
    for (const entry of this.cache.all()) {
      const summary = entry.summary as IncidentItem;
      const list = next.get(entry.folder.uri.toString());
      if (entry.type !== 'incident' || summary.kind !== 'postmortem' || !list) continue;
      // The side bar's summary carries the parsed document: nothing is read again.
      const ref = this.refs.get(summary) ?? postmortemRef(summary.path, summary.model.doc, summary.model.profile);
      if (generation !== this.generation) return;
      if (!ref) continue;
      this.refs.set(summary, ref);
      list.push(ref);
    }
    for (const list of next.values()) list.sort((a, b) => a.path.localeCompare(b.path));
    this.postmortems = next;
    this.changed.fire();
  }
}

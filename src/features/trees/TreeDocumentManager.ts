// Reads the profile's incident documents and runbooks for the side bar trees, keeps them per file and follows file changes.
import * as vscode from 'vscode';
import { kindFromProfileFolders, type Profile } from '../../core';
import { incidentItem, runbookSummary, type IncidentItem, type RunbookSummary } from '../../core/trees/model';
import type { ProfileSource } from '../shared/profileSettings';
import type { WorkspaceDocuments } from '../shared/WorkspaceDocuments';

/** What the manager needs from the extension. */
export interface TreeDocumentDeps {
  readonly log: vscode.LogOutputChannel;
  readonly profiles: ProfileSource;
  /** Fires when a folder's config file or the profile setting changes. */
  readonly onDidChangeProfiles: vscode.Event<unknown>;
  /** The documents' text, model and summary. */
  readonly documents: WorkspaceDocuments;
}

/** One cached document. */
export type TreeEntry =
  | {
      readonly type: 'incident';
      readonly folder: vscode.WorkspaceFolder;
      readonly uri: vscode.Uri;
      readonly summary: IncidentItem;
    }
  | {
      readonly type: 'runbook';
      readonly folder: vscode.WorkspaceFolder;
      readonly uri: vscode.Uri;
      readonly summary: RunbookSummary;
    };

/**
 * Owns the per-file cache of summaries (keyed by uri), the FileSystemWatchers of the
 * profile folders and the events the trees refresh on. A changed file is re-read alone;
 * a profile change re-reads every folder.
 */
export class TreeDocumentManager implements vscode.Disposable {
  private readonly entries = new Map<string, TreeEntry>();
  /** Generation per uri, so a slow read that finishes after a newer one is dropped. */
  private readonly generations = new Map<string, number>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly diagnosticsChanged = new vscode.EventEmitter<readonly vscode.Uri[]>();
  private watchers: vscode.Disposable[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private scanGeneration = 0;
  private scanning: Promise<void> | undefined;
  /** Fires after the cache changed. */
  readonly onDidChange = this.changed.event;
  /** Fires with the cached documents whose diagnostics changed. */
  readonly onDidChangeDiagnostics = this.diagnosticsChanged.event;

  constructor(private readonly deps: TreeDocumentDeps) {
    this.subscriptions.push(
      deps.onDidChangeProfiles(() => void this.rescan()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const ours = e.uris.filter((u) => this.entries.has(u.toString()));
        if (ours.length > 0) this.diagnosticsChanged.fire(ours);
      }),
    );
  }

  /** Every cached document. */
  all(): TreeEntry[] {
    return [...this.entries.values()];
  }

  /** Resolves when the current scan (if any) is done. */
  async ready(): Promise<void> {
    await (this.scanning ?? this.rescan());
  }

  /** Forgets everything, re-creates the watchers and re-reads every profile folder. */
  rescan(): Promise<void> {
    const generation = ++this.scanGeneration;
    this.scanning = this.scan(generation).catch((e: unknown) =>
      this.deps.log.error(`Reading incident documents for the side bar failed: ${describe(e)}`),
    );
    return this.scanning;
  }

  dispose(): void {
    for (const d of [...this.watchers, ...this.subscriptions]) d.dispose();
    this.changed.dispose();
    this.diagnosticsChanged.dispose();
  }

  private async scan(generation: number): Promise<void> {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    const found: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const profile = this.deps.profiles.profileFor(folder.uri);
      for (const dir of profileFolders(profile)) {
        const pattern = new vscode.RelativePattern(folder, `${dir ? `${dir}/` : ''}**/*.{md,markdown}`);
        const watcher = vscode.workspace.createFileSystemWatcher(pattern);
        this.watchers.push(
          watcher,
          watcher.onDidCreate((uri) => void this.update(uri)),
          watcher.onDidChange((uri) => void this.update(uri)),
          watcher.onDidDelete((uri) => this.remove(uri)),
        );
        found.push(...(await vscode.workspace.findFiles(pattern, '**/node_modules/**')));
      }
    }
    if (generation !== this.scanGeneration) return;
    const next = new Map<string, TreeEntry>();
    const unique = [...new Map(found.map((u) => [u.toString(), u])).values()];
    const read = await Promise.all(unique.map((uri) => this.read(uri)));
    if (generation !== this.scanGeneration) return;
    for (const entry of read) if (entry) next.set(entry.uri.toString(), entry);
    this.entries.clear();
    for (const [k, v] of next) this.entries.set(k, v);
    this.changed.fire();
  }

  /** Re-reads one file after a create or change. */
  private async update(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const entry = await this.read(uri);
    if (this.generations.get(key) !== generation) return;
    if (entry) this.entries.set(key, entry);
    else if (!this.entries.delete(key)) return;
    this.changed.fire();
  }

  private remove(uri: vscode.Uri): void {
    const key = uri.toString();
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    if (this.entries.delete(key)) this.changed.fire();
  }

  private async read(uri: vscode.Uri): Promise<TreeEntry | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const path = uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
    const profile = this.deps.profiles.profileFor(uri);
    if (kindFromProfileFolders(path, profile) === undefined) return undefined;
    // The document layer applies the size limit (and logs what it leaves out) and prefers the open editor's text.
    const document = await this.deps.documents.read(uri);
    const summary = document?.summary;
    if (!document || !summary) return undefined;
    if (document.kind === 'runbook')
      return { type: 'runbook', folder, uri, summary: runbookSummary(summary, uri.toString()) };
    if (document.kind === 'postmortem' || document.kind === 'incident')
      return { type: 'incident', folder, uri, summary: incidentItem(summary, uri.toString()) };
    return undefined;
  }
}

/** The profile's document folders, without one that lies inside another. */
function profileFolders(profile: Profile): string[] {
  const dirs = [
    ...new Set(Object.values(profile.documents).map((spec) => spec.folder.replace(/^(?:\.\/)+|^\.$|\/+$/g, ''))),
  ];
  return dirs.filter((d) => !dirs.some((other) => other !== d && (other === '' || d.startsWith(`${other}/`))));
}

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

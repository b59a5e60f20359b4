// Owns the index of INCIDENT tags per workspace folder: full scans with progress, incremental updates, incident documents, TG findings.
import * as vscode from 'vscode';
import { Settings, TAG_DIAGNOSTIC_COLLECTION } from '../../constants';
import type { Profile } from '../../core';
import {
  findTagsInFile,
  incidentDocumentFromPath,
  incidentDocuments,
  incidentKey,
  linkTag,
  tagFindings,
  type IncidentDocumentRef,
  type IncidentTag,
  type TagScan,
} from '../../core/tags';
import { globsToIgnorePatterns, IgnoreRules } from '../../services/tags/ignoreRules';
import { locateRipgrep, ripgrepVersion } from '../../services/tags/ripgrepLocator';
import { canScan, rescanTagFile, scanTags } from '../../services/tags/tagScanner';
import {
  DEFAULT_MAX_FILE_SIZE,
  type FileTags,
  type TagScanEngine,
  type TagScanStats,
} from '../../services/tags/tagScanTypes';
import { ruleDocUri } from '../diagnostics/DiagnosticsManager';
import { toVsRange, toVsSeverity } from '../shared/convert';
import type { IncidentSummary } from '../../core/incident/summary';
import type { ProfileSource } from '../shared/profileSettings';
import type { WorkspaceDocuments } from '../shared/WorkspaceDocuments';

/** What the manager needs from the extension. */
export interface TagIndexDeps {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  readonly profiles: ProfileSource;
  /** Fires when a configuration file changed what profile applies. */
  readonly onDidChangeProfiles?: vscode.Event<void>;
  /** The documents' text, model and summary, by URI and version. */
  readonly documents: WorkspaceDocuments;
}

/** A tag at its place in the workspace. */
export interface TagLocation {
  readonly folder: vscode.WorkspaceFolder;
  readonly uri: vscode.Uri;
  /** Relative to the folder, forward slashes. */
  readonly path: string;
  readonly tag: IncidentTag;
}

/** What changed in the index. */
export interface TagIndexChange {
  /** Files whose tags changed; undefined when anything may have changed (a scan, documents, settings). */
  readonly uris?: readonly vscode.Uri[];
}

/** The outcome of a full scan, for the refresh command and tests. */
export interface TagScanSummary {
  readonly folders: number;
  readonly tags: number;
  readonly files: number;
  readonly stats: TagScanStats;
  readonly engines: readonly TagScanEngine[];
  readonly cancelled: boolean;
  readonly durationMs: number;
}

/** One workspace folder's part of the index. */
interface FolderState {
  readonly folder: vscode.WorkspaceFolder;
  /** Files with tags or tag problems, by relative path. */
  files: Map<string, FileTags>;
  /** Its incident documents, newest first. */
  documents: IncidentDocumentRef[];
  ignoreRules: IgnoreRules;
  maxFileSize: number;
}

/** How long a scan runs before a progress notification appears, in milliseconds. */
const PROGRESS_DELAY_MS = 1000;
/** How long file events and keystrokes are gathered before the index is updated, in milliseconds. */
const UPDATE_DELAY_MS = 250;
/** How often partial results of a running scan are shown, in milliseconds. */
const PARTIAL_DELAY_MS = 200;
const MARKDOWN = /\.(?:md|markdown)$/i;

/** Scans the workspace for tags and keeps the index current as files and editors change. */
export class TagIndexManager implements vscode.Disposable {
  private readonly folders = new Map<string, FolderState>();
  private readonly changed = new vscode.EventEmitter<TagIndexChange>();
  private readonly collection = vscode.languages.createDiagnosticCollection(TAG_DIAGNOSTIC_COLLECTION);
  private readonly disposables: vscode.Disposable[] = [this.changed, this.collection];
  private readonly pending = new Map<string, vscode.Uri>();
  private readonly live = new Map<string, { version: number; scan: TagScan }>();
  private pendingTimer: NodeJS.Timeout | undefined;
  private partialTimer: NodeJS.Timeout | undefined;
  private rescanTimer: NodeJS.Timeout | undefined;
  private generation = 0;
  private abort: AbortController | undefined;
  private running: Promise<TagScanSummary> | undefined;
  private ripgrep: Promise<string | undefined> | undefined;

  /** Fires after the index changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly deps: TagIndexDeps) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.schedule(uri)),
      watcher.onDidChange((uri) => this.schedule(uri)),
      watcher.onDidDelete((uri) => this.schedule(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document.uri);
      }),
      // Closing an editor drops its unsaved text: the file on disk counts again.
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.live.delete(d.uri.toString());
        this.schedule(d.uri);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleFullScan()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (
          [
            'files.exclude',
            'search.exclude',
            `${Settings.section}.tags`,
            `${Settings.section}.${Settings.profileName}`,
            `${Settings.section}.${Settings.diagnosticsEnabled}`,
          ].some((s) => e.affectsConfiguration(s))
        )
          this.scheduleFullScan();
      }),
    );
    if (deps.onDidChangeProfiles) this.disposables.push(deps.onDidChangeProfiles(() => this.scheduleFullScan()));
  }

  /** Whether a full scan is running. */
  get scanning(): boolean {
    return this.running !== undefined;
  }

  /**
   * Scans every workspace folder again. Results appear as files are read; a notification with
   * a Cancel button appears when the scan takes longer than a second (at once with
   * `progress: 'always'`). A newer scan supersedes a running one.
   */
  scanAll(progress: 'delayed' | 'always' = 'delayed'): Promise<TagScanSummary> {
    this.abort?.abort();
    const controller = new AbortController();
    this.abort = controller;
    const generation = ++this.generation;
    const work = this.runScan(generation, controller.signal);
    this.running = work;
    const show = () => {
      if (this.running !== work) return;
      void vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('Scanning for INCIDENT tags'),
          cancellable: true,
        },
        async (report, token) => {
          token.onCancellationRequested(() => controller.abort());
          const timer = setInterval(
            () => report.report({ message: vscode.l10n.t('{0} tags found so far', this.locations().length) }),
            500,
          );
          try {
            await work.catch(() => undefined);
          } finally {
            clearInterval(timer);
          }
        },
      );
    };
    const timer = setTimeout(show, progress === 'always' ? 0 : PROGRESS_DELAY_MS);
    const done = () => {
      clearTimeout(timer);
      if (this.running === work) this.running = undefined;
      this.changed.fire({});
      this.flush();
    };
    // Settles either way; the caller gets (and reports) the rejection.
    work.then(done, done);
    return work;
  }

  /** The tags of an open document, from its current text (cached per version). */
  tagsIn(document: vscode.TextDocument): TagScan {
    const key = document.uri.toString();
    const hit = this.live.get(key);
    if (hit && hit.version === document.version) return hit.scan;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const name = folder ? relativePath(folder, document.uri) : document.uri.path;
    const scan = findTagsInFile(name, document.getText(), document.languageId);
    this.live.set(key, { version: document.version, scan });
    return scan;
  }

  /** The profile in force for `uri`. */
  profileFor(uri: vscode.Uri): Profile {
    return this.deps.profiles.profileFor(uri);
  }

  /** The incident documents of the folder holding `uri`, newest first. */
  documentsFor(uri: vscode.Uri): readonly IncidentDocumentRef[] {
    return this.stateFor(uri)?.documents ?? [];
  }

  /** The documents a tag in the file at `uri` links to. */
  link(uri: vscode.Uri, tag: Pick<IncidentTag, 'dateText' | 'slug'>): IncidentDocumentRef[] {
    return linkTag(tag, this.documentsFor(uri));
  }

  /** Every tag in the index, by folder, then path, then position. */
  locations(): TagLocation[] {
    const out: TagLocation[] = [];
    for (const state of this.folders.values()) {
      for (const file of [...state.files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
        const uri = vscode.Uri.joinPath(state.folder.uri, file.path);
        for (const tag of file.tags) out.push({ folder: state.folder, uri, path: file.path, tag });
      }
    }
    return out;
  }

  /** The tags of one incident (same folder, same `incidentKey`). */
  locationsOf(folder: vscode.WorkspaceFolder, key: string): TagLocation[] {
    return this.locations().filter(
      (l) => l.folder.uri.toString() === folder.uri.toString() && incidentKey(l.tag) === key,
    );
  }

  /** The URI of an incident document of `folder`. */
  documentUri(folder: vscode.WorkspaceFolder, ref: IncidentDocumentRef): vscode.Uri {
    return vscode.Uri.joinPath(folder.uri, ref.path);
  }

  /** The summary of an incident document (title, severity, summary, root cause, action items), read once per version. */
  async summary(folder: vscode.WorkspaceFolder, ref: IncidentDocumentRef): Promise<IncidentSummary | undefined> {
    const document = await this.deps.documents.read(this.documentUri(folder, ref));
    return document?.summary;
  }

  /** Counts over the index, for the tree's description. */
  counts(): { tags: number; files: number; incidents: number } {
    const locations = this.locations();
    return {
      tags: locations.length,
      files: new Set(locations.map((l) => l.uri.toString())).size,
      incidents: new Set(locations.map((l) => `${l.folder.uri.toString()}|${incidentKey(l.tag)}`)).size,
    };
  }

  dispose(): void {
    this.abort?.abort();
    clearTimeout(this.pendingTimer);
    clearTimeout(this.partialTimer);
    clearTimeout(this.rescanTimer);
    this.disposables.forEach((d) => d.dispose());
  }

  private async runScan(generation: number, signal: AbortSignal): Promise<TagScanSummary> {
    const started = performance.now();
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => canScan(f.uri));
    const stats = { filesSearched: 0, skippedBinary: 0, skippedLarge: 0 };
    const engines: TagScanEngine[] = [];
    let cancelled = false;
    for (const key of [...this.folders.keys()]) {
      if (!folders.some((f) => f.uri.toString() === key)) this.folders.delete(key);
    }
    this.collection.clear();
    for (const folder of folders) {
      if (!this.enabled(folder)) {
        this.folders.delete(folder.uri.toString());
        continue;
      }
      const settings = this.scanSettings(folder);
      const state: FolderState = {
        folder,
        files: new Map(),
        documents: await this.findDocuments(folder),
        ignoreRules: new IgnoreRules(folder.uri.fsPath, settings),
        maxFileSize: settings.maxFileSize,
      };
      if (generation !== this.generation) break;
      // The new, empty index goes in at once, so the tree fills in as files are read.
      this.folders.set(folder.uri.toString(), state);
      const engine = vscode.workspace
        .getConfiguration(Settings.section, folder.uri)
        .get<'auto' | TagScanEngine>(Settings.tagsScanner, 'auto');
      const rgPath = engine === 'node' ? undefined : await this.ripgrepPath();
      const result = await scanTags({
        root: folder.uri.fsPath,
        ...settings,
        engine,
        rgPath,
        signal,
        onFile: (file) => {
          if (generation !== this.generation) return;
          state.files.set(file.path, file);
          this.schedulePartial();
        },
      });
      if (generation !== this.generation) break;
      if (result.fallbackReason)
        this.deps.log.warn(`Scanned ${folder.name} with the Node scanner: ${result.fallbackReason}.`);
      this.deps.log.info(
        `Scanned ${folder.name} for INCIDENT tags with ${result.engine} in ${Math.round(result.durationMs)} ms: ` +
          `${result.files.length} files with tags, ${result.stats.filesSearched} files searched, ` +
          `${result.stats.skippedBinary} binary and ${result.stats.skippedLarge} large files skipped${result.cancelled ? ' (cancelled)' : ''}.`,
      );
      stats.filesSearched += result.stats.filesSearched;
      stats.skippedBinary += result.stats.skippedBinary;
      stats.skippedLarge += result.stats.skippedLarge;
      engines.push(result.engine);
      this.publishAll(state);
      if (result.cancelled) {
        cancelled = true;
        break;
      }
    }
    const counts = this.counts();
    return {
      folders: folders.length,
      tags: counts.tags,
      files: counts.files,
      stats,
      engines,
      cancelled: cancelled || signal.aborted,
      durationMs: performance.now() - started,
    };
  }

  private ripgrepPath(): Promise<string | undefined> {
    this.ripgrep ??= (async () => {
      const found = locateRipgrep(vscode.env.appRoot);
      const version = found ? await ripgrepVersion(found.path) : undefined;
      const which = found?.source === 'bundled' ? "VS Code's ripgrep" : 'the ripgrep on the PATH';
      if (found && version) this.deps.log.info(`Tag scans use ${which}: ${found.path} (${version}).`);
      else
        this.deps.log.info(
          `No ripgrep was found under ${vscode.env.appRoot} or on the PATH; tag scans use the Node scanner.`,
        );
      return version ? found?.path : undefined;
    })();
    return this.ripgrep;
  }

  private enabled(folder: vscode.WorkspaceFolder): boolean {
    return vscode.workspace.getConfiguration(Settings.section, folder.uri).get<boolean>(Settings.tagsEnabled, true);
  }

  private scanSettings(folder: vscode.WorkspaceFolder): {
    excludes: string[];
    maxFileSize: number;
    useGitignore: boolean;
  } {
    const config = vscode.workspace.getConfiguration(Settings.section, folder.uri);
    const on = (map: Record<string, unknown> | undefined) =>
      Object.entries(map ?? {})
        .filter(([, v]) => v === true)
        .map(([k]) => k);
    const globs = [
      ...on(vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude')),
      ...on(vscode.workspace.getConfiguration('search', folder.uri).get<Record<string, unknown>>('exclude')),
      ...config.get<string[]>(Settings.tagsExclude, []).filter((g) => typeof g === 'string'),
    ];
    const size = config.get<number>(Settings.tagsMaxFileSize, DEFAULT_MAX_FILE_SIZE);
    return {
      excludes: globsToIgnorePatterns(globs),
      maxFileSize: Number.isFinite(size) && size > 0 ? size : DEFAULT_MAX_FILE_SIZE,
      useGitignore: config.get<boolean>(Settings.tagsUseGitignore, true),
    };
  }

  private async findDocuments(folder: vscode.WorkspaceFolder): Promise<IncidentDocumentRef[]> {
    const uris = await vscode.workspace.findFiles(
      new vscode.RelativePattern(folder, '**/*.{md,markdown}'),
      '{**/node_modules/**,**/.git/**}',
    );
    return incidentDocuments(
      uris.map((u) => relativePath(folder, u)),
      this.profileFor(folder.uri),
    );
  }

  private stateFor(uri: vscode.Uri): FolderState | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.folders.get(folder.uri.toString()) : undefined;
  }

  private schedule(uri: vscode.Uri): void {
    if (!canScan(uri) || !this.stateFor(uri)) return;
    this.pending.set(uri.toString(), uri);
    clearTimeout(this.pendingTimer);
    this.pendingTimer = setTimeout(() => this.flush(), UPDATE_DELAY_MS);
  }

  private scheduleFullScan(): void {
    clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(() => {
      this.scanAll().catch((e: unknown) =>
        this.deps.log.error(
          `Scanning for INCIDENT tags failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        ),
      );
    }, UPDATE_DELAY_MS);
  }

  private schedulePartial(): void {
    this.partialTimer ??= setTimeout(() => {
      this.partialTimer = undefined;
      this.changed.fire({});
    }, PARTIAL_DELAY_MS);
  }

  /** Applies the gathered file changes; during a full scan they wait for it (it reads the same files). */
  private flush(): void {
    if (this.running || this.pending.size === 0) return;
    const uris = [...this.pending.values()];
    this.pending.clear();
    void this.update(uris).catch((e: unknown) =>
      this.deps.log.error(`Updating INCIDENT tags failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
    );
  }

  /** Rescans the changed files (not the workspace) and fires one change event for those whose tags changed. */
  private async update(uris: readonly vscode.Uri[]): Promise<void> {
    const changed: vscode.Uri[] = [];
    let documentsChanged = false;
    for (const uri of uris) {
      const state = this.stateFor(uri);
      if (!state) continue;
      const rel = relativePath(state.folder, uri);
      if (rel === '.gitignore' || rel.endsWith('/.gitignore')) {
        // Ignore rules changed: what a scan covers changed.
        this.scheduleFullScan();
        return;
      }
      if (await this.updateDocument(state, uri, rel)) documentsChanged = true;
      // Unsaved changes win over the disk; a saved (or deleted) file is read from the disk.
      const open = vscode.workspace.textDocuments.find(
        (d) => d.uri.toString() === uri.toString() && d.isDirty && !d.isClosed,
      );
      const result = await rescanTagFile(state.folder.uri.fsPath, rel, {
        ignoreRules: state.ignoreRules,
        maxFileSize: state.maxFileSize,
        text: open?.getText(),
        languageId: open?.languageId,
      });
      const before = state.files.get(rel);
      if (result.status === 'tags') state.files.set(rel, result.file);
      else state.files.delete(rel);
      // A deleted folder takes its files with it.
      if (result.status === 'unreadable') {
        for (const key of [...state.files.keys()]) if (key.startsWith(`${rel}/`)) state.files.delete(key);
      }
      const after = state.files.get(rel);
      if (signature(before) !== signature(after) || result.status === 'unreadable') {
        changed.push(uri);
        this.publish(state, rel);
      }
    }
    if (documentsChanged) {
      for (const state of this.folders.values()) this.publishAll(state);
      this.changed.fire({});
    } else if (changed.length > 0) {
      this.changed.fire({ uris: changed });
    }
  }

  /**
   * Keeps the folder's list of incident documents current after `uri` changed; true when the
   * list changed or a listed document did (lenses and hovers show its title and severity).
   */
  private async updateDocument(state: FolderState, uri: vscode.Uri, rel: string): Promise<boolean> {
    const known = state.documents.some((d) => d.path === rel || d.path.startsWith(`${rel}/`));
    if (!known && !MARKDOWN.test(rel)) return false;
    const exists = await vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    );
    const profile = this.profileFor(uri);
    const ref = exists && MARKDOWN.test(rel) ? incidentDocumentFromPath(rel, profile) : undefined;
    if (!ref && !known) return false;
    // A deleted folder takes its documents with it.
    const others = state.documents.filter((d) => d.path !== rel && (exists || !d.path.startsWith(`${rel}/`)));
    state.documents = ref ? incidentDocuments([...others.map((d) => d.path), rel], profile) : others;
    return true;
  }

  private publishAll(state: FolderState): void {
    this.collection.forEach((uri) => {
      if (vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() === state.folder.uri.toString())
        this.collection.delete(uri);
    });
    for (const rel of state.files.keys()) this.publish(state, rel);
  }

  private publish(state: FolderState, rel: string): void {
    const uri = vscode.Uri.joinPath(state.folder.uri, rel);
    const file = state.files.get(rel);
    const on = vscode.workspace
      .getConfiguration(Settings.section, state.folder.uri)
      .get<boolean>(Settings.diagnosticsEnabled, true);
    if (!file || !on) {
      this.collection.delete(uri);
      return;
    }
    const findings = tagFindings(file, state.documents, this.profileFor(uri));
    this.collection.set(
      uri,
      findings.map((f) => {
        const d = new vscode.Diagnostic(toVsRange(f.range), f.message, toVsSeverity(f.severity));
        d.source = 'Incident Workbench';
        d.code = { value: f.ruleId, target: ruleDocUri(this.deps.extensionUri, f.ruleId) };
        return d;
      }),
    );
  }
}

/** The path of `uri` relative to `folder`, forward slashes. */
export function relativePath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  return uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
}

/** A string that changes when a file's tags or problems (or their places) change. */
function signature(file: FileTags | undefined): string {
  if (!file) return '';
  return JSON.stringify([
    file.tags.map((t) => [t.range, t.dateText, t.slug, t.description]),
    file.problems.map((p) => [p.code, p.range]),
  ]);
}

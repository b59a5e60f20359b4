// Owns the SLOs of each workspace folder: loads slo.yaml, reloads it on change, shows its problems in the Problems panel.
import * as vscode from 'vscode';
import { parseSloFile, SLO_FILE_NAMES, type SloDefinition, type SloFile } from '../../core/slo';
import { DIAGNOSTIC_SOURCE, Settings, SLO_DIAGNOSTIC_COLLECTION } from '../../constants';
import { toVsRange } from '../shared/convert';
import { readTextFile } from '../shared/readTextFile';

/** The SLO file of one workspace folder. */
export interface FolderSlos {
  readonly uri: vscode.Uri;
  readonly file: SloFile;
}

/** What the manager needs from the extension. */
export interface SloManagerDeps {
  readonly log: vscode.LogOutputChannel;
}

/** Loads and watches slo.yaml per workspace folder; `slosFor` answers synchronously from the last load. */
export class SloManager implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(SLO_DIAGNOSTIC_COLLECTION);
  private readonly cache = new Map<string, FolderSlos | null>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.collection, this.changed];
  private timer: NodeJS.Timeout | undefined;
  /** Fires after the SLOs of any folder were (re)loaded. */
  readonly onDidChange = this.changed.event;
  /** Settles when every folder was loaded once. */
  readonly ready: Promise<void>;

  constructor(private readonly deps: SloManagerDeps) {
    const watcher = vscode.workspace.createFileSystemWatcher(
      `**/{${SLO_FILE_NAMES.map((n) => n.replace(/\.ya?ml$/, '')).join(',')}}.{yaml,yml}`,
    );
    this.disposables.push(
      watcher,
      watcher.onDidCreate(() => this.scheduleReload()),
      watcher.onDidChange(() => this.scheduleReload()),
      watcher.onDidDelete(() => this.scheduleReload()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleReload()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${Settings.section}.${Settings.sloFile}`)) this.scheduleReload();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.isSloDocument(e.document)) this.scheduleReload();
      }),
    );
    this.ready = this.reloadAll();
  }

  /** The SLOs in force for `uri`'s workspace folder (none when it has no valid SLO file). */
  slosFor(uri: vscode.Uri | undefined): readonly SloDefinition[] {
    const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : vscode.workspace.workspaceFolders?.[0];
    return folder ? (this.cache.get(folder.uri.toString())?.file.slos ?? []) : [];
  }

  /**
   * True when `uri`'s workspace folder was searched and has no SLO file (PM016); false when it
   * has one; undefined while it is being read or outside any folder.
   */
  sloFileMissing(uri: vscode.Uri | undefined): boolean | undefined {
    const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
    if (!folder || !this.cache.has(folder.uri.toString())) return undefined;
    return this.cache.get(folder.uri.toString()) === null;
  }

  /** Loads the SLO file of `folder` now (unsaved edits win) and returns it; undefined when the folder has none. */
  async load(folder: vscode.WorkspaceFolder): Promise<FolderSlos | undefined> {
    const uri = await this.locate(folder);
    if (!uri) {
      this.cache.set(folder.uri.toString(), null);
      return undefined;
    }
    let text: string;
    try {
      text = (await readTextFile(uri, { unsavedEdits: true })) ?? '';
    } catch (e) {
      this.deps.log.warn(`Could not read ${uri.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
      this.cache.set(folder.uri.toString(), null);
      return undefined;
    }
    const loaded = { uri, file: parseSloFile(text, uri.path.slice(uri.path.lastIndexOf('/') + 1)) };
    this.cache.set(folder.uri.toString(), loaded);
    this.collection.set(
      uri,
      loaded.file.problems.map((p) => {
        const d = new vscode.Diagnostic(
          toVsRange(p.range),
          p.message,
          p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
        );
        d.source = DIAGNOSTIC_SOURCE;
        return d;
      }),
    );
    return loaded;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
  }

  private async locate(folder: vscode.WorkspaceFolder): Promise<vscode.Uri | undefined> {
    const configured = vscode.workspace
      .getConfiguration(Settings.section, folder.uri)
      .get<string>(Settings.sloFile, '')
      .trim();
    const names = configured ? [configured] : SLO_FILE_NAMES;
    for (const name of names) {
      const uri = vscode.Uri.joinPath(folder.uri, ...name.split('/'));
      try {
        if ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) return uri;
      } catch {
        // Not there; try the next name.
      }
    }
    return undefined;
  }

  private isSloDocument(doc: vscode.TextDocument): boolean {
    for (const entry of this.cache.values()) if (entry && entry.uri.toString() === doc.uri.toString()) return true;
    return false;
  }

  private scheduleReload(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reloadAll(), 300);
  }

  private async reloadAll(): Promise<void> {
    this.collection.clear();
    this.cache.clear();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      try {
        await this.load(folder);
      } catch (e) {
        this.deps.log.error(
          `Loading the SLOs of ${folder.name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        );
      }
    }
    this.changed.fire();
  }
}

// Owns the baseline file the setting names, per workspace folder: findings it holds are shown as hints, not warnings.
import * as vscode from 'vscode';
import { parseBaseline, type Baseline } from '../../core/lint/baseline';
import { Settings } from '../../constants';
import { readTextFile } from '../shared/readTextFile';

/** Reads, caches and watches each workspace folder's baseline file (setting incidentWorkbench.diagnostics.baseline). */
export class BaselineManager implements vscode.Disposable {
  private readonly cache = new Map<string, Baseline | undefined>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a baseline file or the setting changed. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.json');
    const refresh = () => this.refresh();
    this.disposables.push(
      watcher,
      watcher.onDidChange(refresh),
      watcher.onDidCreate(refresh),
      watcher.onDidDelete(refresh),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${Settings.section}.${Settings.diagnosticsBaseline}`)) refresh();
      }),
    );
  }

  /** The baseline of the folder holding `uri`, once read; undefined without one (or before it is read: a change event follows). */
  baselineFor(uri: vscode.Uri): Baseline | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const key = folder.uri.toString();
    if (!this.cache.has(key)) {
      this.cache.set(key, undefined);
      void this.load(folder).then((b) => {
        this.cache.set(key, b);
        if (b) this.changed.fire();
      });
    }
    return this.cache.get(key);
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }

  private refresh(): void {
    this.cache.clear();
    this.changed.fire();
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<Baseline | undefined> {
    const name = vscode.workspace
      .getConfiguration(Settings.section, folder.uri)
      .get<string>(Settings.diagnosticsBaseline, '')
      .trim();
    if (!name) return undefined;
    const uri = vscode.Uri.joinPath(folder.uri, name);
    try {
      return parseBaseline((await readTextFile(uri)) ?? '');
    } catch (e) {
      this.log.warn(
        `The baseline ${name} in ${folder.name} is not used: ${e instanceof Error ? e.message : String(e)}`,
      );
      return undefined;
    }
  }
}

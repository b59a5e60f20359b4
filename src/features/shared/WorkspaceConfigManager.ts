// Owns each workspace folder's `.incident-workbench.yaml`: its problems in the Problems panel and its last good profile.
import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES, MAX_CONFIG_BYTES, type ConfigProblem } from '../../core/config/types';
import type { Profile } from '../../core/profiles/types';
import { DIAGNOSTIC_SOURCE } from '../../constants';
import { heavy } from '../lazy';
import { toVsRange } from './convert';

interface FolderState {
  /** The last profile read from a valid file; kept while the file has errors. */
  profile: Profile | undefined;
  /** The config file in force, if any. */
  file: vscode.Uri | undefined;
}

/** Loads, watches and reports the configuration file of every workspace folder. */
export class WorkspaceConfigManager implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('incidentWorkbench.config');
  private readonly states = new Map<string, FolderState>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.collection, this.changed];
  private readonly typingTimers = new Map<string, NodeJS.Timeout>();

  /** Fires when a folder's effective profile may have changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${CONFIG_FILE_NAMES.join(',')}}`);
    const reloadFor = (uri: vscode.Uri) => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      // Only a file at a folder's root configures it.
      if (folder && uri.path === vscode.Uri.joinPath(folder.uri, uri.path.slice(uri.path.lastIndexOf('/') + 1)).path) void this.reload(folder);
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(reloadFor),
      watcher.onDidChange(reloadFor),
      watcher.onDidDelete(reloadFor),
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        e.removed.forEach((f) => this.states.delete(f.uri.toString()));
        e.added.forEach((f) => void this.reload(f));
      }),
      vscode.workspace.onDidChangeTextDocument((e) => this.checkWhileTyping(e.document)),
    );
  }

  /** Reads every folder's file once; resolves when all are read. */
  async initialize(): Promise<void> {
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => this.reload(f)));
  }

  /** The profile the configuration file of `uri`'s folder sets, or undefined when there is none. */
  profileFor(uri: vscode.Uri): Profile | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.states.get(folder.uri.toString())?.profile : undefined;
  }

  /** Re-reads the configuration file of `folder`. */
  async reload(folder: vscode.WorkspaceFolder): Promise<void> {
    const key = folder.uri.toString();
    const state = this.states.get(key) ?? { profile: undefined, file: undefined };
    this.states.set(key, state);
    const file = await this.findFile(folder);
    if (state.file && (!file || file.toString() !== state.file.toString())) this.collection.delete(state.file);
    state.file = file;
    if (!file) {
      state.profile = undefined;
      this.changed.fire();
      return;
    }
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    try {
      const stat = await vscode.workspace.fs.stat(file);
      const text = stat.size > MAX_CONFIG_BYTES + 1 ? 'x'.repeat(MAX_CONFIG_BYTES + 1) : new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
      const result = heavy().parseConfig(text, name);
      this.collection.set(file, result.problems.map(toDiagnostic));
      if (result.profile) {
        state.profile = result.profile;
        this.log.info(`Using ${vscode.workspace.asRelativePath(file)} (extends ${result.profile.name}).`);
      } else {
        this.log.warn(`${vscode.workspace.asRelativePath(file)} has errors; ${state.profile ? 'the last valid configuration stays in use' : 'the profile from the settings is used'} until they are fixed.`);
      }
    } catch (e) {
      this.log.error(`Could not read ${file.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.changed.fire();
  }

  dispose(): void {
    this.typingTimers.forEach((t) => clearTimeout(t));
    this.disposables.forEach((d) => d.dispose());
  }

  private async findFile(folder: vscode.WorkspaceFolder): Promise<vscode.Uri | undefined> {
    for (const name of CONFIG_FILE_NAMES) {
      const uri = vscode.Uri.joinPath(folder.uri, name);
      try {
        if ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) return uri;
      } catch {
        // Not there; try the next name.
      }
    }
    return undefined;
  }

  /** Shows problems while the user types in the file; the profile changes only when it is saved. */
  private checkWhileTyping(document: vscode.TextDocument): void {
    const state = [...this.states.values()].find((s) => s.file?.toString() === document.uri.toString());
    if (!state) return;
    const key = document.uri.toString();
    clearTimeout(this.typingTimers.get(key));
    this.typingTimers.set(key, setTimeout(() => {
      this.typingTimers.delete(key);
      if (document.isClosed) return;
      const name = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
      this.collection.set(document.uri, heavy().parseConfig(document.getText(), name).problems.map(toDiagnostic));
    }, 300));
  }
}

function toDiagnostic(problem: ConfigProblem): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toVsRange(problem.range), problem.message, problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  d.source = DIAGNOSTIC_SOURCE;
  return d;
}

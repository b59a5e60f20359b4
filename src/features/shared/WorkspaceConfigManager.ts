// Owns each workspace folder's `.incident-workbench.yaml` and severity matrix: their problems in the Problems panel and their last good versions.
import * as vscode from 'vscode';
import { SeverityMatrixState } from '../../core/config/severityMatrixState';
import { CONFIG_FILE_NAMES, MAX_CONFIG_BYTES, type ConfigProblem } from '../../core/config/types';
import { range } from '../../core/markdown/position';
import type { Profile } from '../../core/profiles/types';
import { CONFIG_DIAGNOSTIC_COLLECTION, DIAGNOSTIC_SOURCE, Settings } from '../../constants';
import { heavy } from '../lazy';
import { toVsRange } from './convert';
import { readTextFile } from './readTextFile';
import { profileFromSettings } from './profileSettings';

interface FolderState {
  /** The last profile read from a valid file; kept while the file has errors. */
  profile: Profile | undefined;
  /** The config file in force, if any. */
  file: vscode.Uri | undefined;
}

/** One severity matrix file (a profile's `severityMatrix` in one folder), watched while the extension runs. */
interface MatrixEntry {
  readonly uri: vscode.Uri;
  readonly state: SeverityMatrixState;
  /** The text last parsed; a save that changes nothing is not parsed again. */
  text: string | undefined;
  /** The reading in progress, if any. */
  reading: Promise<void> | undefined;
  /** Another reading was asked for while one was in progress. */
  again: boolean;
  /** Its file watcher and listeners. */
  readonly watching: vscode.Disposable[];
}

/** Loads, watches and reports the configuration file and severity matrix of every workspace folder. */
export class WorkspaceConfigManager implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(CONFIG_DIAGNOSTIC_COLLECTION);
  private readonly states = new Map<string, FolderState>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.collection, this.changed];
  private readonly typingTimers = new Map<string, NodeJS.Timeout>();
  /** Severity matrices by file URI. */
  private readonly matrices = new Map<string, MatrixEntry>();

  /** Fires when a folder's effective profile may have changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${CONFIG_FILE_NAMES.join(',')}}`);
    const reloadFor = (uri: vscode.Uri) => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      // Only a file at a folder's root configures it.
      if (folder && uri.path === vscode.Uri.joinPath(folder.uri, uri.path.slice(uri.path.lastIndexOf('/') + 1)).path)
        void this.reload(folder);
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
      // Another profile in the settings may name another severity matrix (or none).
      vscode.workspace.onDidChangeConfiguration((e) => {
        for (const f of vscode.workspace.workspaceFolders ?? []) {
          if (e.affectsConfiguration(`${Settings.section}.${Settings.profileName}`, f.uri)) void this.reload(f);
        }
      }),
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

  /**
   * `profile` with the severity scale of its matrix file (`profile.severityMatrix` in `uri`'s
   * folder) when that file exists and has been read valid once; `profile` itself otherwise. The same
   * `profile` gives the same object until the matrix changes. The first call for a file starts
   * reading it (and watching it); `onDidChange` fires when its scale is in force.
   */
  withSeverityMatrix(uri: vscode.Uri, profile: Profile): Profile {
    const folder = profile.severityMatrix ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
    if (!folder || !profile.severityMatrix) return profile;
    const entry = this.matrixEntry(vscode.Uri.joinPath(folder.uri, ...profile.severityMatrix.split('/')));
    return entry.state.inForce
      ? entry.state.apply(profile, (p, levels) => heavy().applySeverityMatrix(p, levels))
      : profile;
  }

  /** Re-reads the configuration file of `folder`, then the severity matrix its profile names. */
  async reload(folder: vscode.WorkspaceFolder): Promise<void> {
    await this.reloadConfig(folder);
    const state = this.states.get(folder.uri.toString());
    const profile = state?.profile ?? profileFromSettings(folder.uri, this.log);
    const current = profile.severityMatrix
      ? vscode.Uri.joinPath(folder.uri, ...profile.severityMatrix.split('/'))
      : undefined;
    // A matrix the folder's profile no longer names is dropped, with its problems.
    for (const [key, entry] of this.matrices) {
      if (
        key !== current?.toString() &&
        vscode.workspace.getWorkspaceFolder(entry.uri)?.uri.toString() === folder.uri.toString()
      )
        this.dropMatrix(key, entry);
    }
    if (current) await this.readMatrix(this.matrixEntry(current, false));
  }

  private async reloadConfig(folder: vscode.WorkspaceFolder): Promise<void> {
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
      // A file over the limit reads as one that long: the parser reports it as too large.
      const text = (await readTextFile(file, { maxBytes: MAX_CONFIG_BYTES + 1 })) ?? 'x'.repeat(MAX_CONFIG_BYTES + 1);
      const result = heavy().parseConfig(text, name);
      this.collection.set(file, result.problems.map(toDiagnostic));
      if (result.profile) {
        state.profile = result.profile;
        this.log.info(`Using ${vscode.workspace.asRelativePath(file)} (extends ${result.profile.name}).`);
      } else {
        this.log.warn(
          `${vscode.workspace.asRelativePath(file)} has errors; ${state.profile ? 'the last valid configuration stays in use' : 'the profile from the settings is used'} until they are fixed.`,
        );
      }
    } catch (e) {
      this.log.error(`Could not read ${file.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.changed.fire();
  }

  dispose(): void {
    this.typingTimers.forEach((t) => clearTimeout(t));
    this.matrices.forEach((entry) => entry.watching.forEach((d) => d.dispose()));
    this.disposables.forEach((d) => d.dispose());
  }

  /** The entry of the matrix at `uri`, created (watched and, unless `read` is false, read) on first use. */
  private matrixEntry(uri: vscode.Uri, read = true): MatrixEntry {
    const key = uri.toString();
    let entry = this.matrices.get(key);
    if (entry) return entry;
    entry = { uri, state: new SeverityMatrixState(), text: undefined, reading: undefined, again: false, watching: [] };
    this.matrices.set(key, entry);
    const watched = entry;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const relative = folder ? uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1) : undefined;
    if (folder && relative) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, relative));
      const reread = () => {
        if (this.matrices.get(key) === watched) void this.readMatrix(watched);
      };
      entry.watching.push(
        watcher,
        watcher.onDidCreate(reread),
        watcher.onDidChange(reread),
        watcher.onDidDelete(reread),
      );
    }
    if (read) void this.readMatrix(entry);
    return entry;
  }

  /** Stops watching a matrix and removes its problems; the next profile that names it reads it afresh. */
  private dropMatrix(key: string, entry: MatrixEntry): void {
    this.matrices.delete(key);
    entry.watching.forEach((d) => d.dispose());
    this.collection.delete(entry.uri);
  }

  /** Reads the matrix file again; shows its problems on it and fires `onDidChange` when the scale in force changed. */
  private async readMatrix(entry: MatrixEntry): Promise<void> {
    if (entry.reading) {
      entry.again = true;
      return entry.reading;
    }
    entry.reading = (async () => {
      do {
        entry.again = false;
        await this.readMatrixOnce(entry);
      } while (entry.again);
    })().finally(() => {
      entry.reading = undefined;
    });
    return entry.reading;
  }

  private async readMatrixOnce(entry: MatrixEntry): Promise<void> {
    const where = vscode.workspace.asRelativePath(entry.uri);
    let text: string | undefined;
    let unreadable: string | undefined;
    // A file that cannot be found is no matrix; one that is there but cannot be read is shown on the file.
    const stat = await Promise.resolve(vscode.workspace.fs.stat(entry.uri)).catch(() => undefined);
    if (stat && stat.type & vscode.FileType.File) {
      if (stat.size > MAX_CONFIG_BYTES) {
        unreadable = `the severity matrix is larger than ${MAX_CONFIG_BYTES / 1024} KiB and is not read`;
      } else {
        try {
          text = await readTextFile(entry.uri);
        } catch (e) {
          unreadable = `the severity matrix could not be read: ${e instanceof Error ? e.message : String(e)}`;
        }
      }
    }
    if (this.matrices.get(entry.uri.toString()) !== entry) return; // dropped while reading
    if (text !== undefined && text === entry.text) return;
    entry.text = text;
    let changed: boolean;
    if (unreadable !== undefined) {
      changed = entry.state.read({ problems: [{ severity: 'error', range: range(0, 0, 0, 0), message: unreadable }] });
    } else if (text === undefined) {
      changed = entry.state.read(undefined);
    } else {
      changed = entry.state.read(heavy().parseSeverityMatrix(text));
    }
    const problems = entry.state.problems;
    if (problems.length > 0) this.collection.set(entry.uri, problems.map(toDiagnostic));
    else this.collection.delete(entry.uri);
    if (text === undefined && unreadable === undefined) {
      if (changed) this.log.info(`${where} is gone; the profile's own severity scale is used.`);
    } else if (entry.state.inForce && !problems.some((p) => p.severity === 'error')) {
      if (changed) this.log.info(`Using the severity scale of ${where}.`);
    } else {
      this.log.warn(
        `${where} has errors; ${entry.state.inForce ? 'its last valid version stays in use' : "the profile's own severity scale is used"} until they are fixed.`,
      );
    }
    if (changed) this.changed.fire();
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
    const key = document.uri.toString();
    const matrix = this.matrices.get(key);
    if (matrix) {
      clearTimeout(this.typingTimers.get(key));
      this.typingTimers.set(
        key,
        setTimeout(() => {
          this.typingTimers.delete(key);
          if (!document.isClosed)
            this.collection.set(
              document.uri,
              matrix.state.describe(heavy().parseSeverityMatrix(document.getText())).map(toDiagnostic),
            );
        }, 300),
      );
      return;
    }
    const state = [...this.states.values()].find((s) => s.file?.toString() === key);
    if (!state) return;
    clearTimeout(this.typingTimers.get(key));
    this.typingTimers.set(
      key,
      setTimeout(() => {
        this.typingTimers.delete(key);
        if (document.isClosed) return;
        const name = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
        this.collection.set(document.uri, heavy().parseConfig(document.getText(), name).problems.map(toDiagnostic));
      }, 300),
    );
  }
}

function toDiagnostic(problem: ConfigProblem): vscode.Diagnostic {
  const d = new vscode.Diagnostic(
    toVsRange(problem.range),
    problem.message,
    problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  d.source = DIAGNOSTIC_SOURCE;
  return d;
}

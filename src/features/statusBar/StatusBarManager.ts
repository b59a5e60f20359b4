// The status bar: the profile in force (click to choose another) and the current document's findings (click for Problems).
import * as vscode from 'vscode';
import { Commands, DIAGNOSTIC_SOURCE, StatusBarItems } from '../../constants';
import { kindFromProfileFolders } from '../../core/lint/documentKind';
import { DOCUMENT_KINDS } from '../../core/profiles/types';
import { workspaceRelativePath, type ProfileSource } from '../shared/profileSettings';

/** Owns the two status bar items and keeps them current. */
export class StatusBarManager implements vscode.Disposable {
  private readonly profileItem = vscode.window.createStatusBarItem(
    StatusBarItems.profile,
    vscode.StatusBarAlignment.Left,
    10,
  );
  private readonly findingsItem = vscode.window.createStatusBarItem(
    StatusBarItems.findings,
    vscode.StatusBarAlignment.Left,
    9,
  );
  private readonly disposables: vscode.Disposable[] = [this.profileItem, this.findingsItem];
  private hasIncidentFolders = false;

  constructor(
    private readonly profiles: ProfileSource,
    onDidChangeProfiles: vscode.Event<void>,
  ) {
    this.profileItem.name = vscode.l10n.t('Incident Workbench profile');
    this.profileItem.command = Commands.chooseProfile;
    this.findingsItem.name = vscode.l10n.t('Incident Workbench findings');
    this.findingsItem.command = 'workbench.actions.view.problems';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
      vscode.workspace.onDidChangeConfiguration(() => void this.refreshFolders()),
      // The first refresh comes from here too: reading the folders' configuration files at start-up
      // fires this for every folder. Not refreshing in the constructor keeps the settings read and the
      // file search (10-40 ms measured on this machine) out of activate().
      onDidChangeProfiles(() => void this.refreshFolders()),
    );
  }

  /** Shows the items only in workspaces that have incident documents, or while one is open. */
  private async refreshFolders(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    let found = false;
    for (const folder of folders) {
      const profile = this.profiles.profileFor(folder.uri);
      const globs = DOCUMENT_KINDS.map((k) => profile.documents[k]?.folder)
        .filter((f): f is string => !!f)
        .map((f) => `${f}/**/*.md`);
      if (globs.length === 0) continue;
      const hits = await vscode.workspace.findFiles(
        new vscode.RelativePattern(folder, `{${globs.join(',')}}`),
        '**/node_modules/**',
        1,
      );
      if (hits.length > 0) {
        found = true;
        break;
      }
    }
    this.hasIncidentFolders = found;
    this.update();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const uri = editor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    const relativePath = editor ? workspaceRelativePath(editor.document.uri) : undefined;
    const profile = uri ? this.profiles.profileFor(uri) : undefined;
    const kind = profile && relativePath ? kindFromProfileFolders(relativePath, profile) : undefined;
    if (!profile || (!this.hasIncidentFolders && !kind)) {
      this.profileItem.hide();
      this.findingsItem.hide();
      return;
    }
    this.profileItem.text = `$(pulse) ${profile.name}`;
    this.profileItem.tooltip = vscode.l10n.t(
      'Incident profile: {0}. Severities: {1}. Click to choose another profile.',
      profile.title,
      profile.severities.map((s) => s.id).join(', '),
    );
    this.profileItem.show();
    if (!kind || !editor) {
      this.findingsItem.hide();
      return;
    }
    const ours = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
    const errors = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    this.findingsItem.text =
      ours.length === 0 ? vscode.l10n.t('$(check) {0} complete', kind) : `$(error) ${errors} $(warning) ${warnings}`;
    this.findingsItem.tooltip =
      ours.length === 0
        ? vscode.l10n.t('This {0} passes every rule of the {1} profile.', kind, profile.name)
        : vscode.l10n.t(
            'This {0} has {1} and {2}. Click to open the Problems panel.',
            kind,
            errors === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', errors),
            warnings === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', warnings),
          );
    this.findingsItem.show();
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

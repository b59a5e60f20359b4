// Registers "Incident: Show Error Budget" and "Incident: Update Incident Index", and the optional index update on save.
import * as vscode from 'vscode';
import { kindFromProfileFolders, type Profile } from '../../core';
import { indexPathFor, updateIndexText, type IndexPlacement } from '../../core/incidentIndex';
import { budgetJson, budgetReport, budgetText, type BudgetJsonSlo } from '../../core/slo';
import { workspaceRelativePath, type ProfileSource } from '../shared/profileSettings';
import type { SloManager } from './SloManager';
import type { WorkspaceDocuments } from '../shared/WorkspaceDocuments';
import type { ChartsManager } from '../charts/ChartsPanel';
import type { ChartsPage } from '../../webview/chartsProtocol';
import { budgetViews } from '../../core/charts';
import { pickFolder, workspaceIncidents } from './workspaceIncidents';
import { Commands, Settings, REPORT_SCHEME } from '../../constants';

/** What the error-budget and index commands need. */
export interface SloFeatureDeps {
  readonly log: vscode.LogOutputChannel;
  readonly slos: SloManager;
  /** The profile in force for a document or folder (config file, else settings). */
  readonly profiles: ProfileSource;
  /** The documents' text, model and summary, by URI and version. */
  readonly documents: WorkspaceDocuments;
  /** The chart pages: "Show Error Budget" draws each SLO's budget there, its text report beside the charts. */
  readonly charts?: ChartsManager;
}

/** What "Update Incident Index" did, returned for tests and other commands. */
export interface IndexCommandResult {
  readonly path: string;
  readonly changed: boolean;
  readonly placement: IndexPlacement;
  readonly incidents: number;
}

export function register(_context: vscode.ExtensionContext, deps: SloFeatureDeps): vscode.Disposable {
  const reports = new ReportContentProvider();
  const pending = new Map<string, NodeJS.Timeout>();
  // A restored panel (after a reload) recomputes the budget of its folder; its text goes to the same report document.
  const budgetSource = deps.charts?.registerSource('budget', (folder) =>
    budgetSourceFor(deps, reports, folder, undefined),
  ) ?? { dispose: () => undefined };
  return vscode.Disposable.from(
    reports,
    budgetSource,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    vscode.commands.registerCommand(Commands.showErrorBudget, (uri?: unknown) =>
      showErrorBudget(deps, reports, uri instanceof vscode.Uri ? uri : undefined),
    ),
    vscode.commands.registerCommand(Commands.updateIncidentIndex, (uri?: unknown) =>
      updateIndex(deps, uri instanceof vscode.Uri ? uri : undefined, true),
    ),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      const on = vscode.workspace
        .getConfiguration(Settings.section, doc.uri)
        .get<boolean>(Settings.indexUpdateOnSave, false);
      if (!on || !isPostmortem(doc.uri, deps.profiles.profileFor(doc.uri))) return;
      const folder = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.toString() ?? '';
      // Saving several postmortems at once (Save All) updates the index once.
      clearTimeout(pending.get(folder));
      pending.set(
        folder,
        setTimeout(() => {
          pending.delete(folder);
          updateIndex(deps, doc.uri, false).catch((e: unknown) =>
            deps.log.error(`Updating the incident index failed: ${e instanceof Error ? e.message : String(e)}`),
          );
        }, 500),
      );
    }),
    // The preview's budget share comes from slo.yaml: render open previews again when it changes.
    deps.slos.onDidChange(() => void vscode.commands.executeCommand('markdown.preview.refresh')),
    { dispose: () => pending.forEach((t) => clearTimeout(t)) },
  );
}

function isPostmortem(uri: vscode.Uri, profile: Profile): boolean {
  const relative = workspaceRelativePath(uri);
  return relative !== undefined && kindFromProfileFolders(relative, profile) === 'postmortem';
}

/** The error budget of a folder: the report, its text, and the chart page of it. */
interface BudgetResult {
  readonly json: { slos: BudgetJsonSlo[] };
  readonly text: string;
  readonly page: ChartsPage;
  readonly exhausted: readonly string[];
}

async function showErrorBudget(
  deps: SloFeatureDeps,
  reports: ReportContentProvider,
  uri: vscode.Uri | undefined,
): Promise<{ slos: BudgetJsonSlo[] } | undefined> {
  const folder = await pickFolder(uri);
  if (!folder) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Open a folder with an slo.yaml to see its error budgets.'),
    );
    return undefined;
  }
  // The postmortem the report is about, fixed now: once the chart page has the focus there is no active editor.
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  const result = await computeBudget(deps, folder, target);
  if (!result) return undefined;
  if (deps.charts) {
    // The picture, with the text report on the same page and "Open as Text" for an editor copy.
    await deps.charts.show('budget', folder.uri, budgetSourceFor(deps, reports, folder.uri, target));
  } else {
    await openReport(reports, result.text);
  }
  if (result.exhausted.length > 0) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Error budget exhausted for {0}: freeze features and spend the time on reliability.',
        [...new Set(result.exhausted)].join(', '),
      ),
    );
  }
  return result.json;
}

/** The chart page source of a folder's error budget (`uri`: the postmortem it is about, if any). */
function budgetSourceFor(
  deps: SloFeatureDeps,
  reports: ReportContentProvider,
  folderUri: vscode.Uri | undefined,
  uri: vscode.Uri | undefined,
): { compute(): Promise<ChartsPage | undefined>; openText(): Promise<void> } {
  const folder = async () => (folderUri ? vscode.workspace.getWorkspaceFolder(folderUri) : pickFolder(uri));
  return {
    compute: async () => {
      const f = await folder();
      return f ? (await computeBudget(deps, f, uri))?.page : undefined;
    },
    openText: async () => {
      const f = await folder();
      const result = f ? await computeBudget(deps, f, uri) : undefined;
      if (result) await openReport(reports, result.text);
    },
  };
}

async function openReport(reports: ReportContentProvider, text: string): Promise<void> {
  const reportUri = reports.show(text);
  await vscode.window.showTextDocument(reportUri, { preview: true, viewColumn: vscode.ViewColumn.Beside });
}

/** Reads slo.yaml and the postmortems of `folder` and computes the budget (about the postmortem `uri`, if any); says why and resolves undefined when it cannot. */
async function computeBudget(
  deps: SloFeatureDeps,
  folder: vscode.WorkspaceFolder,
  uri: vscode.Uri | undefined,
): Promise<BudgetResult | undefined> {
  const loaded = await deps.slos.load(folder);
  if (!loaded) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'No slo.yaml in {0}. Add one with "slos:" listing service, objective and window (see docs/metrics.md), or set {1}.',
        folder.name,
        `${Settings.section}.${Settings.sloFile}`,
      ),
    );
    return undefined;
  }
  const errors = loaded.file.problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) {
    void vscode.window.showErrorMessage(
      errors === 1
        ? vscode.l10n.t('{0} has 1 error; fix it first (see the Problems panel).', loaded.file.fileName)
        : vscode.l10n.t('{0} has {1} errors; fix them first (see the Problems panel).', loaded.file.fileName, errors),
    );
    return undefined;
  }
  const profile = deps.profiles.profileFor(folder.uri);
  const incidents = await workspaceIncidents(folder, profile, deps.documents);
  // `uri`: the postmortem the report is about, as the caller fixed it (none: every SLO).
  const focusPath = uri && isPostmortem(uri, profile) ? workspaceRelativePath(uri) : undefined;
  const report = budgetReport(incidents, loaded.file.slos, { focusPath, now: Math.floor(Date.now() / 60_000) });
  const sloPath = workspaceRelativePath(loaded.uri) ?? loaded.file.fileName;
  const text = `${budgetText(report, sloPath)}\n`;
  const page: ChartsPage = {
    kind: 'budget',
    title: vscode.l10n.t('Error Budget'),
    folder: folder.uri.toString(),
    intro: [
      vscode.l10n.t(
        'The budget of each SLO in {0} over its window; each incident of the service consumes its duration × affected share, drawn as a step down at its start.',
        sloPath,
      ),
    ],
    views: budgetViews(report),
    text,
    labels: {
      refresh: vscode.l10n.t('Refresh'),
      openText: vscode.l10n.t('Open as Text'),
      data: vscode.l10n.t('Data'),
      empty: report.focus
        ? vscode.l10n.t("No SLO in the file is for this incident's service.")
        : vscode.l10n.t('The file defines no SLO.'),
    },
  };
  return {
    json: budgetJson(report),
    text,
    page,
    exhausted: report.slos.filter((s) => s.exhausted).map((s) => s.slo.service),
  };
}

async function updateIndex(
  deps: SloFeatureDeps,
  uri: vscode.Uri | undefined,
  interactive: boolean,
): Promise<IndexCommandResult | undefined> {
  const folder = await pickFolder(uri);
  if (!folder) {
    if (interactive)
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to update its incident index.'));
    return undefined;
  }
  const profile = deps.profiles.profileFor(folder.uri);
  const configured = vscode.workspace
    .getConfiguration(Settings.section, folder.uri)
    .get<string>(Settings.indexPath, '');
  const indexPath = indexPathFor(profile, configured);
  if (indexPath.split('/').includes('..') || /^(?:\/|[A-Za-z]:)/.test(indexPath)) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('The index path "{0}" must stay inside the workspace folder.', indexPath),
    );
    return undefined;
  }
  const target = vscode.Uri.joinPath(folder.uri, ...indexPath.split('/'));
  const incidents = await workspaceIncidents(folder, profile, deps.documents);
  const existing = await readIfExists(target);
  const update = updateIndexText(existing?.getText(), incidents, indexPath);
  if (!update.ok) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('{0}, line {1}: {2}.', indexPath, update.line + 1, update.message),
    );
    return undefined;
  }
  const result: IndexCommandResult = {
    path: indexPath,
    changed: update.changed,
    placement: update.placement,
    incidents: incidents.length,
  };
  if (!update.changed) {
    if (interactive)
      void vscode.window.showInformationMessage(
        vscode.l10n.t('{0} is up to date ({1} incidents).', indexPath, incidents.length),
      );
    return result;
  }
  const edit = new vscode.WorkspaceEdit();
  if (existing) {
    edit.replace(target, new vscode.Range(0, 0, existing.lineCount, 0), update.text);
  } else {
    edit.createFile(target, { ignoreIfExists: true });
    edit.insert(target, new vscode.Position(0, 0), update.text);
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not update {0}.', indexPath));
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(target);
  await doc.save();
  deps.log.info(`Updated ${indexPath}: ${incidents.length} incidents (${update.placement}).`);
  if (interactive) {
    const open = vscode.l10n.t('Open Index');
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t(
          'Updated {0} ({1} incidents); text outside the generated block is unchanged.',
          indexPath,
          incidents.length,
        ),
        open,
      )
      .then((choice) => {
        if (choice === open) void vscode.window.showTextDocument(target);
      });
  }
  return result;
}

async function readIfExists(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
  return vscode.workspace.openTextDocument(uri);
}

/** Serves the error-budget report as a read-only Markdown document, so closing it never asks to save. */
class ReportContentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  private text = '';
  readonly onDidChange = this.emitter.event;
  private readonly uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: '/Error Budget.md' });

  show(text: string): vscode.Uri {
    this.text = text;
    this.emitter.fire(this.uri);
    return this.uri;
  }

  provideTextDocumentContent(): string {
    return this.text;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

// Registers "Incident: Show Trends": the index's trend charts (median time to recover and detect, incidents per month by severity) in a webview beside the editor.
import type { WorkspaceDocuments } from '../shared/WorkspaceDocuments';
import * as vscode from 'vscode';
import { trendViews } from '../../core/charts';
import { indexPathFor } from '../../core/incidentIndex';
import { Commands, Settings } from '../../constants';
import type { ChartsPage } from '../../webview/chartsProtocol';
import type { ProfileSource } from '../shared/profileSettings';
import { pickFolder, workspaceIncidents } from '../slo/workspaceIncidents';
import { ChartsManager } from './ChartsPanel';

/** What the chart pages need from the extension. */
export interface ChartsDeps {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  readonly profiles: ProfileSource;
  /** The documents' text, model and summary, by URI and version. */
  readonly documents: WorkspaceDocuments;
}

/** The registered chart pages: other features add their page kinds to the manager. */
export interface ChartsFeature extends vscode.Disposable {
  readonly manager: ChartsManager;
}

export function register(_context: vscode.ExtensionContext, deps: ChartsDeps): ChartsFeature {
  const manager = new ChartsManager(deps.extensionUri, deps.log);
  const disposable = vscode.Disposable.from(
    manager,
    manager.registerSource('trends', (folder) => ({ compute: () => trendsPage(deps, folder) })),
    vscode.commands.registerCommand(Commands.showTrends, async (uri?: unknown) => {
      const folder = await pickFolder(uri instanceof vscode.Uri ? uri : undefined);
      if (!folder) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder with postmortems to see their trends.'));
        return undefined;
      }
      return manager.show('trends', folder.uri);
    }),
  );
  return { manager, dispose: () => disposable.dispose() };
}

/** The trends page of a folder, from the same summaries as the incident index. */
async function trendsPage(deps: ChartsDeps, folderUri: vscode.Uri | undefined): Promise<ChartsPage | undefined> {
  const folder = folderUri ? vscode.workspace.getWorkspaceFolder(folderUri) : await pickFolder();
  if (!folder) return undefined;
  const profile = deps.profiles.profileFor(folder.uri);
  const incidents = await workspaceIncidents(folder, profile, deps.documents);
  const configured = vscode.workspace
    .getConfiguration(Settings.section, folder.uri)
    .get<string>(Settings.indexPath, '');
  const dated = incidents.filter((i) => i.date).length;
  return {
    kind: 'trends',
    title: vscode.l10n.t('Incident Trends'),
    folder: folder.uri.toString(),
    intro: [
      vscode.l10n.t(
        '{0} postmortems in {1} ({2} dated), read as the incident index ({3}) reads them. Medians are over the incidents whose timeline gives the value.',
        incidents.length,
        folder.name,
        dated,
        indexPathFor(profile, configured),
      ),
    ],
    views: dated > 0 ? trendViews(incidents) : [],
    labels: {
      refresh: vscode.l10n.t('Refresh'),
      data: vscode.l10n.t('Data'),
      empty: vscode.l10n.t('No dated postmortem yet: the trends start with the first one.'),
    },
  };
}

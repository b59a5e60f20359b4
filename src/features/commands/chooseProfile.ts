// "Incident: Choose Profile": picks the incident process for the workspace (or says the config file decides).
import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES } from '../../core/config/types';
import { BUILT_IN_PROFILES } from '../../core/profiles';
import { Commands, Settings } from '../../constants';

export function register(): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.chooseProfile, async () => {
    const folder =
      vscode.workspace.workspaceFolders?.length === 1
        ? vscode.workspace.workspaceFolders[0]
        : await vscode.window.showWorkspaceFolderPick({
            placeHolder: vscode.l10n.t('Choose the folder whose incident profile to set'),
          });
    if (!folder) return undefined;
    for (const name of CONFIG_FILE_NAMES) {
      const uri = vscode.Uri.joinPath(folder.uri, name);
      try {
        await vscode.workspace.fs.stat(uri);
        const choice = await vscode.window.showInformationMessage(
          vscode.l10n.t('{0} in {1} chooses the profile (its "extends:" key). Edit it there.', name, folder.name),
          vscode.l10n.t('Open {0}', name),
        );
        if (choice) await vscode.window.showTextDocument(uri);
        return undefined;
      } catch {
        // No config file of that name.
      }
    }
    const current = vscode.workspace.getConfiguration(Settings.section, folder.uri).get<string>(Settings.profileName);
    const picked = await vscode.window.showQuickPick(
      BUILT_IN_PROFILES.map((p) => ({
        label: p.name,
        description: p.name === current ? vscode.l10n.t('{0} (current)', p.title) : p.title,
        detail: p.description,
      })),
      {
        title: vscode.l10n.t('Incident profile'),
        placeHolder: vscode.l10n.t('Which incident process does this workspace follow?'),
        matchOnDescription: true,
      },
    );
    if (!picked) return undefined;
    const target =
      (vscode.workspace.workspaceFolders?.length ?? 0) > 1
        ? vscode.ConfigurationTarget.WorkspaceFolder
        : vscode.ConfigurationTarget.Workspace;
    await vscode.workspace
      .getConfiguration(Settings.section, folder.uri)
      .update(Settings.profileName, picked.label, target);
    return picked.label;
  });
}

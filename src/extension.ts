// Wiring only: builds the shared pieces and registers each feature; reads like a table of contents.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from './constants';
import { register as registerCodeActions } from './features/codeActions/IncidentCodeActionProvider';
import { register as registerChooseProfile } from './features/commands/chooseProfile';
import { register as registerRuleDocumentation } from './features/commands/ruleDocumentation';
import { register as registerDiagnostics } from './features/diagnostics/register';
import { register as registerGitCorrelation } from './features/gitCorrelation/register';
import { profileSource } from './features/shared/profileSettings';
import { WorkspaceConfigManager } from './features/shared/WorkspaceConfigManager';
import { StatusBarManager } from './features/statusBar/StatusBarManager';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel(DIAGNOSTIC_SOURCE, { log: true });
  const configs = new WorkspaceConfigManager(log);
  context.subscriptions.push(log, configs);
  await configs.initialize();
  const profiles = profileSource(configs, log);

  context.subscriptions.push(
    registerDiagnostics(context, { extensionUri: context.extensionUri, log, profiles, onDidChangeProfiles: configs.onDidChange }),
    registerCodeActions(context, { log, profiles }),
    registerRuleDocumentation(context),
    registerChooseProfile(),
    registerGitCorrelation(context, { log, profiles }),
    new StatusBarManager(profiles, configs.onDidChange),
  );
  log.info(`Activated ${context.extension.id} ${String(context.extension.packageJSON.version)}.`);
}

export function deactivate(): void {}

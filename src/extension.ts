// Wiring only: builds the shared pieces and registers each feature; reads like a table of contents.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from './constants';
import { register as registerDiagnostics } from './features/diagnostics/register';
import { register as registerRuleDocumentation } from './features/commands/ruleDocumentation';
import { register as registerCodeActions } from './features/codeActions/IncidentCodeActionProvider';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel(DIAGNOSTIC_SOURCE, { log: true });
  context.subscriptions.push(
    log,
    registerDiagnostics(context, { extensionUri: context.extensionUri, log }),
    registerRuleDocumentation(context),
    registerCodeActions(context, log),
  );
  log.info(`Activated ${context.extension.id} ${String(context.extension.packageJSON.version)}.`);
}

export function deactivate(): void {}

// Wiring only: builds the services and registers each feature; reads like a table of contents.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('incidentWorkbench.lintWorkspace', () => undefined),
    vscode.commands.registerCommand('incidentWorkbench.showRuleDocumentation', () => undefined),
  );
}

export function deactivate(): void {}

// "Incident: Show Rule Documentation": picks a rule and opens its documentation page in the Markdown preview.
import * as vscode from 'vscode';
import { ALL_RULES, findRule } from '../../core';
import { Commands } from '../../constants';
import { ruleDocUri } from '../diagnostics/DiagnosticsManager';

export function register(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.showRuleDocumentation, async (ruleId?: unknown) => {
    let id = typeof ruleId === 'string' && findRule(ruleId) ? ruleId : undefined;
    if (!id) {
      const picked = await vscode.window.showQuickPick(
        ALL_RULES.map((r) => ({ label: r.id, description: r.name, detail: `${r.title} (default: ${r.defaultSeverity})` })),
        { title: 'Incident Workbench rules', placeHolder: 'Choose a rule to read its documentation', matchOnDescription: true, matchOnDetail: true },
      );
      id = picked?.label;
    }
    if (!id) return undefined;
    const uri = ruleDocUri(context.extensionUri, id);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return id;
  });
}

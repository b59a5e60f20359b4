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
        ALL_RULES.map((r) => ({
          label: r.id,
          description: r.name,
          detail: vscode.l10n.t('{0} (default: {1})', r.title, r.defaultSeverity),
        })),
        {
          title: vscode.l10n.t('Incident Workbench rules'),
          placeHolder: vscode.l10n.t('Choose a rule to read its documentation'),
          matchOnDescription: true,
          matchOnDetail: true,
        },
      );
      id = picked?.label;
    }
    if (!id) return undefined;
    const uri = ruleDocUri(context.extensionUri, id);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return id;
  });
}

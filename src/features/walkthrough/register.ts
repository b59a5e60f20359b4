// "Incident: Get Started" opens the walkthrough; "Incident: Show How to Lint in CI" opens docs/ci.md (the walkthrough's last step).
import * as vscode from 'vscode';
import { Commands, WALKTHROUGH_ID } from '../../constants';

/** The page of the extension that shows how to run the linter in CI. */
export function ciGuideUri(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'ci.md');
}

/** Registers the two commands of the walkthrough. */
export function register(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.getStarted, () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false),
    ),
    vscode.commands.registerCommand(Commands.openCiGuide, () =>
      vscode.commands.executeCommand('markdown.showPreview', ciGuideUri(context.extensionUri)),
    ),
  );
}

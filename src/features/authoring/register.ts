// Registers the authoring commands: New Postmortem, New Runbook, Declare Incident, Convert to Postmortem, Add Timeline Entry, Import Timeline, Copy Status Update and Copy Resolution Notice.
import * as vscode from 'vscode';
import { ActiveDocumentKindManager } from './ActiveDocumentKindManager';
import { addTimelineEntry } from './addTimelineEntry';
import { importTimeline } from './importTimeline';
import { convertToPostmortem } from './convertToPostmortem';
import { copyResolutionNotice, copyStatusUpdate } from './copyMessages';
import { declareIncident } from './declareIncident';
import type { AuthoringDeps } from './deps';
import { newPostmortem } from './newPostmortem';
import { newRunbook } from './newRunbook';
import { Commands } from '../../constants';
import { AuthoringCommandTitles, type AuthoringCommand } from './commandTitles';

export type { AuthoringDeps, CommitLookup } from './deps';

type CommandName = AuthoringCommand;

/** Each command's implementation; each takes the optional argument a test, keybinding or menu passes. */
const HANDLERS: Readonly<Record<CommandName, (deps: AuthoringDeps, arg?: unknown) => Promise<unknown>>> = {
  newPostmortem,
  newRunbook,
  declareIncident,
  convertToPostmortem,
  addTimelineEntry,
  importTimeline,
  copyStatusUpdate,
  copyResolutionNotice,
};

export function register(_context: vscode.ExtensionContext, deps: AuthoringDeps): vscode.Disposable {
  const commands = (Object.keys(HANDLERS) as CommandName[]).map((name) =>
    vscode.commands.registerCommand(Commands[name], async (arg?: unknown) => {
      try {
        return await HANDLERS[name](deps, arg);
      } catch (e) {
        deps.log.error(
          `${AuthoringCommandTitles[name]} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        );
        void vscode.window.showErrorMessage(
          vscode.l10n.t('{0}: {1}', AuthoringCommandTitles[name], e instanceof Error ? e.message : String(e)),
        );
        return undefined;
      }
    }),
  );
  return vscode.Disposable.from(...commands, new ActiveDocumentKindManager(deps, deps.onDidChangeProfiles));
}

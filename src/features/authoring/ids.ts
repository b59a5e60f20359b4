// Command and context-key ids of the authoring feature (New Postmortem, New Runbook, Declare Incident, timeline and status commands).

import * as vscode from 'vscode';
import { Commands, ContextKeys } from '../../constants';

/** Command ids of this feature, defined in constants.ts. */
export const AuthoringCommands = {
  newPostmortem: Commands.newPostmortem,
  newRunbook: Commands.newRunbook,
  declareIncident: Commands.declareIncident,
  convertToPostmortem: Commands.convertToPostmortem,
  addTimelineEntry: Commands.addTimelineEntry,
  importTimeline: Commands.importTimeline,
  copyStatusUpdate: Commands.copyStatusUpdate,
  copyResolutionNotice: Commands.copyResolutionNotice,
} as const;

/**
 * The titles contributed in package.json (category "Incident"), also used as the titles of the
 * commands' prompts. Getters, so that each is translated when it is shown, not at load time.
 */
export const AuthoringCommandTitles: Readonly<Record<keyof typeof AuthoringCommands, string>> = {
  get newPostmortem() { return vscode.l10n.t('New Postmortem'); },
  get newRunbook() { return vscode.l10n.t('New Runbook'); },
  get declareIncident() { return vscode.l10n.t('Declare Incident'); },
  get convertToPostmortem() { return vscode.l10n.t('Convert to Postmortem'); },
  get addTimelineEntry() { return vscode.l10n.t('Add Timeline Entry'); },
  get importTimeline() { return vscode.l10n.t('Import Timeline…'); },
  get copyStatusUpdate() { return vscode.l10n.t('Copy Status Update'); },
  get copyResolutionNotice() { return vscode.l10n.t('Copy Resolution Notice'); },
};

/** Context keys set by the feature, defined in constants.ts. */
export const AuthoringContextKeys = ContextKeys;

// The authoring commands' titles (as contributed in package.json), also the titles of their prompts.
import * as vscode from 'vscode';

/** The authoring commands, by their key in `Commands` (constants.ts). */
export type AuthoringCommand =
  | 'newPostmortem'
  | 'newRunbook'
  | 'declareIncident'
  | 'convertToPostmortem'
  | 'addTimelineEntry'
  | 'importTimeline'
  | 'copyStatusUpdate'
  | 'copyResolutionNotice';

/**
 * The titles contributed in package.json (category "Incident"), also used as the titles of the
 * commands' prompts. Getters, so that each is translated when it is shown, not at load time.
 */
export const AuthoringCommandTitles: Readonly<Record<AuthoringCommand, string>> = {
  get newPostmortem() {
    return vscode.l10n.t('New Postmortem');
  },
  get newRunbook() {
    return vscode.l10n.t('New Runbook');
  },
  get declareIncident() {
    return vscode.l10n.t('Declare Incident');
  },
  get convertToPostmortem() {
    return vscode.l10n.t('Convert to Postmortem');
  },
  get addTimelineEntry() {
    return vscode.l10n.t('Add Timeline Entry');
  },
  get importTimeline() {
    return vscode.l10n.t('Import Timeline…');
  },
  get copyStatusUpdate() {
    return vscode.l10n.t('Copy Status Update');
  },
  get copyResolutionNotice() {
    return vscode.l10n.t('Copy Resolution Notice');
  },
};

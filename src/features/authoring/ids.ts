// Command and context-key ids of the authoring feature (New Postmortem, New Runbook, Declare Incident, timeline and status commands).

import { Commands, ContextKeys } from '../../constants';

/** Command ids of this feature, defined in constants.ts. */
export const AuthoringCommands = {
  newPostmortem: Commands.newPostmortem,
  newRunbook: Commands.newRunbook,
  declareIncident: Commands.declareIncident,
  convertToPostmortem: Commands.convertToPostmortem,
  addTimelineEntry: Commands.addTimelineEntry,
  copyStatusUpdate: Commands.copyStatusUpdate,
  copyResolutionNotice: Commands.copyResolutionNotice,
} as const;

/** The titles contributed in package.json (category "Incident"), also used as the titles of the commands' prompts. */
export const AuthoringCommandTitles: Readonly<Record<keyof typeof AuthoringCommands, string>> = {
  newPostmortem: 'New Postmortem',
  newRunbook: 'New Runbook',
  declareIncident: 'Declare Incident',
  convertToPostmortem: 'Convert to Postmortem',
  addTimelineEntry: 'Add Timeline Entry',
  copyStatusUpdate: 'Copy Status Update',
  copyResolutionNotice: 'Copy Resolution Notice',
};

/** Context keys set by the feature, defined in constants.ts. */
export const AuthoringContextKeys = ContextKeys;

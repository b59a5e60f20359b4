// The git correlation feature's ids, re-exported from constants.ts where every id is defined once.
import { BUILTIN_GIT_EXTENSION_ID, COMMIT_DOCUMENT_SCHEME, Commands } from '../../constants';

export { BUILTIN_GIT_EXTENSION_ID, COMMIT_DOCUMENT_SCHEME };

/** Command ids of this feature. */
export const GitCorrelationCommands = { showIncidentWindowChanges: Commands.showIncidentWindowChanges } as const;

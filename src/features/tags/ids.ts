// The INCIDENT tags feature's ids, re-exported from constants.ts where every id is defined once.
import { Commands, Settings, TAG_DIAGNOSTIC_COLLECTION, Views } from '../../constants';

export { TAG_DIAGNOSTIC_COLLECTION };

/** Command ids of this feature. */
export const TagCommands = {
  tagCodeLocation: Commands.tagCodeLocation,
  refreshTaggedCode: Commands.refreshTaggedCode,
  openTagIncident: Commands.openTagIncident,
  showTagLocations: Commands.showTagLocations,
} as const;

/** View container and view ids. */
export const TagViews = Views;

/** Setting ids under `incidentWorkbench.`. */
export const TagSettings = {
  section: Settings.section,
  enabled: Settings.tagsEnabled,
  codeLens: Settings.tagsCodeLens,
  exclude: Settings.tagsExclude,
  maxFileSize: Settings.tagsMaxFileSize,
  scanner: Settings.tagsScanner,
  useGitignore: Settings.tagsUseGitignore,
} as const;

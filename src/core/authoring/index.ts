// Authoring helpers: timeline entries, status messages, incident-to-postmortem conversion and service suggestions for runbooks.
export { timelineEntryEdit, TimelineEntryError } from './timelineEntry';
export {
  statusUpdate,
  resolutionNotice,
  cadenceMinutes,
  updatesOnResolution,
  latestEvent,
  postmortemPromise,
  firstParagraph,
  DEFAULT_UPDATE_MINUTES,
} from './statusUpdate';
export { postmortemValuesFromIncident } from './convert';
export {
  servicesFromManifest,
  servicesFromRunbookNames,
  manifestKind,
  SERVICE_MANIFEST_GLOBS,
  MAX_SERVICE_NAME_LENGTH,
} from './services';

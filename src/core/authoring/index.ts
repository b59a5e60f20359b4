// Authoring helpers: timeline entries, status messages and incident-to-postmortem conversion.
export { timelineEntryEdit, TimelineEntryError } from './timelineEntry';
export { statusUpdate, resolutionNotice, cadenceMinutes, firstParagraph, DEFAULT_UPDATE_MINUTES } from './statusUpdate';
export { postmortemValuesFromIncident } from './convert';

// What an incident document tells the git correlation: when to look (the window hints) and which services it names.
import { SERVICE_FIELD_NAMES, type IncidentSummary } from '../incident/summary';
import type { WindowHints } from './window';

export { SERVICE_FIELD_NAMES };

/** The window hints of an incident: its date (as every view reads it) and its timeline. */
export function windowHints(summary: IncidentSummary): WindowHints {
  return { date: summary.date, timeline: summary.timeline };
}

/** The services the incident's services field names (see `servicesOf`). */
export function incidentServices(summary: IncidentSummary): string[] {
  return [...summary.services];
}

// What an incident document tells the git correlation: when to look (the window hints) and which services it names.
import { findField } from '../postmortem/fields';
import type { IncidentModel } from '../postmortem/model';
import type { WindowHints } from './window';

/** Header fields under which documents name the services an incident hit. */
export const SERVICE_FIELD_NAMES: readonly string[] = [
  'services', 'service', 'affected services', 'affected service', 'services affected', 'impacted services',
  'systems affected', 'affected systems', 'components', 'component', 'affected components',
];

/** The window hints of an incident model: its date and its timeline. */
export function windowHints(model: IncidentModel): WindowHints {
  return { date: model.date, timeline: model.timeline };
}

/**
 * The services a document names in a services field (`**Services:** payments-api, checkout`),
 * split on commas, semicolons, slashes and `and`; placeholders such as `<service>` and `TBD` are dropped.
 */
export function incidentServices(model: IncidentModel): string[] {
  const field = findField(model.fields, SERVICE_FIELD_NAMES);
  if (!field) return [];
  return field.value
    .split(/[,;/]|\band\b/i)
    .map((s) => s.replace(/[`*_]/g, '').replace(/\(.*?\)/g, '').trim())
    .filter((s) => s.length > 0 && !/^(?:<.*>|\[.*\]|tbd|n\/?a|none|unknown|-+)$/i.test(s));
}

// Which SLOs an incident counts against: the services it names in a Service field, else those in its file name or title.
import { SERVICE_FIELD_NAMES, type IncidentSummary } from '../incident/summary';
import type { SloDefinition } from './types';

export { SERVICE_FIELD_NAMES };

/** How an incident was tied to a service. */
export type AttributionSource = 'field' | 'file name' | 'title';

/** The services of an incident and how they were found. */
export interface Attribution {
  /** Service names as the SLO file writes them (or as the field writes them, when no SLO matches). */
  readonly services: readonly string[];
  readonly source: AttributionSource | undefined;
}

/** `User Service` → `user-service`: lower case, runs of anything but letters and digits as one hyphen. */
export function serviceKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The services of `incident`: a Service field (`service: user-service` in front matter,
 * `**Services:** api, db`) names them explicitly; without one, a service of `slos` whose name
 * appears as whole words in the file name or else in the title (`2026-03-15-user-service-timeout.md`,
 * "User service timeouts") is taken, and the source says so.
 */
export function attributeServices(incident: IncidentSummary, slos: readonly SloDefinition[]): Attribution {
  const known = [...new Set(slos.map((s) => s.service))];
  if (incident.services.length > 0) {
    const services = incident.services.map((n) => known.find((k) => serviceKey(k) === serviceKey(n)) ?? n);
    return { services: [...new Set(services)], source: 'field' };
  }
  const file = incident.path.slice(incident.path.lastIndexOf('/') + 1).replace(/\.(?:md|markdown)$/i, '');
  for (const [source, text] of [
    ['file name', file],
    ['title', incident.title],
  ] as const) {
    const words = `-${serviceKey(text)}-`;
    const services = known.filter((k) => serviceKey(k) && words.includes(`-${serviceKey(k)}-`));
    // The longest names first, and a name inside a longer matched one ("user" in "user-service") dropped.
    const kept = services.filter(
      (s) => !services.some((o) => o !== s && `-${serviceKey(o)}-`.includes(`-${serviceKey(s)}-`)),
    );
    if (kept.length > 0) return { services: kept, source };
  }
  return { services: [], source: undefined };
}

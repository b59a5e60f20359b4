// Aggregates over incidents: counts by severity and month, mean and median time to detect and recover, per service.
import { formatDate, roundTo } from './format';
import type { IncidentSummary } from '../incident/summary';

/** Mean and median of the values that could be computed. */
export interface Stats {
  /** How many incidents had a value. */
  readonly count: number;
  /** Rounded to 0.1; null when no incident had a value. */
  readonly mean: number | null;
  /** The middle value (the mean of the two middle ones for an even count), rounded to 0.1; null when none. */
  readonly median: number | null;
}

/** The numbers for a group of incidents. */
export interface GroupAggregate {
  readonly incidents: number;
  readonly timeToDetect: Stats;
  readonly timeToRecover: Stats;
  readonly duration: Stats;
}

/** The numbers for all incidents. */
export interface IncidentAggregate extends GroupAggregate {
  /** Incidents per severity id (`(none)` for no severity), most severe first. */
  readonly bySeverity: Readonly<Record<string, number>>;
  /** Incidents per month, `YYYY-MM` in order (`(undated)` last). */
  readonly byMonth: Readonly<Record<string, number>>;
  /** Per service, when `serviceOf` names services; an incident may count for several. */
  readonly byService: Readonly<Record<string, GroupAggregate>>;
  /** Action items not done, over the incidents that have an Action Items section. */
  readonly openActionItems: number;
}

/** Mean and median of `values`, nulls left out. */
export function stats(values: ReadonlyArray<number | null>): Stats {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (known.length === 0) return { count: 0, mean: null, median: null };
  const mean = known.reduce((s, v) => s + v, 0) / known.length;
  const mid = Math.floor(known.length / 2);
  const median = known.length % 2 === 1 ? known[mid] : (known[mid - 1] + known[mid]) / 2;
  return { count: known.length, mean: roundTo(mean, 1), median: roundTo(median, 1) };
}

/** Aggregates `incidents`; `serviceOf` names the services of an incident for the per-service numbers. */
export function aggregate(
  incidents: readonly IncidentSummary[],
  serviceOf?: (incident: IncidentSummary) => readonly string[],
): IncidentAggregate {
  const bySeverity = countBy(
    [...incidents].sort(
      (a, b) => (a.severityRank ?? 99) - (b.severityRank ?? 99) || (a.severity ?? '~').localeCompare(b.severity ?? '~'),
    ),
    (i) => i.severity ?? '(none)',
  );
  const byMonth = countBy(
    [...incidents].sort((a, b) => (a.date ? monthOf(a) : '~').localeCompare(b.date ? monthOf(b) : '~')),
    monthOf,
  );
  const services = new Map<string, IncidentSummary[]>();
  for (const incident of incidents) {
    for (const service of serviceOf?.(incident) ?? []) {
      services.set(service, [...(services.get(service) ?? []), incident]);
    }
  }
  const byService: Record<string, GroupAggregate> = {};
  for (const name of [...services.keys()].sort()) byService[name] = group(services.get(name) ?? []);
  return {
    ...group(incidents),
    bySeverity,
    byMonth,
    byService,
    openActionItems: incidents.reduce((n, i) => n + (i.actionItemCounts?.open ?? 0), 0),
  };
}

function group(incidents: readonly IncidentSummary[]): GroupAggregate {
  return {
    incidents: incidents.length,
    timeToDetect: stats(incidents.map((i) => i.metrics.timeToDetect.minutes)),
    timeToRecover: stats(incidents.map((i) => i.metrics.timeToRecover.minutes)),
    duration: stats(incidents.map((i) => i.metrics.duration.minutes)),
  };
}

function monthOf(incident: IncidentSummary): string {
  return incident.date ? formatDate(incident.date).slice(0, 7) : '(undated)';
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

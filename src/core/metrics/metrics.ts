// Time to detect, mitigate and recover and the duration of one incident, from its timeline's milestones; null when not computable.
import { classifyMilestones, MILESTONES, type Milestone, type MilestoneHit } from '../timeline/milestones';
import type { TimelineEntry } from '../timeline/timeline';

/** The four measures, each from one milestone to another. */
export type MetricId = 'timeToDetect' | 'timeToMitigate' | 'timeToRecover' | 'duration';

/** What each measure runs from and to, and how it is named; the one definition the hover, preview, CLI and docs use. */
export const METRICS: Readonly<
  Record<MetricId, { readonly from: Milestone; readonly to: Milestone; readonly label: string; readonly short: string }>
> = {
  timeToDetect: { from: 'start', to: 'detection', label: 'Time to detect', short: 'TTD' },
  timeToMitigate: { from: 'detection', to: 'mitigation', label: 'Time to mitigate', short: 'TTM' },
  timeToRecover: { from: 'detection', to: 'resolution', label: 'Time to recover', short: 'TTR' },
  duration: { from: 'start', to: 'resolution', label: 'Duration', short: 'Duration' },
};

/** The measures in display order. */
export const METRIC_IDS: readonly MetricId[] = ['timeToDetect', 'timeToMitigate', 'timeToRecover', 'duration'];

/** One measure: whole minutes between two milestones, or null with the reason it cannot be computed. */
export interface Interval {
  /** Whole minutes (seconds in the times are ignored); null when not computable. */
  readonly minutes: number | null;
  readonly from: MilestoneHit | undefined;
  readonly to: MilestoneHit | undefined;
  /** Why `minutes` is null, as a sentence fragment ("no detection event in the timeline"). */
  readonly reason?: string;
  /** Whether either time is written as approximate (`~18:10`). */
  readonly approximate: boolean;
}

/** The measures of one incident. */
export interface IncidentMetrics {
  readonly milestones: Partial<Record<Milestone, MilestoneHit>>;
  readonly timeToDetect: Interval;
  readonly timeToMitigate: Interval;
  readonly timeToRecover: Interval;
  readonly duration: Interval;
  /** What a reader must know about how the values were read (e.g. the start taken as the first event). */
  readonly notes: readonly string[];
  /**
   * Which event was taken for each milestone and why, one line each, in milestone order:
   * `detection: 07:55 users notice checkout errors (the first alert, page or report)`.
   */
  readonly explanation: readonly string[];
}

/**
 * Computes the measures from the entries of a timeline (undefined: the document has none).
 * Time to detect runs from start to detection, time to mitigate from detection to the start of
 * mitigation, time to recover from detection to resolution, and the duration from start to
 * resolution (seed 000: 14:28 → 14:32 is 4 minutes to detect, 14:32 → 15:19 is 47 to recover).
 * A measure is null, with its reason, when a milestone is missing, when one time is dated and
 * the other is not, when one names a zone other than UTC and the other names none, or when
 * the end is before the start.
 */
export function computeMetrics(entries: readonly TimelineEntry[] | undefined): IncidentMetrics {
  const found = entries ? classifyMilestones(entries) : {};
  const noTimes = !entries
    ? 'the document has no timeline'
    : entries.every((e) => e.minutes === undefined)
      ? 'the timeline has no timed events'
      : undefined;
  const measure = (id: MetricId): Interval =>
    interval(found[METRICS[id].from], found[METRICS[id].to], METRICS[id].from, METRICS[id].to, noTimes);
  const notes: string[] = [];
  if (found.start?.how === 'first-entry') {
    notes.push(
      `No event says when the incident started, so the first timed event (${found.start.entry.timeText}) is taken as the start.`,
    );
  }
  if (found.start && found.start.entry.minutes === undefined) {
    notes.push(
      `The start (${found.start.entry.timeText}) has a date and no time, so it is read as the start of that day and the measures from it are approximate.`,
    );
  }
  const slipped = MILESTONES.map((m) => found[m]?.entry).filter(
    (e, i, all): e is TimelineEntry => e?.slipDays !== undefined && all.indexOf(e) === i,
  );
  for (const e of slipped) {
    notes.push(
      `The date of the event at ${e.timeText} (line ${e.line + 1}) is ${e.slipDays} days before the events listed above it; it is read on their day.`,
    );
  }
  return {
    milestones: found,
    timeToDetect: measure('timeToDetect'),
    timeToMitigate: measure('timeToMitigate'),
    timeToRecover: measure('timeToRecover'),
    duration: measure('duration'),
    notes,
    explanation: MILESTONES.flatMap((m) => (found[m] ? [explainMilestone(found[m] as MilestoneHit)] : [])),
  };
}

/** `detection: 07:55 users notice checkout errors (the first alert, page or report)`: the event taken for a milestone, and why. */
export function explainMilestone(hit: MilestoneHit): string {
  const e = hit.entry;
  const words = e.text.length > 70 ? `${e.text.slice(0, 69).trimEnd()}…` : e.text;
  return `${hit.milestone}: ${e.timeText} ${words} (${hit.why})`;
}

function interval(
  from: MilestoneHit | undefined,
  to: MilestoneHit | undefined,
  fromName: Milestone,
  toName: Milestone,
  noTimes: string | undefined,
): Interval {
  // A date-only start counts from the start of its day, so the measure is approximate.
  const approximate = Boolean(
    from?.entry.approximate ||
    to?.entry.approximate ||
    from?.entry.minutes === undefined ||
    to?.entry.minutes === undefined,
  );
  const none = (reason: string): Interval => ({ minutes: null, from, to, reason, approximate });
  if (noTimes) return none(noTimes);
  if (!from || !to) {
    const missing = [!from ? fromName : undefined, !to ? toName : undefined].filter(Boolean);
    return none(`no ${missing.join(' or ')} event in the timeline`);
  }
  const a = from.entry;
  const b = to.entry;
  if (a.dated !== b.dated) {
    const [dated, undated] = a.dated ? [fromName, toName] : [toName, fromName];
    return none(`the ${dated} time has a date and the ${undated} time has none`);
  }
  if (a.zoned !== b.zoned && a.minutes !== undefined && b.minutes !== undefined) {
    const [zoned, plain] = a.zoned ? [a, b] : [b, a];
    if (zoned.utcOffset !== 0) {
      return none(
        `the ${zoned === a ? fromName : toName} time names a time zone (${zoned.zone}) and the ${plain === a ? fromName : toName} time does not`,
      );
    }
  }
  const minutes = ((b.minutes ?? b.dayStart) as number) - ((a.minutes ?? a.dayStart) as number);
  if (minutes < 0)
    return none(`the ${toName} event (${b.timeText}) is earlier than the ${fromName} event (${a.timeText})`);
  return { minutes, from, to, approximate };
}

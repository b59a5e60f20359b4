// Time to detect, mitigate and recover and the duration of one incident, from its timeline's milestones; null when not computable.
import { classifyMilestones, type Milestone, type MilestoneHit } from '../timeline/milestones';
import type { TimelineEntry } from '../timeline/timeline';

/** The four measures, each from one milestone to another. */
export type MetricId = 'timeToDetect' | 'timeToMitigate' | 'timeToRecover' | 'duration';

/** What each measure runs from and to, and how it is named; the one definition the hover, preview, CLI and docs use. */
export const METRICS: Readonly<Record<MetricId, { readonly from: Milestone; readonly to: Milestone; readonly label: string; readonly short: string }>> = {
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
  const noTimes = !entries ? 'the document has no timeline' : entries.every((e) => e.minutes === undefined) ? 'the timeline has no timed events' : undefined;
  const measure = (id: MetricId): Interval => interval(found[METRICS[id].from], found[METRICS[id].to], METRICS[id].from, METRICS[id].to, noTimes);
  const notes: string[] = [];
  if (found.start?.how === 'first-entry') {
    notes.push(`No event says when the incident started, so the first timed event (${found.start.entry.timeText}) is taken as the start.`);
  }
  return {
    milestones: found,
    timeToDetect: measure('timeToDetect'),
    timeToMitigate: measure('timeToMitigate'),
    timeToRecover: measure('timeToRecover'),
    duration: measure('duration'),
    notes,
  };
}

function interval(from: MilestoneHit | undefined, to: MilestoneHit | undefined, fromName: Milestone, toName: Milestone, noTimes: string | undefined): Interval {
  const approximate = Boolean(from?.entry.approximate || to?.entry.approximate);
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
  if (a.zoned !== b.zoned) {
    const [zoned, plain] = a.zoned ? [a, b] : [b, a];
    if (zoned.utcOffset !== 0) {
      return none(`the ${zoned === a ? fromName : toName} time names a time zone (${zoned.zone}) and the ${plain === a ? fromName : toName} time does not`);
    }
  }
  const minutes = (b.minutes as number) - (a.minutes as number);
  if (minutes < 0) return none(`the ${toName} event (${b.timeText}) is earlier than the ${fromName} event (${a.timeText})`);
  return { minutes, from, to, approximate };
}

// PM009: timeline events out of chronological order.
import type { TimelineEntry } from '../timeline/timeline';
import type { Rule, RuleReport } from './types';
import { incident } from './util';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The UTC calendar day of a dated entry, as YYYY-MM-DD (or `Jan 14` when the timeline never gave the year). */
function day(entry: TimelineEntry): string {
  const date = new Date(Math.floor((entry.minutes as number) / 1440) * 86_400_000);
  return entry.yearGuessed ? `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}` : date.toISOString().slice(0, 10);
}

/**
 * The indexes (into `times`) of the longest run of events in time order, keeping the earliest
 * listed events when several runs are as long: everything else is out of place. O(n log n).
 */
export function inOrderRun(times: readonly number[]): Set<number> {
  const n = times.length;
  // longest[i]: the longest non-decreasing run that starts at i (patience sorting from the end).
  const longest = new Array<number>(n);
  const tails: number[] = []; // tails[k]: the largest first value of a run of length k + 1 seen so far
  for (let i = n - 1; i >= 0; i--) {
    const v = times[i];
    // The first k whose run start is smaller than v: runs from there can't follow v.
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] >= v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
    longest[i] = lo + 1;
  }
  const keep = new Set<number>();
  let need = tails.length;
  let last = -Infinity;
  for (let i = 0; i < n && need > 0; i++) {
    if (longest[i] >= need && times[i] >= last) {
      keep.add(i);
      last = times[i];
      need--;
    }
  }
  return keep;
}

export const PM009: Rule = {
  id: 'PM009',
  name: 'timeline-order',
  title: 'Timeline events are not in chronological order',
  defaultSeverity: 'warning',
  kinds: ['postmortem', 'incident'],
  check(context) {
    const timed = (incident(context).timeline ?? []).filter((e) => e.minutes !== undefined);
    const keep = inOrderRun(timed.map((e) => e.minutes as number));
    const reports: RuleReport[] = [];
    // Each event out of place is reported once, against its neighbour in the in-order run:
    // the one above it when it happened before that one, else the one below it.
    let above: TimelineEntry | undefined;
    for (let i = 0; i < timed.length; i++) {
      const entry = timed[i];
      if (keep.has(i)) {
        above = entry;
        continue;
      }
      const at = entry.minutes as number;
      const days = (other: TimelineEntry) => (entry.dated && other.dated && day(entry) !== day(other) ? ` (on ${day(entry)}, ${at < (other.minutes as number) ? 'before' : 'after'} ${day(other)})` : '');
      if (above && at < (above.minutes as number)) {
        reports.push({
          message: `Timeline event at ${entry.timeText} is listed after the event at ${above.timeText} (line ${above.line + 1}) but happened earlier${days(above)}; keep the timeline in time order.`,
          range: entry.range,
        });
        continue;
      }
      let below: TimelineEntry | undefined;
      for (let j = i + 1; j < timed.length && !below; j++) if (keep.has(j)) below = timed[j];
      if (below) {
        reports.push({
          message: `Timeline event at ${entry.timeText} is listed before the event at ${below.timeText} (line ${below.line + 1}) but happened later${days(below)}; keep the timeline in time order.`,
          range: entry.range,
        });
      }
    }
    return reports;
  },
};

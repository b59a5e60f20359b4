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
    // A run of events out of place against the same neighbour and in order among themselves (a
    // block under a mistaken date) is one mistake: reported once, on its first event, with a count.
    let run: { report: number; last: number; others: number; message: string; anchor: TimelineEntry } | undefined;
    for (let i = 0; i < timed.length; i++) {
      const entry = timed[i];
      if (keep.has(i)) {
        above = entry;
        run = undefined;
        continue;
      }
      const at = entry.minutes as number;
      const days = (other: TimelineEntry) =>
        entry.dated && other.dated && day(entry) !== day(other)
          ? ` (on ${day(entry)}, ${at < (other.minutes as number) ? 'before' : 'after'} ${day(other)})`
          : '';
      let anchor: TimelineEntry | undefined;
      let message: string | undefined;
      if (above && at < (above.minutes as number)) {
        anchor = above;
        message = `Timeline event at ${entry.timeText} is listed after the event at ${above.timeText} (line ${above.line + 1}) but happened earlier${days(above)}; keep the timeline in time order.`;
      } else {
        for (let j = i + 1; j < timed.length && !anchor; j++) if (keep.has(j)) anchor = timed[j];
        if (anchor)
          message = `Timeline event at ${entry.timeText} is listed before the event at ${anchor.timeText} (line ${anchor.line + 1}) but happened later${days(anchor)}; keep the timeline in time order.`;
      }
      if (!anchor || !message) continue;
      if (run && run.anchor === anchor && at >= run.last) {
        run.last = at;
        run.others++;
        const tail = `; so ${run.others === 1 ? 'is the event' : `are the ${run.others} events`} listed right after it`;
        reports[run.report] = {
          ...reports[run.report],
          message: run.message.replace('; keep the timeline', `${tail}; keep the timeline`),
        };
        continue;
      }
      run = { report: reports.length, last: at, others: 0, message, anchor };
      reports.push({ message, range: entry.range });
    }
    return reports;
  },
};

// PM009: timeline events out of chronological order.
import type { Rule, RuleReport } from './types';
import { incident } from './util';

/** The UTC calendar day of a dated entry, as YYYY-MM-DD. */
function day(minutes: number): string {
  return new Date(Math.floor(minutes / 1440) * 86_400_000).toISOString().slice(0, 10);
}

export const PM009: Rule = {
  id: 'PM009',
  name: 'timeline-order',
  title: 'Timeline events are not in chronological order',
  defaultSeverity: 'warning',
  kinds: ['postmortem', 'incident'],
  check(context) {
    const entries = incident(context).timeline ?? [];
    const reports: RuleReport[] = [];
    let latest: { minutes: number; line: number; timeText: string; dated: boolean } | undefined;
    for (const entry of entries) {
      if (entry.minutes === undefined) continue;
      if (latest && entry.minutes < latest.minutes) {
        const days = entry.dated && latest.dated && day(entry.minutes) !== day(latest.minutes) ? ` (on ${day(entry.minutes)}, before ${day(latest.minutes)})` : '';
        reports.push({
          message: `Timeline event at ${entry.timeText} is listed after the event at ${latest.timeText} (line ${latest.line + 1}) but happened earlier${days}; keep the timeline in time order.`,
          range: entry.range,
        });
        continue;
      }
      latest = { minutes: entry.minutes, line: entry.line, timeText: entry.timeText, dated: entry.dated };
    }
    return reports;
  },
};

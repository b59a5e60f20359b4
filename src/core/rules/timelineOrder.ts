// PM009: timeline events out of chronological order.
import type { Rule, RuleReport } from './types';
import { incident } from './util';

function clock(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
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
    let latest: { minutes: number; line: number; timeText: string } | undefined;
    for (const entry of entries) {
      if (entry.minutes === undefined) continue;
      if (latest && entry.minutes < latest.minutes) {
        reports.push({
          message: `Timeline event at ${entry.timeText} comes after the event at ${latest.timeText} (line ${latest.line + 1}) but happened earlier (${clock(entry.minutes)} < ${clock(latest.minutes)}); keep the timeline in time order.`,
          range: entry.range,
        });
        continue;
      }
      latest = { minutes: entry.minutes, line: entry.line, timeText: entry.timeText };
    }
    return reports;
  },
};

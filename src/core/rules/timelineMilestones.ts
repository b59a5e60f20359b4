// PM010: the timeline lacks the events needed to compute time to detect and time to recover.
import { milestones, unreadTimeLines, type Milestone } from '../timeline/timeline';
import type { Rule } from './types';
import { incident, sectionByRoleOf } from './util';

const NAMES: Record<Milestone, string> = { start: 'start', detection: 'detection', mitigation: 'mitigation', resolution: 'resolution' };

/** A line quoted in a message: trimmed to 60 characters. */
function quote(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text;
}

export const PM010: Rule = {
  id: 'PM010',
  name: 'timeline-milestones',
  title: 'The timeline lacks start, detection, mitigation or resolution events',
  defaultSeverity: 'warning',
  kinds: ['postmortem'],
  check(context) {
    const model = incident(context);
    const section = sectionByRoleOf(model, 'timeline');
    if (!section || !model.timeline) return [];
    if (!model.timeline.some((e) => e.minutes !== undefined)) {
      // Say which line could not be read rather than that there are no times: the writer did write them.
      const unread = unreadTimeLines(context.doc, section, model.date);
      if (unread.length > 0) {
        const example = unread[0];
        return [{
          message: `The timeline's times could not be read (line ${example.line + 1}: "${quote(example.text)}"); write each event's time as 14:32, 2:32 PM or 2026-03-15 14:32, with its zone, so time to detect and time to recover can be computed.`,
          range: section.heading.range,
        }];
      }
      return [{ message: 'None of the timeline\'s events has a time; write each event with its time (e.g. "14:32 UTC — alert fired") so time to detect and time to recover can be computed.', range: section.heading.range }];
    }
    const found = milestones(model.timeline);
    const missing = (['start', 'detection', 'mitigation', 'resolution'] as Milestone[]).filter((m) => !found[m]).map((m) => NAMES[m]);
    if (missing.length === 0) return [];
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
    return [{ message: `The timeline has no ${list} event, so time to detect and time to recover cannot be computed; add the event with its time (see the rule's page for the words it looks for).`, range: section.heading.range }];
  },
};

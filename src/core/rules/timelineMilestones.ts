// PM010: the timeline lacks the events needed to compute time to detect and time to recover.
import { METRIC_IDS, METRICS } from '../metrics/metrics';
import { milestones, unreadTimeLines, type Milestone } from '../timeline/timeline';
import type { Rule } from './types';
import { incident, sectionByRoleOf } from './util';

const NAMES: Record<Milestone, string> = {
  start: 'start',
  detection: 'detection',
  mitigation: 'mitigation',
  resolution: 'resolution',
};

/** `a`, `a and b`, `a, b and c`. */
function and(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

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
        return [
          {
            message: `The timeline's times could not be read (line ${example.line + 1}: "${quote(example.text)}"); write each event's time as 14:32, 2:32 PM or 2026-03-15 14:32, with its zone, so time to detect and time to recover can be computed.`,
            range: section.heading.range,
          },
        ];
      }
      return [
        {
          message:
            'None of the timeline\'s events has a time; write each event with its time (e.g. "14:32 UTC — alert fired") so time to detect and time to recover can be computed.',
          range: section.heading.range,
        },
      ];
    }
    const found = milestones(model.timeline);
    const missing = (['start', 'detection', 'mitigation', 'resolution'] as Milestone[])
      .filter((m) => !found[m])
      .map((m) => NAMES[m]);
    if (missing.length === 0) return [];
    // Name only the measures the missing events take away, as the metrics define them (a missing mitigation leaves time to recover).
    const lost = METRIC_IDS.filter(
      (id) => missing.includes(NAMES[METRICS[id].from]) || missing.includes(NAMES[METRICS[id].to]),
    ).map((id) => METRICS[id].label.toLowerCase());
    return [
      {
        message: `The timeline has no ${and(missing)} event, so ${and(lost)} cannot be computed; add the event with its time (see the rule's page for the words it looks for).`,
        range: section.heading.range,
      },
    ];
  },
};

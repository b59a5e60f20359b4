// PM021: the status updates a live incident record lists are further apart than its severity's update cadence
// (seed 004: update stakeholders every 15 minutes during an active incident).
import { range, type Range } from '../markdown/position';
import { sectionById } from '../postmortem/model';
import { classifyMilestones } from '../timeline/milestones';
import type { Rule, RuleReport } from './types';
import { incident } from './util';

/** A cadence in minutes, as a severity level states it: "every 15 minutes", "at least every 30 min". */
const EVERY_MINUTES = /\bevery\s+(\d+)\s*(?:min(?:ute)?s?|m)\b/i;
/** The first status's deadline, as a severity level states it: "First status within 5 minutes". */
const FIRST_WITHIN = /\bwithin\s+(\d+)\s*(?:min(?:ute)?s?|m)\b/i;
/** The first line of a status update message: `INCIDENT UPDATE — 14:05 UTC`, `INCIDENT RESOLVED — [14:35 UTC]`. */
const UPDATE_HEAD = /\bINCIDENT\s+(?:UPDATE|RESOLVED)\b\s*[—–:-]+\s*\[?(\d{1,2}):(\d{2})\b/i;
/** A line of the Status Updates section that starts with its time: a list item, a table row, a bold or heading time. */
const LEADING_TIME = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\|\s*)?(?:#+\s*)?(?:\*\*|__)?\[?(\d{1,2}):(\d{2})\b/;
/** A timeline event that is a status update: "Status update posted", "Update sent to #incidents", "Status page updated". */
const UPDATE_EVENT =
  /\bstatus\s+(?:update|page)\b|\bINCIDENT\s+(?:UPDATE|RESOLVED)\b|\bupdates?\s+(?:posted|sent|published)\b|\b(?:posted|sent|published)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?update\b/i;
const CLOCK = /\b(\d{1,2}):(\d{2})\b/;

interface Update {
  /** Minutes since midnight of the first update's day. */
  readonly minutes: number;
  readonly clock: string;
  readonly range: Range;
}

/** `times` (hour, minute, where) in the order written, as minutes that grow across midnight. */
function inOrder(times: ReadonlyArray<{ h: number; m: number; range: Range }>): Update[] {
  const out: Update[] = [];
  let day = 0;
  let previous: number | undefined;
  for (const { h, m, range } of times) {
    if (h > 23 || m > 59) continue;
    let at = day * 1440 + h * 60 + m;
    // A time well before the one above it is on the next day (an update at 00:05 after one at 23:55).
    if (previous !== undefined && at < previous - 720) at = ++day * 1440 + h * 60 + m;
    out.push({ minutes: at, clock: `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`, range });
    previous = at;
  }
  return out;
}

export const PM021: Rule = {
  id: 'PM021',
  name: 'status-update-cadence',
  title: "Status updates listed in an incident record are further apart than the severity's update cadence",
  defaultSeverity: 'warning',
  kinds: ['incident'],
  check(context): RuleReport[] {
    const model = incident(context);
    const cadence = EVERY_MINUTES.exec(model.severity?.updateCadence ?? '');
    if (!cadence || !model.severity) return [];
    const every = Number(cadence[1]);
    // The updates the record lists: in its Status Updates section, and the timeline's events that are updates.
    const section = sectionById(model, 'status-updates');
    const listed: Array<{ h: number; m: number; range: Range }> = [];
    for (let line = section?.bodyStartLine ?? 0; section && line < section.endLine; line++) {
      const text = context.doc.lines[line];
      const hit = UPDATE_HEAD.exec(text) ?? LEADING_TIME.exec(text);
      if (hit) listed.push({ h: Number(hit[1]), m: Number(hit[2]), range: range(line, 0, line, text.length) });
    }
    const events: Array<{ h: number; m: number; range: Range }> = [];
    for (const e of model.timeline ?? []) {
      const clock = CLOCK.exec(e.timeText);
      if (clock && UPDATE_EVENT.test(e.text)) events.push({ h: Number(clock[1]), m: Number(clock[2]), range: e.range });
    }
    const byTime = new Map<number, Update>();
    for (const u of [...inOrder(listed), ...inOrder(events)]) if (!byTime.has(u.minutes)) byTime.set(u.minutes, u);
    const updates = [...byTime.values()].sort((a, b) => a.minutes - b.minutes);
    const reports: RuleReport[] = [];
    // The first status, within the cadence's first deadline of the detection (an alert, page or report in the timeline).
    const within = FIRST_WITHIN.exec(model.severity.updateCadence ?? '');
    const detection =
      within && updates.length && model.timeline ? classifyMilestones(model.timeline).detection : undefined;
    const detected =
      detection && (detection.how === 'keyword' || detection.how === 'marker')
        ? CLOCK.exec(detection.entry.timeText)
        : null;
    if (within && detected) {
      const at = Number(detected[1]) * 60 + Number(detected[2]);
      const first = updates[0].minutes % 1440;
      // Minutes from the detection to the first update, the next day when the update's clock is well before it.
      const late = (first < at - 720 ? first + 1440 : first) - at;
      if (late > Number(within[1])) {
        reports.push({
          message: `The first status update, at ${updates[0].clock}, is ${late} minutes after the detection at ${detected[1].padStart(2, '0')}:${detected[2]}; a ${model.severity.id} incident posts its first status within ${within[1]} minutes of detection.`,
          range: updates[0].range,
        });
      }
    }
    for (let i = 1; i < updates.length; i++) {
      const gap = updates[i].minutes - updates[i - 1].minutes;
      if (gap <= every) continue;
      reports.push({
        message: `The status updates at ${updates[i - 1].clock} and ${updates[i].clock} are ${gap} minutes apart; a ${model.severity.id} incident updates stakeholders every ${every} minutes while it is open (list the updates sent in between).`,
        range: updates[i].range,
      });
    }
    return reports;
  },
};

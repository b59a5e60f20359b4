// PM021: the status updates a live incident record lists are further apart than its severity's update cadence
// (seed 004: update stakeholders every 15 minutes during an active incident).
import type { Range } from '../markdown/position';
import { sectionById } from '../postmortem/model';
import { classifyMilestones } from '../timeline/milestones';
import { readTimeline, type TimelineEntry } from '../timeline/timeline';
import type { Rule, RuleReport } from './types';
import { incident } from './util';

/** A cadence in minutes, as a severity level states it: "every 15 minutes", "at least every 30 min". */
const EVERY_MINUTES = /\bevery\s+(\d+)\s*(?:min(?:ute)?s?|m)\b/i;
/** The first status's deadline, as a severity level states it: "First status within 5 minutes". */
const FIRST_WITHIN = /\bwithin\s+(\d+)\s*(?:min(?:ute)?s?|m)\b/i;
/** The label a status update message opens with before its time: `INCIDENT UPDATE — 14:05 UTC`, `INCIDENT RESOLVED — [14:35 UTC]`. */
const UPDATE_LEAD_IN = /INCIDENT\s+(?:UPDATE|RESOLVED)\b\s*[—–:-]+\s*\[?/i;
/** A timeline event that is a status update: "Status update posted", "Update sent to #incidents", "Status page updated". */
const UPDATE_EVENT =
  /\bstatus\s+(?:update|page)\b|\bINCIDENT\s+(?:UPDATE|RESOLVED)\b|\bupdates?\s+(?:posted|sent|published)\b|\b(?:posted|sent|published)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?update\b/i;

interface Update {
  /** Minutes on one clock shared by every update and the detection (see `onOneClock`). */
  readonly minutes: number;
  /** The local time of day as written, `HH:MM`. */
  readonly clock: string;
  readonly range: Range;
}

/** Minutes since midnight of a count of minutes. */
function timeOfDay(minutes: number): number {
  return ((minutes % 1440) + 1440) % 1440;
}

/** The local time of day of a timed entry, `HH:MM`, with its zone (`02:20 PDT`) when `withZone`. */
function clockOf(e: TimelineEntry, withZone: boolean): string {
  const local = timeOfDay((e.minutes ?? 0) + e.utcOffset);
  const clock = `${String(Math.floor(local / 60)).padStart(2, '0')}:${String(local % 60).padStart(2, '0')}`;
  return withZone ? `${clock} ${e.zone ?? 'UTC'}` : clock;
}

/**
 * The entries (each list in the order written) on one clock. The timeline reader gives each entry
 * its minutes in UTC; when every entry is dated they compare as they are. When one is not (its
 * minutes count from its own list's first day), each list is read again as times of day in the
 * order written, a time well before the one above it being on the next day.
 */
function onOneClock(lists: ReadonlyArray<readonly TimelineEntry[]>): Update[][] {
  const dated = lists.every((list) => list.every((e) => e.dated));
  // Times written in more than one zone are shown with their zones, so the messages compare like with like.
  const withZone = new Set(lists.flatMap((list) => list.map((e) => (e.zone === undefined ? 'UTC' : e.zone)))).size > 1;
  return lists.map((list) => {
    let day = 0;
    let previous: number | undefined;
    return list.map((e) => {
      let minutes = e.minutes as number;
      if (!dated) {
        minutes = day * 1440 + timeOfDay(minutes);
        if (previous !== undefined && minutes < previous - 720) {
          day++;
          minutes += 1440;
        }
        previous = minutes;
      }
      return { minutes, clock: clockOf(e, withZone), range: e.range };
    });
  });
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
    // The updates the record lists, read by the timeline reader PM009, PM010 and the metrics use: in its
    // Status Updates section (entries that open with a time, or with `INCIDENT UPDATE —` and a time), and
    // the timeline's events that are updates.
    const section = sectionById(model, 'status-updates');
    const timed = (e: TimelineEntry) => e.minutes !== undefined && !e.relative;
    const listed = section
      ? readTimeline(context.doc, section, model.date, { leadIn: UPDATE_LEAD_IN }).filter(timed)
      : [];
    const events = (model.timeline ?? []).filter((e) => timed(e) && UPDATE_EVENT.test(e.text));
    // The detection (an alert, page or report in the timeline), for the first status's deadline.
    const within = FIRST_WITHIN.exec(model.severity.updateCadence ?? '');
    const detection =
      within && (listed.length || events.length) && model.timeline
        ? classifyMilestones(model.timeline).detection
        : undefined;
    const detected =
      detection && (detection.how === 'keyword' || detection.how === 'marker') && timed(detection.entry)
        ? detection.entry
        : undefined;
    const [listedOn, eventsOn, detectedOn] = onOneClock([listed, events, detected ? [detected] : []]);
    const byTime = new Map<number, Update>();
    for (const u of [...listedOn, ...eventsOn]) if (!byTime.has(u.minutes)) byTime.set(u.minutes, u);
    const updates = [...byTime.values()].sort((a, b) => a.minutes - b.minutes);
    const reports: RuleReport[] = [];
    const at = detectedOn[0];
    if (within && at && updates.length) {
      // Minutes from the detection to the first update; on undated clocks, the next day when the update's clock is well before it.
      const dated = detected?.dated && listed.every((e) => e.dated) && events.every((e) => e.dated);
      const first = timeOfDay(updates[0].minutes);
      const from = timeOfDay(at.minutes);
      const late = dated ? updates[0].minutes - at.minutes : (first < from - 720 ? first + 1440 : first) - from;
      if (late > Number(within[1])) {
        reports.push({
          message: `The first status update, at ${updates[0].clock}, is ${late} minutes after the detection at ${at.clock}; a ${model.severity.id} incident posts its first status within ${within[1]} minutes of detection.`,
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

// Reads what the author types into the authoring prompts (dates, times, timeline entries); pure, no `vscode`, so it can move to core.
import { isRealDate } from '../../core/postmortem/dates';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Today's date in UTC, `YYYY-MM-DD`. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Why `text` is not a date written YYYY-MM-DD that exists, or undefined when it is one. */
export function dateProblem(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return 'Write the date as YYYY-MM-DD, e.g. 2026-03-15.';
  if (!isRealDate(+m[1], +m[2], +m[3])) return `${text.trim()} is not a real date.`;
  return undefined;
}

/** The result of reading a time. */
export type TimeResult =
  { readonly ok: true; readonly date: Date | undefined } | { readonly ok: false; readonly message: string };

const CLOCK = /^(\d{1,2}):(\d{2})\s*(?:utc|z)?$/i;
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(z|utc|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads a start or end time: blank (not known), `HH:MM` (UTC, on `date`), or an ISO date and
 * time (`2026-03-15T14:28Z`, `2026-03-15 16:28+02:00`; UTC without an offset).
 */
export function parseIncidentTime(text: string, date: string): TimeResult {
  const t = text.trim();
  if (t === '') return { ok: true, date: undefined };
  const clock = CLOCK.exec(t);
  if (clock) {
    const [y, mo, d] = date.split('-').map(Number);
    const h = +clock[1];
    const min = +clock[2];
    if (h > 23 || min > 59) return { ok: false, message: `${t} is not a time of day (00:00 to 23:59).` };
    return { ok: true, date: new Date(Date.UTC(y, mo - 1, d, h, min)) };
  }
  const iso = ISO.exec(t);
  if (iso) {
    const [y, mo, d, h, min, s] = [+iso[1], +iso[2], +iso[3], +iso[4], +iso[5], iso[6] === undefined ? 0 : +iso[6]];
    if (!isRealDate(y, mo, d)) return { ok: false, message: `${iso[1]}-${iso[2]}-${iso[3]} is not a real date.` };
    if (h > 23 || min > 59 || s > 59)
      return { ok: false, message: `${iso[4]}:${iso[5]} is not a time of day (00:00 to 23:59).` };
    let ms = Date.UTC(y, mo - 1, d, h, min, s);
    const zone = iso[7]?.toLowerCase();
    if (zone && zone !== 'z' && zone !== 'utc') {
      const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone) as RegExpExecArray;
      ms -= (z[1] === '-' ? -1 : 1) * (+z[2] * HOUR + +z[3] * MINUTE);
    }
    return { ok: true, date: new Date(ms) };
  }
  return {
    ok: false,
    message: 'Write HH:MM (UTC) or a date and time such as 2026-03-15T14:28Z; leave it blank if not known.',
  };
}

/** `2026-03-15T14:28Z`: how a start or end is handed to the template (UTC, to the minute). */
export function isoMinute(date: Date): string {
  return `${date.toISOString().slice(0, 16)}Z`;
}

/** `2026-03-15 14:28 UTC`, for messages. */
export function displayTime(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Why `end` cannot end an incident that began at `start`, or undefined. */
export function endProblem(start: Date | undefined, end: Date): string | undefined {
  if (!start || end.getTime() > start.getTime()) return undefined;
  return `The end must be after the start (${displayTime(start)}). For an incident that ended the next day, write the date too, e.g. ${isoMinute(
    new Date(end.getTime() + 24 * HOUR),
  )
    .replace('T', ' ')
    .replace('Z', '')}.`;
}

/**
 * The window of commits a new postmortem lists: from 48 hours before the start (or the
 * incident date's midnight, UTC) to the end (or 24 hours after that start). The same window
 * as the CLI's `new postmortem`.
 */
export function commitWindow(date: string, start?: Date, end?: Date): { since: Date; until: Date } {
  const from = start ?? new Date(`${date}T00:00:00Z`);
  const until = end ?? new Date(from.getTime() + 24 * HOUR);
  return { since: new Date(from.getTime() - 48 * HOUR), until };
}

/** What the author typed for a timeline entry: its time and text, or why it cannot be read. */
export type TimelineInput =
  | { readonly ok: true; readonly at: Date; readonly text: string; readonly timed: boolean }
  | { readonly ok: false; readonly message: string };

/**
 * Reads a timeline entry: `text` (at `now`, to the minute), `HH:MM text` (UTC, on `date`), or
 * `YYYY-MM-DD HH:MM text`. A separator after the time (`—`, `-`, `:`, `|`) is dropped.
 */
export function parseTimelineInput(input: string, date: string, now: Date): TimelineInput {
  const t = input.trim();
  const m = /^(?:(\d{4}-\d{2}-\d{2})[ T])?(\d{1,2}):(\d{2})(?:\s*(?:utc|z)\b)?(?:\s*[—–:|-]\s*|\s+)(.*)$/i.exec(t);
  if (m) {
    const day = m[1] ?? date;
    const problem = m[1] ? dateProblem(m[1]) : undefined;
    if (problem) return { ok: false, message: problem };
    const h = +m[2];
    const min = +m[3];
    if (h > 23 || min > 59) return { ok: false, message: `${m[2]}:${m[3]} is not a time of day (00:00 to 23:59).` };
    const text = m[4].trim();
    if (!text) return { ok: false, message: 'Write what happened after the time.' };
    const [y, mo, d] = day.split('-').map(Number);
    return { ok: true, at: new Date(Date.UTC(y, mo - 1, d, h, min)), text, timed: true };
  }
  if (!t) return { ok: false, message: 'Write what happened, e.g. "Rolled back the deploy" or "14:32 Alert fired".' };
  if (/^(?:\d{4}-\d{2}-\d{2}[ T])?\d{1,2}:\d{2}(?:\s*(?:utc|z))?$/i.test(t))
    return { ok: false, message: 'Write what happened after the time.' };
  return { ok: true, at: new Date(Math.floor(now.getTime() / MINUTE) * MINUTE), text: t, timed: false };
}

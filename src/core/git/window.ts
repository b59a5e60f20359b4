// The incident window: reading and writing its ends as people type them, and its default from the incident document.
import { isRealDate, type CalendarDate } from '../postmortem/dates';
import type { CommitWindow } from './commit';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How far before the first timeline entry the default window starts: changes often land the day before they bite. */
export const LOOKBACK_BEFORE_TIMELINE_MS = DAY;
/** How far after the last timeline entry the default window ends, to include the fix. */
export const LOOKAHEAD_AFTER_TIMELINE_MS = HOUR;
/** The default window when the document says nothing about when the incident happened. */
export const RECENT_WINDOW_MS = 48 * HOUR;

/** A window and where its default came from, for the prompt. */
export interface SuggestedWindow extends CommitWindow {
  readonly source: 'timeline' | 'date' | 'recent';
  /** One sentence for the user, e.g. `From 24 hours before the first timeline entry to 1 hour after the last.` */
  readonly explanation: string;
}

/** What the default window is computed from: the incident's date and its timeline. */
export interface WindowHints {
  readonly date?: CalendarDate;
  /** Timeline entries; only those with a date (`dated`) and a time (`minutes`, since the epoch in UTC) count. */
  readonly timeline?: readonly { readonly minutes: number | undefined; readonly dated: boolean }[];
}

/**
 * The window suggested for an incident: from 24 hours before its first dated timeline entry
 * to an hour after its last; else the day before the incident date through the end of that
 * day (UTC); else the 48 hours before `now`.
 */
export function suggestWindow(hints: WindowHints, now: Date): SuggestedWindow {
  const times = (hints.timeline ?? [])
    .filter((e) => e.dated && e.minutes !== undefined)
    .map((e) => (e.minutes as number) * MINUTE);
  if (times.length > 0) {
    return {
      since: new Date(Math.min(...times) - LOOKBACK_BEFORE_TIMELINE_MS),
      until: new Date(Math.max(...times) + LOOKAHEAD_AFTER_TIMELINE_MS),
      source: 'timeline',
      explanation: 'From 24 hours before the first timeline entry to 1 hour after the last.',
    };
  }
  if (hints.date) {
    const day = Date.UTC(hints.date.year, hints.date.month - 1, hints.date.day);
    return {
      since: new Date(day - DAY),
      until: new Date(day + DAY - MINUTE),
      source: 'date',
      explanation: `The day before the incident date ${formatCalendarDate(hints.date)} through the end of that day (UTC).`,
    };
  }
  return {
    since: new Date(Math.floor((now.getTime() - RECENT_WINDOW_MS) / MINUTE) * MINUTE),
    until: new Date(Math.floor(now.getTime() / MINUTE) * MINUTE),
    source: 'recent',
    explanation: 'The last 48 hours: the document gives no incident date.',
  };
}

/** `2026-03-15 14:30 UTC`: how window ends are shown and offered for editing. */
export function formatWindowTime(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The result of reading one end of the window. */
export type WindowTimeResult =
  { readonly ok: true; readonly date: Date } | { readonly ok: false; readonly message: string };

const FORM = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(UTC|GMT|Z|[+-]\d{2}:?\d{2})?$/i;

/** How to write a window end, for messages. */
export const WINDOW_TIME_HINT =
  'Write YYYY-MM-DD HH:MM (UTC unless followed by an offset such as +02:00), e.g. 2026-03-15 14:30.';

/**
 * Reads one end of the window: `2026-03-15`, `2026-03-15 14:30`, `2026-03-15T14:30:05Z`,
 * `2026-03-15 14:30 UTC`, `2026-03-15 16:30 +02:00`. Without an offset the time is UTC.
 * An end written to the day or the minute includes all of it: a `start` is its first
 * millisecond, an `end` its last, so `2026-03-15` to `2026-03-15` is the whole day.
 */
export function parseWindowTime(text: string, edge: 'start' | 'end'): WindowTimeResult {
  const m = FORM.exec(text.trim());
  if (!m) return { ok: false, message: `Not a date and time. ${WINDOW_TIME_HINT}` };
  const [, y, mo, d, h, mi, s, zone] = m;
  const year = +y,
    month = +mo,
    day = +d;
  if (!isRealDate(year, month, day)) return { ok: false, message: `${y}-${mo}-${d} is not a date on the calendar.` };
  if (h !== undefined && (+h > 23 || +mi > 59 || (s !== undefined && +s > 59))) {
    return { ok: false, message: `${h}:${mi}${s !== undefined ? `:${s}` : ''} is not a time of day.` };
  }
  const offset = zone === undefined ? 0 : offsetMinutes(zone);
  if (offset === undefined)
    return { ok: false, message: `${zone} is not an offset from UTC (between -14:00 and +14:00).` };
  let ms =
    Date.UTC(year, month - 1, day, h === undefined ? 0 : +h, mi === undefined ? 0 : +mi, s === undefined ? 0 : +s) -
    offset * MINUTE;
  if (edge === 'end') ms += (h === undefined ? DAY : s === undefined ? MINUTE : 1000) - 1;
  return { ok: true, date: new Date(ms) };
}

/** Why `since`..`until` is not a usable window, or undefined when it is. */
export function checkWindow(window: CommitWindow): string | undefined {
  if (Number.isNaN(window.since.getTime()) || Number.isNaN(window.until.getTime()))
    return 'The window needs a valid start and end.';
  if (window.until.getTime() < window.since.getTime())
    return `The end (${formatWindowTime(window.until)}) is before the start (${formatWindowTime(window.since)}).`;
  return undefined;
}

function offsetMinutes(zone: string): number | undefined {
  const z = zone.toUpperCase();
  if (z === 'UTC' || z === 'GMT' || z === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  if (!m || +m[3] > 59) return undefined;
  const minutes = +m[2] * 60 + +m[3];
  if (minutes > 14 * 60) return undefined;
  return m[1] === '-' ? -minutes : minutes;
}

function formatCalendarDate(d: CalendarDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

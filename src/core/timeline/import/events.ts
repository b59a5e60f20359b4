// The events a timeline import produces (from Slack or PagerDuty), their JSON form, the time window and the import error.
import type { Milestone } from '../milestones';

/** Where an imported event came from. */
export type ImportSource = 'slack' | 'pagerduty';

/** One event read from an export, in UTC. */
export interface ImportedEvent {
  /** Milliseconds since 1970-01-01 00:00 UTC. */
  readonly at: number;
  /** The event as one line of readable text (mentions and links resolved, white space collapsed). */
  readonly text: string;
  readonly source: ImportSource;
  /** Who wrote or did it (a person's display name, a bot's name, PagerDuty's agent); null when unknown. */
  readonly author: string | null;
  /** The milestone the event marks, or null. */
  readonly milestone: Milestone | null;
  /**
   * Whether the milestone is a fact of the source (a PagerDuty trigger is the detection), not a
   * reading of the words; such rows carry a `[detection]`-style marker when merged into a document.
   */
  readonly explicit?: boolean;
}

/** The JSON form of an event, as `timeline import --format json` prints it. */
export interface ImportedEventJson {
  /** ISO 8601 in UTC, to the second: `2026-03-15T14:32:05Z`. */
  readonly time: string;
  readonly text: string;
  readonly source: ImportSource;
  readonly author: string | null;
  readonly milestone: Milestone | null;
}

/** The time window of an import, in milliseconds since 1970 (UTC); either end may be open. */
export interface ImportWindow {
  /** Inclusive. */
  readonly since?: number;
  /** Inclusive. */
  readonly until?: number;
}

/** Bad input: the message is for the user and `file` names the file (or folder) at fault. */
export class TimelineImportError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'TimelineImportError';
  }
}

/** `at` as ISO 8601 UTC to the second. */
export function isoSecond(at: number): string {
  return new Date(at).toISOString().slice(0, 19) + 'Z';
}

/** The JSON form of events, in the order given. */
export function eventsJson(events: readonly ImportedEvent[]): ImportedEventJson[] {
  return events.map((e) => ({
    time: isoSecond(e.at),
    text: e.text,
    source: e.source,
    author: e.author,
    milestone: e.milestone,
  }));
}

/** Whether `at` is inside the window. */
export function inWindow(at: number, window: ImportWindow): boolean {
  return (window.since === undefined || at >= window.since) && (window.until === undefined || at <= window.until);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads `--since` / `--until`: a date (`2026-03-15`: from the start of that day, or until its
 * end) or a date and time (`2026-03-15T14:00`, `2026-03-15 14:00:30+02:00`; UTC when no zone is
 * written). Undefined when the text is not one of these.
 */
export function parseWindowBound(text: string, end: 'since' | 'until'): number | undefined {
  const t = text.trim();
  const d = DATE_ONLY.exec(t);
  if (d) {
    const start = Date.UTC(+d[1], +d[2] - 1, +d[3]);
    if (!validDay(start, +d[1], +d[2], +d[3])) return undefined;
    return end === 'since' ? start : start + 86_400_000 - 1;
  }
  const m = DATE_TIME.exec(t);
  if (!m) return undefined;
  const day = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  if (!validDay(day, +m[1], +m[2], +m[3]) || +m[4] > 23 || +m[5] > 59 || +(m[6] ?? 0) > 59) return undefined;
  let at = day + (+m[4] * 60 + +m[5]) * 60_000 + +(m[6] ?? 0) * 1000;
  const zone = m[7];
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    at -= sign * (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60_000;
  }
  // A window that ends at a minute includes that whole minute.
  return end === 'until' && m[6] === undefined ? at + 59_999 : at;
}

function validDay(ms: number, year: number, month: number, day: number): boolean {
  const d = new Date(ms);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Sorts events by time into a new array; events at the same time keep their order (the sort is stable). */
export function byTime(events: readonly ImportedEvent[]): ImportedEvent[] {
  return [...events].sort((a, b) => a.at - b.at);
}

// Window durations (30d, 4w, 1M) and the period of a rolling or calendar window that holds a given moment.
import type { DurationUnit, SloWindow } from './types';

/** A duration as OpenSLO writes it: a whole number and a unit. */
export const DURATION = /^([1-9]\d{0,4})([mhdwMQY])$/;

const FIXED_MINUTES: Readonly<Partial<Record<DurationUnit, number>>> = { m: 1, h: 60, d: 1440, w: 10080 };
const MONTHS_PER: Readonly<Partial<Record<DurationUnit, number>>> = { M: 1, Q: 3, Y: 12 };
/** Rolling windows in months, quarters or years have no fixed length; these are used and said. */
const ROLLING_DAYS: Readonly<Partial<Record<DurationUnit, number>>> = { M: 30, Q: 90, Y: 365 };

/** Reads `30d` into its count and unit; undefined when it is not a duration. */
export function parseDuration(text: string): { count: number; unit: DurationUnit } | undefined {
  const m = DURATION.exec(text.trim());
  return m ? { count: +m[1], unit: m[2] as DurationUnit } : undefined;
}

/** Whether a rolling window of this unit has to be approximated in days (months, quarters, years). */
export function isApproximateRolling(unit: DurationUnit): boolean {
  return unit in ROLLING_DAYS;
}

/** A span of time in minutes since 1970 UTC, `end` exclusive. */
export interface Period {
  readonly start: number;
  readonly end: number;
}

/**
 * The period of `window` that an error budget is counted over at the moment `at`:
 * a rolling window is the `duration` ending at `at`; a calendar window is the calendar period
 * holding `at` (days start at 00:00 UTC, weeks on Monday, months on the 1st, quarters in January,
 * April, July and October, years on 1 January; or every `duration` from the OpenSLO start time).
 */
export function periodAt(window: SloWindow, at: number): Period {
  if (window.kind === 'rolling') {
    const fixed = FIXED_MINUTES[window.unit];
    const length = window.count * (fixed ?? (ROLLING_DAYS[window.unit] as number) * 1440);
    return { start: at - length, end: at };
  }
  const fixed = FIXED_MINUTES[window.unit];
  if (fixed !== undefined) {
    const length = window.count * fixed;
    // 1970-01-05 was a Monday; days and smaller units count from midnight UTC.
    const anchor = window.anchor ?? (window.unit === 'w' ? 4 * 1440 : 0);
    const index = Math.floor((at - anchor) / length);
    return { start: anchor + index * length, end: anchor + (index + 1) * length };
  }
  const months = window.count * (MONTHS_PER[window.unit] as number);
  const anchorDate = new Date((window.anchor ?? 0) * 60_000);
  const anchorMonth = anchorDate.getUTCFullYear() * 12 + anchorDate.getUTCMonth();
  const atDate = new Date(at * 60_000);
  let index = Math.floor((atDate.getUTCFullYear() * 12 + atDate.getUTCMonth() - anchorMonth) / months);
  const startOf = (i: number) => monthStart(anchorMonth + i * months, anchorDate);
  if (startOf(index) > at) index--;
  if (startOf(index + 1) <= at) index++;
  return { start: startOf(index), end: startOf(index + 1) };
}

function monthStart(monthIndex: number, anchor: Date): number {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const ms = Date.UTC(year, month, anchor.getUTCDate(), anchor.getUTCHours(), anchor.getUTCMinutes());
  return Math.floor(ms / 60_000);
}

/** The length of a period in days. */
export function periodDays(period: Period): number {
  return (period.end - period.start) / 1440;
}

/** "30 days (rolling)", "1 calendar month", for messages. */
export function describeWindow(window: SloWindow): string {
  const names: Record<DurationUnit, string> = {
    m: 'minute',
    h: 'hour',
    d: 'day',
    w: 'week',
    M: 'month',
    Q: 'quarter',
    Y: 'year',
  };
  const unit = `${names[window.unit]}${window.count === 1 ? '' : 's'}`;
  return window.kind === 'rolling' ? `${window.count} ${unit} (rolling)` : `${window.count} calendar ${unit}`;
}

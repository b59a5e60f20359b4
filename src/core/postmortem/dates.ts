// Reads calendar dates as people write them in incident documents, and rejects dates that do not exist.

/** A calendar date. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Whether year-month-day exists in the Gregorian calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2200) return false;
  const days = [
    31,
    (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return day <= days[month - 1];
}

/**
 * Reads `text` as one date: `2026-03-16`, `2026/03/16`, `16 Mar 2026`, `March 16, 2026`; with `year` (the
 * incident's), also a date written without one, as seed 004 writes due dates: `Mar 30`, `March 30th`, `30 Mar`.
 * Returns `invalid` for the right shape with an impossible value (2026-02-30) and
 * undefined when the text is not a date at all.
 */
export function parseDate(text: string, year?: number): CalendarDate | 'invalid' | undefined {
  const t = text.trim().replace(/^[*_`~]+|[*_`~]+$/g, '');
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (m) return checked(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(t);
  if (m) return named(+m[3], m[2], +m[1]);
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(t);
  if (m) return named(+m[3], m[1], +m[2]);
  if (year === undefined) return undefined;
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?$/.exec(t);
  if (m) return named(year, m[1], +m[2]);
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?$/.exec(t);
  if (m) return named(year, m[2], +m[1]);
  return undefined;
}

function named(year: number, monthName: string, day: number): CalendarDate | 'invalid' | undefined {
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  return month === 0 ? undefined : checked(year, month, day);
}

function checked(year: number, month: number, day: number): CalendarDate | 'invalid' {
  return isRealDate(year, month, day) ? { year, month, day } : 'invalid';
}

/** Days since 1970-01-01 for a calendar date. */
export function dayNumber(d: CalendarDate): number {
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}

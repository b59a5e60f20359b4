// Finds calendar dates inside timeline text: ISO dates, "March 16, 2026", "16 Mar 2026", "February 8th 2019", with weekdays.
import { isRealDate, type CalendarDate } from '../postmortem/dates';

/** A date found in text. */
export interface DateMatch {
  readonly date: CalendarDate;
  /** Offset of the match in the text. */
  readonly index: number;
  /** Length of the match (weekday and trailing comma included). */
  readonly length: number;
  /** Whether the year was written; when not, it was taken from `defaultYear`. */
  readonly yearWritten: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?,?\\s+)?';
const ORDINAL = '(?:st|nd|rd|th)?';

const FORMS: ReadonlyArray<{ re: RegExp; read: (m: RegExpExecArray) => [number | undefined, number, number] }> = [
  { re: new RegExp(`${WEEKDAY}(\\d{4})[-/](\\d{2})[-/](\\d{2})(?![\\d])`, 'y'), read: (m) => [+m[1], +m[2], +m[3]] },
  {
    re: new RegExp(`${WEEKDAY}${MONTH}\\s+(\\d{1,2})${ORDINAL}(?:,?\\s+(\\d{4}))?(?![\\d:])`, 'iy'),
    read: (m) => [m[3] ? +m[3] : undefined, month(m[1]), +m[2]],
  },
  {
    re: new RegExp(`${WEEKDAY}(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+(\\d{4}))?(?![\\d:])`, 'iy'),
    read: (m) => [m[3] ? +m[3] : undefined, month(m[2]), +m[1]],
  },
];

function month(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * The date that starts exactly at `index` of `text`, if any. A date without a year ("March 16")
 * counts only when `defaultYear` is given.
 */
export function dateAt(text: string, index = 0, defaultYear?: number): DateMatch | undefined {
  for (const form of FORMS) {
    form.re.lastIndex = index;
    const m = form.re.exec(text);
    if (!m) continue;
    const [year, mon, day] = form.read(m);
    const y = year ?? defaultYear;
    if (y === undefined || !isRealDate(y, mon, day)) continue;
    return { date: { year: y, month: mon, day }, index, length: m[0].length, yearWritten: year !== undefined };
  }
  return undefined;
}

/** The first date anywhere in `text` that states its year (for notes such as "All times are UTC on 2026-03-20"). */
export function findDate(text: string): DateMatch | undefined {
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && /[A-Za-z0-9]/.test(text[i - 1])) continue;
    if (!/[0-9A-Za-z]/.test(text[i])) continue;
    const hit = dateAt(text, i);
    if (hit) return hit;
  }
  return undefined;
}

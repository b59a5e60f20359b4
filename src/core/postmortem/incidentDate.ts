// The one reader of an incident's date, and the order of the places it is read from, written down once.
import type { TimelineEntry } from '../timeline/timeline';
import { parseDate, type CalendarDate } from './dates';
import { findField, type Field } from './fields';

/** Where an incident's date was read. */
export type DateSource = 'front-matter' | 'field' | 'title' | 'file-name' | 'timeline';

/**
 * The places an incident's date is read from, first found wins: a date key in the front matter, a Date field
 * in the header (bold label, table row, preamble line), a `YYYY-MM-DD` in the title, a `YYYY-MM-DD` in the file
 * name (as profiles name postmortems), the day of the first dated timeline event.
 */
export const DATE_ORDER: readonly DateSource[] = ['front-matter', 'field', 'title', 'file-name', 'timeline'];

/** The field names that state an incident's date, earlier names first. */
export const DATE_FIELD_NAMES: readonly string[] = [
  'date',
  'incident date',
  'date of incident',
  'started',
  'start date',
];

/** What the date reader can look at; each part is optional, a missing part is skipped. */
export interface DateInputs {
  readonly fields?: readonly Field[];
  /** The document's title text. */
  readonly title?: string;
  /** The file's path (any separators). */
  readonly path?: string;
  readonly timeline?: readonly TimelineEntry[];
}

/** An incident's date and where it was read. */
export interface IncidentDate {
  readonly date: CalendarDate;
  readonly source: DateSource;
}

const YMD = /(?:^|[^\d])(\d{4}-\d{2}-\d{2})(?!\d)/;

function valid(text: string | undefined): CalendarDate | undefined {
  const parsed = text === undefined ? undefined : parseDate(text);
  return parsed && parsed !== 'invalid' ? parsed : undefined;
}

function fieldDate(fields: readonly Field[] | undefined, frontMatter: boolean): CalendarDate | undefined {
  const own = (fields ?? []).filter((f) => (f.source === 'front-matter') === frontMatter);
  const field = findField(own, DATE_FIELD_NAMES);
  if (!field) return undefined;
  const value = field.value.trim();
  return valid(value.slice(0, 10)) ?? valid(YMD.exec(value)?.[1]) ?? valid(value);
}

/** The `YYYY-MM-DD` date in a file's name, as profiles name postmortems (`2026-03-15-user-service.md`). */
export function dateInFileName(path: string): CalendarDate | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  return valid(YMD.exec(name)?.[1]);
}

/** The day (UTC) of the first timeline event whose date is known. */
export function firstEventDate(timeline: readonly TimelineEntry[] | undefined): CalendarDate | undefined {
  const entry = timeline?.find(
    (e) => e.dated && !e.yearGuessed && (e.minutes !== undefined || e.dayStart !== undefined),
  );
  const minutes = entry?.minutes ?? entry?.dayStart;
  if (minutes === undefined) return undefined;
  const d = new Date(minutes * 60_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const READERS: Readonly<Record<DateSource, (inputs: DateInputs) => CalendarDate | undefined>> = {
  'front-matter': (i) => fieldDate(i.fields, true),
  field: (i) => fieldDate(i.fields, false),
  title: (i) => valid(i.title === undefined ? undefined : YMD.exec(i.title)?.[1]),
  'file-name': (i) => (i.path === undefined ? undefined : dateInFileName(i.path)),
  timeline: (i) => firstEventDate(i.timeline),
};

/** The incident's date, read from the places in `DATE_ORDER`; undefined when none of them gives one. */
export function readIncidentDate(inputs: DateInputs): IncidentDate | undefined {
  for (const source of DATE_ORDER) {
    const date = READERS[source](inputs);
    if (date) return { date, source };
  }
  return undefined;
}

// Reads a postmortem's timeline (tables, lists, bold times, one heading per event) into timed entries in UTC.
import { isSpace, type MarkdownDocument, type Section, type Table } from '../markdown/model';
import { range, type Range } from '../markdown/position';
import { dayNumber, type CalendarDate } from '../postmortem/dates';
import { dateAt, findDate, type DateMatch } from './dateText';
import { findZone, toUtcMinutes, zoneAt, type TimeZone } from './zones';

export { ZONE_OFFSETS, zoneIn, findZone, type TimeZone } from './zones';
export {
  MILESTONE_PATTERNS,
  MILESTONE_WORDS,
  MILESTONE_MARKERS,
  MILESTONES,
  milestones,
  classifyMilestones,
  type Milestone,
  type MilestoneHit,
} from './milestones';

/** One event of a timeline. */
export interface TimelineEntry {
  readonly line: number;
  /** The entry's line (row, item or heading). */
  readonly range: Range;
  /** The time as written, e.g. `14:32 UTC`. */
  readonly timeText: string;
  /** Minutes since 1970-01-01 00:00 UTC when the date is known, else minutes since the first entry's day. */
  readonly minutes: number | undefined;
  /** Whether a date (in the entry, a date line above it, a note, or the document) anchors the time. */
  readonly dated: boolean;
  /** Whether a time zone was stated (in the entry, the table header or the section). */
  readonly zoned: boolean;
  /** The event text without the time (for a heading per event without text: the first line under it). */
  readonly text: string;
  /** The whole event: the text plus continuation lines, or the paragraphs under an event heading. */
  readonly body: string;
  /** Whether the time is written as approximate (`~18:10`, `around 14:30`, `ca. 9:00`). */
  readonly approximate: boolean;
  /** The zone applied, as written (`PST`, `UTC`, `+02:00`, `US/Pacific`); undefined when none was stated (read as UTC). */
  readonly zone: string | undefined;
  /** The offset east of UTC applied to the time, in minutes (0 when no zone was stated). */
  readonly utcOffset: number;
  /**
   * For an event with a date and no time (`- 2026-03-03: image pushed`): minutes since 1970 at
   * the start of that day, so the event can still mark a start to the day; undefined otherwise.
   */
  readonly dayStart?: number;
  /** Whether the date was written without a year and none was known (`Jan 14, 10:18 AM`): days and times compare within the timeline only. */
  readonly yearGuessed?: boolean;
  /** Whether the time is relative to the incident's start (`T+15m`) rather than a clock time. */
  readonly relative?: boolean;
  /**
   * Set on the copies the milestones are chosen from, when the event's own date is taken for a
   * slip of the pen (a date days before the events listed above it, with the clock running on):
   * the days added to read it on their day. `minutes` is then the corrected time.
   */
  readonly slipDays?: number;
}

/** A line of a timeline that looks like an event with a time, but whose time could not be read. */
export interface UnreadTimeLine {
  readonly line: number;
  /** The line as written, trimmed. */
  readonly text: string;
}

/** How a section other than the Timeline is read as one. */
export interface TimelineReadOptions {
  /**
   * A label a line may open with before its time, read past as if the line opened with the time
   * (PM021: `INCIDENT UPDATE — 14:05 UTC`). Anchored at the line's start (after bullets and marks); no `g` or `y` flag.
   */
  readonly leadIn?: RegExp;
}

type CandidateKind = 'row' | 'item' | 'heading' | 'line';

interface Candidate {
  readonly line: number;
  readonly kind: CandidateKind;
  /** Text to read the date and time from. */
  readonly text: string;
  /** More text of the event (other cells, continuation lines). */
  extra: string;
  /** The zone named in a table's time or date header. */
  readonly tableZone?: TimeZone;
}

/** What an entry may open with before its date or time: white space and `*_`[(>|#-` (marks, pipes, bullets). */
function isLeadingNoise(c: number): boolean {
  return (
    c === 0x2a ||
    c === 0x5f ||
    c === 0x60 ||
    c === 0x5b ||
    c === 0x28 ||
    c === 0x3e ||
    c === 0x7c ||
    c === 0x23 ||
    c === 0x2d ||
    isSpace(c)
  );
}
/** What separates the time from the event text: white space and `*_]):–—|,.;-`. */
function isRestLead(c: number): boolean {
  return (
    c === 0x2a ||
    c === 0x5f ||
    c === 0x5d ||
    c === 0x29 ||
    c === 0x3a ||
    c === 0x2013 ||
    c === 0x2014 ||
    c === 0x7c ||
    c === 0x2c ||
    c === 0x2e ||
    c === 0x3b ||
    c === 0x2d ||
    isSpace(c)
  );
}
/** What trails an entry's text: white space, `*`, `_` and `|`. */
function isRestTail(c: number): boolean {
  return c === 0x2a || c === 0x5f || c === 0x7c || isSpace(c);
}
// parseEntry's patterns are sticky (`y`): each matches exactly at `lastIndex`, where `^` on a
// `slice` of the rest of the entry used to match (no substring per attempt; none looks behind).
const APPROXIMATE = /(?:~|≈|ca\.?\s|circa\s|approx(?:\.|imately)?\s|around\s|about\s|roughly\s)\s*/iy;
const AT = /at\s+/iy;
/** `At ` opening an entry before its time ("At 14:05 UTC, the alert fires", "At around 9:10"). */
const AT_OPENING = /at\s+(?=[~≈\d]|ca\.?\s|circa\s|approx|around\s|about\s|roughly\s)/iy;
/** A short or long weekday opening an entry before its date or time ("Tue 23:40", "Wednesday, 07:45"). */
const WEEKDAY_OPENING = /(mon|tue|wed|thu|fri|sat|sun)(?:day|sday|s|nesday|rsday|rs|r|urday)?\.?,?\s+(?=\d)/iy;
/** The day of the week of each weekday's first three letters, Sunday first (as `WEEKDAYS`). */
const WEEKDAY_INDEX: Readonly<Record<string, number>> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
/** `14h05`: hours, `h`, minutes (as French and other European teams write times). */
const TIME_H = /([01]?\d|2[0-3])h([0-5]\d)(?![\d])/y;
const APPROXIMATE_AFTER =
  /\s*(?:\(\s*(?:approx(?:\.|imately)?|est(?:imated)?\.?|roughly)\s*\)|approx(?:\.|imately)(?![A-Za-z]))/iy;
const TIME_AT = /(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?![\d])(?:\s*([AaPp])\.?\s?[Mm]\.?(?![A-Za-z]))?/y;
/** `1625`, `2309` (four digits, no colon); accepted only where nothing else could be meant (see `hhmmAccepted`). */
const TIME_HHMM = /([01]\d|2[0-3])([0-5]\d)(?![\d])(?:\s?h(?:rs?)?(?![A-Za-z]))?/y;
/** What may follow a four-digit time for it to be read as one: `:`, a dash, `|`, `]`, `)` or `,` (after closing marks). */
const HHMM_FOLLOW = /[*_`]*\s*(?:[:|\])–—,]|-\s|$)/y;
/** `10 AM`, `2pm`, `3 p.m.`: an hour with its meridiem and no minutes. */
const HOUR_MERIDIEM = /(\d{1,2})\s?([AaPp])\.?[Mm]\.?(?![A-Za-z])/y;
/** `T+15m`, `T+1h30m`, `T+2d`, `T+00:15`, `T+0`, `T-5m`: a time relative to the incident's start. */
const RELATIVE =
  /T\s?([+\u2212-])\s?(?:(\d{1,3}):(\d{2})|(?=\d)(?:(\d+)\s?d(?:ays?)?\s?)?(?:(\d+)\s?h(?:ours?|rs?)?\s?)?(?:(\d+)\s?m(?:in(?:utes?|s)?)?)?(\d+)?)(?![A-Za-z\d])/y;
const RANGE_END = /\s*(?:–|—|-|to|until)\s*(\d{1,2}):(\d{2})(?::\d{2})?(?:\s*[AaPp]\.?\s?[Mm]\.?(?![A-Za-z]))?/y;
const SECOND_TIME = /\s*[([]\s*\d{1,2}:\d{2}(?::\d{2})?[^)\]]{0,24}[)\]]/y;
const ISO_T = /T(?=\d)/y;
/** A footnote reference right after a date (`2026-03-03[^2]:`), left out of the event text. */
const FOOTNOTE = /\[\^[^\]\s]{1,20}\]/y;
const AFTER_DATE = /[\s,:–—*_)\]|-]*/y;
const ZONE_OPEN = /\s*\(?\s*/y;
const ZONE_CLOSE = /\s*\)/y;
/** `sticky` matched at `pos` of `text`, or null. */
function execAt(sticky: RegExp, text: string, pos: number): RegExpExecArray | null {
  sticky.lastIndex = pos;
  return sticky.exec(text);
}
const WEEKDAY_ONLY = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\b[\s.,)]*$/i;
/** A heading or line that names only a day: `### Monday`, `**Tuesday:**`, `Day 2`. */
const DAY_ONLY = /^[\s*_#>`[(]*(?:(mon|tues|wednes|thurs|fri|satur|sun)day|day\s+(\d{1,2}))\b[\s*_:.,)\]]*$/i;
const WEEKDAYS = ['sun', 'mon', 'tues', 'wednes', 'thurs', 'fri', 'satur'];
/** A year for dates written without one when the document states none (a leap year, so February 29 reads). */
const GUESSED_YEAR = 2000;
/** Text near the start of a line that looks like a time the reader could not read (`??:??`, `[???]`, `10h30`, `9.15`, `1625`). */
const TIME_LIKE =
  /\?\?|\b\d{1,2}[:h.]\d{2}\b|\b\d{3,4}\b|\b\d{1,2}\s?[ap]\.?m\b|\bT\s?[+-]\s?\d|\b(?:noon|midnight|morning|afternoon|evening)\b/i;
const NOTE_WORDS = /\btimes?\b|\btime ?zones?\b|\bclock\b|\bevents?\b|\bhappened\b|\boccurred\b/i;

/**
 * Reads the entries of a timeline section. An entry is a table row (time in the column whose
 * header says Time or When, combined with a Date column when there is one), a list item or a
 * sub-heading that starts with a time or a date, or a paragraph line that does (`**14:32**`).
 * A date alone on a line or sub-heading dates the entries under it; a date in a note before
 * the first entry ("All times are UTC on 2026-03-20") dates the rest, else `documentDate`.
 * A zone written after a time applies to that entry; a table header's zone (`Time (PST)`) to
 * its rows; the section heading's zone (`Timeline (UTC)`) or a note's ("All times in PST")
 * to the rest. Without a date, a time more than twelve hours before the previous one is read
 * as the next day (the incident ran past midnight).
 */
export function readTimeline(
  doc: MarkdownDocument,
  section: Section,
  documentDate?: CalendarDate,
  options: TimelineReadOptions = {},
): TimelineEntry[] {
  const candidates = collectCandidates(doc, section, documentDate, options.leadIn);
  const notes = readNotes(doc, section, candidates[0]?.line ?? section.endLine);
  const sectionZone = findZone(section.heading.text) ?? notes.zone;
  const noteDay = notes.date ? dayNumber(notes.date) : undefined;

  const entries: TimelineEntry[] = [];
  let currentDay = noteDay ?? (documentDate ? dayNumber(documentDate) : undefined);
  let dayOffset = 0;
  let previous: number | undefined;
  // The year of the current day, computed again only when the day changes.
  let yearDay: number | undefined;
  let year: number | undefined;
  const yearOf = () => {
    if (currentDay !== yearDay) {
      yearDay = currentDay;
      year = currentDay === undefined ? undefined : new Date(currentDay * 86_400_000).getUTCFullYear();
    }
    return year;
  };

  // The weekday of the last day heading (`### Monday`), to move to the next such day.
  let lastWeekday: number | undefined;
  let yearGuessed = false;

  for (const c of candidates) {
    const parsed = parseEntry(c.text, yearOf());
    if (!parsed) {
      const day = c.kind === 'heading' || c.kind === 'line' ? DAY_ONLY.exec(c.text) : null;
      if (day) {
        // A day named without a date: Monday after Sunday is one day later, "Day 3" after "Day 1" two.
        const index = day[1] ? WEEKDAYS.indexOf(day[1].toLowerCase()) : +day[2];
        if (lastWeekday !== undefined)
          dayOffset += day[1] ? (index - lastWeekday + 7) % 7 || 7 : Math.max(1, index - lastWeekday);
        lastWeekday = index;
        previous = undefined;
      }
      continue;
    }
    const body =
      parsed.rest.length > 0 && c.extra.length > 0
        ? `${parsed.rest} ${c.extra}`.trim()
        : (parsed.rest || c.extra).trim();
    const dayHere = parsed.date ? dayNumber(parsed.date.date) : undefined;
    if (parsed.date?.yearGuessed) yearGuessed = true;
    const isDateLine = c.kind === 'heading' || c.kind === 'line';
    if (!parsed.time) {
      if (dayHere === undefined) continue;
      // A date on its own: it dates what follows; if it carries text, it is also an event, but not a timed one.
      currentDay = dayHere;
      dayOffset = 0;
      previous = undefined;
      lastWeekday = undefined;
      const eventText = WEEKDAY_ONLY.test(parsed.rest) || !/[A-Za-z]/.test(parsed.rest) ? '' : parsed.rest;
      const eventBody = WEEKDAY_ONLY.test(parsed.rest) ? c.extra : body;
      if (/[A-Za-z]/.test(eventText) || (!isDateLine && /[A-Za-z]/.test(eventBody))) {
        const e = entry(
          doc,
          c.line,
          parsed.date?.text ?? '',
          undefined,
          true,
          undefined,
          eventText || firstLine(eventBody),
          eventBody,
          false,
          0,
          sectionZone !== undefined,
        );
        entries.push({ ...e, dayStart: dayHere * 1440, ...(yearGuessed ? { yearGuessed } : {}) });
      }
      continue;
    }
    const { hours, minutes: mins } = parsed.time;
    const text = /[A-Za-z]/.test(parsed.rest) ? parsed.rest : firstLine(c.extra);
    if (parsed.time.relative !== undefined) {
      // `T+15m`: minutes after the start of the current day (or of the timeline), in no zone.
      const at = ((dayHere ?? currentDay ?? 0) + dayOffset) * 1440 + parsed.time.relative;
      entries.push({
        ...entry(
          doc,
          c.line,
          parsed.time.text,
          at,
          dayHere !== undefined || currentDay !== undefined,
          undefined,
          text,
          body,
          parsed.time.approximate,
          0,
          false,
        ),
        relative: true,
      });
      continue;
    }
    if (parsed.weekday !== undefined && dayHere === undefined) {
      // "Wed 07:45" after "Tue 23:58": the next day, by the weekdays rather than by the clock running back.
      if (lastWeekday !== undefined && parsed.weekday !== lastWeekday) {
        dayOffset += (parsed.weekday - lastWeekday + 7) % 7;
        previous = undefined;
      }
      lastWeekday = parsed.weekday;
    }
    const zone = parsed.time.zone ?? c.tableZone ?? sectionZone;
    if (dayHere !== undefined && (noteDay === undefined || isDateLine)) {
      // A dated entry moves the timeline to its day, unless a note dates everything "unless otherwise noted".
      currentDay = dayHere;
      dayOffset = 0;
      lastWeekday = undefined;
    }
    const base = dayHere ?? (currentDay ?? 0) + dayOffset;
    let local = base * 1440 + hours * 60 + mins;
    let utc = toUtcMinutes(zone, local);
    if (dayHere === undefined && previous !== undefined && utc < previous - 12 * 60) {
      dayOffset++;
      local += 1440;
      utc = toUtcMinutes(zone, local);
    }
    previous = utc;
    const e = entry(
      doc,
      c.line,
      parsed.time.text,
      utc,
      dayHere !== undefined || currentDay !== undefined,
      zone?.name,
      text,
      body,
      parsed.time.approximate,
      local - utc,
      zone !== undefined,
    );
    entries.push(yearGuessed ? { ...e, yearGuessed } : e);
  }
  return entries;
}

/**
 * The lines of a timeline section that open like events with a time (`[??:??]`, `10h30`, `9.15`,
 * `noon`) but whose time `readTimeline` could not read, in line order; for telling the writer
 * which line to fix. Only what opens an entry counts: a time later in a sentence is prose.
 */
export function unreadTimeLines(
  doc: MarkdownDocument,
  section: Section,
  documentDate?: CalendarDate,
): UnreadTimeLine[] {
  const year = documentDate?.year;
  const out: UnreadTimeLine[] = [];
  const seen = new Set<number>();
  for (const c of collectCandidates(doc, section, documentDate)) {
    seen.add(c.line);
    const parsed = parseEntry(c.text, year);
    if (parsed?.time || (parsed?.date && !TIME_LIKE.test(parsed.rest.slice(0, 24)))) continue;
    if (TIME_LIKE.test(stripNoise(c.text).slice(0, 24))) out.push({ line: c.line, text: doc.lines[c.line].trim() });
  }
  for (let line = section.bodyStartLine; line < section.endLine; line++) {
    const text = doc.lines[line].trim();
    if (seen.has(line) || text.length === 0 || doc.listItems.some((li) => line > li.line && line < li.endLine))
      continue;
    if (/^[*_`[(]/.test(text) && TIME_LIKE.test(stripNoise(text).slice(0, 12))) out.push({ line, text });
  }
  return out.sort((x, y) => x.line - y.line);
}

function stripNoise(text: string): string {
  let from = 0;
  while (from < text.length && isLeadingNoise(text.charCodeAt(from))) from++;
  return text.slice(from);
}

function entry(
  doc: MarkdownDocument,
  line: number,
  timeText: string,
  minutes: number | undefined,
  dated: boolean,
  zone: string | undefined,
  text: string,
  body: string,
  approximate: boolean,
  utcOffset: number,
  zoned: boolean,
): TimelineEntry {
  return {
    line,
    range: range(line, 0, line, doc.lines[line]?.length ?? 0),
    timeText,
    minutes,
    dated,
    zoned,
    text,
    body,
    approximate,
    zone,
    utcOffset,
  };
}

function firstLine(text: string): string {
  const sentence = /^(.{1,160}?[.!?])(?:\s|$)/.exec(text);
  return (sentence ? sentence[1] : text.slice(0, 160)).trim();
}

/** What an entry's text starts with: an optional date, an optional time, and the rest. */
interface ParsedEntry {
  /** The date; `yearGuessed` when it has no year and no default year was given (then the year is a placeholder). */
  readonly date?: DateMatch & { readonly text: string; readonly yearGuessed: boolean };
  readonly time?: {
    readonly hours: number;
    readonly minutes: number;
    readonly zone: TimeZone | undefined;
    readonly text: string;
    readonly approximate: boolean;
    /** For `T+15m`: minutes after the incident's start (then `hours` and `minutes` are 0). */
    readonly relative?: number;
  };
  readonly rest: string;
  /** The weekday written before the date or time (`Tue 23:40`), Sunday 0. */
  readonly weekday?: number;
}

/** Reads the date and time an entry opens with; undefined when it opens with neither. */
export function parseEntry(raw: string, defaultYear?: number): ParsedEntry | undefined {
  let from = 0;
  while (from < raw.length && isLeadingNoise(raw.charCodeAt(from))) from++;
  const t = from === 0 ? raw : raw.slice(from);
  // `pos` walks along `t`; `lengthAt` tells how far each optional piece reaches (no closure or match array per entry).
  let pos = 0;
  let approximate = false;
  let n = lengthAt(APPROXIMATE, t, pos);
  if (n >= 0) {
    pos += n;
    approximate = true;
  }
  // A weekday ("Tue 23:40") or "At" ("At 14:05 UTC, ...") before the time: read past it (letters only: one test of the first character).
  let weekday: number | undefined;
  const letter = t.charCodeAt(pos) | 0x20;
  if (letter >= 0x61 && letter <= 0x7a) {
    const w = execAt(WEEKDAY_OPENING, t, pos);
    if (w) {
      weekday = WEEKDAY_INDEX[w[1].toLowerCase()];
      pos += w[0].length;
    } else if ((n = lengthAt(AT_OPENING, t, pos)) >= 0) {
      pos += n;
      n = lengthAt(APPROXIMATE, t, pos);
      if (n >= 0) {
        pos += n;
        approximate = true;
      }
    }
  }
  const dateMatch = dateAt(t, pos, defaultYear ?? GUESSED_YEAR);
  let date: ParsedEntry['date'];
  if (dateMatch) {
    date = {
      ...dateMatch,
      text: t.slice(pos, pos + dateMatch.length),
      yearGuessed: !dateMatch.yearWritten && defaultYear === undefined,
    };
    pos += dateMatch.length;
    if (lengthAt(ISO_T, t, pos) >= 0) pos += 1;
    else
      pos +=
        Math.max(0, lengthAt(FOOTNOTE, t, pos)) +
        Math.max(0, lengthAt(AFTER_DATE, t, pos + Math.max(0, lengthAt(FOOTNOTE, t, pos))));
    for (const piece of AFTER_DATE_PIECES) {
      n = lengthAt(piece, t, pos);
      if (n < 0) continue;
      pos += n;
      if (piece === APPROXIMATE) approximate = true;
    }
  }
  const clock = clockAt(t, pos, date !== undefined);
  let time: ParsedEntry['time'];
  if (clock) {
    const start = pos;
    pos += clock.length;
    let zone = clock.relative === undefined ? zoneAfter(t, pos) : undefined;
    if (!zone && clock.relative === undefined) {
      // A range "14:32–14:40 UTC": the zone after its end applies to its start.
      const rangeEnd = lengthAt(RANGE_END, t, pos);
      if (rangeEnd >= 0) zone = zoneAfter(t, pos + rangeEnd);
    }
    if (zone) pos = zone.end;
    const text = t.slice(start, pos).trim();
    // A second rendering of the same time, "13:14 EDT (17:14 UTC)", is dropped from the event text.
    pos += Math.max(0, lengthAt(SECOND_TIME, t, pos));
    // "14:30 (approx.)", "14:30 approx." mark the time as approximate.
    n = lengthAt(APPROXIMATE_AFTER, t, pos);
    if (n >= 0) {
      pos += n;
      approximate = true;
    }
    time = {
      hours: clock.hours,
      minutes: clock.minutes,
      zone: zone?.zone,
      text,
      approximate,
      relative: clock.relative,
    };
  }
  if (!date && !time) return undefined;
  // A time in a code span (`` `14:32 UTC` ``): its closing backtick is not part of the text.
  if (from > 0 && raw.charCodeAt(from - 1) === 0x60 && t.charCodeAt(pos) === 0x60) pos++;
  // The rest without its leading separators and trailing marks (both runs include all white space, so it is trimmed).
  let restStart = pos;
  while (restStart < t.length && isRestLead(t.charCodeAt(restStart))) restStart++;
  let restEnd = t.length;
  while (restEnd > restStart && isRestTail(t.charCodeAt(restEnd - 1))) restEnd--;
  const rest = t.slice(restStart, restEnd);
  return weekday === undefined ? { date, time, rest } : { date, time, rest, weekday };
}

/** A clock time at `pos`: `14:32`, `14:32:05`, `2:54 PM`, `10 AM`, `1625` (see `hhmmAccepted`), or `T+15m`. */
function clockAt(
  t: string,
  pos: number,
  afterDate: boolean,
): { hours: number; minutes: number; length: number; relative?: number } | undefined {
  const c = t.charCodeAt(pos);
  if (c === 0x54 /* T */) {
    const r = execAt(RELATIVE, t, pos);
    if (!r) return undefined;
    // `T+00:15`, else days, hours and minutes; a bare number counts as minutes (`T+15`, `T+1h30`).
    const offset =
      r[2] !== undefined ? +r[2] * 60 + +r[3] : +(r[4] ?? 0) * 1440 + +(r[5] ?? 0) * 60 + +(r[6] ?? 0) + +(r[7] ?? 0);
    return { hours: 0, minutes: 0, length: r[0].length, relative: r[1] === '+' ? offset : -offset };
  }
  if (c < 0x30 || c > 0x39) return undefined;
  const m = execAt(TIME_AT, t, pos);
  if (m) {
    let hours = +m[1];
    const minutes = +m[2];
    const meridiem = m[4]?.toLowerCase();
    const valid = meridiem ? hours >= 1 && hours <= 12 && minutes <= 59 : hours <= 23 && minutes <= 59;
    if (!valid) return undefined;
    if (meridiem === 'p' && hours < 12) hours += 12;
    if (meridiem === 'a' && hours === 12) hours = 0;
    return { hours, minutes, length: m[0].length };
  }
  const h = execAt(HOUR_MERIDIEM, t, pos);
  if (h) {
    let hours = +h[1];
    if (hours < 1 || hours > 12) return undefined;
    if (h[2].toLowerCase() === 'p' && hours < 12) hours += 12;
    if (h[2].toLowerCase() === 'a' && hours === 12) hours = 0;
    return { hours, minutes: 0, length: h[0].length };
  }
  const four = execAt(TIME_HHMM, t, pos);
  if (four && hhmmAccepted(t, pos + four[0].length, afterDate || four[0].length > 4))
    return { hours: +four[1], minutes: +four[2], length: four[0].length };
  const french = execAt(TIME_H, t, pos);
  if (french) return { hours: +french[1], minutes: +french[2], length: french[0].length };
  return undefined;
}

/**
 * Whether four digits (`1625`) end a time at `end`: after a date, with an `h` suffix, before a
 * zone, or before the separator an entry's time is followed by (`:`, a dash, `|`, `]`, `)`, `,`).
 */
function hhmmAccepted(t: string, end: number, sure: boolean): boolean {
  if (sure) return true;
  const at = end + Math.max(0, lengthAt(ZONE_OPEN, t, end));
  if (zoneAt(t, at)) return true;
  return lengthAt(HHMM_FOLLOW, t, end) >= 0;
}

/** What may follow a date before the time, in order: "approx.", "at", "approx." again. */
const AFTER_DATE_PIECES: readonly RegExp[] = [APPROXIMATE, AT, APPROXIMATE];

/** The length of the match of `sticky` at `pos` of `text`, or -1. */
function lengthAt(sticky: RegExp, text: string, pos: number): number {
  sticky.lastIndex = pos;
  return sticky.test(text) ? sticky.lastIndex - pos : -1;
}

/** The zone written at `pos` (optionally in parentheses), and where it ends. */
function zoneAfter(t: string, pos: number): { zone: TimeZone; end: number } | undefined {
  const at = pos + Math.max(0, lengthAt(ZONE_OPEN, t, pos));
  const found = zoneAt(t, at);
  if (!found) return undefined;
  const end = at + found.length;
  return { zone: found.zone, end: end + Math.max(0, lengthAt(ZONE_CLOSE, t, end)) };
}

function collectCandidates(
  doc: MarkdownDocument,
  section: Section,
  documentDate: CalendarDate | undefined,
  leadIn?: RegExp,
): Candidate[] {
  // A lead-in label (`INCIDENT UPDATE — `) is read past, so the time after it opens the entry.
  const past = (text: string): string => {
    if (!leadIn) return text;
    const rest = stripNoise(text);
    const m = leadIn.exec(rest);
    return m && m.index === 0 ? rest.slice(m[0].length) : text;
  };
  const inSection = (line: number) => line >= section.bodyStartLine && line < section.endLine;
  const candidates: Candidate[] = [];
  const taken = new Set<number>();

  for (const table of doc.tables.filter((t) => inSection(t.startLine))) {
    const { timeColumn, dateColumn, zone } = tableColumns(table);
    // The date cell (when it is its own column), then the time cell, then the other non-empty cells.
    const separateDate = dateColumn >= 0 && dateColumn !== timeColumn;
    for (const row of table.rows) {
      const time = row.cells[timeColumn]?.text ?? '';
      const when = separateDate ? `${row.cells[dateColumn]?.text ?? ''} ${time}` : time;
      let rest = '';
      for (let i = 0; i < row.cells.length; i++) {
        const text = row.cells[i].text;
        if (i === timeColumn || i === dateColumn || text.length === 0) continue;
        rest = rest.length > 0 ? `${rest} — ${text}` : text;
      }
      // ` | ` keeps the cells apart as the table did, so a bare `1625` cell reads as a time.
      candidates.push({
        line: row.line,
        kind: 'row',
        text: rest ? `${when} | ${rest}` : when,
        extra: '',
        tableZone: zone,
      });
    }
    for (let l = table.startLine; l < table.endLine; l++) taken.add(l);
  }
  const items = doc.listItems.filter((li) => inSection(li.line));
  items.forEach((item, index) => {
    // Items are in line order: a nested item, if any, is the next one and starts inside this one.
    const next = items[index + 1];
    const stop = next && next.line > item.line && next.line < item.endLine ? next.line : item.endLine;
    const continuation = doc.lines
      .slice(item.line + 1, stop)
      .map((l) => l.trim())
      .filter((l) => l.length > 0)
      .join(' ');
    candidates.push({ line: item.line, kind: 'item', text: past(item.text), extra: continuation });
    taken.add(item.line);
  });
  for (const heading of doc.headings.filter((h) => inSection(h.line))) {
    candidates.push({ line: heading.line, kind: 'heading', text: past(heading.text), extra: '' });
    taken.add(heading.line);
  }
  const code = new Set<number>();
  for (const block of doc.codeBlocks) for (let l = block.startLine; l < block.endLine; l++) code.add(l);
  const inItem = new Set<number>();
  for (const item of items) for (let l = item.line; l < item.endLine; l++) inItem.add(l);
  const year = documentDate?.year;
  for (let line = section.bodyStartLine; line < section.endLine; line++) {
    if (taken.has(line) || code.has(line) || inItem.has(line)) continue;
    const text = past(doc.lines[line].trim());
    if (text.length > 0 && (parseEntry(text, year) || DAY_ONLY.test(text)))
      candidates.push({ line, kind: 'line', text, extra: '' });
  }
  candidates.sort((a, b) => a.line - b.line);

  // Headings and paragraph lines own the text under them, up to the next entry or heading.
  const stops = new Set<number>([...candidates.map((c) => c.line), ...doc.headings.map((h) => h.line)]);
  for (const c of candidates) {
    if (c.kind !== 'heading' && c.kind !== 'line') continue;
    const parts: string[] = [];
    for (let l = c.line + 1; l < section.endLine && !stops.has(l); l++) {
      if (c.kind === 'line' && doc.lines[l].trim() === '') break;
      if (!code.has(l) && doc.lines[l].trim()) parts.push(doc.lines[l].trim().replace(/^[-*+]\s+/, ''));
    }
    c.extra = parts.join(' ');
  }
  return candidates;
}

function tableColumns(table: Table): { timeColumn: number; dateColumn: number; zone: TimeZone | undefined } {
  const headers = table.header.cells.map((c) => c.text);
  let timeColumn = headers.findIndex((h) => /\btime(?:stamp)?\b|\bwhen\b|\bhour\b|^\s*utc\s*$/i.test(h));
  const dateColumn = headers.findIndex((h) => /\bdate\b|\bday\b/i.test(h));
  if (timeColumn < 0) timeColumn = dateColumn >= 0 ? dateColumn : 0;
  const zone = findZone([headers[timeColumn] ?? '', dateColumn >= 0 ? headers[dateColumn] : ''].join(' '));
  return { timeColumn, dateColumn, zone };
}

/** The zone and date stated in the notes before the first entry ("All times are in PST, on February 8th 2019"). */
function readNotes(
  doc: MarkdownDocument,
  section: Section,
  firstEntryLine: number,
): { zone?: TimeZone; date?: CalendarDate } {
  const end = Math.min(firstEntryLine, section.endLine, section.bodyStartLine + 12);
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (let line = section.bodyStartLine; line < end; line++) {
    const text = doc.lines[line].trim();
    if (text === '') {
      if (current.length) paragraphs.push(current.join(' '));
      current = [];
    } else {
      current.push(text);
    }
  }
  if (current.length) paragraphs.push(current.join(' '));
  let zone: TimeZone | undefined;
  let date: CalendarDate | undefined;
  for (const p of paragraphs.filter((text) => NOTE_WORDS.test(text))) {
    zone ??= findZone(p);
    date ??= findDate(p)?.date;
  }
  return { zone, date };
}

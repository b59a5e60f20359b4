// Reads a postmortem's timeline (tables, lists, one heading per event) into timed entries.
import type { MarkdownDocument, Section } from '../markdown/model';
import { range, type Range } from '../markdown/position';
import { dayNumber, isRealDate, type CalendarDate } from '../postmortem/dates';

/** One event of a timeline. */
export interface TimelineEntry {
  readonly line: number;
  /** The entry's line (row, item or heading). */
  readonly range: Range;
  /** The time as written, e.g. `14:32 UTC`. */
  readonly timeText: string;
  /** Minutes since 1970-01-01 00:00 UTC when the date is known, else minutes since the first entry's day. */
  readonly minutes: number | undefined;
  /** Whether a date (in the entry, a date line above it, or the document) anchors the time. */
  readonly dated: boolean;
  /** Whether a time zone was stated (in the entry or in the section). */
  readonly zoned: boolean;
  /** The event text without the time. */
  readonly text: string;
}

/** Offsets from UTC in minutes of the zone names people write. */
export const ZONE_OFFSETS: Readonly<Record<string, number>> = {
  UTC: 0, GMT: 0, Z: 0, WET: 0, BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180, IST: 330,
  SGT: 480, HKT: 480, JST: 540, KST: 540, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420, AKST: -540, HST: -600,
  EASTERN: -300, PACIFIC: -480, CENTRAL: -360, MOUNTAIN: -420,
};

const DATE = /(\d{4})-(\d{2})-(\d{2})/;
// Case-sensitive on purpose: a zone is written in capitals (UTC, PST), so "Alert" is never read as one.
const TIME = /(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?(?![A-Za-z]))?(?:\s*\(?\s*(UTC|GMT|Z\b|[A-Z]{2,4}T\b|[Ee]astern|[Pp]acific|[Cc]entral|[Mm]ountain|[+-]\d{2}:?\d{2})\)?)?/;
const LEADING_NOISE = /^[\s*_`[(~>|-]+/;

/**
 * Reads the entries of a timeline section. An entry is a table row (time in the first
 * column that holds one), a list item or a sub-heading that starts with a time or a date,
 * or a `**14:32**` paragraph line. A date alone on a line (or as a sub-heading) dates the
 * entries under it; `documentDate` dates the rest. A time zone named in the section's
 * heading or in an "All times ..." line applies to entries that do not name their own.
 * Without a date, a time more than twelve hours before the previous one is read as the next day.
 */
export function readTimeline(doc: MarkdownDocument, section: Section, documentDate?: CalendarDate): TimelineEntry[] {
  const inSection = (line: number) => line >= section.bodyStartLine && line < section.endLine;
  const sectionZone = zoneIn(section.heading.text) ?? zoneOfNote(doc, section);
  const candidates: Array<{ line: number; text: string; fromTable: boolean }> = [];

  for (const table of doc.tables.filter((t) => inSection(t.startLine))) {
    const timeColumn = Math.max(0, table.header.cells.findIndex((c) => /time|date|when/i.test(c.text)));
    for (const row of table.rows) {
      const time = row.cells[timeColumn]?.text ?? '';
      const rest = row.cells.filter((_, i) => i !== timeColumn).map((c) => c.text).join(' — ');
      candidates.push({ line: row.line, text: `${time} ${rest}`, fromTable: true });
    }
  }
  const tableLines = new Set(candidates.map((c) => c.line));
  for (const item of doc.listItems.filter((li) => inSection(li.line))) {
    candidates.push({ line: item.line, text: item.text, fromTable: false });
  }
  for (const heading of doc.headings.filter((h) => inSection(h.line))) {
    candidates.push({ line: heading.line, text: heading.text, fromTable: false });
  }
  const listLines = new Set(candidates.map((c) => c.line));
  for (let line = section.bodyStartLine; line < section.endLine; line++) {
    if (listLines.has(line) || tableLines.has(line)) continue;
    const text = doc.lines[line].trim();
    if (/^\*\*[^*]*\d{1,2}:\d{2}[^*]*\*\*/.test(text) || /^\d{4}-\d{2}-\d{2}\b/.test(text) || /^\*?\*?\d{1,2}:\d{2}/.test(text)) {
      candidates.push({ line, text, fromTable: false });
    }
  }
  candidates.sort((a, b) => a.line - b.line);

  const entries: TimelineEntry[] = [];
  let currentDay = documentDate ? dayNumber(documentDate) : undefined;
  let dayOffset = 0;
  let previous: number | undefined;
  for (const c of candidates) {
    const text = c.text.replace(LEADING_NOISE, '');
    const dateMatch = DATE.exec(text.slice(0, 40));
    const timeMatch = TIME.exec(text.slice(0, 60));
    const dateFirst = dateMatch && dateMatch.index < 12;
    let dayHere: number | undefined;
    if (dateFirst && isRealDate(+dateMatch[1], +dateMatch[2], +dateMatch[3])) {
      dayHere = dayNumber({ year: +dateMatch[1], month: +dateMatch[2], day: +dateMatch[3] });
    }
    const timeFirst = timeMatch && timeMatch.index <= (dateFirst ? dateMatch.index + 12 : 6);
    if (dayHere !== undefined && !timeFirst) {
      // A date on its own: it dates what follows; if it carries text, it is also an entry.
      currentDay = dayHere;
      dayOffset = 0;
      previous = undefined;
      const rest = text.slice((dateMatch?.index ?? 0) + 10).replace(/^[\s:–—-]+/, '');
      if (rest.length > 0 && /[A-Za-z]/.test(rest) && !/^(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i.test(rest)) {
        // A dated event without a time is an event, but not a timed one: it neither orders nor measures.
        entries.push(entry(doc, c.line, dateMatch?.[0] ?? '', undefined, true, sectionZone !== undefined, rest));
      }
      continue;
    }
    if (!timeFirst || !timeMatch) continue;
    let hours = +timeMatch[1];
    const mins = +timeMatch[2];
    const meridiem = timeMatch[4]?.toLowerCase();
    if (meridiem === 'p' && hours < 12) hours += 12;
    if (meridiem === 'a' && hours === 12) hours = 0;
    if (hours > 23 || mins > 59) continue;
    const zone = timeMatch[5] ? zoneIn(timeMatch[5]) : undefined;
    const offset = zone ?? sectionZone ?? 0;
    if (dayHere !== undefined) {
      currentDay = dayHere;
      dayOffset = 0;
    }
    const base = (currentDay ?? 0) + dayOffset;
    let minutes = base * 1440 + hours * 60 + mins - offset;
    if (dayHere === undefined && previous !== undefined && minutes < previous - 12 * 60) {
      dayOffset++;
      minutes += 1440;
    }
    previous = minutes;
    const end = (timeMatch.index ?? 0) + timeMatch[0].length;
    const eventText = text.slice(end).replace(/^[\s*_\]):–—|-]+/, '').trim();
    entries.push(entry(doc, c.line, timeMatch[0].trim(), minutes, currentDay !== undefined, zone !== undefined || sectionZone !== undefined, eventText));
  }
  return entries;
}

function entry(doc: MarkdownDocument, line: number, timeText: string, minutes: number | undefined, dated: boolean, zoned: boolean, text: string): TimelineEntry {
  return { line, range: range(line, 0, line, doc.lines[line]?.length ?? 0), timeText, minutes, dated, zoned, text };
}

/** The offset named in `text` (`UTC`, `PST`, `+02:00`, `Eastern`), in minutes east of UTC. */
export function zoneIn(text: string): number | undefined {
  const offset = /(?:UTC|GMT)?\s*([+-])(\d{2}):?(\d{2})\b/.exec(text);
  if (offset && /[+-]\d{2}:?\d{2}/.test(text)) return (offset[1] === '-' ? -1 : 1) * (+offset[2] * 60 + +offset[3]);
  for (const word of text.toUpperCase().match(/\b[A-Z]{1,7}\b/g) ?? []) {
    if (word in ZONE_OFFSETS && word !== 'Z') return ZONE_OFFSETS[word];
  }
  return undefined;
}

function zoneOfNote(doc: MarkdownDocument, section: Section): number | undefined {
  for (let line = section.bodyStartLine; line < Math.min(section.endLine, section.bodyStartLine + 6); line++) {
    if (/\btimes?\b/i.test(doc.lines[line])) {
      const z = zoneIn(doc.lines[line]);
      if (z !== undefined) return z;
    }
  }
  return undefined;
}

/** The milestones time to detect and time to recover are computed from. */
export type Milestone = 'start' | 'detection' | 'mitigation' | 'resolution';

/** Words that mark each milestone; the one definition used by PM010, metrics and the docs. */
export const MILESTONE_PATTERNS: Readonly<Record<Milestone, RegExp>> = {
  start: /\b(?:start(?:ed|s)?|began|begins|first (?:error|failure|failed|5\d\d|report|occurr\w*)|outage begins|incident begins|errors? (?:start|spike|began)|impact (?:start|began)|issue first occurred)\b|\[start\]/i,
  detection: /\b(?:alert(?:s|ed)?|paged?|paging|detect(?:ed|s)?|notic(?:ed|es)|report(?:ed|s)? by|(?:user|customer)s? reports?|on-?call (?:was )?(?:notified|pinged|paged)|pinged|escalat(?:ed|es) to|incident declared|declared)\b|\[detect(?:ed|ion)?\]/i,
  mitigation: /\b(?:mitigat\w*|roll(?:ed|ing)?[ -]?back|revert(?:ed|s|ing)?|fail(?:ed)?[ -]?over|hot-?fix|workaround|scaled (?:up|out)|restart(?:ed|s)?|drain(?:ed)?|disabled|rate[ -]limit(?:ed)?|blocked|contain(?:ed|ment)|fix (?:deployed|applied|rolled out)|deployed (?:a |the )?fix|applied)\b|\[mitigat(?:ed|ion)\]/i,
  resolution: /\b(?:resolv(?:ed|es)|recover(?:ed|y complete)|restored|back to normal|all clear|closed|fully operational|outage ends|incident ends|ended|resolution)\b|\[resol(?:ved|ution)\]/i,
};

/** The first entry of each milestone; start falls back to the first timed entry. */
export function milestones(entries: readonly TimelineEntry[]): Partial<Record<Milestone, TimelineEntry>> {
  const timed = entries.filter((e) => e.minutes !== undefined);
  const found: Partial<Record<Milestone, TimelineEntry>> = {};
  for (const m of ['start', 'detection', 'mitigation', 'resolution'] as Milestone[]) {
    const hit = timed.find((e) => MILESTONE_PATTERNS[m].test(e.text));
    if (hit) found[m] = hit;
  }
  if (!found.start && timed.length > 0) found.start = timed[0];
  if (!found.resolution) {
    // The last event that says recovery happened counts as resolution.
    const last = [...timed].reverse().find((e) => /\b(?:resolved|recovered|restored)\b/i.test(e.text));
    if (last) found.resolution = last;
  }
  return found;
}

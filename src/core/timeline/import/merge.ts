// Combines imported events, reads their milestones with the timeline's own reader, and merges them into a document's Timeline (table or list) without touching the rows already there.
import type { MarkdownDocument, Table } from '../../markdown/model';
import { range } from '../../markdown/position';
import { readIncident, sectionByRole, SECTION_ROLES } from '../../postmortem/model';
import type { DocumentKind, Profile } from '../../profiles/types';
import type { TextEdit } from '../../fixes/fixes';
import { TimelineEntryError } from '../../authoring/timelineEntry';
import { classifyMilestones, MILESTONE_MARKERS, MILESTONES, type Milestone, type MilestoneHow } from '../milestones';
import type { TimelineEntry } from '../timeline';
import { byTime, isoSecond, type ImportedEvent } from './events';

/** How a milestone read from the words counts for an import: only what the words say, not a fallback. */
const TRUSTED: ReadonlySet<MilestoneHow> = new Set(['marker', 'keyword', 'impact']);

/**
 * The events of all sources in one list sorted by time, each milestone on one event: the
 * sources' own (a PagerDuty trigger is the detection; the earliest detection, the latest
 * resolution when several sources or pages state one) first, then the rest as the timeline
 * reader finds them in the words (`classifyMilestones`, the reader PM010 and the metrics use),
 * keeping only milestones the words state (not "the first event, for want of a start").
 */
export function combineEvents(lists: readonly (readonly ImportedEvent[])[]): ImportedEvent[] {
  const events = byTime(lists.flat());
  const claimed = new Set<Milestone>();
  for (const e of events) if (e.explicit && e.milestone) claimed.add(e.milestone);
  // An explicit milestone is kept on one event: the first, but for the resolution the last (a log split over pages, a reopened incident).
  const keep = new Map<Milestone, ImportedEvent>();
  for (const e of events) {
    if (e.explicit && e.milestone && (!keep.has(e.milestone) || e.milestone === 'resolution')) keep.set(e.milestone, e);
  }
  const out = events.map((e) =>
    !e.milestone || (e.explicit && keep.get(e.milestone) === e) ? e : { ...e, milestone: null, explicit: undefined },
  );
  if (claimed.size === MILESTONES.length) return out;
  // One range for all: the classifier reads times and words, never ranges (100,000 events make garbage count).
  const noRange = range(0, 0, 0, 0);
  const entries: TimelineEntry[] = out.map((e, i) => ({
    line: i,
    range: noRange,
    timeText: '',
    minutes: Math.floor(e.at / 60_000),
    dated: true,
    zoned: true,
    text: e.text,
    body: e.text,
    approximate: false,
    zone: 'UTC',
    utcOffset: 0,
  }));
  const hits = classifyMilestones(entries);
  for (const m of MILESTONES) {
    const hit = hits[m];
    if (claimed.has(m) || !hit || !TRUSTED.has(hit.how)) continue;
    const i = hit.entry.line;
    if (out[i].milestone === null) out[i] = { ...out[i], milestone: m };
  }
  // A start read from the words after the detection ("errors started at 23:38", said later) marks no start.
  const detection = out.find((e) => e.milestone === 'detection');
  const start = out.findIndex((e) => e.milestone === 'start');
  if (detection && start >= 0 && out[start].at > detection.at && !out[start].explicit)
    out[start] = { ...out[start], milestone: null };
  return out;
}

/** The Time/Date/Event/Author/Source columns of a timeline table (indexes; -1 when absent). */
interface Columns {
  readonly count: number;
  readonly time: number;
  readonly date: number;
  readonly event: number;
  readonly author: number;
  readonly source: number;
}

function tableColumns(table: Table): Columns {
  const headers = table.header.cells.map((c) => c.text.toLowerCase());
  const find = (re: RegExp, not: number[] = []) => headers.findIndex((h, i) => re.test(h) && !not.includes(i));
  let time = find(/\b(?:time|when|timestamp)\b/);
  const date = find(/\b(?:date|day)\b/, [time]);
  if (time < 0) time = date >= 0 ? date : 0;
  const author = find(/\b(?:who|author|by|actor|owner|person|people|responder)\b/, [time, date]);
  const source = find(/\b(?:source|channel|via)\b/, [time, date, author]);
  let event = find(/\b(?:event|what|description|action|details?|happened|notes?|summary|activity)\b/, [
    time,
    date,
    author,
    source,
  ]);
  if (event < 0) event = headers.findIndex((_h, i) => ![time, date, author, source].includes(i));
  return { count: headers.length, time, date: date === time ? -1 : date, event, author, source };
}

/** How rows are written: a table with its columns, or list items with their marker. */
export type TimelineForm =
  | { readonly kind: 'table'; readonly columns: Columns; readonly dated: boolean; readonly zoneSuffix: string }
  | {
      readonly kind: 'list';
      readonly marker: string;
      readonly boldTime: boolean;
      readonly dated: boolean;
      readonly zoneSuffix: string;
    };

/** The form `timeline import` prints without a document: a `Time (UTC) | Event` table. */
export const DEFAULT_TABLE_HEADER = '| Time (UTC) | Event |\n|---|---|';
const DEFAULT_FORM: TimelineForm = {
  kind: 'table',
  columns: { count: 2, time: 0, date: -1, event: 1, author: -1, source: -1 },
  dated: true,
  zoneSuffix: '',
};

/**
 * The event's text as a row shows it: a Slack message after its author's name unless the
 * table has an author column, a PagerDuty entry after "PagerDuty:" unless it has a source
 * column, and a marker for an explicit milestone when `markMilestone`.
 */
function rowText(e: ImportedEvent, authorColumn: boolean, sourceColumn: boolean, markMilestone: boolean): string {
  const base =
    e.source === 'pagerduty'
      ? sourceColumn
        ? e.text
        : `PagerDuty: ${e.text}`
      : !authorColumn && e.author
        ? `${e.author}: ${e.text}`
        : e.text;
  return markMilestone && e.explicit && e.milestone ? `${base} ${markerOf(e.milestone)}` : base;
}

/** The marker written for a milestone: `[detection]`, `[resolution]`, ... */
function markerOf(m: Milestone): string {
  return MILESTONE_MARKERS[m].find((mk) => mk === `[${m}]`) ?? MILESTONE_MARKERS[m][0];
}

/** One row (no line break) in `form`. */
export function renderRow(e: ImportedEvent, form: TimelineForm = DEFAULT_FORM, markMilestone = true): string {
  const iso = isoSecond(e.at);
  const day = iso.slice(0, 10);
  const clock = iso.slice(11, 16);
  if (form.kind === 'table') {
    const c = form.columns;
    const cells = Array.from({ length: Math.max(c.count, 2) }, () => '');
    const timeText = c.date >= 0 || !form.dated ? clock : `${day} ${clock}`;
    cells[c.time] = `${timeText}${form.zoneSuffix}`;
    if (c.date >= 0) cells[c.date] = day;
    cells[c.event] = escapeCell(rowText(e, c.author >= 0, c.source >= 0, markMilestone));
    if (c.author >= 0) cells[c.author] = escapeCell(e.author ?? '');
    if (c.source >= 0) cells[c.source] = e.source === 'slack' ? 'Slack' : 'PagerDuty';
    return `| ${cells.join(' | ')} |`;
  }
  const time = `${form.dated ? `${day} ${clock}` : clock}${form.zoneSuffix}`;
  return `${form.marker} ${form.boldTime ? `**${time}**` : time} — ${escapeMarkdown(rowText(e, false, false, markMilestone))}`;
}

/** The events as a Markdown table (`Time (UTC) | Event`), for printing. */
export function renderTable(events: readonly ImportedEvent[]): string {
  return [DEFAULT_TABLE_HEADER, ...events.map((e) => renderRow(e))].join('\n');
}

function escapeCell(text: string): string {
  return escapeMarkdown(text).replace(/\|/g, '\\|');
}

/** `<` before a letter or `/` escaped, so a message's `<word>` is not read as HTML. */
function escapeMarkdown(text: string): string {
  return text.replace(/<(?=[A-Za-z/!?])/g, '\\<');
}

/** What merging events into a document does. */
export interface TimelineMerge {
  /** Insertions into the document; empty when every event is already there. */
  readonly edits: readonly TextEdit[];
  /** The events added, in time order, and the row written for each. */
  readonly added: readonly { readonly event: ImportedEvent; readonly row: string }[];
  /** How many events were already in the timeline (the same minute and text). */
  readonly alreadyThere: number;
  /** The form rows were written in. */
  readonly form: TimelineForm;
}

/**
 * Merges `events` into the document's Timeline: as table rows if the timeline is a table, else
 * list items, each before the first row written later (else after the last), dated when the
 * rows are dated (or the events fall on other days than the document's), with `UTC` after the
 * time when the timeline is in another zone. An event whose minute and text are already in a
 * row is skipped, so importing twice adds nothing. Rows already there are never changed.
 * Throws `TimelineEntryError` when there is no Timeline section.
 */
export function mergeTimeline(
  doc: MarkdownDocument,
  kind: DocumentKind,
  profile: Profile,
  events: readonly ImportedEvent[],
): TimelineMerge {
  const model = readIncident(doc, kind, profile);
  const section = sectionByRole(model, SECTION_ROLES.timeline);
  if (!section) throw new TimelineEntryError('This document has no Timeline section; add one first.');
  const inSection = (line: number) => line >= section.bodyStartLine && line < section.endLine;
  const table = doc.tables.find((t) => inSection(t.startLine));
  const items = doc.listItems.filter((li) => inSection(li.line) && li.depth === 0);
  const entries = (model.timeline ?? []).filter((e) => e.minutes !== undefined);
  const rowLines = new Set(table ? table.rows.map((r) => r.line) : items.map((li) => li.line));
  const ordered = entries.filter((e) => rowLines.has(e.line));
  const docDay = model.date ? Date.UTC(model.date.year, model.date.month - 1, model.date.day) / 86_400_000 : undefined;
  const linesDated = entries.some((e) => /\d{4}-\d{2}-\d{2}/.test(doc.lines[e.line] ?? ''));
  const eventDays = new Set(events.map((e) => Math.floor(e.at / 86_400_000)));
  const dated =
    linesDated ||
    entries.length === 0 ||
    (docDay === undefined ? eventDays.size > 1 : [...eventDays].some((d) => d !== docDay));
  const otherZone = entries.some((e) => e.utcOffset !== 0);
  const sectionText = doc.lines.slice(section.bodyStartLine, section.endLine).join('\n');
  const hasMarker = (m: Milestone) => MILESTONE_MARKERS[m].some((mk) => sectionText.toLowerCase().includes(mk));

  let form: TimelineForm;
  if (table) {
    const columns = tableColumns(table);
    form = { kind: 'table', columns, dated, zoneSuffix: otherZone ? ' UTC' : '' };
  } else {
    const first = items[0] ? doc.lines[items[0].line] : undefined;
    const marker = first ? (/^\s*([-*+]|\d+[.)])/.exec(first)?.[1] ?? '-') : '-';
    const utcWritten = entries.some((e) => /\bUTC\b/.test(doc.lines[e.line] ?? ''));
    form = {
      kind: 'list',
      marker: /\d/.test(marker) ? `1${marker.slice(-1)}` : marker,
      boldTime: first ? /^\s*(?:[-*+]|\d+[.)])\s+\*\*/.test(first) : false,
      dated,
      zoneSuffix: otherZone || utcWritten || items.length === 0 ? ' UTC' : '',
    };
  }

  // Rows without any date (and no document date) read as minutes since their first day: compare the time of day only.
  const undatedDay = !linesDated && docDay === undefined;
  const keyMinute = (minute: number) => (undatedDay ? minute % 1440 : minute);
  // Existing rows by minute, to skip what is already there (the same minute, the same words).
  const existing = new Map<number, string[]>();
  for (const e of entries) {
    const m = keyMinute(e.minutes as number);
    existing.set(m, [...(existing.get(m) ?? []), normalize(doc.lines[e.line] ?? '')]);
  }

  const markable = new Set(MILESTONES.filter((m) => !hasMarker(m)));
  const inserts = new Map<number, string[]>();
  const added: { event: ImportedEvent; row: string }[] = [];
  let alreadyThere = 0;
  const seenInBatch = new Set<string>();
  const appendAt = table ? table.endLine : items.length ? lastTextLineAfter(doc, items) : undefined;
  for (const e of byTime(events)) {
    const minute = keyMinute(Math.floor(e.at / 60_000));
    const words = normalize(rowText(e, false, false, false));
    const bare = normalize(e.text);
    const rows = existing.get(minute) ?? [];
    // A short text ("ok", "+1") counts as there only with its author (in its column or before the text), not inside any row of that minute.
    const sameCells = (r: string) =>
      form.kind === 'table' &&
      r.includes(normalize(rowText(e, form.columns.author >= 0, form.columns.source >= 0, false))) &&
      (form.columns.author < 0 || e.author === null || r.includes(normalize(e.author)));
    if (
      rows.some((r) => r.includes(words) || sameCells(r) || (bare.length >= 12 && r.includes(bare))) ||
      seenInBatch.has(`${minute} ${words}`)
    ) {
      alreadyThere++;
      continue;
    }
    seenInBatch.add(`${minute} ${words}`);
    const mark = e.explicit === true && e.milestone !== null && markable.has(e.milestone);
    if (mark && e.milestone) markable.delete(e.milestone);
    const row = renderRow(e, form, mark);
    const eventMinute = Math.floor(e.at / 60_000);
    const later = ordered.find((x) => compare(x, eventMinute, undatedDay) > 0);
    const at = later ? later.line : (appendAt ?? -1);
    const list = inserts.get(at);
    if (list) list.push(row);
    else inserts.set(at, [row]);
    added.push({ event: e, row });
  }

  const edits: TextEdit[] = [];
  for (const [line, rows] of inserts) {
    if (line >= 0) {
      edits.push(insertLines(doc, line, rows));
      continue;
    }
    // No rows yet: a new list after the section's last line of text, a blank line around it.
    let last = section.heading.line;
    for (let l = section.bodyStartLine; l < section.endLine; l++) if (doc.lines[l].trim()) last = l;
    const next = doc.lines[last + 1];
    const blankAfter = next !== undefined && next.trim() === '' && last + 1 < section.endLine ? '' : '\n';
    edits.push(insertLines(doc, last + 1, rows, '\n', blankAfter));
  }
  return { edits, added, alreadyThere, form };
}

/** An insertion of whole lines before `line` (at the end of the text when `line` is past it). */
function insertLines(doc: MarkdownDocument, line: number, rows: readonly string[], before = '', after = ''): TextEdit {
  const body = `${before}${rows.join('\n')}\n${after}`;
  const lastLine = doc.lines.length - 1;
  if (line > lastLine) {
    const end = doc.lines[lastLine].length;
    return { range: range(lastLine, end, lastLine, end), newText: `\n${body.replace(/\n$/, '')}` };
  }
  return { range: range(line, 0, line, 0), newText: body };
}

/** The line after the last text line of the top-level items (an item's end counts its trailing blank lines). */
function lastTextLineAfter(doc: MarkdownDocument, items: readonly { line: number; endLine: number }[]): number {
  const lastItem = items[items.length - 1];
  let after = Math.max(...items.map((li) => li.endLine));
  while (after - 1 > lastItem.line && (doc.lines[after - 1] ?? '').trim() === '') after--;
  return after;
}

/** An entry's time against an event's minute (UTC); rows without any date compare by time of day. */
function compare(entry: TimelineEntry, minute: number, undatedDay: boolean): number {
  const m = entry.minutes as number;
  return undatedDay ? (m % 1440) - (minute % 1440) : m - minute;
}

function normalize(text: string): string {
  return text
    .replace(/\\([|<])/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

// Where and how a new timeline event is written: table row or list item, in time order, in the document's own style.
import type { MarkdownDocument } from '../markdown/model';
import { range } from '../markdown/position';
import { readIncident, sectionByRole, SECTION_ROLES } from '../postmortem/model';
import type { DocumentKind, Profile } from '../profiles/types';
import type { TextEdit } from '../fixes/fixes';

/** Raised when the document has nowhere to put the entry; the message is for the user. */
export class TimelineEntryError extends Error {}

/**
 * The edit that adds `text` at `at` (a UTC time) to the document's Timeline: a table row if
 * the timeline is a table, else a list item; placed before the first later event, else after
 * the last one; dated (`2026-03-15 14:32`) when the other entries are dated, else `14:32`.
 */
export function timelineEntryEdit(
  doc: MarkdownDocument,
  kind: DocumentKind,
  profile: Profile,
  at: Date,
  text: string,
): TextEdit {
  const model = readIncident(doc, kind, profile);
  const section = sectionByRole(model, SECTION_ROLES.timeline);
  if (!section) throw new TimelineEntryError('This document has no Timeline section; add one first.');
  const entries = model.timeline ?? [];
  const minutes = Math.floor(at.getTime() / 60_000);
  const iso = at.toISOString();
  const dated = entries.some((e) => /\d{4}-\d{2}-\d{2}/.test(doc.lines[e.line] ?? ''));
  const time = dated ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(11, 16);
  const clean = text.replace(/\s+/g, ' ').trim();
  const inSection = (line: number) => line >= section.bodyStartLine && line < section.endLine;
  const table = doc.tables.find((t) => inSection(t.startLine));
  const later = entries.find((e) => e.minutes !== undefined && compareMinutes(e, minutes, model.date) > 0);

  if (table) {
    const columns = table.header.cells.length;
    const cells = [time, clean.replace(/\|/g, '\\|'), ...Array.from({ length: Math.max(0, columns - 2) }, () => '')];
    const row = `| ${cells.join(' | ')} |`;
    const before = later && later.line >= table.startLine && later.line < table.endLine ? later.line : table.endLine;
    return { range: range(before, 0, before, 0), newText: `${row}\n` };
  }
  const items = doc.listItems.filter((li) => inSection(li.line) && li.depth === 0);
  const marker = items.length ? (/^\s*([-*+])/.exec(doc.lines[items[0].line])?.[1] ?? '-') : '-';
  const zone = entries.some((e) => /UTC/.test(doc.lines[e.line] ?? '')) || !items.length ? ' UTC' : '';
  const item = `${marker} ${time}${zone} — ${clean}`;
  if (later && items.some((li) => li.line === later.line))
    return { range: range(later.line, 0, later.line, 0), newText: `${item}\n` };
  if (items.length) {
    const end = Math.max(...items.map((li) => li.endLine));
    // A list item's end includes trailing blank lines; insert right after its last text line.
    let after = end;
    while (after - 1 > items[items.length - 1].line && doc.lines[after - 1].trim() === '') after--;
    return { range: range(after, 0, after, 0), newText: `${item}\n` };
  }
  // No entries yet: a new list after the section's last line of text, a blank line between.
  let last = section.heading.line;
  for (let line = section.bodyStartLine; line < section.endLine; line++) if (doc.lines[line].trim()) last = line;
  const next = doc.lines[last + 1];
  const after = next !== undefined && next.trim() === '' && last + 1 < section.endLine ? '' : '\n';
  return { range: range(last + 1, 0, last + 1, 0), newText: `\n${item}\n${after}` };
}

/** Compares an entry's time with `minutes` (UTC), reading undated entries as on the document's date. */
function compareMinutes(
  entry: { minutes: number | undefined; dated: boolean },
  minutes: number,
  date: { year: number; month: number; day: number } | undefined,
): number {
  const m = entry.minutes as number;
  if (entry.dated || !date) return entry.dated ? m - minutes : (m % 1440) - (minutes % 1440);
  return m - minutes;
}

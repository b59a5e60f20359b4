// The fraction of requests an incident affected, from front matter `affected: 40%` or an "Affected requests: 40%" line.
import type { MarkdownDocument } from '../markdown/model';
import type { Range } from '../markdown/position';
import { range } from '../markdown/position';
import { sectionById, type IncidentModel } from '../postmortem/model';

/** The field names read as the affected fraction (case, hyphens and underscores ignored). */
export const AFFECTED_FIELD_NAMES: readonly string[] = [
  'affected',
  'affected requests',
  'affected traffic',
  'affected users',
  'fraction affected',
];

/** What the document says about the share of requests the incident affected. */
export type AffectedFraction =
  | {
      readonly kind: 'stated';
      readonly fraction: number;
      readonly text: string;
      readonly range: Range;
      readonly source: 'front-matter' | 'header' | 'summary';
    }
  | {
      readonly kind: 'invalid';
      readonly text: string;
      readonly range: Range;
      readonly source: 'front-matter' | 'header' | 'summary';
    }
  | { readonly kind: 'absent' };

const key = (name: string) =>
  name
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ')
    .trim();
const NAMES = new Set(AFFECTED_FIELD_NAMES.map(key));
const SUMMARY_LINE =
  /^\s*(?:[-*+]\s+)?\**(affected(?:[ _-](?:requests|traffic|users))?|fraction[ _-]affected)\**\s*:\**\s*(.+?)\s*$/i;

/**
 * The affected fraction: front matter (`affected: 40%`) first, then a header field
 * (`**Affected requests:** 40%`, a summary-table row, a `Name: value` line under the title),
 * then a line of the Summary section (`Affected requests: 40%`). A value is a percentage
 * (`40%`, `about 40 %`) or a fraction between 0 and 1 (`0.4`); anything else is `invalid`.
 */
export function readAffected(model: IncidentModel): AffectedFraction {
  const field = model.fields.find((f) => NAMES.has(key(f.name)));
  if (field) return fromValue(field.value, field.range, field.source === 'front-matter' ? 'front-matter' : 'header');
  const summary = sectionById(model, 'summary');
  if (summary) {
    const hit = summaryLine(model.doc, summary.bodyStartLine, summary.endLine);
    if (hit) return fromValue(hit.value, hit.range, 'summary');
  }
  return { kind: 'absent' };
}

function summaryLine(doc: MarkdownDocument, from: number, to: number): { value: string; range: Range } | undefined {
  for (let line = from; line < to; line++) {
    const m = SUMMARY_LINE.exec(doc.lines[line]);
    if (!m) continue;
    const start = doc.lines[line].lastIndexOf(m[2]);
    return { value: m[2], range: range(line, start, line, start + m[2].length) };
  }
  return undefined;
}

function fromValue(text: string, where: Range, source: 'front-matter' | 'header' | 'summary'): AffectedFraction {
  const value = text.trim();
  const pct = /^(?:(?:about|approx(?:\.|imately)?|around|roughly|~|≈)\s*)?(\d+(?:\.\d+)?)\s*%/i.exec(value);
  if (pct) {
    const p = Number(pct[1]);
    if (p > 0 && p <= 100) return { kind: 'stated', fraction: p / 100, text: value, range: where, source };
    return { kind: 'invalid', text: value, range: where, source };
  }
  const fraction = /^(0?\.\d+|1(?:\.0+)?)$/.exec(value);
  if (fraction && Number(fraction[1]) > 0)
    return { kind: 'stated', fraction: Number(fraction[1]), text: value, range: where, source };
  return { kind: 'invalid', text: value, range: where, source };
}

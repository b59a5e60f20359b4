// Header fields of a document (front matter, bold labels, summary tables, preamble lines) and its severity.
import { normalizeHeading } from '../markdown/headingText';
import type { MarkdownDocument } from '../markdown/model';
import { range, type Range } from '../markdown/position';
import type { Profile, SeverityLevel } from '../profiles/types';

/** A header field's value and where it is written. */
export interface Field {
  /** The field name as written. */
  readonly name: string;
  readonly value: string;
  /** Where the value is (the key's line for front matter). */
  readonly range: Range;
  readonly source: 'front-matter' | 'label' | 'table' | 'preamble';
}

/** Names under which documents state their severity. */
export const SEVERITY_FIELD_NAMES: readonly string[] = ['severity', 'sev', 'severity level', 'incident severity', 'priority', 'incident priority', 'level'];

const PREAMBLE_LINE = /^([A-Z][A-Za-z ]{1,30}):[ \t]+(\S.*?)\s*$/;

/**
 * Every header field of the document, in this order of precedence: front matter keys,
 * bold labels (`**Severity:** SEV2`), rows of two-column tables (`| Severity | SEV2 |`),
 * and plain `Name: value` lines between the title and the first section heading.
 */
export function readFields(doc: MarkdownDocument): Field[] {
  const fields: Field[] = [];
  const fm = doc.frontMatter;
  if (fm?.data && typeof fm.data === 'object' && !Array.isArray(fm.data)) {
    for (const [key, value] of Object.entries(fm.data as Record<string, unknown>)) {
      if (value === null || typeof value === 'object') continue;
      const line = findKeyLine(doc.lines, fm.startLine + 1, fm.endLine, key);
      const text = doc.lines[line] ?? '';
      const at = text.indexOf(':') + 1;
      const start = at > 0 ? at + (text.slice(at).length - text.slice(at).trimStart().length) : 0;
      fields.push({ name: key, value: String(value), range: range(line, start, line, text.trimEnd().length), source: 'front-matter' });
    }
  }
  for (const label of doc.labels) {
    fields.push({ name: label.name, value: label.value, range: label.valueRange, source: 'label' });
  }
  for (const table of doc.tables) {
    if (table.header.cells.length !== 2) continue;
    for (const row of [table.header, ...table.rows]) {
      const [key, value] = row.cells;
      if (key.text) fields.push({ name: key.text, value: value.text, range: value.range, source: 'table' });
    }
  }
  for (const heading of doc.headings) {
    // Some templates write header fields as headings: "### Date: 2026-03-15".
    const m = /^([A-Z][A-Za-z ]{1,30}):[ \t]+(\S.*)$/.exec(heading.text);
    if (!m || heading === doc.title) continue;
    const text = doc.lines[heading.line];
    const start = Math.max(0, text.lastIndexOf(m[2]));
    fields.push({ name: m[1], value: m[2], range: range(heading.line, start, heading.line, start + m[2].length), source: 'label' });
  }
  const firstSection = doc.headings.find((h) => h !== doc.title)?.line ?? doc.lines.length;
  const from = (doc.title?.line ?? doc.frontMatter?.endLine ?? -1) + 1;
  for (let line = from; line < Math.min(firstSection, from + 40); line++) {
    const m = PREAMBLE_LINE.exec(doc.lines[line]);
    if (!m) continue;
    const start = doc.lines[line].indexOf(m[2], m[1].length + 1);
    fields.push({ name: m[1], value: m[2], range: range(line, start, line, start + m[2].length), source: 'preamble' });
  }
  return fields;
}

/** The first field named `names[0]`, else `names[1]`, ...: earlier names win wherever they are written. */
export function findField(fields: readonly Field[], names: readonly string[]): Field | undefined {
  const fieldNames = fields.map((f) => normalizeHeading(f.name));
  for (const name of names) {
    const index = fieldNames.indexOf(normalizeHeading(name));
    if (index >= 0) return fields[index];
  }
  return undefined;
}

function findKeyLine(lines: readonly string[], from: number, to: number, key: string): number {
  for (let i = from; i < to; i++) {
    if (lines[i].startsWith(`${key}:`) || lines[i].startsWith(`"${key}":`) || lines[i].startsWith(`'${key}':`)) return i;
  }
  return from;
}

/** Upper-case letters and digits only: `sev-2` and `SEV 2` both read `SEV2`. */
export function severityKey(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * The level of `profile`'s scale that `value` names: the value, read as letters and digits,
 * starts with a level's id, alias or label (`SEV-2 (major)` → SEV2; `P1 — Critical` → P1).
 */
export function matchSeverity(value: string, profile: Profile): SeverityLevel | undefined {
  const key = severityKey(value);
  if (!key) return undefined;
  const hit = severityNames(profile).find((c) => c.name && key.startsWith(c.name) && !/^\d/.test(key.slice(c.name.length)));
  return hit?.level;
}

const severityNamesCache = new WeakMap<readonly SeverityLevel[], ReadonlyArray<{ level: SeverityLevel; name: string }>>();

/** The keys of every level's id, aliases and label, longest first so SEV10 is not read as SEV1 (once per scale). */
function severityNames(profile: Profile): ReadonlyArray<{ level: SeverityLevel; name: string }> {
  let names = severityNamesCache.get(profile.severities);
  if (!names) {
    const candidates = profile.severities.flatMap((level) =>
      [level.id, ...(level.aliases ?? []), ...(level.label.length > 2 ? [level.label] : [])].map((name) => ({ level, name: severityKey(name) })));
    candidates.sort((a, b) => b.name.length - a.name.length);
    names = candidates;
    severityNamesCache.set(profile.severities, names);
  }
  return names;
}

/** All severity ids mentioned in `text` that belong to the scale (for timeline reclassification). */
export function severitiesIn(text: string, profile: Profile): SeverityLevel[] {
  const found: SeverityLevel[] = [];
  const tokens = text.match(/\b(?:sev(?:erity)?[\s-]?\d|p\d|s\d)\b/gi) ?? [];
  for (const token of tokens) {
    const level = matchSeverity(token.replace(/^severity/i, 'SEV'), profile);
    if (level && !found.includes(level)) found.push(level);
  }
  return found;
}

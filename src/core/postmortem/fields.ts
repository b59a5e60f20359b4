// Header fields of a document (front matter, bold labels, summary tables, preamble lines) and its severity.
import { normalizeHeading } from '../markdown/headingText';
import { documentMatches, type MarkdownDocument } from '../markdown/model';
import { range, type Range } from '../markdown/position';
import type { Profile, SeverityLevel } from '../profiles/types';
import { proseLines } from '../rules/prose';

/** A header field's value and where it is written. */
export interface Field {
  /** The field name as written. */
  readonly name: string;
  readonly value: string;
  /** Where the value is (the key's line for front matter). */
  readonly range: Range;
  readonly source: 'front-matter' | 'label' | 'table' | 'preamble' | 'heading' | 'sentence';
}

/** Names under which documents state their severity. */
export const SEVERITY_FIELD_NAMES: readonly string[] = [
  'severity',
  'sev',
  'severity level',
  'incident severity',
  'priority',
  'incident priority',
  'level',
];

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
      fields.push({
        name: key,
        value: String(value),
        range: range(line, start, line, text.trimEnd().length),
        source: 'front-matter',
      });
    }
  }
  for (const label of doc.labels) {
    fields.push({ name: label.name, value: label.value, range: label.valueRange, source: 'label' });
  }
  for (const table of doc.tables) {
    if (table.header.cells.length === 2) {
      for (const row of [table.header, ...table.rows]) {
        const [key, value] = row.cells;
        if (key.text) fields.push({ name: key.text, value: value.text, range: value.range, source: 'table' });
      }
    } else if (table.rows.length === 1) {
      // A summary table with the names as its header: "| Date | Severity | Duration |" over one row of values.
      table.header.cells.forEach((cell, i) => {
        const value = table.rows[0].cells[i];
        if (value && SEVERITY_COLUMN.test(cell.text))
          fields.push({ name: cell.text, value: value.text, range: value.range, source: 'table' });
      });
    }
  }
  for (const heading of doc.headings) {
    // Some templates write header fields as headings: "### Date: 2026-03-15".
    const m = /^([A-Z][A-Za-z ]{1,30}):[ \t]+(\S.*)$/.exec(heading.text);
    if (!m && heading !== doc.title && SEVERITY_COLUMN.test(heading.text)) {
      // "## Severity" with the value as the section's first line.
      const value = valueUnderHeading(doc, heading.line);
      if (value) fields.push({ name: heading.text, value: value.text, range: value.range, source: 'heading' });
    }
    if (!m || heading === doc.title) continue;
    const text = doc.lines[heading.line];
    const start = Math.max(0, text.lastIndexOf(m[2]));
    fields.push({
      name: m[1],
      value: m[2],
      range: range(heading.line, start, heading.line, start + m[2].length),
      source: 'label',
    });
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

/** A header naming the severity itself (not a priority, which action items tables have too). */
const SEVERITY_COLUMN = /^\W*(?:incident\s+)?sev(?:erity)?(?:\s+level)?\W*$/i;

/** The first line of text right under the heading on `line`, when it is short enough to be a value. */
function valueUnderHeading(doc: MarkdownDocument, line: number): { text: string; range: Range } | undefined {
  const heading = doc.headings.find((h) => h.line === line);
  const next = doc.headings.find((h) => h.line > line)?.line ?? doc.lines.length;
  const section = doc.sections.find((s) => s.heading === heading);
  for (let i = section?.bodyStartLine ?? line + 1; i < next; i++) {
    const text = doc.lines[i];
    const trimmed = text.trim();
    if (!trimmed) continue;
    if (trimmed.length > 60 || trimmed.startsWith('<!--')) return undefined;
    const start = text.indexOf(trimmed);
    return {
      text: trimmed.replace(/^(?:[-*+]\s+|\*\*|__)|(?:\*\*|__)$/g, ''),
      range: range(i, start, i, start + trimmed.length),
    };
  }
  return undefined;
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
    if (lines[i].startsWith(`${key}:`) || lines[i].startsWith(`"${key}":`) || lines[i].startsWith(`'${key}':`))
      return i;
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
  const key = severityKey(value).replace(/^SEVERITY(?=\d)/, 'SEV');
  if (!key) return undefined;
  // A bare number ("Severity: 2") names the level whose id has that number (SEV2, P2, SEV-2).
  if (/^\d$/.test(key)) return profile.severities.find((level) => severityKey(level.id).replace(/^\D+/, '') === key);
  const hit = severityNames(profile).find(
    (c) => c.name && key.startsWith(c.name) && !/^\d/.test(key.slice(c.name.length)),
  );
  return hit?.level;
}

const severityNamesCache = new WeakMap<
  readonly SeverityLevel[],
  ReadonlyArray<{ level: SeverityLevel; name: string }>
>();

/** The keys of every level's id, aliases and label, longest first so SEV10 is not read as SEV1 (once per scale). */
function severityNames(profile: Profile): ReadonlyArray<{ level: SeverityLevel; name: string }> {
  let names = severityNamesCache.get(profile.severities);
  if (!names) {
    const candidates = profile.severities.flatMap((level) =>
      [level.id, ...(level.aliases ?? []), ...(level.label.length > 2 ? [level.label] : [])].map((name) => ({
        level,
        name: severityKey(name),
      })),
    );
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

/** The severity a document states and the level of the profile's scale it names, if any. */
export interface StatedSeverity {
  /** Where the severity is written: a header field, else a mention in a sentence. */
  readonly field: Field | undefined;
  readonly level: SeverityLevel | undefined;
}

/**
 * The document's severity: the first severity field (see `SEVERITY_FIELD_NAMES`); without one, the
 * most severe level of the scale mentioned in a sentence ("Sev 1 ticket raised", "This was a SEV2
 * incident", "severity: critical", "declared a P1"); failing that, the first mention that names a
 * severity outright ("SEV-2", "severity: high") though it is not on the scale, so it can be reported.
 */
export function readSeverity(doc: MarkdownDocument, fields: readonly Field[], profile: Profile): StatedSeverity {
  const field = findField(fields, SEVERITY_FIELD_NAMES);
  if (field) return { field, level: matchSeverity(field.value, profile) };
  let best: { field: Field; level: SeverityLevel; rank: number } | undefined;
  let unknown: Field | undefined;
  for (const mention of severityMentions(doc)) {
    const level = matchSeverity(mention.field.value, profile);
    if (level) {
      const rank = profile.severities.indexOf(level);
      if (!best || rank < best.rank) best = { field: mention.field, level, rank };
    } else if (mention.explicit) {
      unknown ??= mention.field;
    }
  }
  return best ? { field: best.field, level: best.level } : { field: unknown, level: undefined };
}

/** Cheap test of the whole source: a mention needs "sev" or a P-number. */
const MAY_MENTION = /sev|\bP[0-5]\b/i;
/**
 * Severities named in sentences: "Sev 1", "SEV-2", "severity 3" (group 1); "severity: critical",
 * "severity was high" (group 2); "a P1 incident", "declared P1" (group 3 or 4; a bare P-number is a priority
 * as often as a severity, so only these).
 */
const MENTION =
  /\b(sev(?:erity)?[ \t_-]?[0-5])\b(?![.,]\d)|\bseverity(?:\s+level)?\s*(?:[:=]|\s(?:was|is|at)\s)\s*[*_]*\s*((?:sev[ \t_-]?|p)?[0-5]\b|(?:critical|high|major|medium|moderate|minor|low|cosmetic|severe|trivial|emergency|urgent|blocker)\b)|\b(?:declared|declare|as|was|is|a|an)\s+(?:an?\s+)?(P[0-5])\b|\b(P[0-5])\s+(?:incident|outage|issue|event|ticket|page|alert|declared)\b/gi;

/** Every severity mention in the prose of `doc`, and whether it names a severity outright (SEV-n, `severity:`). */
function severityMentions(doc: MarkdownDocument): Array<{ field: Field; explicit: boolean }> {
  if (!documentMatches(doc, MAY_MENTION)) return [];
  const prose = proseLines(doc);
  const out: Array<{ field: Field; explicit: boolean }> = [];
  for (let line = 0; line < prose.length; line++) {
    const text = prose[line];
    if (!MAY_MENTION.test(text)) continue;
    MENTION.lastIndex = 0;
    for (let m = MENTION.exec(text); m; m = MENTION.exec(text)) {
      const group = m[1] !== undefined ? 1 : m[2] !== undefined ? 2 : m[3] !== undefined ? 3 : 4;
      const value = m[group];
      const start = m.index + m[0].lastIndexOf(value);
      out.push({
        field: { name: 'Severity', value, range: range(line, start, line, start + value.length), source: 'sentence' },
        explicit: group <= 2,
      });
    }
  }
  return out;
}

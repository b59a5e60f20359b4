// PM019: a header field the profile requires is missing or empty (seed 004's summary table, seed 003's post-mortem
// header, seed 002's Communications Lead).
import { normalizeHeading } from '../markdown/headingText';
import type { Table } from '../markdown/model';
import { range } from '../markdown/position';
import { findField, SEVERITY_FIELD_NAMES } from '../postmortem/fields';
import { findPlaceholders, isOnlyPlaceholder } from './placeholders';
import type { Rule, RuleReport } from './types';
import { documentAnchor, incident } from './util';

/** Other names under which documents write a field, by the field's normalised name. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  date: ['incident date', 'date of incident', 'start date'],
  duration: ['incident duration', 'total duration', 'outage duration'],
  author: ['authors', 'written by', 'prepared by', 'postmortem author'],
  authors: ['author', 'written by', 'prepared by', 'postmortem author'],
  status: ['incident status', 'postmortem status', 'state'],
  'incident commander': ['ic', 'incident lead', 'commander'],
  'communications lead': ['comms lead', 'communication lead', 'communications', 'comms'],
  'affected systems': ['affected services', 'systems affected', 'services affected', 'affected components'],
  'affected users': [
    'users affected',
    'affected customers',
    'customers affected',
    'affected tenants',
    'tenants affected',
  ],
};

/** The names under which `field` may be written. */
function namesOf(field: string): string[] {
  const key = normalizeHeading(field);
  return [field, ...(ALIASES[key] ?? [])];
}

/** A value with nothing in it: blank, or only punctuation and filler ("-", "n/a" is an answer and passes). */
function isEmpty(value: string): boolean {
  return !/[\p{L}\p{N}]/u.test(value);
}

export const PM019: Rule = {
  id: 'PM019',
  name: 'header-field',
  title: 'A header field the profile requires is missing or empty',
  defaultSeverity: 'warning',
  kinds: ['postmortem', 'incident'],
  check(context): RuleReport[] {
    const required = context.profile.documents[context.kind]?.headerFields ?? [];
    if (required.length === 0) return [];
    const model = incident(context);
    const summary = summaryTable(context.doc.tables);
    const out: RuleReport[] = [];
    for (const name of required) {
      // The severity is PM011's: missing, empty or off the scale.
      if (SEVERITY_FIELD_NAMES.includes(normalizeHeading(name))) continue;
      const field = findField(model.fields, namesOf(name));
      // A date in the title ("# 2026-03-15: Checkout outage") states the date.
      if (!field && normalizeHeading(name) === 'date' && model.date) continue;
      if (!field) {
        out.push(
          summary
            ? {
                message: `The summary table has no ${name} row; add "| ${name} | <value> |".`,
                range: range(
                  summary.startLine,
                  0,
                  summary.startLine,
                  context.doc.lines[summary.startLine]?.length ?? 0,
                ),
              }
            : {
                message: `The document has no ${name}; write it under the title as "**${name}:** <value>" (or a "${name}" front-matter key, or a row of the summary table).`,
                range: documentAnchor(context),
              },
        );
        continue;
      }
      const value = field.value.trim();
      // A placeholder left in the value is PM003's; an empty value is this rule's.
      if (isEmpty(value) || (isOnlyPlaceholder(value) && findPlaceholders(value).length === 0)) {
        out.push({ message: `The ${name} field is empty; write the ${name.toLowerCase()}.`, range: field.range });
      }
    }
    return out;
  },
};

/** The two-column table the header fields are read from (seed 004's "| Field | Value |" summary): one with a Date, Duration or Severity row. */
function summaryTable(tables: readonly Table[]): Table | undefined {
  const keys = new Set(['date', 'duration', ...SEVERITY_FIELD_NAMES]);
  return tables.find(
    (t) =>
      t.header.cells.length === 2 &&
      [t.header, ...t.rows].some((row) => keys.has(normalizeHeading(row.cells[0]?.text ?? ''))),
  );
}

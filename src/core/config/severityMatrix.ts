// The project's severity matrix (seed 000: docs/runbooks/severity-matrix.md): its table read as the profile's severity scale.
import { parseMarkdown, type Table, type TableCell } from '../markdown/model';
import { range, type Range } from '../markdown/position';
import type { Profile, SeverityLevel } from '../profiles/types';
import type { ConfigProblem } from './types';

/** The matrix read: its levels, most severe first, or the problems that keep it from being the scale. */
export interface SeverityMatrixResult {
  /** Undefined when any problem is an error. */
  readonly levels?: readonly SeverityLevel[];
  /** 0-based positions in the matrix file. */
  readonly problems: readonly ConfigProblem[];
}

type Column = 'level' | 'label' | 'definition' | 'responseTime' | 'updateCadence' | 'postmortem';

/** Header words of each column, compared in lower case without punctuation. */
const HEADERS: Record<Column, RegExp> = {
  level: /^(?:severity(?: level)?|sev(?: level)?|level|priority|incident (?:severity|level))$/,
  label: /^(?:label|name|title|short name|category)$/,
  definition:
    /^(?:definition|description|criteria|meaning|when|impact|customer impact|user impact|examples?|definition and examples)$/,
  responseTime:
    /^(?:response(?: time)?(?: target| sla)?|time to respond|ack(?:nowledge(?:ment)?)?(?: time)?|time to acknowledge)$/,
  updateCadence: /^(?:(?:status )?updates?(?: cadence| frequency| every)?|update cadence|communication cadence)$/,
  postmortem: /^(?:post ?mortem(?: required)?|requires (?:a )?post ?mortem|pir|review required)$/,
};

const REQUIRED_COLUMNS: readonly Column[] = ['level', 'definition'];
const COLUMN_NAMES: Record<Column, string> = {
  level: 'Severity (or Level)',
  label: 'Label',
  definition: 'Definition (or Description, Criteria, Impact)',
  responseTime: 'Response Time',
  updateCadence: 'Update Cadence',
  postmortem: 'Postmortem',
};

/** Inline Markdown removed from a cell: emphasis, code spans, links. */
function plain(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function headerKey(text: string): string {
  return plain(text)
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function columnsOf(table: Table): Partial<Record<Column, number>> {
  const found: Partial<Record<Column, number>> = {};
  table.header.cells.forEach((cell, i) => {
    const key = headerKey(cell.text);
    for (const column of Object.keys(HEADERS) as Column[]) {
      if (found[column] === undefined && HEADERS[column].test(key)) {
        found[column] = i;
        break;
      }
    }
  });
  return found;
}

function rowRange(table: Table, line: number): Range {
  const row = line === table.header.line ? table.header : table.rows.find((r) => r.line === line);
  const cells = row?.cells ?? [];
  return range(line, 0, line, cells.length > 0 ? cells[cells.length - 1].range.end.character : 0);
}

/** `SEV1`, `SEV-1 (Critical)`, `**P0** - Critical`: the id, and a label written after it. */
function levelCell(text: string): { id: string; label?: string } {
  const t = plain(text);
  const m = /^([A-Za-z]{1,4}[- ]?\d{1,2})\b\s*(?:[-–—:(/]\s*)?(.*?)\)?$/.exec(t);
  if (m) return { id: m[1].replace(/ /g, ''), label: m[2].trim() || undefined };
  return { id: t };
}

/** `yes`, `required`, `always` → true; `no`, `optional`, `n/a` → false; anything else: not said. */
function yesNo(text: string): boolean | undefined {
  const t = plain(text).toLowerCase();
  if (/^(?:yes|y|required|always|mandatory|true|✓|✔)\b/.test(t)) return true;
  if (/^(?:no|n|optional|not required|never|false|n\/a|-|—)$|^(?:no|optional)\b/.test(t)) return false;
  return undefined;
}

/**
 * Reads the severity matrix: the first Markdown table with a Severity (or Level) column. Each
 * row is a level, most severe first: its id from the level column (`SEV1`, `SEV-1 (Critical)`),
 * its label from a Label column (else the words after the id, else the id), its definition from a
 * Definition/Description/Criteria/Impact column, and optionally its response time, update cadence
 * and whether it requires a postmortem. A file without such a table, a table without a
 * definition column, an empty table, or a row without a level or definition, or a level given
 * twice, is an error located at its line: the matrix is then not used.
 */
export function parseSeverityMatrix(text: string): SeverityMatrixResult {
  const doc = parseMarkdown(text);
  const problems: ConfigProblem[] = [];
  const error = (r: Range, message: string): SeverityMatrixResult => ({
    problems: [...problems, { severity: 'error', range: r, message }],
  });
  const table = doc.tables.find((t) => columnsOf(t).level !== undefined);
  if (!table) {
    const first = doc.tables[0];
    return first
      ? error(
          rowRange(first, first.header.line),
          `no table has a ${COLUMN_NAMES.level} column, so the severity matrix cannot be read as the scale; this table's columns are: ${first.header.cells.map((c) => plain(c.text)).join(', ')}`,
        )
      : error(
          range(0, 0, 0, 0),
          `no severity table found: the severity matrix must have a Markdown table with a ${COLUMN_NAMES.level} column and a ${COLUMN_NAMES.definition} column, one row per level, most severe first`,
        );
  }
  const columns = columnsOf(table);
  const missing = REQUIRED_COLUMNS.filter((c) => columns[c] === undefined);
  if (missing.length > 0) {
    return error(
      rowRange(table, table.header.line),
      `the severity table has no ${missing.map((c) => COLUMN_NAMES[c]).join(' or ')} column; its columns are: ${table.header.cells.map((c) => plain(c.text)).join(', ')}`,
    );
  }
  if (table.rows.length === 0)
    return error(
      rowRange(table, table.header.line),
      'the severity table has no rows; give one row per level, most severe first',
    );
  const levels: SeverityLevel[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const cell = (c: Column): TableCell | undefined =>
      columns[c] === undefined ? undefined : row.cells[columns[c] as number];
    const value = (c: Column): string => plain(cell(c)?.text ?? '');
    const levelText = value('level');
    if (!levelText) {
      problems.push({
        severity: 'error',
        range: rowRange(table, row.line),
        message: 'this row of the severity table has no level in its Severity column',
      });
      continue;
    }
    const { id, label } = levelCell(levelText);
    const key = id.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (seen.has(key)) {
      problems.push({
        severity: 'error',
        range: cell('level')?.range ?? rowRange(table, row.line),
        message: `the level ${id} is given twice in the severity table (first on line ${(seen.get(key) as number) + 1})`,
      });
      continue;
    }
    seen.set(key, row.line);
    const definition = value('definition');
    if (!definition) {
      problems.push({
        severity: 'error',
        range: rowRange(table, row.line),
        message: `the level ${id} has no definition in the severity table`,
      });
      continue;
    }
    const postmortem = columns.postmortem === undefined ? undefined : yesNo(value('postmortem'));
    levels.push({
      id,
      label: value('label') || label || id,
      definition,
      ...(value('responseTime') ? { responseTime: value('responseTime') } : {}),
      ...(value('updateCadence') ? { updateCadence: value('updateCadence') } : {}),
      ...(postmortem === undefined ? {} : { requiresPostmortem: postmortem }),
    });
  }
  return problems.length > 0 ? { problems } : { levels, problems };
}

/**
 * `profile` with the matrix's levels as its severity scale. What the matrix does not say of a
 * level the profile also has (same id, case and punctuation ignored) is kept: its aliases, update
 * cadence, response time and whether it requires a postmortem. The profile's decision tree is
 * kept only when every level it leads to is in the matrix (else one is derived from the
 * matrix's definitions).
 */
export function applySeverityMatrix(profile: Profile, levels: readonly SeverityLevel[]): Profile {
  const norm = (id: string) => id.toLowerCase().replace(/[^a-z0-9]/g, '');
  const before = new Map(profile.severities.map((s) => [norm(s.id), s]));
  const severities = levels.map((level) => {
    const old = before.get(norm(level.id));
    if (!old) return { ...level };
    const kept: Partial<SeverityLevel> = {};
    if (old.aliases) Object.assign(kept, { aliases: [...old.aliases] });
    if (old.responseTime !== undefined) Object.assign(kept, { responseTime: old.responseTime });
    if (old.updateCadence !== undefined) Object.assign(kept, { updateCadence: old.updateCadence });
    if (old.requiresPostmortem !== undefined) Object.assign(kept, { requiresPostmortem: old.requiresPostmortem });
    return { ...kept, ...level };
  });
  const ids = new Set(severities.map((s) => norm(s.id)));
  const tree = profile.severityDecisionTree;
  const treeFits = tree && [...tree.questions.map((q) => q.yes), tree.fallback].every((id) => ids.has(norm(id)));
  const result: Profile = { ...profile, severities };
  if (!treeFits) delete (result as { severityDecisionTree?: unknown }).severityDecisionTree;
  return Object.freeze(result);
}

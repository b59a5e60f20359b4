// Reads action items from a postmortem's Action Items section, as a table or as a list.
import { normalizeHeading } from '../markdown/headingText';
import type { MarkdownDocument, Section, Table } from '../markdown/model';
import { range, type Range } from '../markdown/position';

/** The fields an action item can have; the one list of their accepted column names. */
export const ACTION_ITEM_FIELDS = {
  action: ['Action', 'Action Item', 'Action Items', 'Item', 'Task', 'Description', 'What', 'Title', 'Remediation', 'Follow-up'],
  owner: ['Owner', 'Owners', 'Assignee', 'Assigned To', 'Assigned', 'Responsible', 'DRI', 'Who'],
  due: ['Due Date', 'Due', 'Deadline', 'Target Date', 'Target', 'By', 'ETA', 'When', 'Date'],
  status: ['Status', 'State', 'Done', 'Progress'],
  priority: ['Priority', 'Pri', 'Prio'],
  type: ['Type', 'Category', 'Kind'],
} as const;

/** A field of an action item. */
export type ActionItemField = keyof typeof ACTION_ITEM_FIELDS;

/** The field a column (or a required-column name from a profile) stands for, if any. */
export function fieldOfColumn(name: string): ActionItemField | undefined {
  columnFields ??= buildColumnFields();
  return columnFields.get(normalizeHeading(name));
}

/** Normalised column name → field, the first field listing a name winning (built once). */
let columnFields: Map<string, ActionItemField> | undefined;

function buildColumnFields(): Map<string, ActionItemField> {
  const map = new Map<string, ActionItemField>();
  for (const [field, names] of Object.entries(ACTION_ITEM_FIELDS) as Array<[ActionItemField, readonly string[]]>) {
    for (const candidate of names) {
      const key = normalizeHeading(candidate);
      if (!map.has(key)) map.set(key, field);
    }
  }
  return map;
}

/** A value of an action item and where it is written. */
export interface ActionItemValue {
  readonly text: string;
  readonly range: Range;
}

/** One action item. */
export interface ActionItem {
  readonly form: 'table' | 'list';
  /** 0-based line of the row or list item. */
  readonly line: number;
  /** The whole row or the item's first line. */
  readonly range: Range;
  /** What is to be done. */
  readonly action: string;
  /** The values found, by field; a table's empty cell is present with empty text. */
  readonly fields: Partial<Record<ActionItemField, ActionItemValue>>;
  /** The table the item is in, when it is a table row. */
  readonly table?: Table;
  /** True for `[x]` list items or a Status of done / closed / complete. */
  readonly done: boolean;
}

/** What was found in an Action Items section. */
export interface ActionItems {
  readonly items: readonly ActionItem[];
  /** The tables read, with the field of each column (undefined for an unknown column). */
  readonly tables: ReadonlyArray<{ readonly table: Table; readonly columns: ReadonlyArray<ActionItemField | undefined> }>;
}

const DONE = /^(?:done|closed|complete(?:d)?|fixed|resolved|finished|shipped|merged|yes|✅|☑|✔)$/i;

/**
 * Reads the action items of `section`: every row of every table in it (header row
 * excluded); when the section has no table, its list items (all depths, except items
 * that only introduce a nested list) read with the inline forms
 * `owner: @x`, `(@x)`, `@x`, `due: 2026-03-16`, `by 2026-03-16`, `[P0]` and `[x]`.
 */
export function readActionItems(doc: MarkdownDocument, section: Section): ActionItems {
  const inSection = (line: number) => line >= section.bodyStartLine && line < section.endLine;
  const tables = doc.tables.filter((t) => inSection(t.startLine));
  if (tables.length > 0) {
    const read = tables.map((table) => ({ table, columns: columnsOf(table) }));
    const items = read.flatMap(({ table, columns }) => table.rows.map((row) => tableItem(doc, table, columns, row.line, row.cells)));
    return { items: items.filter((i) => i.action.length > 0 || Object.values(i.fields).some((v) => v && v.text)), tables: read };
  }
  const listItems = doc.listItems.filter((li) => inSection(li.line));
  const items: ActionItem[] = [];
  for (const li of listItems) {
    const hasChildren = listItems.some((other) => other.depth > li.depth && other.line > li.line && other.line < li.endLine);
    // "Prevent recurrence:" above a nested list is a heading for the items, not an item.
    if (hasChildren && /:\s*$/.test(li.text)) continue;
    items.push(listItem(doc, li.line, li.text, li.checked));
  }
  return { items, tables: [] };
}

function columnsOf(table: Table): Array<ActionItemField | undefined> {
  const columns = table.header.cells.map((c) => fieldOfColumn(c.text));
  // The first column not otherwise known (and not a "#" counter) holds the action.
  if (!columns.includes('action')) {
    const index = table.header.cells.findIndex((c, i) => columns[i] === undefined && !/^(?:#|no\.?|n°|id)$/i.test(c.text.trim()));
    if (index >= 0) columns[index] = 'action';
  }
  return columns;
}

function tableItem(doc: MarkdownDocument, table: Table, columns: ReadonlyArray<ActionItemField | undefined>, line: number, cells: ReadonlyArray<{ text: string; range: Range }>): ActionItem {
  const fields: Partial<Record<ActionItemField, ActionItemValue>> = {};
  columns.forEach((field, index) => {
    const cell = cells[index];
    if (field && cell && !fields[field]) fields[field] = { text: cell.text, range: cell.range };
  });
  const status = fields.status?.text.trim() ?? '';
  return {
    form: 'table',
    line,
    range: range(line, 0, line, doc.lines[line]?.length ?? 0),
    action: fields.action?.text ?? '',
    fields,
    table,
    done: DONE.test(status) || /^\[x\]/i.test(status),
  };
}

const OWNER_LABEL = /\b(?:owner|owners|assignee|assigned to|dri|responsible)\s*[:=]\s*(@?[\w.\-/]+(?:\s+[A-Z][\w-]+)?)/i;
const HANDLE = /(?<![\w.])@[A-Za-z0-9][\w.\-/]*/;
const DATE_FORMS = String.raw`\d{4}-\d{1,2}-\d{1,2}|\d{4}\/\d{1,2}\/\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}`;
/** `due: <anything>`: an explicit label takes whatever follows, so a wrong value is reported, not missed. */
const DUE_LABEL = new RegExp(String.raw`\b(?:due(?:\s+date)?|deadline|target(?:\s+date)?|eta)\s*[:=]\s*(${DATE_FORMS}|[^\s,;)]+)`, 'i');
/** `by 2026-03-22`, `due 2026-03-22`: without a colon only a date counts ("cut load by sharding" is no date). */
const DUE_BARE = new RegExp(String.raw`\b(?:by|due|before|until)\s+(${DATE_FORMS})`, 'i');
const PRIORITY = /\[(P\d)\]|\bpriority\s*[:=]\s*(\w+)/i;
const STATUS_LABEL = /\bstatus\s*[:=]\s*(\w+)/i;

function listItem(doc: MarkdownDocument, line: number, text: string, checked: boolean | undefined): ActionItem {
  const source = doc.lines[line] ?? '';
  const offset = source.indexOf(text) >= 0 ? source.indexOf(text) : 0;
  const fields: Partial<Record<ActionItemField, ActionItemValue>> = {};
  const put = (field: ActionItemField, match: RegExpExecArray | null, group: number) => {
    const value = match?.[group];
    if (!match || !value || fields[field]) return;
    const at = offset + match.index + match[0].lastIndexOf(value);
    fields[field] = { text: value, range: range(line, at, line, at + value.length) };
  };
  put('owner', OWNER_LABEL.exec(text), 1);
  put('owner', HANDLE.exec(text), 0);
  put('due', DUE_LABEL.exec(text), 1);
  put('due', DUE_BARE.exec(text), 1);
  const priority = PRIORITY.exec(text);
  put('priority', priority, priority?.[1] ? 1 : 2);
  put('status', STATUS_LABEL.exec(text), 1);
  const action = text
    .replace(/\[(P\d)\]\s*/i, '')
    .replace(/\((?:[^()]*\b(?:owner|due|deadline|assignee)\b[^()]*)\)/gi, '')
    .trim();
  return {
    form: 'list',
    line,
    range: range(line, 0, line, source.length),
    action,
    fields,
    done: checked === true || DONE.test(fields.status?.text ?? ''),
  };
}

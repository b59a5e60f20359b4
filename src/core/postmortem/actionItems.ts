// Reads a postmortem's action items wherever they are written: the profile's Action Items section and every
// other section (or bold label) named for follow-ups, as table rows, list items and "We will ..." sentences.
import { normalizeHeading } from '../markdown/headingText';
import type { ListItem, MarkdownDocument, Section, Table } from '../markdown/model';
import { range, type Range } from '../markdown/position';
import { boldLabelSections } from './sections';

/** The fields an action item can have; the one list of their accepted column names. */
export const ACTION_ITEM_FIELDS = {
  action: [
    'Action',
    'Action Item',
    'Action Items',
    'Item',
    'Task',
    'Description',
    'What',
    'Title',
    'Remediation',
    'Follow-up',
  ],
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
  /** A table row, a list item (checklists included), or a "We will ..." sentence of prose. */
  readonly form: 'table' | 'list' | 'sentence';
  /** 0-based line of the row, the list item or the sentence's start. */
  readonly line: number;
  /** The whole row or the item's first line (from the sentence's start, for a sentence). */
  readonly range: Range;
  /** What is to be done. */
  readonly action: string;
  /** The values found, by field; a table's empty cell is present with empty text. */
  readonly fields: Partial<Record<ActionItemField, ActionItemValue>>;
  /** The table the item is in, when it is a table row. */
  readonly table?: Table;
  /** The section (or the lines under a bold label) the item is in; items of one region can be rewritten together. */
  readonly region: Region;
  /**
   * True when the item says it is done: `[x]`, `(done)`, `✅`, struck through, written as done
   * ("has been removed"), or a Status of done / closed / complete.
   */
  readonly done: boolean;
}

/** What was found in a document's follow-up sections. */
export interface ActionItems {
  readonly items: readonly ActionItem[];
  /** The tables read, with the field of each column (undefined for an unknown column). */
  readonly tables: ReadonlyArray<{
    readonly table: Table;
    readonly columns: ReadonlyArray<ActionItemField | undefined>;
  }>;
}

/** A stretch of lines holding action items: a section, or the lines after a bold `**Action Items:**` label. */
export interface Region {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

/** Words that make actions, tasks or changes follow-ups (not "immediate" or "key": those may be what was done). */
const FOLLOW_UP_QUALIFIERS = String.raw`planned|proposed|corrective|preventive|preventative|prevention|remedial|remediation|review|post[- ]?incident|post[- ]?mortem|future|open|outstanding|pending|(?:short|medium|mid|long|near)[- ]?term|follow[- ]?up|recommended|agreed|next|further`;
const FOLLOW_UP_NOUNS = String.raw`actions?|action items?|action points?|measures|tasks|improvements|fixes|work|steps|changes|items|remediations?|follow[- ]?ups?|mitigations`;

/**
 * Normalised headings (see `normalizeHeading`, which drops apostrophes) that name a follow-up section:
 * "Action Items", "Next Steps", "Follow-ups", "Remediation", "Planned actions", "Review actions",
 * "Long-term Improvements", "Corrective and preventive measures", "How we prevent this", "What
 * we're doing about it". Not "Actions taken" or "Lessons learned": those tell what happened.
 */
const FOLLOW_UP_HEADING = new RegExp(
  '^(?:' +
    [
      String.raw`action (?:items?|points?|plan|list)`,
      String.raw`next steps?`,
      String.raw`follow[- ]?ups?(?: (?:items|tasks|actions|work))?`,
      String.raw`remediations?(?: (?:items|plan|steps|actions|tasks|work))?`,
      String.raw`to[- ]?dos?|todos?|improvements|prevention|recurrence prevention|preventing (?:recurrence|this|it|future \w+)(?: .*)?`,
      String.raw`(?:${FOLLOW_UP_QUALIFIERS})(?:(?: and|,) (?:${FOLLOW_UP_QUALIFIERS}))* (?:${FOLLOW_UP_NOUNS})`,
      String.raw`how (?:(?:we|do we|can we|will we|we will|we can|to) )?(?:prevent|avoid|stop)(?: .*)?`,
      String.raw`what (?:we are|were|we will|well|we plan to|we re) (?:doing|do|change|changing|going to do|improving)(?: .*)?`,
      String.raw`whats next|what happens next|going forward|looking forward`,
    ].join('|') +
    ')$',
);

/** Headings that tell what was done during the incident, even when they look like follow-ups ("Actions taken"). */
const PAST_ACTIONS_HEADING = /\b(?:taken|performed|during|done|completed)\b/;

/** Whether a heading (or bold label) names a section of follow-up actions. */
export function isFollowUpHeading(text: string): boolean {
  // Every lint asks this of every heading; documents repeat their headings from lint to lint.
  let known = followUpMemo.get(text);
  if (known === undefined) {
    known = readFollowUpHeading(text);
    if (followUpMemo.size >= 4096) followUpMemo.clear();
    followUpMemo.set(text, known);
  }
  return known;
}

const followUpMemo = new Map<string, boolean>();

function readFollowUpHeading(text: string): boolean {
  const normalized = normalizeHeading(text);
  if (PAST_ACTIONS_HEADING.test(normalized)) return false;
  if (FOLLOW_UP_HEADING.test(normalized)) return true;
  // "Action items (tracked in Jira)", "Next steps: monitoring".
  const bare = normalized.replace(/\s*(?:\(.*\)|[:–—-]\s.*)$/u, '').trim();
  return bare !== normalized && FOLLOW_UP_HEADING.test(bare);
}

/**
 * Reads the action items of a document: `section` (the profile's Action Items section, when the
 * document has it) and every other section or bold label named for follow-ups (`isFollowUpHeading`).
 * A region holding a table gives its rows (header excluded); otherwise its list items (checklists
 * included) and the "We will ..." sentences of its paragraphs. Sub-bullets and links under an item
 * are part of that item, except under a lead-in ("Before the next release:") whose sub-items are the
 * items. Undefined when the document has no such section.
 */
export function readActionItems(doc: MarkdownDocument, section: Section | undefined): ActionItems | undefined {
  const regions = followUpRegions(doc, section);
  const items: ActionItem[] = [];
  labelledItems(doc, items);
  if (regions.length === 0 && items.length === 0) return undefined;
  const tables: Array<{ table: Table; columns: Array<ActionItemField | undefined> }> = [];
  for (const region of regions) {
    const inRegion = (line: number) => line >= region.start && line < region.end;
    const regionTables = doc.tables.filter((t) => inRegion(t.startLine));
    if (regionTables.length > 0) {
      for (const table of regionTables) {
        const columns = columnsOf(table);
        tables.push({ table, columns });
        for (const row of table.rows) {
          const item = tableItem(doc, region, table, columns, row.line, row.cells);
          if (item.action.length > 0 || Object.values(item.fields).some((v) => v && v.text)) items.push(item);
        }
      }
      continue;
    }
    const labelled = new Set(items.map((i) => i.line));
    listItems(
      doc,
      region,
      doc.listItems.filter((li) => inRegion(li.line) && !labelled.has(li.line)),
      items,
    );
    sentenceItems(doc, region, labelled, items);
  }
  items.sort((a, b) => a.line - b.line);
  return { items, tables };
}

/** "Action point: ...", "**Action item:** ...", "Follow-up: ...", "Next step: ...": an item wherever it is written. */
const LABELLED_ITEM =
  /^\s*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)?(?:\*\*|__)?(?:action (?:point|item)|follow[- ]?up(?: action)?|next step)(?:\*\*|__)?\s*:(?:\*\*|__)?\s+(?=\S)/i;

/**
 * Whether `text` may start with a label of `LABELLED_ITEM`: its first letter, after white space,
 * a list marker, a checkbox and bold marks, is an A, F or N. One look at a few characters, so the
 * pattern runs on few lines (a search of the whole text for the labels cost more than this).
 */
function mayStartWithItemLabel(text: string): boolean {
  const n = Math.min(text.length, 24);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const lower = c | 0x20;
    if (lower === 0x61 /* a */ || lower === 0x66 /* f */ || lower === 0x6e /* n */) return true;
    // Go on over white space, digits, `-*+_.)`, and the `[`, `x`, `]` of a checkbox; stop at anything else.
    if (!(c === 0x20 || c === 0x09 || (c >= 0x30 && c <= 0x39) || SKIPPED_BEFORE_LABEL.includes(text[i]))) return false;
  }
  return false;
}

const SKIPPED_BEFORE_LABEL = '-*+_.)[]xX';

/** Pushes the labelled items (`LABELLED_ITEM`) of the document, outside code. */
function labelledItems(doc: MarkdownDocument, out: ActionItem[]): void {
  let inCode: Set<number> | undefined;
  for (let line = (doc.frontMatter?.endLine ?? -1) + 1; line < doc.lines.length; line++) {
    const text = doc.lines[line];
    if (!mayStartWithItemLabel(text)) continue;
    const m = LABELLED_ITEM.exec(text);
    if (!m) continue;
    inCode ??= codeLines(doc);
    if (inCode.has(line)) continue;
    const li = doc.listItems.find((l) => l.line === line);
    const pieces: Piece[] = [{ line, offset: m[0].length, text: text.slice(m[0].length).trim(), own: true }];
    // The paragraph's next lines, then a list right under it ("- This has been done."), belong to it.
    let own = true;
    const end = li ? li.endLine : doc.lines.length;
    for (let next = line + 1; next < end && next < doc.lines.length; next++) {
      const t = doc.lines[next];
      if (!t.trim() || inCode.has(next) || doc.headings.some((h) => h.line === next) || LABELLED_ITEM.test(t)) break;
      if (doc.listItems.some((l) => l.line === next)) own = false;
      const trimmed = t.trimStart();
      pieces.push({ line: next, offset: t.length - trimmed.length, text: trimmed, own });
    }
    out.push(
      pieceItem(doc, { start: line, end: line + 1 }, 'sentence', line, m[0].length, pieces, li?.checked === true),
    );
  }
}

/** The lines of the document's code blocks. */
function codeLines(doc: MarkdownDocument): Set<number> {
  const lines = new Set<number>();
  for (const block of doc.codeBlocks) for (let l = block.startLine; l < block.endLine; l++) lines.add(l);
  return lines;
}

/** An item read from its pieces: its own text gives the action and done marks; sub-items may say it is done. */
function pieceItem(
  doc: MarkdownDocument,
  region: Region,
  form: ActionItem['form'],
  line: number,
  start: number,
  pieces: readonly Piece[],
  checked: boolean,
): ActionItem {
  const fields = readInlineFields(pieces);
  const own = pieces.filter((p) => p.own);
  const text = own.map((p) => p.text).join(' ');
  return {
    form,
    line,
    range: range(line, start, line, (doc.lines[line] ?? '').length),
    action: actionText(form === 'sentence' ? text.replace(/[*_]{2}/g, '') : (own[0]?.text ?? '')),
    fields,
    region,
    done:
      checked ||
      DONE_STATUS.test(fields.status?.text ?? '') ||
      isMarkedDone(text) ||
      pieces.some((p) => !p.own && DONE_NOTE.test(p.text)),
  };
}

/** A sub-item saying its item is done: "This has been done.", "Done in #123", "✅ shipped". */
const DONE_NOTE =
  /^(?:[-*+]\s+)?(?:(?:this|it|that)\s+(?:has|have|was|is)\s+(?:been\s+|now\s+)?(?:done|completed|fixed|implemented|shipped|merged|resolved|deployed)\b|(?:done|completed|fixed|shipped|merged)\b(?:\s+(?:in|on|by|with|as)\b|\s*[:.(–—-]|$)|[✅✔☑✓])/iu;

/** The regions of `section` and of the follow-up sections and labels, outermost only, in line order. */
function followUpRegions(doc: MarkdownDocument, section: Section | undefined): Region[] {
  const found: Region[] = [];
  if (section) found.push({ start: section.bodyStartLine, end: section.endLine });
  for (const s of doc.sections) {
    if (s !== section && s.heading !== doc.title && isFollowUpHeading(s.heading.text))
      found.push({ start: s.bodyStartLine, end: s.endLine });
  }
  // A bold-label paragraph named for follow-ups (`**Review actions**` above a list), as section matching reads it.
  for (const s of boldLabelSections(doc)) {
    if (isFollowUpHeading(s.heading.text)) found.push({ start: s.bodyStartLine + 1, end: s.endLine });
  }
  for (const label of doc.labels) {
    // `**Action Items**:` standing alone (a footnote link at most) above a table or list.
    if (/[A-Za-z0-9]/.test(label.value.replace(/\^?\[[^\]]*\]\([^)]*\)\^?/g, '')) || !isFollowUpHeading(label.name))
      continue;
    const next = [...doc.headings.map((h) => h.line), ...doc.labels.map((l) => l.line)].filter((l) => l > label.line);
    found.push({ start: label.line + 1, end: next.length > 0 ? Math.min(...next) : doc.lines.length });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const outermost: Region[] = [];
  for (const region of found) {
    const last = outermost[outermost.length - 1];
    if (last && region.start >= last.start && region.end <= last.end) continue;
    outermost.push(region);
  }
  return outermost;
}

function columnsOf(table: Table): Array<ActionItemField | undefined> {
  const columns = table.header.cells.map((c) => fieldOfColumn(c.text));
  // The first column not otherwise known (and not a "#" counter) holds the action.
  if (!columns.includes('action')) {
    const index = table.header.cells.findIndex(
      (c, i) => columns[i] === undefined && !/^(?:#|no\.?|n°|id)$/i.test(c.text.trim()),
    );
    if (index >= 0) columns[index] = 'action';
  }
  return columns;
}

/** A Status value that says the item is done: "Done", "Closed (2026-03-20)", "✅", "[x]", "Yes". */
const DONE_STATUS =
  /^(?:\[x\]|x$|yes$|[✅✔☑✓]|(?:done|closed|complete(?:d)?|fixed|resolved|finished|shipped|merged|implemented|deployed)\b)/iu;

function tableItem(
  doc: MarkdownDocument,
  region: Region,
  table: Table,
  columns: ReadonlyArray<ActionItemField | undefined>,
  line: number,
  cells: ReadonlyArray<{ text: string; range: Range }>,
): ActionItem {
  const fields: Partial<Record<ActionItemField, ActionItemValue>> = {};
  columns.forEach((field, index) => {
    const cell = cells[index];
    if (field && cell && !fields[field]) fields[field] = { text: cell.text, range: cell.range };
  });
  const status = fields.status?.text.trim() ?? '';
  const action = fields.action?.text ?? '';
  // The cell's source keeps the marks its text drops (`~~struck~~`).
  const actionRange = fields.action?.range;
  const actionSource = actionRange
    ? (doc.lines[line] ?? '').slice(actionRange.start.character, actionRange.end.character)
    : '';
  return {
    form: 'table',
    line,
    range: range(line, 0, line, doc.lines[line]?.length ?? 0),
    action,
    fields,
    table,
    region,
    done: DONE_STATUS.test(status) || isMarkedDone(actionSource),
  };
}

const OWNER_LABEL =
  /\b(?:owner|owners|assignee|assigned to|dri|responsible)\s*[:=]\s*(@?[\w.\-/]+(?:\s+[A-Z][\w-]+)?)/i;
const HANDLE = /(?<![\w.])@[A-Za-z0-9][\w.\-/]*/;
const DATE_FORMS = String.raw`\d{4}-\d{1,2}-\d{1,2}|\d{4}\/\d{1,2}\/\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}`;
/** `due: <anything>`: an explicit label takes whatever follows, so a wrong value is reported, not missed. */
const DUE_LABEL = new RegExp(
  String.raw`\b(?:due(?:\s+date)?|deadline|target(?:\s+date)?|eta)\s*[:=]\s*(${DATE_FORMS}|[^\s,;)]+)`,
  'i',
);
/** `by 2026-03-22`, `due 2026-03-22`: without a colon only a date counts ("cut load by sharding" is no date). */
const DUE_BARE = new RegExp(String.raw`\b(?:by|due|before|until)\s+(${DATE_FORMS})`, 'i');
const PRIORITY = /\[(P\d)\]|\bpriority\s*[:=]\s*(\w+)/i;
const STATUS_LABEL = /\bstatus\s*[:=]\s*(\w+)/i;

/**
 * Marks that say an item is done: `(done)`, `[completed]`, `(fixed in #12)`, a leading `Done:`,
 * `✅`/`✔`/`☑`, text struck through from its start, or a statement of what has been done
 * ("The action has been disabled", "We have removed ...").
 */
const DONE_MARK =
  /[([]\s*(?:done|completed?|fixed|resolved|merged|shipped|implemented|closed|finished|deployed)\b[^)\]]*[)\]](?!\()|^\W*(?:done|completed?|fixed|resolved)\W*?(?:\s*[:–—]|\s+-\s)|[✅✔☑✓]|^~~|^(?:we|they|\w+ team) (?:have|has) (?:already )?\w+ed\b/iu;
/** "... has been disabled", "... have been removed": done, unless said of a condition ("alert when the disk has been filled"). */
const PERFECT = /\b(?:has|have) been \w+(?:ed|en|wn|ne)\b/i;
const SUBORDINATE = /\b(?:when|if|so|until|after|once|whether|which|that|before|unless|whenever)\b/i;

/** Whether the text of an item says it is done (see `DONE_MARK`). */
export function isMarkedDone(text: string): boolean {
  const t = text.trim();
  if (DONE_MARK.test(t)) return true;
  const perfect = PERFECT.exec(t);
  return perfect !== null && !SUBORDINATE.test(t.slice(0, perfect.index));
}

/** A piece of an item's text on one line, from `offset` in the line. */
interface Piece {
  readonly line: number;
  readonly offset: number;
  readonly text: string;
  /** Whether the piece is the item's own text, or a sub-bullet under it (which only labelled values are read from). */
  readonly own: boolean;
}

/** An item's lead-in ("In the future:", "**Short term**") introduces sub-items rather than being one. */
function isLeadIn(text: string): boolean {
  const t = text.trim();
  return /:\s*(?:\*\*|__)?$/.test(t) || /^(?:\*\*|__)[^*_]+(?:\*\*|__)$/.test(t);
}

/** A link, URL or issue reference and nothing else: "[#123](https://...)", "https://...", "See #123". */
const LINK_ONLY =
  /^(?:(?:see|ref|refs|tracked in|tracking)\s*:?\s*)?(?:\[[^\]]*\]\([^)]*\)|<?https?:\/\/\S+>?|#\d+|\[[^\]]*\]\[[^\]]*\])[\s.,;]*$/i;

/** Pushes the action items of the list items of one region: top-level items, or the sub-items of a lead-in. */
function listItems(doc: MarkdownDocument, region: Region, lis: readonly ListItem[], out: ActionItem[]): void {
  if (lis.length === 0) return;
  // The item each list item is nested in (the nearest earlier one whose range contains it, with less depth).
  const parent = new Map<ListItem, ListItem | undefined>();
  const open: ListItem[] = [];
  for (const li of lis) {
    while (open.length > 0 && (open[open.length - 1].endLine <= li.line || open[open.length - 1].depth >= li.depth))
      open.pop();
    parent.set(li, open[open.length - 1]);
    open.push(li);
  }
  const hasChildren = new Set<ListItem>();
  for (const li of lis) {
    const p = parent.get(li);
    if (p) hasChildren.add(p);
  }
  // An item is an action item when every item above it is a lead-in, and it is not a lead-in itself.
  const isGroup = new Map<ListItem, boolean>();
  for (const li of lis) {
    const p = parent.get(li);
    const underGroups = p === undefined || isGroup.get(p) === true;
    const leadIn = hasChildren.has(li) && isLeadIn(li.text);
    isGroup.set(li, underGroups && leadIn);
    if (!underGroups || leadIn) continue;
    if (LINK_ONLY.test(li.text.trim())) continue;
    out.push(listItem(doc, region, li, lis));
  }
}

/** The pieces of a list item: its first line, its continuation lines, then its sub-items' lines. */
function itemPieces(doc: MarkdownDocument, li: ListItem, all: readonly ListItem[]): Piece[] {
  const source = doc.lines[li.line] ?? '';
  const at = source.indexOf(li.text);
  const pieces: Piece[] = [{ line: li.line, offset: at >= 0 ? at : 0, text: li.text, own: true }];
  let own = true;
  for (let line = li.line + 1; line < li.endLine && line < doc.lines.length; line++) {
    if (all.some((other) => other.line === line && other.depth > li.depth)) own = false;
    const text = doc.lines[line];
    const trimmed = text.trimStart();
    if (trimmed) pieces.push({ line, offset: text.length - trimmed.length, text: trimmed, own });
  }
  return pieces;
}

function listItem(doc: MarkdownDocument, region: Region, li: ListItem, all: readonly ListItem[]): ActionItem {
  return pieceItem(doc, region, 'list', li.line, 0, itemPieces(doc, li, all), li.checked === true);
}

/** Reads owner, due date, priority and status written inline; sub-items give only labelled values (`Owner: @x`). */
function readInlineFields(pieces: readonly Piece[]): Partial<Record<ActionItemField, ActionItemValue>> {
  const fields: Partial<Record<ActionItemField, ActionItemValue>> = {};
  const put = (field: ActionItemField, piece: Piece, match: RegExpExecArray | null, group: number) => {
    const value = match?.[group];
    if (!match || !value || fields[field]) return;
    const at = piece.offset + match.index + match[0].lastIndexOf(value);
    fields[field] = { text: value, range: range(piece.line, at, piece.line, at + value.length) };
  };
  for (const piece of pieces) {
    const text = piece.text;
    put('owner', piece, OWNER_LABEL.exec(text), 1);
    put('due', piece, DUE_LABEL.exec(text), 1);
    put('status', piece, STATUS_LABEL.exec(text), 1);
    const priority = PRIORITY.exec(text);
    put('priority', piece, priority, priority?.[1] ? 1 : 2);
  }
  for (const piece of pieces) {
    if (!piece.own) continue;
    put('owner', piece, HANDLE.exec(piece.text), 0);
    put('due', piece, DUE_BARE.exec(piece.text), 1);
  }
  return fields;
}

function actionText(text: string): string {
  return text
    .replace(/\[(P\d)\]\s*/i, '')
    .replace(/\((?:[^()]*\b(?:owner|due|deadline|assignee)\b[^()]*)\)/gi, '')
    .trim();
}

/** "We will ...", "We'll ...", "We plan to ...": a commitment written as a sentence. */
const WE_WILL =
  /(?:^|[.!?]\s+)(?:\*\*|__)?(?:(?:also|next|going forward|in (?:the )?future|finally),?\s+)?(we(?:['’]ll| will| are going to| plan to| intend to| shall)\b)/gi;

/** Pushes the "We will ..." sentences of a region's paragraphs (lines outside lists, tables, code and headings). */
function sentenceItems(doc: MarkdownDocument, region: Region, labelled: ReadonlySet<number>, out: ActionItem[]): void {
  const excluded = new Set<number>(labelled);
  for (const li of doc.listItems)
    if (li.line < region.end && li.endLine > region.start) for (let l = li.line; l < li.endLine; l++) excluded.add(l);
  for (const block of doc.codeBlocks)
    if (block.startLine < region.end && block.endLine > region.start)
      for (let l = block.startLine; l < block.endLine; l++) excluded.add(l);
  for (const h of doc.headings) excluded.add(h.line);
  const paragraph: number[] = [];
  const flush = () => {
    if (paragraph.length > 0) paragraphSentences(doc, region, paragraph, out);
    paragraph.length = 0;
  };
  for (let line = region.start; line < region.end && line < doc.lines.length; line++) {
    const text = doc.lines[line];
    if (excluded.has(line) || !text.trim() || /^\s*(?:[|>]|<!--)/.test(text)) flush();
    else paragraph.push(line);
  }
  flush();
}

function paragraphSentences(doc: MarkdownDocument, region: Region, lines: readonly number[], out: ActionItem[]): void {
  // Most paragraphs make no commitment: one search of the joined text first.
  const joined = lines.map((l) => doc.lines[l]).join(' ');
  WE_WILL.lastIndex = 0;
  if (!WE_WILL.test(joined)) return;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const text = doc.lines[line];
    const startsHere = i === 0 || /[.!?]\s*$/.test(doc.lines[lines[i - 1]]);
    WE_WILL.lastIndex = 0;
    for (let m = WE_WILL.exec(text); m; m = WE_WILL.exec(text)) {
      const start = m.index + m[0].length - m[1].length;
      // "^" matched: the line continues a sentence of the previous line unless that one ended.
      if (!/^[.!?]/.test(m[0]) && !startsHere) continue;
      out.push(pieceItem(doc, region, 'sentence', line, start, sentencePieces(doc, lines, i, start), false));
    }
  }
}

/** The sentence starting at `start` of paragraph line `index`, as pieces up to its full stop. */
function sentencePieces(doc: MarkdownDocument, lines: readonly number[], index: number, start: number): Piece[] {
  const pieces: Piece[] = [];
  for (let i = index, from = start; i < lines.length; i++, from = 0) {
    const text = doc.lines[lines[i]];
    const rest = text.slice(from);
    const end = /[.!?](?:\s|$)/.exec(rest);
    const offset = from + (rest.length - rest.trimStart().length);
    pieces.push({ line: lines[i], offset, text: (end ? rest.slice(0, end.index + 1) : rest).trim(), own: true });
    if (end) break;
  }
  return pieces;
}

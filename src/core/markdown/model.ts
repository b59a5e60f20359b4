// Turns Markdown text into the document model every rule and feature reads: headings, sections, tables, lists, code.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { findFrontMatter, type FrontMatter } from './frontMatter';
import { range, type Range } from './position';
import { SOURCE, VIEWS } from './documentViews';

export { documentIncludes, documentMatches, documentView } from './documentViews';

/** A heading (ATX `##` or setext). */
export interface Heading {
  /** 1 to 6. */
  readonly level: number;
  /** Plain text of the heading, Markdown marks removed. */
  readonly text: string;
  /** 0-based line of the heading text. */
  readonly line: number;
  /** The heading's first line, whole. */
  readonly range: Range;
}

/** A heading and everything under it up to the next heading of the same or a higher level. */
export interface Section {
  readonly heading: Heading;
  /** First line of the body (the line after the heading, or after a setext underline). */
  readonly bodyStartLine: number;
  /** Exclusive end line: the next same-or-higher heading, or the document's line count. */
  readonly endLine: number;
}

/** One cell of a table, with the exact range of its text on the row's line. */
export interface TableCell {
  readonly text: string;
  readonly range: Range;
}

/** A row of a table. */
export interface TableRow {
  readonly line: number;
  readonly cells: readonly TableCell[];
}

/** A pipe table. */
export interface Table {
  readonly startLine: number;
  /** Exclusive. */
  readonly endLine: number;
  readonly header: TableRow;
  readonly rows: readonly TableRow[];
}

/** An item of a bullet or ordered list. */
export interface ListItem {
  /** 0-based line where the item starts. */
  readonly line: number;
  /** Exclusive end line. */
  readonly endLine: number;
  /** Nesting depth, 0 for a top-level list. */
  readonly depth: number;
  readonly ordered: boolean;
  /** The item's first line of text as written (Markdown source, marker removed). */
  readonly text: string;
  /** `true`/`false` for task items (`- [x]`/`- [ ]`), undefined otherwise. */
  readonly checked: boolean | undefined;
}

/** A fenced or indented code block. */
export interface CodeBlock {
  readonly startLine: number;
  /** Exclusive. */
  readonly endLine: number;
  /** The info string of a fence (`bash`), empty for indented code. */
  readonly info: string;
  readonly content: string;
}

/** An inline code span and the line it is on. */
export interface InlineCode {
  readonly line: number;
  readonly content: string;
}

/** A bold label line, `**Severity:** SEV2` or `**Severity**: SEV2`, as templates write header fields. */
export interface Label {
  /** The label text without the colon, e.g. `Severity`. */
  readonly name: string;
  /** The value after the label on the same line, trimmed (may be empty). */
  readonly value: string;
  readonly line: number;
  /** The range of the value (empty, after the label, when there is no value). */
  readonly valueRange: Range;
}

/** The model of one Markdown document. */
export interface MarkdownDocument {
  /** The lines of the text, without line terminators. */
  readonly lines: readonly string[];
  readonly frontMatter: FrontMatter | undefined;
  /** The document title: the first level-1 heading, if any. */
  readonly title: Heading | undefined;
  readonly headings: readonly Heading[];
  readonly sections: readonly Section[];
  readonly tables: readonly Table[];
  readonly listItems: readonly ListItem[];
  readonly codeBlocks: readonly CodeBlock[];
  readonly inlineCode: readonly InlineCode[];
  readonly labels: readonly Label[];
}

let parser: MarkdownIt | undefined;
let blockParser: MarkdownIt | undefined;

/** The one markdown-it configuration used to read documents (no HTML rendering, no linkify). */
export function markdownParser(): MarkdownIt {
  parser ??= new MarkdownIt({ html: true, linkify: false, typographer: false });
  return parser;
}

/**
 * The same configuration with the core `inline` rule off: `parse` returns block tokens whose
 * `inline` tokens keep their content and get no children. The model parses inline content only
 * where it reads it (headings, table cells, code spans), which costs about a third of a full parse.
 */
function blockOnlyParser(): MarkdownIt {
  if (!blockParser) {
    blockParser = new MarkdownIt({ html: true, linkify: false, typographer: false });
    // text_join only merges inline children, which are parsed (and read as text_join would) on demand.
    blockParser.core.ruler.disable(['inline', 'text_join']);
    // markdown-it's `normalize` rewrites every line end to LF and NUL to U+FFFD with two `replace`
    // calls, which copy the whole text even when nothing changes (~4% of a lint). Same result, but
    // the text is only rewritten when it holds a CR or a NUL.
    blockParser.core.ruler.at('normalize', (state) => {
      if (state.src.includes('\r') || state.src.includes('\0'))
        state.src = state.src.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
    });
  }
  return blockParser;
}

/** Characters that start an inline construct in markdown-it (escape, code, emphasis, strike, link, image, HTML, entity, break). */
const INLINE_MARKUP = /[\\`*_~[!<&\n]/;

/** Parses the inline content of a block-only `inline` token into its children (once), as a full parse would. */
function inlineChildren(token: Token, env: object): Token[] {
  if (token.children && token.children.length === 0 && token.content.length > 0) {
    const md = blockOnlyParser();
    md.inline.parse(token.content, md, env, token.children);
  }
  return token.children ?? [];
}

/** The plain text of a block-only `inline` token; content without markup needs no inline parse. */
function inlineText(token: Token | undefined, env: object): string {
  if (!token) return '';
  if (!INLINE_MARKUP.test(token.content)) return token.content.trim();
  inlineChildren(token, env);
  return plainText(token);
}

/** Splits text into lines on CRLF, CR or LF. */
export function splitLines(text: string): string[] {
  // Splitting on a string is several times faster than on a pattern; most texts have no CR.
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

/** Parses `text` into the document model. Never throws on any input string. */
export function parseMarkdown(text: string): MarkdownDocument {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = splitLines(source);
  const frontMatter = findFrontMatter(lines);
  // Blank out front matter so markdown-it sees neither a rule nor a setext heading, keeping line numbers.
  // Without front matter the source itself is parsed: markdown-it reads CRLF and CR as line ends, as splitLines does.
  const parseText = frontMatter ? lines.map((l, i) => (i <= frontMatter.endLine ? '' : l)).join('\n') : source;
  // Block structure only; inline content is parsed below where it is read. `env` keeps the
  // reference definitions the inline parse needs to resolve `[text][label]` as a full parse does.
  const env = {};
  const tokens = blockOnlyParser().parse(parseText, env);

  const headings: Heading[] = [];
  const tables: Table[] = [];
  const listItems: ListItem[] = [];
  const codeBlocks: CodeBlock[] = [];
  const codeSpanBlocks: Token[] = [];
  const headingEnds = new Map<number, number>();
  let listDepth = -1;
  const orderedStack: boolean[] = [];

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    switch (token.type) {
      case 'heading_open': {
        const inline = tokens[i + 1];
        const line = token.map?.[0] ?? 0;
        if (token.map) headingEnds.set(token.map[0], token.map[1]);
        headings.push({
          level: Number(token.tag.slice(1)),
          text: inlineText(inline, env),
          line,
          range: range(line, 0, line, lines[line]?.length ?? 0),
        });
        break;
      }
      case 'table_open': {
        const { table, next } = readTable(tokens, i, lines, env);
        if (table) tables.push(table);
        i = next;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        listDepth++;
        orderedStack.push(token.type === 'ordered_list_open');
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listDepth--;
        orderedStack.pop();
        break;
      case 'list_item_open': {
        const [start, end] = token.map ?? [0, 0];
        const raw = withoutListMarker(lines[start] ?? '');
        const task = /^\[([ xX])\]\s?/.exec(raw);
        listItems.push({
          line: start,
          endLine: end,
          depth: listDepth,
          ordered: orderedStack[orderedStack.length - 1] ?? false,
          text: task ? raw.slice(task[0].length) : raw,
          checked: task ? task[1] !== ' ' : undefined,
        });
        break;
      }
      case 'fence':
      case 'code_block': {
        const [start, end] = token.map ?? [0, 0];
        codeBlocks.push({ startLine: start, endLine: end, info: token.info.trim(), content: token.content });
        break;
      }
      case 'inline':
        // Only content with a backtick can hold a code span; those blocks are parsed on first read.
        if (token.content.includes('`')) codeSpanBlocks.push(token);
        break;
      default:
        break;
    }
  }

  const title = headings.find((h) => h.level === 1);
  const labels = readLabels(lines, codeBlocks, frontMatter?.endLine ?? -1);
  const doc: Omit<MarkdownDocument, 'inlineCode' | 'labels'> & { labels?: readonly Label[] } = {
    lines,
    frontMatter,
    title,
    headings,
    sections: buildSections(headings, headingEnds, lines.length),
    tables,
    listItems,
    codeBlocks,
  };
  // Read by few rules: the code spans are found on first read (see INLINE_CODE).
  Object.defineProperty(doc, CODE_SPAN_SOURCE, { value: { blocks: codeSpanBlocks, env } satisfies CodeSpanSource });
  Object.defineProperty(doc, 'inlineCode', INLINE_CODE);
  doc.labels = labels;
  Object.defineProperty(doc, VIEWS, { value: new Map<string, unknown>() });
  Object.defineProperty(doc, SOURCE, { value: source });
  return doc as MarkdownDocument;
}

/** Where a document's code spans are: the `inline` tokens holding a backtick, and the parse's `env`. */
interface CodeSpanSource {
  readonly blocks: readonly Token[];
  readonly env: object;
  found?: InlineCode[];
}

/** The key of a document's (non-enumerable) `CodeSpanSource`. */
const CODE_SPAN_SOURCE = Symbol('codeSpanSource');

/**
 * `inlineCode` as a lazy property. One getter shared by every document: a getter written in
 * the document's object literal is a new function per parse, which gives every document its
 * own hidden class, and those made each garbage collection during a lint several times dearer.
 */
const INLINE_CODE: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: { [CODE_SPAN_SOURCE]: CodeSpanSource }): readonly InlineCode[] {
    const source = this[CODE_SPAN_SOURCE];
    if (!source.found) {
      source.found = [];
      for (const token of source.blocks) collectInlineCode(token, inlineChildren(token, source.env), source.found);
    }
    return source.found;
  },
};

const LABEL = /^(\s*(?:[-*+]\s+)?)\*\*([^*\n]{1,60}?)\s*(:?)\*\*(:?)[ \t]*/;

function readLabels(lines: readonly string[], codeBlocks: readonly CodeBlock[], afterLine: number): Label[] {
  const out: Label[] = [];
  // Code blocks come in line order and do not overlap: `block` is the first that does not end before `line`.
  let block = 0;
  for (let line = afterLine + 1; line < lines.length; line++) {
    while (block < codeBlocks.length && codeBlocks[block].endLine <= line) block++;
    if (block < codeBlocks.length && codeBlocks[block].startLine <= line) continue;
    const text = lines[line];
    const m = LABEL.exec(text);
    // A label needs its colon, inside or right after the bold text.
    if (!m || (m[3] === '' && m[4] === '')) continue;
    const start = m[0].length;
    let end = text.length;
    while (end > start && /\s/.test(text[end - 1])) end--;
    out.push({ name: m[2].trim(), value: text.slice(start, end), line, valueRange: range(line, start, line, end) });
  }
  return out;
}

/** The plain text of an inline token: text and code spans joined, marks dropped. */
export function plainText(inline: Token | undefined): string {
  if (!inline?.children) return inline?.content.trim() ?? '';
  let out = '';
  for (const child of inline.children) {
    // `text_special` (an escape or entity) is text that markdown-it's text_join has not merged yet.
    if (child.type === 'text' || child.type === 'text_special' || child.type === 'code_inline') out += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') out += ' ';
  }
  return out.trim();
}

function collectInlineCode(inline: Token, children: readonly Token[], out: InlineCode[]): void {
  if (!inline.map) return;
  let line = inline.map[0];
  for (const child of children) {
    if (child.type === 'softbreak' || child.type === 'hardbreak') line++;
    else if (child.type === 'code_inline') out.push({ line, content: child.content });
  }
}

/** `headingEnds`: the exclusive end line of each heading's source (two lines for a setext heading), by start line. */
function buildSections(
  headings: readonly Heading[],
  headingEnds: ReadonlyMap<number, number>,
  lineCount: number,
): Section[] {
  // Body starts after the heading's source lines.
  return headings.map((heading, index) => {
    let endLine = lineCount;
    for (let j = index + 1; j < headings.length; j++) {
      if (headings[j].level <= heading.level) {
        endLine = headings[j].line;
        break;
      }
    }
    return { heading, bodyStartLine: headingEnds.get(heading.line) ?? heading.line + 1, endLine };
  });
}

function readTable(
  tokens: readonly Token[],
  openIndex: number,
  lines: readonly string[],
  env: object,
): { table: Table | undefined; next: number } {
  const rows: TableRow[] = [];
  let i = openIndex + 1;
  let current: { line: number; texts: string[] } | undefined;
  for (; i < tokens.length && tokens[i].type !== 'table_close'; i++) {
    const t = tokens[i];
    if (t.type === 'tr_open') {
      current = { line: t.map?.[0] ?? 0, texts: [] };
    } else if (t.type === 'inline' && current) {
      current.texts.push(inlineText(t, env));
    } else if (t.type === 'tr_close' && current) {
      rows.push({ line: current.line, cells: cellsOfLine(lines[current.line] ?? '', current.line, current.texts) });
      current = undefined;
    }
  }
  const open = tokens[openIndex];
  if (rows.length === 0 || !open.map) return { table: undefined, next: i };
  return { table: { startLine: open.map[0], endLine: open.map[1], header: rows[0], rows: rows.slice(1) }, next: i };
}

/**
 * Finds each cell's range on a table row's source line: the text between unescaped pipes,
 * trimmed (as in GFM, a pipe inside a code span splits cells unless escaped). `texts` are markdown-it's plain cell texts;
 * markdown-it pads short rows with empty cells, which get an empty range at the line's end.
 */
function cellsOfLine(source: string, line: number, texts: readonly string[]): TableCell[] {
  // Cell bounds as flat [start, end) pairs: a table of a long timeline has many rows, so no array per cell.
  const bounds: number[] = [];
  let start = 0;
  let first = 0;
  while (first < source.length && isSpace(source.charCodeAt(first))) first++;
  if (first < source.length && source.charCodeAt(first) === 0x7c /* | */) start = first + 1;
  if (source.indexOf('\\', start) < 0) {
    // No escapes (most rows): every pipe splits, found by the native search.
    for (let c = source.indexOf('|', start); c >= 0; c = source.indexOf('|', c + 1)) {
      bounds.push(start, c);
      start = c + 1;
    }
  } else {
    for (let c = start; c < source.length; c++) {
      const ch = source.charCodeAt(c);
      if (ch === 0x5c /* \\ */) {
        c++;
        continue;
      }
      if (ch === 0x7c /* | */) {
        bounds.push(start, c);
        start = c + 1;
      }
    }
  }
  let last = source.length;
  while (last > start && isSpace(source.charCodeAt(last - 1))) last--;
  if (last > start) bounds.push(start, source.length);
  const cells: TableCell[] = [];
  for (let index = 0; index < texts.length; index++) {
    const text = texts[index];
    if (2 * index >= bounds.length) {
      cells.push({ text, range: range(line, source.length, line, source.length) });
      continue;
    }
    let s = bounds[2 * index];
    let e = bounds[2 * index + 1];
    while (s < e && isSpace(source.charCodeAt(s))) s++;
    while (e > s && isSpace(source.charCodeAt(e - 1))) e--;
    cells.push({ text, range: range(line, s, line, e) });
  }
  return cells;
}

/** `line.replace(/^\s*(?:[-*+]|\d+[.)])\s?/, '')` by hand (once per list item, no regex call). */
function withoutListMarker(line: string): string {
  let at = 0;
  while (at < line.length && isSpace(line.charCodeAt(at))) at++;
  const c = line.charCodeAt(at);
  if (c === 0x2d /* - */ || c === 0x2a /* * */ || c === 0x2b /* + */) {
    at++;
  } else {
    const digits = at;
    while (at < line.length && line.charCodeAt(at) >= 0x30 && line.charCodeAt(at) <= 0x39) at++;
    const close = line.charCodeAt(at);
    if (at === digits || (close !== 0x2e /* . */ && close !== 0x29) /* ) */) return line;
    at++;
  }
  if (at < line.length && isSpace(line.charCodeAt(at))) at++;
  return line.slice(at);
}

/** Whether the UTF-16 code unit `c` is white space as JavaScript's `\s` reads it. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

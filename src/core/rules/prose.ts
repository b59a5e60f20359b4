// The prose of a document, line by line, with code, comments and front matter blanked (columns preserved).
import { documentIncludes, documentView, isSpace, type MarkdownDocument } from '../markdown/model';

/**
 * Each line of `doc` with fenced and indented code blocks, inline code spans, HTML comments,
 * front matter and link destinations replaced by spaces, so searches find only prose and
 * report the right columns.
 */
export function proseLines(doc: MarkdownDocument): readonly string[] {
  return documentView(doc, 'proseLines', () => readProseLines(doc));
}

function readProseLines(doc: MarkdownDocument): readonly string[] {
  const blank = (s: string) => ' '.repeat(s.length);
  const out = doc.lines.slice();
  const fmEnd = doc.frontMatter?.endLine ?? -1;
  for (let i = 0; i <= fmEnd; i++) out[i] = blank(out[i]);
  for (const block of doc.codeBlocks) {
    for (let i = block.startLine; i < block.endLine && i < out.length; i++) out[i] = blank(out[i]);
  }
  // Each marker below is searched for once in the whole text; most documents lack some of them.
  const hasComments = documentIncludes(doc, '<!--');
  const hasTicks = documentIncludes(doc, '`');
  const hasLinks = documentIncludes(doc, '](');
  let inComment = false;
  for (let i = 0; i < out.length; i++) {
    let line = out[i];
    if (inComment) {
      const end = line.indexOf('-->');
      if (end < 0) {
        out[i] = blank(line);
        continue;
      }
      line = blank(line.slice(0, end + 3)) + line.slice(end + 3);
      inComment = false;
    }
    // Each replacement below needs its marker on the line; most prose lines have none.
    if (hasComments && line.includes('<!--')) {
      line = line.replace(/<!--.*?-->/g, blank);
      const open = line.indexOf('<!--');
      if (open >= 0) {
        line = line.slice(0, open) + blank(line.slice(open));
        inComment = true;
      }
    }
    if (hasTicks && line.includes('`')) line = blankCodeSpans(line);
    if (hasLinks && line.includes('](')) line = blankLinkDestinations(line);
    out[i] = line;
  }
  return out;
}

/** Whether `line` holds `count` backticks from `at`. */
function ticksAt(line: string, at: number, count: number): boolean {
  if (at + count > line.length) return false;
  for (let k = 0; k < count; k++) if (line.charCodeAt(at + k) !== 0x60) return false;
  return true;
}

/** Whether `c` is a line terminator, which `.` in a pattern does not match. */
function isLineTerminator(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/**
 * `line.replace(/(`+)(?:(?!\1).)+?\1/g, blank)` by hand (this runs on every line with a
 * backtick; the pattern's back-reference made it the costliest step). A span opens with a run
 * of backticks — the whole run first, then shorter — holds at least one character and ends at
 * the first same-length run of backticks, as the pattern's backtracking finds it.
 */
function blankCodeSpans(line: string): string {
  let out = '';
  let copied = 0;
  let open = line.indexOf('`');
  while (open >= 0) {
    let run = 1;
    while (line.charCodeAt(open + run) === 0x60) run++;
    let end = -1;
    for (let ticks = run; ticks >= 1 && end < 0; ticks--) {
      const body = open + ticks;
      // The first character of the body: any but a line end, and not the closing run itself.
      if (body >= line.length || isLineTerminator(line.charCodeAt(body)) || ticksAt(line, body, ticks)) continue;
      for (let at = body + 1; at < line.length; at++) {
        if (ticksAt(line, at, ticks)) {
          end = at + ticks;
          break;
        }
        if (isLineTerminator(line.charCodeAt(at))) break;
      }
    }
    if (end < 0) {
      open = line.indexOf('`', open + 1);
      continue;
    }
    out += line.slice(copied, open) + ' '.repeat(end - open);
    copied = end;
    open = line.indexOf('`', end);
  }
  return copied === 0 ? line : out + line.slice(copied);
}

/** `line.replace(/\]\(([^)\s]*)\)/g, ...)` by hand: blanks what is between `](` and the next `)` when no white space is in between. */
function blankLinkDestinations(line: string): string {
  let out = '';
  let copied = 0;
  let at = line.indexOf('](');
  while (at >= 0) {
    let close = at + 2;
    while (close < line.length && line.charCodeAt(close) !== 0x29 /* ) */ && !isSpace(line.charCodeAt(close))) close++;
    if (close < line.length && line.charCodeAt(close) === 0x29) {
      out += line.slice(copied, at + 2) + ' '.repeat(close - at - 2);
      copied = close;
      at = line.indexOf('](', close + 1);
    } else {
      at = line.indexOf('](', at + 1);
    }
  }
  return copied === 0 ? line : out + line.slice(copied);
}

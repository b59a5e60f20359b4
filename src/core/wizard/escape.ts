// Puts the wizard's user text into Markdown without letting it break the document's structure.

/** A line Markdown would read as an ATX heading (`# ...`). */
const HEADING_START = /^(\s{0,3})(#{1,6})(?=\s|$)/;
/** `===` or `---` under a paragraph line turns that line into a heading. */
const SETEXT_UNDERLINE = /^(\s{0,3})(=+|-{2,})\s*$/;
const FENCE = /^\s{0,3}(?:`{3,}|~{3,})/;

/**
 * `text` as paragraphs: line breaks kept, but a line starting with `#` stays text instead of
 * becoming a heading, a `===`/`---` line does not turn the line above into one, an unclosed
 * code fence does not swallow the rest of the document, and `<!--` cannot open a comment
 * (which could also hide a lint-disable comment). Balanced code fences are kept.
 */
export function escapeParagraphs(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const fences = lines.filter((l) => FENCE.test(l)).length;
  return lines
    .map((line) => {
      let out = line.replace(/<!--/g, '&lt;!--');
      if (fences % 2 === 1 && FENCE.test(out)) out = out.replace(/^(\s*)([`~])/, '$1\\$2');
      return escapeLineStart(out);
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function escapeLineStart(line: string): string {
  if (HEADING_START.test(line)) return line.replace(HEADING_START, '$1\\$2');
  if (SETEXT_UNDERLINE.test(line)) return line.replace(/^(\s*)/, '$1\\');
  return line;
}

/** `text` as the text of one list item: on one line, not starting a heading, a task box or a nested list. */
export function escapeListItem(text: string): string {
  const one = text.replace(/<!--/g, '&lt;!--').replace(/\s+/g, ' ').trim();
  // A digit cannot be escaped; the dot or parenthesis after it can.
  return one.replace(/^(\d+)([.)])(?=\s)/, '$1\\$2').replace(/^(#{1,6}(?=\s|$)|[-*+](?=\s)|>|\[[ xX]\])/, '\\$1');
}

/** `text` as one table cell: on one line, pipes escaped so they do not split the cell. */
export function escapeTableCell(text: string): string {
  return text.replace(/<!--/g, '&lt;!--').replace(/\s+/g, ' ').trim().replace(/\\?\|/g, '\\|');
}

/** `text` as an inline value after a bold label (`**Severity:** ...`): on one line. */
export function escapeInline(text: string): string {
  return text.replace(/<!--/g, '&lt;!--').replace(/\s+/g, ' ').trim();
}

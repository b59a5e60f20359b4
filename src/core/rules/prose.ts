// The prose of a document, line by line, with code, comments and front matter blanked (columns preserved).
import type { MarkdownDocument } from '../markdown/model';

const cache = new WeakMap<MarkdownDocument, readonly string[]>();

/**
 * Each line of `doc` with fenced and indented code blocks, inline code spans, HTML comments,
 * front matter and link destinations replaced by spaces, so searches find only prose and
 * report the right columns.
 */
export function proseLines(doc: MarkdownDocument): readonly string[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const blank = (s: string) => ' '.repeat(s.length);
  const out = doc.lines.slice();
  const fmEnd = doc.frontMatter?.endLine ?? -1;
  for (let i = 0; i <= fmEnd; i++) out[i] = blank(out[i]);
  for (const block of doc.codeBlocks) {
    for (let i = block.startLine; i < block.endLine && i < out.length; i++) out[i] = blank(out[i]);
  }
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
    if (line.includes('<!--')) {
      line = line.replace(/<!--.*?-->/g, blank);
      const open = line.indexOf('<!--');
      if (open >= 0) {
        line = line.slice(0, open) + blank(line.slice(open));
        inComment = true;
      }
    }
    if (line.includes('`')) line = line.replace(/(`+)(?:(?!\1).)+?\1/g, blank);
    if (line.includes('](')) line = line.replace(/\]\(([^)\s]*)\)/g, (m) => `](${' '.repeat(m.length - 3)})`);
    out[i] = line;
  }
  cache.set(doc, out);
  return out;
}

// The one reading of an incident document's title: its first heading without a kind prefix ("PIR: X" → "X").
import type { MarkdownDocument } from '../markdown/model';

/** The kind prefixes a title may start with, stripped everywhere a title is shown: "Postmortem: X", "PIR - X", "Incident record: X". */
export const TITLE_PREFIX = /^(?:post[- ]?mortem|incident(?:\s+(?:review|report|record|postmortem|post-mortem))?|pir|retrospective|rca|run-?book)\s*[:\-–—]\s*/i;

/** The file's base name without directories and Markdown extension. */
export function baseName(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  return name.replace(/\.(?:md|markdown)$/i, '');
}

/** A title text without its kind prefix; the text as written when nothing is left. */
export function stripTitlePrefix(text: string): string {
  const raw = text.trim();
  return raw.replace(TITLE_PREFIX, '').trim() || raw;
}

/** The title of the document at `path`: its title heading without a kind prefix, else the file's base name. */
export function documentTitle(doc: MarkdownDocument, path: string): string {
  return stripTitlePrefix(doc.title?.text ?? '') || baseName(path);
}

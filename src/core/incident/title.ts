// The one reading of an incident document's title: its first heading without a kind prefix ("PIR: X" → "X").
import type { MarkdownDocument } from '../markdown/model';

/** The kind prefixes a title may start with, stripped everywhere a title is shown: "Postmortem: X", "PIR - X", "Incident record: X". */
export const TITLE_PREFIX =
  /^(?:post[- ]?mortem|incident(?:\s+(?:review|report|record|postmortem|post-mortem))?|pir|retrospective|rca|run-?book)\s*[:\-–—]\s*/i;

/** The file's base name without directories and Markdown extension. */
export function baseName(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  return name.replace(/\.(?:md|markdown)$/i, '');
}

/** A title text without its kind prefix (empty when only the prefix is written). */
export function stripTitlePrefix(text: string): string {
  return text.trim().replace(TITLE_PREFIX, '').trim();
}

/** The title of the document at `path`: its title heading without a kind prefix, else (no title, or only a prefix) the file's base name. */
export function documentTitle(doc: MarkdownDocument, path: string): string {
  return stripTitlePrefix(doc.title?.text ?? '') || baseName(path);
}

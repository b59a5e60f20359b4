// The Markdown of the hover over an INCIDENT tag (the linked document's summary, or why it is not a tag), for the extension and the language server.
import type { IncidentSummary } from '../incident/summary';
import { escapeMarkdown } from '../text';
import { TAG_SYNTAX } from './grammar';

/** The hover's words; the extension passes them translated (vscode.l10n), the language server in English. */
export interface TagHoverLabels {
  readonly notATag: string;
  readonly aTagReads: string;
  /** The heading of a tag without a document, given the tag's name (escaped Markdown). */
  readonly noDocument: (name: string) => string;
  readonly rootCause: string;
  readonly notWrittenYet: string;
  readonly actionItemsOpen: (done: number, total: number, open: number) => string;
  readonly actionItemsDone: (done: number, total: number) => string;
  readonly noActionItems: string;
}

/** The labels in English, without VS Code's `$(icon)` codicons (for any editor). */
export const ENGLISH_TAG_HOVER_LABELS: TagHoverLabels = {
  notATag: '**Not a valid INCIDENT tag** (TG002)',
  aTagReads: 'A tag reads',
  noDocument: (name) => `**${name}**: no incident document (TG001)`,
  rootCause: '**Root cause:**',
  notWrittenYet: '_not written yet_',
  actionItemsOpen: (done, total, open) => `**Action items:** ${done} of ${total} done, ${open} open`,
  actionItemsDone: (done, total) => `**Action items:** ${done} of ${total} done`,
  noActionItems: '**Action items:** _none listed_',
};

/** `INCIDENT-2026-03-15 checkout`: the tag's date and slug as written. */
export function tagName(tag: { readonly dateText: string; readonly slug: string | undefined }): string {
  return `INCIDENT-${tag.dateText}${tag.slug ? ` ${tag.slug}` : ''}`;
}

/** The hover over text meant as a tag that is not one (TG002): the problem and the grammar. */
export function tagProblemMarkdown(message: string, labels: TagHoverLabels = ENGLISH_TAG_HOVER_LABELS): string {
  return `${labels.notATag}\n\n${escapeMarkdown(message)}\n\n${labels.aTagReads} \n\`\`\`text\n${TAG_SYNTAX}\n\`\`\`\n`;
}

/** The hover over a tag that links to no incident document (TG001): its name and why. */
export function unlinkedTagMarkdown(
  name: string,
  why: string,
  labels: TagHoverLabels = ENGLISH_TAG_HOVER_LABELS,
): string {
  return `${labels.noDocument(escapeMarkdown(name))}\n\n${escapeMarkdown(why)}`;
}

/** What a tag's hover says of its incident document: title, severity, date, status, summary, root cause, action items. */
export function tagSummaryMarkdown(s: IncidentSummary, labels: TagHoverLabels = ENGLISH_TAG_HOVER_LABELS): string {
  const facts = [s.severity, s.dateText, s.status].filter((f): f is string => Boolean(f));
  let md = `**${s.kindLabel}: ${escapeMarkdown(s.title)}**${facts.length > 0 ? ` · ${escapeMarkdown(facts.join(' · '))}` : ''}\n\n`;
  // The document's own Markdown, shown as Markdown (links and emphasis); HTML stays off.
  if (s.summary) md += `${s.summary}\n\n`;
  md += `${labels.rootCause} ${s.rootCause || labels.notWrittenYet}\n\n`;
  const items = s.actionItemCounts;
  if (items) {
    md += `${
      items.open > 0
        ? labels.actionItemsOpen(items.done, items.total, items.open)
        : labels.actionItemsDone(items.done, items.total)
    }\n\n`;
  } else {
    md += `${labels.noActionItems}\n\n`;
  }
  return md;
}

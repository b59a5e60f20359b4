// What a tag's CodeLens and hover say about its incident document: title, severity, date, summary, root cause, action items.
import { kindFromProfileFolders } from '../lint/documentKind';
import { parseMarkdown, type MarkdownDocument, type Section } from '../markdown/model';
import { findField } from '../postmortem/fields';
import { readIncident, SECTION_ROLES, sectionById, sectionByRole } from '../postmortem/model';
import type { DocumentKind, Profile } from '../profiles/types';
import { formatDate } from './grammar';

/** An incident document, summarised for a tag's CodeLens and hover. */
export interface IncidentSummary {
  /** Workspace-relative path. */
  readonly path: string;
  readonly kind: DocumentKind;
  /** `Postmortem`, `Incident` or `Runbook`. */
  readonly kindLabel: string;
  /** The title without a leading "Postmortem:" or "Incident:"; the file name when there is no title. */
  readonly title: string;
  /** The severity level's id (`SEV2`), or the value as written when it is not in the scale. */
  readonly severity: string | undefined;
  /** `YYYY-MM-DD`, from the Date field or the title. */
  readonly date: string | undefined;
  /** The Status field as written (`Resolved`, `Draft`). */
  readonly status: string | undefined;
  /** The first paragraph of the summary section (or of the document's first section). */
  readonly summary: string | undefined;
  /** The first paragraph of the root-cause section (Root Cause, Root Causes, Five Whys). */
  readonly rootCause: string | undefined;
  /** Counts of action items; undefined when the document has no action-items section. */
  readonly actionItems: { readonly total: number; readonly done: number } | undefined;
}

const KIND_LABELS: Record<DocumentKind, string> = { postmortem: 'Postmortem', incident: 'Incident', runbook: 'Runbook' };
const TITLE_PREFIX = /^(?:post[- ]?mortem|incident(?: review| report| record)?|retrospective|pir|rca)\s*[:—–-]\s*/i;
const PARAGRAPH_LIMIT = 600;

/** Reads the summary of the incident document at `relativePath` from its text. */
export function summarizeIncident(text: string, relativePath: string, profile: Profile): IncidentSummary {
  const doc = parseMarkdown(text);
  const kind = kindFromProfileFolders(relativePath, profile, doc) ?? 'postmortem';
  const model = readIncident(doc, kind, profile);
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1).replace(/\.(?:md|markdown)$/i, '');
  const title = doc.title?.text.replace(TITLE_PREFIX, '').trim() || name;
  const summarySection = sectionById(model, 'summary') ?? doc.sections.find((s) => s.heading !== doc.title);
  const rootCause = sectionByRole(model, SECTION_ROLES.rootCause);
  return {
    path: relativePath,
    kind,
    kindLabel: KIND_LABELS[kind],
    title,
    severity: model.severity?.id ?? (model.severityField?.value.trim() || undefined),
    date: model.date ? formatDate(model.date) : undefined,
    status: findField(model.fields, ['status', 'state'])?.value.trim() || undefined,
    summary: summarySection ? firstParagraph(doc, summarySection) : undefined,
    rootCause: rootCause ? firstParagraph(doc, rootCause) : undefined,
    actionItems: model.actionItems
      ? { total: model.actionItems.items.length, done: model.actionItems.items.filter((i) => i.done).length }
      : undefined,
  };
}

/** The CodeLens title for a linked document: `Postmortem: User service timeouts (SEV2, 2026-03-15)`. */
export function incidentLensTitle(summary: IncidentSummary): string {
  const facts = [summary.severity, summary.date].filter((f): f is string => Boolean(f));
  return `${summary.kindLabel}: ${summary.title}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}`;
}

/**
 * The first paragraph under a section's heading, its lines joined with spaces (Markdown
 * kept as written): tables, code blocks, HTML comments and blank lines before it are
 * skipped; a sub-heading ends it. Long paragraphs are cut with an ellipsis.
 */
function firstParagraph(doc: MarkdownDocument, section: Section): string | undefined {
  const headingLines = new Set(doc.headings.map((h) => h.line));
  const skipped = (line: number) =>
    doc.tables.some((t) => line >= t.startLine && line < t.endLine) ||
    doc.codeBlocks.some((c) => line >= c.startLine && line < c.endLine);
  const out: string[] = [];
  for (let line = section.bodyStartLine; line < section.endLine; line++) {
    if (headingLines.has(line)) break;
    const text = doc.lines[line].trim();
    if (!text || skipped(line) || /^<!--.*-->$/.test(text) || /^[-=]{3,}$/.test(text)) {
      if (out.length > 0) break;
      continue;
    }
    out.push(text);
  }
  const paragraph = out.join(' ');
  if (!paragraph) return undefined;
  return paragraph.length > PARAGRAPH_LIMIT ? `${paragraph.slice(0, PARAGRAPH_LIMIT - 1).trimEnd()}…` : paragraph;
}

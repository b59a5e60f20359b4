// The one summary of an incident document (title, date, severity, status, services, times, metrics, root cause,
// action items) that every view projects: trees, index, tag CodeLens and hover, status bar, preview, SLOs, CLI.
import { kindFromProfileFolders } from '../lint/documentKind';
import { documentView, parseMarkdown, type MarkdownDocument, type Section } from '../markdown/model';
import type { Range } from '../markdown/position';
import { computeMetrics, type IncidentMetrics } from '../metrics/metrics';
import type { ActionItem } from '../postmortem/actionItems';
import { parseDate, type CalendarDate } from '../postmortem/dates';
import { findField } from '../postmortem/fields';
import { readIncidentDate, type DateSource } from '../postmortem/incidentDate';
import { readIncident, SECTION_ROLES, sectionById, sectionByRole, type IncidentModel } from '../postmortem/model';
import type { DocumentKind, Profile, SeverityLevel } from '../profiles/types';
import { readTimeline, type TimelineEntry } from '../timeline/timeline';
import { baseName, documentTitle } from './title';

/** One action item of an incident document. */
export interface ActionItemSummary {
  /** 0-based line of the row or list item. */
  readonly line: number;
  readonly action: string;
  readonly owner: string | undefined;
  /** The due date as written. */
  readonly dueText: string | undefined;
  /** The due date, when it reads as one. */
  readonly due: CalendarDate | undefined;
  readonly done: boolean;
  /** Priority P0 (a Priority column or field of `P0`, or `[P0]` in the text). */
  readonly p0: boolean;
  /** Where the Status value is written, when the item has one (a table cell may be empty). */
  readonly statusRange: Range | undefined;
  readonly form: ActionItem['form'];
}

/** Action items by state. */
export interface ActionItemCounts {
  readonly total: number;
  /** Not marked done. */
  readonly open: number;
  readonly done: number;
  /** With priority P0. */
  readonly p0: number;
}

/** Everything the views show about one incident document; each fact read by one function. */
export interface IncidentSummary {
  /** The file, relative to its workspace folder, with forward slashes. */
  readonly path: string;
  readonly kind: DocumentKind;
  /** `Postmortem`, `Incident` or `Runbook`. */
  readonly kindLabel: string;
  /** The title without a kind prefix ("Postmortem:", "PIR:"); the file name when there is no title. */
  readonly title: string;
  /** The incident's date, read in `DATE_ORDER`. */
  readonly date: CalendarDate | undefined;
  /** `YYYY-MM-DD`, or empty without a date. */
  readonly dateText: string;
  /** Where the date was read. */
  readonly dateSource: DateSource | undefined;
  /** The severity level's id (`SEV2`), or the value as written when the scale does not know it. */
  readonly severity: string | undefined;
  /** The level of the profile's scale, when the severity names one. */
  readonly severityLevel: SeverityLevel | undefined;
  /** Index of the level in the profile's scale, 0 = most severe; undefined when no level matches. */
  readonly severityRank: number | undefined;
  /** The Status field: Draft, Resolved, Investigating, ... */
  readonly status: string | undefined;
  /** The services a Service field names, as written; empty without such a field. */
  readonly services: readonly string[];
  /** The service the document is about: the first named, else a `name-service` word of the file name or title. */
  readonly service: string | undefined;
  /** Base names (lower case) of the Markdown files the document mentions (links and code spans). */
  readonly mentions: readonly string[];
  /** The timeline's events, dated by the incident's date; undefined without a timeline section. */
  readonly timeline: readonly TimelineEntry[] | undefined;
  /** Start, detection, mitigation and resolution times and the measures between them. */
  readonly metrics: IncidentMetrics;
  /** The first paragraph of the summary section (or of the document's first section). */
  readonly summary: string | undefined;
  /** The first paragraph of the root-cause section (Root Cause, Root Causes, Five Whys). */
  readonly rootCause: string | undefined;
  /** Every action item, in document order (empty without any). */
  readonly actionItems: readonly ActionItemSummary[];
  /** Counts of the action items; undefined when the document has no action-items section. */
  readonly actionItemCounts: ActionItemCounts | undefined;
  /** The model the summary was read from (sections, fields), for rules-level detail. */
  readonly model: IncidentModel;
}

/** What `summarizeIncident` reads. */
export interface SummaryInput {
  /** Workspace-relative path, forward slashes. */
  readonly path: string;
  /** The document's text, when `doc` is not given. */
  readonly text?: string;
  /** The parsed document (its summary is cached on it). */
  readonly doc?: MarkdownDocument;
  readonly profile: Profile;
  /** The document's kind; by default from the profile's folders, else postmortem. */
  readonly kind?: DocumentKind;
}

/** The header or front-matter fields that name an incident's services, earlier names first. */
export const SERVICE_FIELD_NAMES: readonly string[] = [
  'services',
  'service',
  'affected services',
  'affected service',
  'services affected',
  'impacted services',
  'systems affected',
  'affected systems',
  'system',
  'components',
  'component',
  'affected components',
];

const KIND_LABELS: Record<DocumentKind, string> = {
  postmortem: 'Postmortem',
  incident: 'Incident',
  runbook: 'Runbook',
};
const SERVICE_WORD = /(?:^|[^a-z0-9-])([a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?:service|api|gateway|db|worker))\b/i;
const MENTION = /([\w.\-/]+\.(?:md|markdown))\b/gi;
const PARAGRAPH_LIMIT = 600;

/** Formats a calendar date as `YYYY-MM-DD` (empty for none). */
export function formatDate(d: CalendarDate | undefined): string {
  if (!d) return '';
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** The summary of an incident document, computed once per parsed document, path, kind and profile. */
export function summarizeIncident(input: SummaryInput): IncidentSummary {
  const doc = input.doc ?? parseMarkdown(input.text ?? '');
  const kind = input.kind ?? kindFromProfileFolders(input.path, input.profile, doc) ?? 'postmortem';
  const perDoc = documentView(doc, 'incident-summary', () => new Map<string, IncidentSummary>());
  const key = `${input.path}\u0000${kind}\u0000${input.profile.name}`;
  const hit = perDoc.get(key);
  if (hit && hit.model.profile === input.profile) return hit;
  const summary = build(doc, input.path, kind, input.profile);
  perDoc.set(key, summary);
  return summary;
}

function build(doc: MarkdownDocument, path: string, kind: DocumentKind, profile: Profile): IncidentSummary {
  const model = readIncident(doc, kind, profile);
  const title = documentTitle(doc, path);
  const dated = readIncidentDate({ fields: model.fields, title: doc.title?.text, path, timeline: model.timeline });
  let timeline = model.timeline;
  const timelineSection = sectionByRole(model, SECTION_ROLES.timeline);
  // The model dates its timeline from the fields and title only; a date from the file name anchors it too.
  if (!model.date && dated?.source === 'file-name' && timelineSection)
    timeline = readTimeline(doc, timelineSection, dated.date);
  const rank = model.severity ? profile.severities.indexOf(model.severity) : -1;
  const services = servicesOf(findField(model.fields, SERVICE_FIELD_NAMES)?.value);
  const items = model.actionItems?.items ?? [];
  const summarySection = sectionById(model, 'summary') ?? doc.sections.find((s) => s.heading !== doc.title);
  const rootCause = sectionByRole(model, SECTION_ROLES.rootCause);
  const mentions = new Set<string>();
  for (const source of doc.lines)
    for (const m of source.matchAll(MENTION)) mentions.add(m[1].slice(m[1].lastIndexOf('/') + 1).toLowerCase());
  return {
    path,
    kind,
    kindLabel: KIND_LABELS[kind],
    title,
    date: dated?.date,
    dateText: formatDate(dated?.date),
    dateSource: dated?.source,
    severity: model.severity?.id ?? (model.severityField?.value.trim() || undefined),
    severityLevel: model.severity,
    severityRank: rank >= 0 ? rank : undefined,
    status: findField(model.fields, ['Status', 'State'])?.value.replace(/[`*_]/g, '').trim() || undefined,
    services,
    service: services[0] ?? serviceInName(path, title),
    mentions: [...mentions],
    timeline,
    metrics: computeMetrics(timeline),
    summary: summarySection ? firstParagraph(doc, summarySection) : undefined,
    rootCause: rootCause ? firstParagraph(doc, rootCause) : undefined,
    actionItems: items.map(summarizeItem),
    actionItemCounts: model.actionItems ? countItems(items) : undefined,
    model,
  };
}

/**
 * The services a Service field's value names: `api, db`, `api and db`, `api / db`, `api & db`; Markdown marks and
 * parenthesised notes are dropped, and so are placeholders such as `<service>` and `TBD`.
 */
export function servicesOf(value: string | undefined): string[] {
  if (!value) return [];
  const names = value
    .split(/[,;/&]|\band\b/i)
    .map((s) =>
      s
        .replace(/[`*_]/g, '')
        .replace(/\(.*?\)/g, '')
        .trim(),
    )
    .filter((s) => s.length > 0 && !/^(?:<.*>|\[.*\]|tbd|n\/?a|none|unknown|-+)$/i.test(s));
  return [...new Set(names)];
}

/** A `name-service` (`-api`, `-gateway`, `-db`, `-worker`) word in the file name (after its date), else in the title. */
export function serviceInName(path: string, title: string): string | undefined {
  const name = baseName(path).replace(/^(?:[a-z]+-)?\d{4}-\d{2}-\d{2}-/i, '');
  return SERVICE_WORD.exec(name)?.[1]?.toLowerCase() ?? SERVICE_WORD.exec(title)?.[1]?.toLowerCase();
}

/** Whether an action item has priority P0. */
export function isP0(item: ActionItem): boolean {
  const priority = item.fields.priority?.text.trim() ?? '';
  return /^\[?P0\]?(?:\b|$)/i.test(priority) || /\[P0\]/i.test(item.action);
}

function summarizeItem(item: ActionItem): ActionItemSummary {
  const dueText = item.fields.due?.text.trim() || undefined;
  const due = dueText ? parseDate(dueText) : undefined;
  return {
    line: item.line,
    action: item.action.replace(/\s+/g, ' ').trim(),
    owner: item.fields.owner?.text.trim() || undefined,
    dueText,
    due: due && due !== 'invalid' ? due : undefined,
    done: item.done,
    p0: isP0(item),
    statusRange: item.fields.status?.range,
    form: item.form,
  };
}

function countItems(items: readonly ActionItem[]): ActionItemCounts {
  const done = items.filter((i) => i.done).length;
  return { total: items.length, open: items.length - done, done, p0: items.filter(isP0).length };
}

/**
 * The first paragraph under a section's heading, its lines joined with spaces (Markdown kept as written):
 * tables, code blocks, HTML comments and blank lines before it are skipped; a sub-heading ends it. Long
 * paragraphs are cut with an ellipsis.
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

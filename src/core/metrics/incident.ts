// Summarises one postmortem for the index, the error budget and the preview: title, date, severity, measures, action items.
import { parseMarkdown, type MarkdownDocument } from '../markdown/model';
import type { ActionItem } from '../postmortem/actionItems';
import { parseDate, type CalendarDate } from '../postmortem/dates';
import { readIncident, sectionByRole, SECTION_ROLES, type IncidentModel } from '../postmortem/model';
import type { DocumentKind, Profile } from '../profiles/types';
import { readTimeline } from '../timeline/timeline';
import { computeMetrics, type IncidentMetrics } from './metrics';

/** What the index, the error budget and the preview know about one incident. */
export interface IncidentSummary {
  /** The file, relative to the workspace root, with forward slashes. */
  readonly path: string;
  /** The document title without a "Postmortem:" prefix; the file name when there is no title. */
  readonly title: string;
  /** The Date field, else the date in the title, else the date in the file name. */
  readonly date: CalendarDate | undefined;
  /** The severity level's id when the profile's scale knows it, else the value as written. */
  readonly severity: string | undefined;
  /** 1 for the most severe level of the scale; undefined when the scale does not know the value. */
  readonly severityRank: number | undefined;
  readonly metrics: IncidentMetrics;
  /** Counts of the Action Items section; undefined when the document has no such section. */
  readonly actionItems: ActionItemCounts | undefined;
  readonly model: IncidentModel;
}

/** Action items by state. */
export interface ActionItemCounts {
  readonly total: number;
  /** Not marked done. */
  readonly open: number;
  /** With priority P0 (a Priority column or field of `P0`, or `[P0]` in the text). */
  readonly p0: number;
}

const TITLE_PREFIX = /^(?:post[- ]?mortem|incident(?: review| report| postmortem)?|pir|retrospective|rca)\s*(?::|—|–|-)\s*/i;

/** Reads the summary of the incident document `text` at `path` (workspace-relative). */
export function summarizeIncident(path: string, text: string | MarkdownDocument, profile: Profile, kind: DocumentKind = 'postmortem'): IncidentSummary {
  const doc = typeof text === 'string' ? parseMarkdown(text) : text;
  const model = readIncident(doc, kind, profile);
  const fileDate = dateInFileName(path);
  const date = model.date ?? fileDate;
  let timeline = model.timeline;
  const timelineSection = sectionByRole(model, SECTION_ROLES.timeline);
  // The model dates the timeline from the Date field or the title only; the file name is the last resort.
  if (!model.date && fileDate && timelineSection) timeline = readTimeline(doc, timelineSection, fileDate);
  const rank = model.severity ? profile.severities.indexOf(model.severity) + 1 : undefined;
  return {
    path,
    title: titleOf(doc, path),
    date,
    severity: model.severity?.id ?? (model.severityField?.value.trim() || undefined),
    severityRank: rank,
    metrics: computeMetrics(timeline),
    actionItems: model.actionItems ? countActionItems(model.actionItems.items) : undefined,
    model,
  };
}

/** Whether an action item has priority P0. */
export function isP0(item: ActionItem): boolean {
  const priority = item.fields.priority?.text.trim() ?? '';
  return /^\[?P0\]?(?:\b|$)/i.test(priority) || /\[P0\]/i.test(item.action);
}

function countActionItems(items: readonly ActionItem[]): ActionItemCounts {
  return { total: items.length, open: items.filter((i) => !i.done).length, p0: items.filter(isP0).length };
}

function titleOf(doc: MarkdownDocument, path: string): string {
  const title = doc.title?.text.replace(TITLE_PREFIX, '').trim();
  if (title) return title;
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.(?:md|markdown)$/i, '');
}

/** The YYYY-MM-DD date at the start of the file name, as profiles name postmortems. */
export function dateInFileName(path: string): CalendarDate | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const m = /(?:^|[^\d])(\d{4}-\d{2}-\d{2})(?!\d)/.exec(name);
  const parsed = m ? parseDate(m[1]) : undefined;
  return parsed && parsed !== 'invalid' ? parsed : undefined;
}

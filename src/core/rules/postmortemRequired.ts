// IN001: a resolved incident whose severity requires a postmortem has none past the process's deadline (seed 001: P1/P2 within 24 h; seeds 002 and 004: within 48 h).
import type { MarkdownDocument } from '../markdown/model';
import { dayNumber, parseDate, type CalendarDate } from '../postmortem/dates';
import { readIncidentDate } from '../postmortem/incidentDate';
import { findField } from '../postmortem/fields';
import { readIncident, sectionByRole, SECTION_ROLES } from '../postmortem/model';
import type { DocumentKind, Profile } from '../profiles/types';
import { MARKDOWN_LINK_TARGET, resolveRelativeLink } from '../templates/paths';
import { milestones } from '../timeline/timeline';
import type { Rule, RuleContext, RuleReport } from './types';
import { documentAnchor } from './util';

/** What the check knows of one postmortem of the workspace. */
export interface PostmortemRef {
  /** Workspace-relative, forward slashes. */
  readonly path: string;
  /** Its date, read in the one `DATE_ORDER` (front matter, Date field, title, file name, first timeline event). */
  readonly date: CalendarDate | undefined;
  /** The workspace-relative files its links point to. */
  readonly links: readonly string[];
}

/** Facts about the whole workspace that single-document rules cannot see. */
export interface WorkspaceFacts {
  /** The postmortems of the workspace under the profile. */
  readonly postmortems: readonly PostmortemRef[];
  /** The time of the check, in milliseconds since 1970 (injected so tests are stable). */
  readonly now: number;
}

const MS_PER_HOUR = 3_600_000;
const MS_PER_MINUTE = 60_000;

/** The workspace-relative targets of the document's Markdown links, resolved against `path`'s folder. */
export function linkTargets(doc: MarkdownDocument, path: string): string[] {
  const from = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const targets: string[] = [];
  for (const line of doc.lines) {
    if (!line.includes('](')) continue;
    for (const m of line.matchAll(MARKDOWN_LINK_TARGET)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(m[1])) continue;
      targets.push(resolveRelativeLink(from, m[1]));
    }
  }
  return targets;
}

/** What the check needs of a postmortem at `path`. */
export function postmortemRef(path: string, doc: MarkdownDocument, profile: Profile): PostmortemRef {
  const model = readIncident(doc, 'postmortem', profile);
  const date = readIncidentDate({ fields: model.fields, title: doc.title?.text, path, timeline: model.timeline });
  return { path, date: date?.date, links: linkTargets(doc, path) };
}

/** Words of a file name that tell the incident apart: without the date, the extension and words such as INC or postmortem. */
export function slugWords(path: string): string[] {
  const name = path
    .slice(path.lastIndexOf('/') + 1)
    .replace(/\.(?:md|markdown)$/i, '')
    .toLowerCase();
  return name
    .replace(/\d{4}-\d{2}-\d{2}/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter(
      (w) =>
        w &&
        !/^(?:inc|incident|incidents|post|mortem|postmortem|postmortems|pm|pir|rca|review|report|retro|retrospective)$/.test(
          w,
        ),
    );
}

/** Whether two slugs name the same incident: equal, or every word of the shorter one is in the longer. */
function sameSlug(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.every((w) => long.includes(w));
}

/** The postmortem of the incident record at `path` (of `date`, read in `DATE_ORDER`): linked either way, else of the same date and slug. */
export function findPostmortemOf(
  path: string,
  doc: MarkdownDocument,
  date: CalendarDate | undefined,
  postmortems: readonly PostmortemRef[],
): PostmortemRef | undefined {
  const links = new Set(linkTargets(doc, path));
  const linked = postmortems.find((p) => links.has(p.path) || p.links.includes(path));
  if (linked) return linked;
  const words = slugWords(path);
  return postmortems.find(
    (p) =>
      p.path !== path && date && p.date && dayNumber(p.date) === dayNumber(date) && sameSlug(words, slugWords(p.path)),
  );
}

const RESOLVED_STATUS = /^\W*(?:resolved|closed|done|complete|completed|fixed)\b/i;

/**
 * When the incident was resolved, in milliseconds since 1970: a Resolved field with a date
 * (and time), else the timeline's resolution event when it is dated, else the end of the
 * incident's day (the latest it can have been resolved on that day). Undefined when the
 * Status does not say resolved or closed, or no date is known.
 */
export function resolvedAt(context: RuleContext): { at: number; dayOnly: boolean } | undefined {
  const model = readIncident(context.doc, context.kind, context.profile);
  const status = findField(model.fields, ['status', 'state', 'incident status']);
  if (!status || !RESOLVED_STATUS.test(status.value)) return undefined;
  const field = findField(model.fields, [
    'resolved',
    'resolved at',
    'resolution',
    'resolution time',
    'ended',
    'end',
    'end time',
  ]);
  const stated = field ? instant(field.value) : undefined;
  if (stated) return stated;
  if (sectionByRole(model, SECTION_ROLES.timeline) && model.timeline) {
    const end = milestones(model.timeline).resolution;
    if (end?.dated && end.minutes !== undefined) return { at: end.minutes * MS_PER_MINUTE, dayOnly: false };
  }
  const day = incidentDay(context);
  return day ? { at: (dayNumber(day) + 1) * 86_400_000, dayOnly: true } : undefined;
}

/** The incident's date as every view reads it: the one reader, in `DATE_ORDER`, with the file's path. */
function incidentDay(context: RuleContext): CalendarDate | undefined {
  const model = readIncident(context.doc, context.kind, context.profile);
  return readIncidentDate({
    fields: model.fields,
    title: context.doc.title?.text,
    path: context.path,
    timeline: model.timeline,
  })?.date;
}

/** `2026-04-02 17:30 UTC`, `2026-04-02T17:30Z`, `2026-04-02`: the instant (a date alone: the end of its day); times are read as UTC. */
function instant(text: string): { at: number; dayOnly: boolean } | undefined {
  const m = /(\d{4}-\d{2}-\d{2})(?:[ T]+(\d{1,2}):(\d{2}))?/.exec(text);
  const date = m ? parseDate(m[1]) : undefined;
  if (!m || !date || date === 'invalid') return undefined;
  const day = dayNumber(date) * 86_400_000;
  return m[2] === undefined
    ? { at: day + 86_400_000, dayOnly: true }
    : { at: day + (Number(m[2]) * 60 + Number(m[3])) * MS_PER_MINUTE, dayOnly: false };
}

function formatInstant(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/** The incident record's severity level when it requires a postmortem under its profile and the deadline has passed, with the facts for the message. */
export function overduePostmortem(
  context: RuleContext,
): { severity: string; resolved: string; due: number; hours: number } | undefined {
  const { profile, workspace } = context;
  const hours = profile.postmortemDeadlineHours;
  if (!workspace || hours === undefined) return undefined;
  const model = readIncident(context.doc, context.kind, profile);
  if (!model.severity?.requiresPostmortem) return undefined;
  const resolved = resolvedAt(context);
  if (resolved === undefined) return undefined;
  const due = resolved.at + hours * MS_PER_HOUR;
  if (workspace.now < due) return undefined;
  if (findPostmortemOf(context.path ?? '', context.doc, incidentDay(context), workspace.postmortems)) return undefined;
  const when = resolved.dayOnly
    ? `on ${formatInstant(resolved.at - 1).slice(0, 10)} (no time given, so the end of that day is taken)`
    : formatInstant(resolved.at);
  return { severity: model.severity.id, resolved: when, due, hours };
}

export const IN001: Rule = {
  id: 'IN001',
  name: 'postmortem-required',
  title: 'A resolved incident whose severity requires a postmortem has none past the deadline',
  defaultSeverity: 'error',
  kinds: ['incident'],
  check(context): RuleReport[] {
    const overdue = overduePostmortem(context);
    if (!overdue) return [];
    const model = readIncident(context.doc, context.kind, context.profile);
    const folder = context.profile.documents.postmortem?.folder;
    const where = folder ? ` in ${folder || '.'}` : '';
    return [
      {
        message: `This ${overdue.severity} incident was resolved ${overdue.resolved} and has no postmortem${where}; the ${context.profile.name} process requires one for ${overdue.severity} within ${overdue.hours} hours (by ${formatInstant(overdue.due)}). Write it with the same date and slug in its file name, or link it from this record.`,
        range: model.severityField?.range ?? documentAnchor(context),
      },
    ];
  },
};

/** One incident document of the workspace, as the workspace check reads it. */
export interface WorkspaceDocument {
  /** Workspace-relative, forward slashes. */
  readonly path: string;
  readonly doc: MarkdownDocument;
  readonly kind: DocumentKind;
}

/** Whether the profile can require a postmortem at all (some level requires one, and the process sets a deadline). */
export function requiresPostmortems(profile: Profile): boolean {
  return profile.postmortemDeadlineHours !== undefined && profile.severities.some((s) => s.requiresPostmortem);
}

/** The workspace facts of `documents`: their postmortems, checked at `now`. */
export function workspaceFacts(documents: readonly WorkspaceDocument[], profile: Profile, now: number): WorkspaceFacts {
  return {
    postmortems: documents.filter((d) => d.kind === 'postmortem').map((d) => postmortemRef(d.path, d.doc, profile)),
    now,
  };
}

/** An incident record whose required postmortem is overdue, as `index` reports it. */
export interface MissingPostmortem {
  readonly path: string;
  /** 0-based line of the finding. */
  readonly line: number;
  readonly message: string;
}

/** The incident records of `documents` whose required postmortem is overdue at `facts.now` (what IN001 reports on each). */
export function missingPostmortems(
  documents: readonly WorkspaceDocument[],
  profile: Profile,
  facts: WorkspaceFacts,
): MissingPostmortem[] {
  return documents
    .filter((d) => d.kind === 'incident')
    .flatMap((d) =>
      IN001.check({ doc: d.doc, kind: 'incident', profile, path: d.path, workspace: facts }).map((r) => ({
        path: d.path,
        line: r.range.start.line,
        message: r.message,
      })),
    );
}

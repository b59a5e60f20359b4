// Renders new postmortems, runbooks and incident records from a profile's sections and the values the author gave.
import { fieldOfColumn } from '../postmortem/actionItems';
import type { DocumentKind, Profile, SectionSpec } from '../profiles/types';
import { promptFor, RUNBOOK_COMMAND_PROMPT } from './prompts';

/** A commit shown in a new postmortem's investigation section. */
export interface TemplateCommit {
  readonly shortHash: string;
  /** ISO date-time. */
  readonly date: string;
  readonly subject: string;
  readonly author?: string;
}

/** A timeline event carried into a new document. */
export interface TemplateEvent {
  /** As it should be written: `14:32` or `2026-03-15 14:32`. */
  readonly time: string;
  readonly event: string;
}

/** What the author told the command; everything but title and date is optional. */
export interface TemplateValues {
  readonly title: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  /** A severity id of the profile's scale. */
  readonly severity?: string;
  /** ISO date-time or HH:MM (UTC) when the incident started. */
  readonly start?: string;
  /** ISO date-time or HH:MM (UTC) when it was resolved. */
  readonly end?: string;
  readonly author?: string;
  readonly incidentCommander?: string;
  readonly service?: string;
  readonly failureMode?: string;
  /** Commits in the incident window, newest first. */
  readonly commits?: readonly TemplateCommit[];
  /** Why commits could not be listed, when they could not. */
  readonly commitsUnavailable?: string;
  /** Events to start the timeline with (from a live incident record). */
  readonly timeline?: readonly TemplateEvent[];
  /** Markdown to put under the evidence or investigation section (from a live incident record). */
  readonly evidence?: string;
}

/** The title of a new document of each kind. */
const TITLES: Record<DocumentKind, (v: TemplateValues, profile: Profile) => string> = {
  postmortem: (v, p) => `${p.name === 'agent' ? 'Post-Mortem' : 'Postmortem'}: ${v.title}`,
  incident: (v) => `Incident: ${v.title}`,
  runbook: (v) => `Runbook: ${v.title}`,
};

/** Header fields written when the profile lists none for the kind. */
const DEFAULT_HEADER: Record<DocumentKind, readonly string[]> = {
  postmortem: ['Date', 'Severity', 'Status', 'Authors'],
  incident: ['Date', 'Severity', 'Status', 'Incident Commander'],
  runbook: ['Service', 'Failure Mode', 'Last Reviewed'],
};

/** Minutes between two times (ISO or HH:MM, same day assumed for HH:MM), or undefined. */
export function minutesBetween(start: string | undefined, end: string | undefined): number | undefined {
  const toMinutes = (t: string) => {
    const iso = Date.parse(t);
    if (!Number.isNaN(iso) && /\d{4}-\d{2}-\d{2}/.test(t)) return Math.round(iso / 60_000);
    const m = /^(\d{1,2}):(\d{2})$/.exec(t.trim());
    return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
  };
  if (!start || !end) return undefined;
  const a = toMinutes(start);
  const b = toMinutes(end);
  return a === undefined || b === undefined || b < a ? undefined : b - a;
}

/** `47 minutes`, `2 hours 5 minutes`. */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const part = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return h === 0 ? part(m, 'minute') : m === 0 ? part(h, 'hour') : `${part(h, 'hour')} ${part(m, 'minute')}`;
}

/** `14:32` from an ISO time or HH:MM (UTC). */
function clock(t: string): string {
  const m = /T?(\d{2}):(\d{2})/.exec(t);
  return m ? `${m[1]}:${m[2]}` : t;
}

/** The first line of a new `kind` document: `# Postmortem: <title>`, without the `# `. */
export function documentTitle(profile: Profile, kind: DocumentKind, values: TemplateValues): string {
  return TITLES[kind](values, profile);
}

/** The header fields a new `kind` document states under its title. */
export function headerFieldsOf(profile: Profile, kind: DocumentKind): readonly string[] {
  return profile.documents[kind]?.headerFields ?? DEFAULT_HEADER[kind];
}

/** The value a new document writes for header `field`: from the values, else a `<...>` blank. */
export function headerValue(field: string, kind: DocumentKind, v: TemplateValues): string {
  const duration = minutesBetween(v.start, v.end);
  switch (field.toLowerCase()) {
    case 'date':
      return v.date;
    case 'severity':
      return v.severity ?? '<severity>';
    case 'status':
      return kind === 'incident' ? 'Investigating' : 'Draft';
    case 'duration':
      return duration === undefined ? '<duration>' : formatDuration(duration);
    case 'author':
    case 'authors':
    case 'postmortem owner':
      return v.author ?? '<name>';
    case 'incident commander':
      return v.incidentCommander ?? '<name>';
    case 'service':
      return v.service ?? '<service>';
    case 'failure mode':
      return v.failureMode ?? '<failure mode>';
    case 'last reviewed':
      return v.date;
    default:
      return `<${field.toLowerCase()}>`;
  }
}

function timelineBody(kind: DocumentKind, profile: Profile, v: TemplateValues): string {
  const rows: string[] = ['| Time (UTC) | Event |', '|---|---|'];
  if (v.timeline?.length) {
    for (const e of v.timeline) rows.push(`| ${e.time} | ${e.event.replace(/\|/g, '\\|')} |`);
    return rows.join('\n');
  }
  rows.push(`| ${v.start ? clock(v.start) : '<HH:MM>'} | Incident started: <first error or symptom> |`);
  rows.push('| <HH:MM> | Detected: <alert fired or first report> |');
  if (kind === 'postmortem') {
    rows.push('| <HH:MM> | Mitigation started: <rollback, failover, ...> |');
    // Seed 001: the incident is resolved once a real user has confirmed the fix.
    const how = profile.userConfirmsFix
      ? 'a real user confirmed the fix: <who, and what they did>'
      : '<how recovery was confirmed>';
    rows.push(`| ${v.end ? clock(v.end) : '<HH:MM>'} | Resolved: ${how} |`);
  }
  return rows.join('\n');
}

/** The columns of a new action items table: the profile's required columns, with an Action column first when they lack one. */
export function actionItemColumns(profile: Profile): string[] {
  const required = profile.actionItems.requiredColumns;
  return required.some((c) => fieldOfColumn(c) === 'action') ? [...required] : ['Action', ...required];
}

/** The blank 5 Whys ladder of a new document. */
export const FIVE_WHYS_PROMPT = [
  '1. Why <did users see the failure>? Because <...>.',
  '2. Why <...>? Because <...>.',
  '3. Why <...>? Because <...>.',
  '4. Why <...>? Because <...>.',
  '5. Why <...>? Because <...>.',
].join('\n');

function actionItemsBody(profile: Profile): string {
  const columns = actionItemColumns(profile);
  const cell = (c: string) => {
    switch (fieldOfColumn(c)) {
      case 'action':
        return '<action that prevents a recurrence>';
      case 'owner':
        return '<owner>';
      case 'due':
        return '<due date>';
      case 'status':
        return 'Open';
      case 'priority':
        return '<priority>';
      case 'type':
        return '<code / testing / monitoring / process / architecture>';
      default:
        return `<${c.toLowerCase()}>`;
    }
  };
  const rows = Array.from(
    { length: Math.max(1, profile.actionItems.minimum) },
    () => `| ${columns.map(cell).join(' | ')} |`,
  );
  return [`| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`, ...rows].join('\n');
}

const NUMBER_WORDS: Readonly<Record<number, string>> = { 2: 'two', 3: 'three', 4: 'four', 5: 'five', 6: 'six' };

/** `date` (YYYY-MM-DD) plus `days`, as YYYY-MM-DD; undefined when `date` is not a date. */
export function addDays(date: string, days: number): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!m) return undefined;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}

/** The sentence under a new action items table that says when the open items are reviewed, when the profile says. */
export function followUpReviewLine(profile: Profile, v: TemplateValues): string | undefined {
  const days = profile.actionItems.followUpReviewDays;
  if (days === undefined) return undefined;
  const when = addDays(v.date, days);
  const weeks = days / 7;
  const span =
    Number.isInteger(weeks) && weeks > 0
      ? weeks === 1
        ? 'one week'
        : `${NUMBER_WORDS[weeks] ?? weeks} weeks`
      : `${days} days`;
  return when
    ? `The items still open are reviewed on ${when}, ${span} after the incident.`
    : `The items still open are reviewed ${span} after the incident.`;
}

/** A section's fixed questions as a numbered list, each with a blank for its answer. */
export function questionsBody(questions: readonly string[]): string {
  return questions.map((q, i) => `${i + 1}. ${q} <answer>`).join('\n');
}

/** A section's checklist as unchecked task items. */
export function checklistBody(items: readonly string[]): string {
  return items.map((item) => `- [ ] ${item}`).join('\n');
}

function commitsBlock(v: TemplateValues): string | undefined {
  if (v.commitsUnavailable)
    return `### Changes in the incident window\n\nCommit correlation was not available: ${v.commitsUnavailable}`;
  if (!v.commits) return undefined;
  if (v.commits.length === 0)
    return '### Changes in the incident window\n\nNo commits were made between the start of the window and the end of the incident.';
  const lines = v.commits.map(
    (c) =>
      `- \`${c.shortHash}\` ${c.date.slice(0, 16).replace('T', ' ')} ${c.subject}${c.author ? ` (${c.author})` : ''}`,
  );
  return `### Changes in the incident window\n\n${lines.join('\n')}`;
}

function sectionBody(spec: SectionSpec, kind: DocumentKind, profile: Profile, v: TemplateValues): string {
  if (spec.questions?.length && !(spec.id === 'evidence' && v.evidence?.trim())) return questionsBody(spec.questions);
  if (spec.checklist?.length) return checklistBody(spec.checklist);
  switch (spec.id) {
    case 'timeline':
      return timelineBody(kind, profile, v);
    case 'action-items': {
      const review = kind === 'postmortem' ? followUpReviewLine(profile, v) : undefined;
      return review ? `${actionItemsBody(profile)}\n\n${review}` : actionItemsBody(profile);
    }
    case 'five-whys':
      return FIVE_WHYS_PROMPT;
    case 'evidence':
      return v.evidence?.trim() || promptFor(spec.id, spec.title);
    case 'diagnosis':
    case 'mitigation':
      return kind === 'runbook'
        ? `${promptFor(spec.id, spec.title)}\n\n${RUNBOOK_COMMAND_PROMPT}`
        : promptFor(spec.id, spec.title);
    default:
      return promptFor(spec.id, spec.title);
  }
}

/** The section whose body gets the commits in the incident window: the root cause investigation. */
const INVESTIGATION_IDS = ['root-cause', 'root-causes', 'five-whys', 'trigger', 'evidence'];

/** The id of the section of a `kind` document that gets the commits in the incident window, if it has one. */
export function investigationSectionId(profile: Profile, kind: DocumentKind): string | undefined {
  return profile.documents[kind]?.sections.find((s) => INVESTIGATION_IDS.includes(s.id))?.id;
}

/**
 * Renders a new `kind` document for `profile`: the title, the header fields, then every
 * section of the profile in order with its prompt. Blanks are `<...>` so the linter points
 * at each one until it is filled.
 */
export function renderDocument(profile: Profile, kind: DocumentKind, values: TemplateValues): string {
  const spec = profile.documents[kind];
  if (!spec) throw new Error(`The ${profile.name} profile has no ${kind} documents.`);
  const out: string[] = [`# ${documentTitle(profile, kind, values)}`, ''];
  for (const field of headerFieldsOf(profile, kind)) out.push(`**${field}:** ${headerValue(field, kind, values)}`);
  out.push('');
  const commits = kind === 'postmortem' ? commitsBlock(values) : undefined;
  const investigation = investigationSectionId(profile, kind);
  for (const section of spec.sections) {
    out.push(`## ${section.title}`, '', sectionBody(section, kind, profile, values), '');
    if (commits && section.id === investigation) out.push(commits, '');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/** The line (0-based) of the first blank to fill: where the editor puts the cursor. */
export function firstBlankLine(text: string): number {
  const lines = text.split('\n');
  const firstSection = lines.findIndex((l) => l.startsWith('## '));
  const index = lines.findIndex((l, i) => i > firstSection && /<[^>]+>/.test(l));
  return index >= 0 ? index : Math.max(0, firstSection + 2);
}

// Builds the status update and resolution notice messages (seed 004's INCIDENT UPDATE / INCIDENT RESOLVED) from a record.
import { stripTitlePrefix } from '../incident/title';
import type { MarkdownDocument, Section } from '../markdown/model';
import { readIncident, sectionById, sectionByRole, SECTION_ROLES, type IncidentModel } from '../postmortem/model';
import { findField } from '../postmortem/fields';
import type { DocumentKind, Profile } from '../profiles/types';
import { milestones, type TimelineEntry } from '../timeline/timeline';
import { formatDuration } from '../templates/templates';

/** A template blank (`<...>`) left in the text: that part is not written yet. */
const BLANK = /<[^<>\n]+>/;

/** How often updates go out when the severity level does not say. */
export const DEFAULT_UPDATE_MINUTES = 30;

/** The first paragraph of a section as plain text (Markdown marks and placeholders left as written). */
export function firstParagraph(doc: MarkdownDocument, startLine: number, endLine: number): string | undefined {
  const lines: string[] = [];
  for (let i = startLine; i < endLine; i++) {
    const text = doc.lines[i].trim();
    if (/^#{1,6}\s/.test(text) || /^<!--/.test(text)) {
      if (lines.length) break;
      continue;
    }
    if (!text) {
      if (lines.length) break;
      continue;
    }
    lines.push(text.replace(/^[-*+]\s+|^\d+[.)]\s+/, '').replace(/\*\*|__|`/g, ''));
  }
  return lines.length ? lines.join(' ') : undefined;
}

/** The first paragraph of the first of the profile's sections `ids`, else of a heading that names `fallback`. */
function sectionParagraph(model: IncidentModel, ids: readonly string[], fallback?: RegExp): string | undefined {
  const sections = ids.map((id) => sectionById(model, id));
  if (fallback)
    sections.push(model.doc.sections.find((s) => s.heading !== model.doc.title && fallback.test(s.heading.text)));
  for (const section of sections) {
    if (!section) continue;
    const text = firstParagraph(model.doc, section.bodyStartLine, section.endLine);
    // A paragraph with a template blank left in it is not written yet.
    if (text && !BLANK.test(text)) return text;
  }
  return undefined;
}

/** Whether a severity level's cadence sends one update, when the incident is resolved ("update on resolution"). */
export function updatesOnResolution(cadence: string | undefined): boolean {
  return !!cadence && /\bresol(?:ved|ution)\b/i.test(cadence) && cadenceMinutes(cadence) === undefined;
}

/** Minutes between updates for a severity level: read from its cadence ("every 30 minutes", "hourly"). */
export function cadenceMinutes(cadence: string | undefined): number | undefined {
  if (!cadence) return undefined;
  if (/hourly|every hour/i.test(cadence)) return 60;
  // "First status within 5 minutes, then every 15 minutes": the recurring part wins.
  const m = /every\s+(\d+)\s*(min|h)/i.exec(cadence) ?? /(\d+)\s*(min|h)/i.exec(cadence);
  if (!m) return undefined;
  return Number(m[1]) * (m[2].toLowerCase().startsWith('h') ? 60 : 1);
}

const hhmm = (d: Date) => `${d.toISOString().slice(11, 16)} UTC`;

/**
 * The latest event the timeline of `doc` records, template rows with a blank left out: the one
 * with the latest time, the last written among equals (and when no time could be read, the last written).
 */
export function latestEvent(doc: MarkdownDocument, timeline: readonly TimelineEntry[]): TimelineEntry | undefined {
  const written = timeline.filter((e) => e.text.trim() && !BLANK.test(doc.lines[e.line] ?? e.text));
  const timed = written.filter((e) => e.minutes !== undefined);
  if (!timed.length) return written[written.length - 1];
  return timed.reduce((latest, e) => ((e.minutes as number) >= (latest.minutes as number) ? e : latest));
}

/** The record's status: its Status field when it states one, else what its timeline shows (resolved, mitigating, investigating). */
function statusOf(model: IncidentModel): string {
  const stated = findField(model.fields, ['status'])?.value?.trim();
  if (stated && !BLANK.test(stated)) return stated;
  const found = milestones((model.timeline ?? []).filter((e) => !BLANK.test(model.doc.lines[e.line] ?? e.text)));
  return found.resolution ? 'Resolved' : found.mitigation ? 'Fixing' : 'Investigating';
}

/** A question (or a short label) whose answer says what users experience: what is broken or failing, who is affected, the symptom, the scope. */
const IMPACT_QUESTION = /\b(?:affect(?:ed|ing)|broken|failing|symptoms?|scope)\b/i;

/**
 * The answers a section written as questions (or as short `Label:` items) gives to its impact
 * questions, as one text ("1. What is broken? Exports hang." and "3. Who is affected? EU tenants."
 * give "Exports hang. EU tenants."); undefined when the section answers none.
 */
export function impactAnswers(doc: MarkdownDocument, section: Section): string | undefined {
  const answers: string[] = [];
  for (const li of doc.listItems) {
    if (li.line < section.bodyStartLine || li.line >= section.endLine || li.depth !== 0) continue;
    const m = /^(.*?\?|[^:?]{1,40}:)\s*(.*)$/.exec(li.text.replace(/\*\*|__|`/g, '').trim());
    const answer = m?.[2].trim();
    if (!m || !answer || BLANK.test(answer) || !IMPACT_QUESTION.test(m[1])) continue;
    const sentence = answer[0].toUpperCase() + answer.slice(1);
    answers.push(/[.!?]$/.test(sentence) ? sentence : `${sentence}.`);
  }
  return answers.length ? answers.join(' ') : undefined;
}

/** What users are experiencing: the answers to the record's impact questions, else its impact (or boundary, or summary) paragraph. */
function impactOf(model: IncidentModel): string {
  for (const id of ['impact', 'boundary', 'triage', 'evidence']) {
    const section = sectionById(model, id);
    if (!section) continue;
    const written = impactAnswers(model.doc, section) ?? (id === 'impact' ? sectionParagraph(model, [id]) : undefined);
    if (written) return written;
  }
  return (
    sectionParagraph(model, ['impact', 'boundary'], /\bimpact\b/i) ??
    sectionParagraph(model, ['summary']) ??
    'Being assessed.'
  );
}

/** The INCIDENT UPDATE message for the record, as of `now`: the current action is the latest event of its timeline. */
export function statusUpdate(doc: MarkdownDocument, kind: DocumentKind, profile: Profile, now: Date): string {
  const model = readIncident(doc, kind, profile);
  const status = statusOf(model);
  const resolved = /resolved/i.test(status);
  const impact = impactOf(model);
  const current =
    latestEvent(doc, model.timeline ?? [])?.text ??
    (model.timeline
      ? 'Investigating; the timeline records no event yet.'
      : 'Investigating; this record has no timeline to say more.');
  return [
    `INCIDENT UPDATE — ${hhmm(now)}`,
    `Status: ${status}`,
    `Impact: ${impact}`,
    `Current action: ${current}`,
    `ETA: ${resolved ? 'Resolved' : 'Investigating'}`,
    `Next update: ${resolved ? 'none; the incident is resolved' : nextUpdate(model, profile, now)}`,
  ].join('\n');
}

/** Sections of a live record where the team states its own update cadence ("updates every 20 minutes"). */
const CADENCE_SECTIONS = ['communication', 'status-updates'];

/** The update cadence the record itself states, in minutes, with the heading that states it. */
function statedCadence(model: IncidentModel): { minutes: number; where: string } | undefined {
  for (const id of CADENCE_SECTIONS) {
    const section = sectionById(model, id);
    const text = section && firstParagraph(model.doc, section.bodyStartLine, section.endLine);
    const minutes =
      text && /\bevery\s+\d+\s*(?:min|h)|\bhourly\b|\bevery hour\b/i.test(text) ? cadenceMinutes(text) : undefined;
    if (section && minutes) return { minutes, where: section.heading.text };
  }
  return undefined;
}

/** When the next update is due and why: the severity's cadence, else the one the record states, else every DEFAULT_UPDATE_MINUTES. */
function nextUpdate(model: IncidentModel, profile: Profile, now: Date): string {
  const severity = model.severity;
  if (severity && updatesOnResolution(severity.updateCadence))
    return `when the incident is resolved (${severity.id}: update on resolution)`;
  const at = (minutes: number) => hhmm(new Date(now.getTime() + minutes * 60_000));
  const cadence = cadenceMinutes(severity?.updateCadence);
  if (severity && cadence) return `${at(cadence)} (${severity.id}: every ${cadence} minutes)`;
  const stated = statedCadence(model);
  if (stated) return `${at(stated.minutes)} (every ${stated.minutes} minutes, as the ${stated.where} section says)`;
  const why = severity ? `${severity.id} has no update cadence in the ${profile.name} profile` : 'severity unknown';
  return `${at(DEFAULT_UPDATE_MINUTES)} (${why}; every ${DEFAULT_UPDATE_MINUTES} minutes)`;
}

/** The INCIDENT RESOLVED message for the record, as of `now`. */
export function resolutionNotice(doc: MarkdownDocument, kind: DocumentKind, profile: Profile, now: Date): string {
  const model = readIncident(doc, kind, profile);
  const affected =
    findField(model.fields, ['service', 'services', 'affected systems', 'affected services'])?.value ??
    (stripTitlePrefix(doc.title?.text ?? '') || 'the service');
  const found = milestones(model.timeline ?? []);
  const start = found.start?.minutes;
  const end = found.resolution?.minutes;
  const stated = findField(model.fields, ['duration'])?.value;
  const duration =
    start !== undefined && end !== undefined && end >= start
      ? formatDuration(end - start)
      : stated && !/^</.test(stated)
        ? stated
        : 'not yet known (the timeline has no start and resolution times)';
  const rootCauseSection = sectionByRole(model, SECTION_ROLES.rootCause);
  const rootCause = rootCauseSection
    ? firstParagraph(doc, rootCauseSection.bodyStartLine, rootCauseSection.endLine)
    : undefined;
  const sentence = rootCause ? (/^(.+?[.!?])(\s|$)/.exec(rootCause)?.[1] ?? rootCause) : 'under investigation.';
  return [
    `INCIDENT RESOLVED — ${hhmm(now)}`,
    `The issue affecting ${affected} has been resolved.`,
    `Duration: ${duration}`,
    `Root cause: ${sentence}`,
    postmortemPromise(profile, model),
  ].join('\n');
}

/** The notice's last line: when the postmortem follows, by the profile's deadline, or that the severity needs none. */
export function postmortemPromise(profile: Profile, model: Pick<IncidentModel, 'severity'>): string {
  if (model.severity?.requiresPostmortem === false)
    return `No postmortem is planned: ${model.severity.id} incidents do not require one.`;
  const hours = profile.postmortemDeadlineHours;
  return hours === undefined
    ? 'A postmortem will be shared with the team.'
    : `Postmortem will be shared within ${hours} hours.`;
}

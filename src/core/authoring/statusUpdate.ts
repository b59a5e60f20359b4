// Builds the status update and resolution notice messages (seed 004's INCIDENT UPDATE / INCIDENT RESOLVED) from a record.
import type { MarkdownDocument } from '../markdown/model';
import { readIncident, sectionById, sectionByRole, SECTION_ROLES, type IncidentModel } from '../postmortem/model';
import { findField } from '../postmortem/fields';
import type { DocumentKind, Profile } from '../profiles/types';
import { milestones } from '../timeline/timeline';
import { formatDuration } from '../templates/templates';

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
  if (fallback) sections.push(model.doc.sections.find((s) => s.heading !== model.doc.title && fallback.test(s.heading.text)));
  for (const section of sections) {
    if (!section) continue;
    const text = firstParagraph(model.doc, section.bodyStartLine, section.endLine);
    if (text) return text;
  }
  return undefined;
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

/** The INCIDENT UPDATE message for the record, as of `now`. */
export function statusUpdate(doc: MarkdownDocument, kind: DocumentKind, profile: Profile, now: Date): string {
  const model = readIncident(doc, kind, profile);
  const status = findField(model.fields, ['status'])?.value || 'Investigating';
  const impact = sectionParagraph(model, ['impact', 'boundary'], /\bimpact\b/i) ?? sectionParagraph(model, ['summary']) ?? 'Being assessed.';
  const last = [...(model.timeline ?? [])].reverse().find((e) => e.text);
  const current = last?.text ?? 'Investigating.';
  const cadence = cadenceMinutes(model.severity?.updateCadence);
  const every = cadence ?? DEFAULT_UPDATE_MINUTES;
  const next = new Date(now.getTime() + every * 60_000);
  const why = model.severity
    ? cadence ? `${model.severity.id}: every ${every} minutes` : `${model.severity.id} has no update cadence in the ${profile.name} profile; every ${every} minutes`
    : `severity unknown; every ${every} minutes`;
  return [
    `INCIDENT UPDATE — ${hhmm(now)}`,
    `Status: ${status}`,
    `Impact: ${impact}`,
    `Current action: ${current}`,
    `ETA: ${/resolved/i.test(status) ? 'Resolved' : 'Investigating'}`,
    `Next update: ${hhmm(next)} (${why})`,
  ].join('\n');
}

/** The INCIDENT RESOLVED message for the record, as of `now`. */
export function resolutionNotice(doc: MarkdownDocument, kind: DocumentKind, profile: Profile, now: Date): string {
  const model = readIncident(doc, kind, profile);
  const affected = findField(model.fields, ['service', 'services', 'affected systems', 'affected services'])?.value
    ?? doc.title?.text.replace(/^(?:post-?mortem|incident|post-mortem)\s*:\s*/i, '') ?? 'the service';
  const found = milestones(model.timeline ?? []);
  const start = found.start?.minutes;
  const end = found.resolution?.minutes;
  const stated = findField(model.fields, ['duration'])?.value;
  const duration = start !== undefined && end !== undefined && end >= start ? formatDuration(end - start) : stated && !/^</.test(stated) ? stated : 'not yet known (the timeline has no start and resolution times)';
  const rootCauseSection = sectionByRole(model, SECTION_ROLES.rootCause);
  const rootCause = rootCauseSection ? firstParagraph(doc, rootCauseSection.bodyStartLine, rootCauseSection.endLine) : undefined;
  const sentence = rootCause ? (/^(.+?[.!?])(\s|$)/.exec(rootCause)?.[1] ?? rootCause) : 'under investigation.';
  return [
    `INCIDENT RESOLVED — ${hhmm(now)}`,
    `The issue affecting ${affected} has been resolved.`,
    `Duration: ${duration}`,
    `Root cause: ${sentence}`,
    'Postmortem will be shared within 48 hours.',
  ].join('\n');
}

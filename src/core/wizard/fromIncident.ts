// Starts a wizard draft from a live incident record: its title, severity, times, services, commander and what it says is broken.
import { summarizeIncident } from '../incident/summary';
import { findField } from '../postmortem/fields';
import { sectionById, type IncidentModel } from '../postmortem/model';
import type { Profile } from '../profiles/types';
import { isOnlyPlaceholder } from '../rules/placeholders';
import { firstParagraph } from '../authoring/statusUpdate';
import { milestones, type Milestone } from '../timeline/timeline';
import { emptyDraft, MAX_FIELD_CHARS, MAX_LIST_ENTRIES, type WizardDraft } from './draft';

/** Where a record says what is broken, in order of preference. */
const BROKEN_SECTION_IDS = ['triage', 'boundary', 'summary', 'impact', 'evidence'];

const TIME_FIELDS: ReadonlyArray<[Milestone, 'started' | 'detected' | 'mitigated' | 'resolved']> = [
  ['start', 'started'],
  ['detection', 'detected'],
  ['mitigation', 'mitigated'],
  ['resolution', 'resolved'],
];

/** A value worth carrying over: not empty, not just template blanks. */
function real(text: string | undefined): string {
  const t = (text ?? '').trim();
  return t && !isOnlyPlaceholder(t) ? t : '';
}

function sectionBody(model: IncidentModel, id: string): string {
  const section = sectionById(model, id);
  if (!section) return '';
  return real(model.doc.lines.slice(section.bodyStartLine, section.endLine).join('\n')).slice(0, MAX_FIELD_CHARS);
}

/** `YYYY-MM-DDTHH:MM` of minutes since 1970 UTC. */
function dateTimeOf(minutes: number): string {
  return new Date(minutes * 60_000).toISOString().slice(0, 16);
}

/**
 * A draft filled from the live incident record `text`: the title (without "Incident:"), the
 * severity when the profile's scale knows it, start / detection / mitigation / resolution
 * times from its timeline (only dated ones), the services and incident commander from its
 * header, what is broken from its triage, boundary or summary, and its impact, summary and
 * evidence text for the Document phase. Template blanks are not carried over.
 */
export function draftFromIncidentRecord(profile: Profile, text: string, path = ''): WizardDraft {
  // The one summary of the record gives title, severity, timeline and services, as every view reads them.
  const summary = summarizeIncident({ path, text, profile, kind: 'incident' });
  const { model } = summary;
  const { doc } = model;
  const draft = emptyDraft();
  const a = draft.assess;
  a.title = real(summary.title).slice(0, 500);
  a.severity = summary.severityLevel?.id ?? '';
  const found = milestones(summary.timeline ?? []);
  for (const [milestone, field] of TIME_FIELDS) {
    const entry = found[milestone];
    if (entry?.dated && entry.minutes !== undefined) a[field] = dateTimeOf(entry.minutes);
  }
  a.services = summary.services
    .map(real)
    .filter(Boolean)
    .slice(0, MAX_LIST_ENTRIES)
    .map((s) => s.slice(0, 500));
  a.incidentCommander = real(findField(model.fields, ['incident commander', 'commander', 'ic'])?.value).slice(0, 500);
  for (const id of BROKEN_SECTION_IDS) {
    const section = sectionById(model, id);
    const paragraph = section ? real(firstParagraph(doc, section.bodyStartLine, section.endLine)) : '';
    if (paragraph) {
      a.whatIsBroken = paragraph.slice(0, MAX_FIELD_CHARS);
      break;
    }
  }
  draft.document.summary = sectionBody(model, 'summary');
  draft.document.impact = sectionBody(model, 'impact');
  const postmortemIds = new Set((profile.documents.postmortem?.sections ?? []).map((s) => s.id));
  for (const id of ['evidence', 'containment']) {
    const body = postmortemIds.has(id) ? sectionBody(model, id) : '';
    if (body) draft.document.otherSections[id] = body;
  }
  return draft;
}

// Starts a wizard draft from a live incident record: its title, severity, times, services, commander and what it says is broken.
import { parseMarkdown } from '../markdown/model';
import { findField } from '../postmortem/fields';
import { readIncident, sectionById, type IncidentModel } from '../postmortem/model';
import type { Profile } from '../profiles/types';
import { isOnlyPlaceholder } from '../rules/placeholders';
import { SERVICE_FIELD_NAMES } from '../slo/attribution';
import { firstParagraph } from '../authoring/statusUpdate';
import { milestones, type Milestone } from '../timeline/timeline';
import { emptyDraft, MAX_FIELD_CHARS, MAX_LIST_ENTRIES, type WizardDraft } from '../../webview/protocol';

/** Fields that name the affected services in a record, beyond those the SLO attribution reads. */
const SERVICE_FIELDS = [...SERVICE_FIELD_NAMES, 'affected systems'];

/** Where a record says what is broken, in order of preference. */
const BROKEN_SECTION_IDS = ['triage', 'boundary', 'summary', 'impact', 'evidence'];

const TIME_FIELDS: ReadonlyArray<[Milestone, 'started' | 'detected' | 'mitigated' | 'resolved']> = [
  ['start', 'started'], ['detection', 'detected'], ['mitigation', 'mitigated'], ['resolution', 'resolved'],
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
export function draftFromIncidentRecord(profile: Profile, text: string): WizardDraft {
  const doc = parseMarkdown(text);
  const model = readIncident(doc, 'incident', profile);
  const draft = emptyDraft();
  const a = draft.assess;
  a.title = real((doc.title?.text ?? '').replace(/^incident\s*:\s*/i, '')).slice(0, 500);
  a.severity = model.severity?.id ?? '';
  const found = milestones(model.timeline ?? []);
  for (const [milestone, field] of TIME_FIELDS) {
    const entry = found[milestone];
    if (entry?.dated && entry.minutes !== undefined) a[field] = dateTimeOf(entry.minutes);
  }
  const services = real(findField(model.fields, SERVICE_FIELDS)?.value);
  a.services = services.split(/\s*(?:,|;|\band\b|&)\s*/).map((s) => s.replace(/[`*_]/g, '').trim()).filter(Boolean).slice(0, MAX_LIST_ENTRIES).map((s) => s.slice(0, 500));
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

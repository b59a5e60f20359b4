// The incident document model rules read: matched sections, header fields, severity, action items, timeline.
import { normalizeHeading } from '../markdown/headingText';
import { documentView, type MarkdownDocument, type Section } from '../markdown/model';
import type { DocumentKind, Profile, SeverityLevel } from '../profiles/types';
import { readTimeline, type TimelineEntry } from '../timeline/timeline';
import { readActionItems, type ActionItems } from './actionItems';
import type { CalendarDate } from './dates';
import { readFields, readSeverity, type Field } from './fields';
import { readIncidentDate } from './incidentDate';
import { matchSections, type SectionMatch } from './sections';

/** Everything the rules know about one incident document. */
export interface IncidentModel {
  readonly doc: MarkdownDocument;
  readonly kind: DocumentKind;
  readonly profile: Profile;
  /** The profile's sections for this kind, each with the document section providing it. */
  readonly sections: readonly SectionMatch[];
  readonly fields: readonly Field[];
  /** The severity field, when the document states one (else where a sentence names it, see `readSeverity`). */
  readonly severityField: Field | undefined;
  /** The scale level it names, when it names one. */
  readonly severity: SeverityLevel | undefined;
  /** The incident date from the front matter, a Date field or the title (`readIncidentDate` without path or timeline). */
  readonly date: CalendarDate | undefined;
  /** The action items of the Action Items section and of every other follow-up section; undefined without any. */
  readonly actionItems: ActionItems | undefined;
  readonly timeline: readonly TimelineEntry[] | undefined;
}

/** Reads (once per document, kind and profile) the model of an incident document. */
export function readIncident(doc: MarkdownDocument, kind: DocumentKind, profile: Profile): IncidentModel {
  const perDoc = documentView(doc, 'incident', () => new Map<string, IncidentModel>());
  const key = `${kind}\u0000${profile.name}`;
  const hit = perDoc.get(key);
  if (hit && hit.profile === profile) return hit;
  const model = build(doc, kind, profile);
  perDoc.set(key, model);
  return model;
}

/** The section providing the profile section with `id`, if the document has it. */
export function sectionById(model: IncidentModel, id: string): Section | undefined {
  return model.sections.find((m) => m.spec.id === id)?.section;
}

/** Section ids that hold action items, timelines and so on, across profiles. */
export const SECTION_ROLES = {
  actionItems: ['action-items'],
  timeline: ['timeline'],
  rootCause: ['root-cause', 'root-causes', 'five-whys'],
  contributingFactors: ['contributing-factors'],
} as const;

/** The heading new postmortems give the commits made in the incident window, under the root cause. */
export const INCIDENT_WINDOW_HEADING = 'Changes in the incident window';

/** Sub-section headings (normalised) under a root cause that hold evidence gathered for it, not the statement of the cause. */
const EVIDENCE_HEADINGS: ReadonlySet<string> = new Set(
  [
    INCIDENT_WINDOW_HEADING,
    'Recent changes',
    'Recent deploys',
    'Recent commits',
    'Commits in the incident window',
    'Deploys in the incident window',
  ].map(normalizeHeading),
);

/**
 * The lines of `section` that are not its statement: its sub-sections that list evidence (the commits in the
 * incident window a new postmortem writes under the root cause), heading included. Empty for most sections.
 */
export function evidenceLines(doc: MarkdownDocument, section: Section): ReadonlySet<number> {
  const lines = new Set<number>();
  const own = section.heading.level;
  for (let i = 0; i < doc.headings.length; i++) {
    const h = doc.headings[i];
    if (
      h.line < section.bodyStartLine ||
      h.line >= section.endLine ||
      h.level <= own ||
      !EVIDENCE_HEADINGS.has(normalizeHeading(h.text))
    )
      continue;
    let end = section.endLine;
    for (let j = i + 1; j < doc.headings.length; j++) {
      if (doc.headings[j].level <= h.level) {
        end = Math.min(end, doc.headings[j].line);
        break;
      }
    }
    for (let line = h.line; line < end; line++) lines.add(line);
  }
  return lines;
}

/** The first section present among `ids`. */
export function sectionByRole(model: IncidentModel, ids: readonly string[]): Section | undefined {
  for (const id of ids) {
    const section = sectionById(model, id);
    if (section) return section;
  }
  return undefined;
}

function build(doc: MarkdownDocument, kind: DocumentKind, profile: Profile): IncidentModel {
  const specs = profile.documents[kind]?.sections ?? [];
  const sections = matchSections(doc, specs);
  const fields = readFields(doc);
  const { field: severityField, level: severity } = readSeverity(doc, fields, profile);
  // The path and the timeline are not known here: the summary (core/incident) reads the date from them too.
  const date = readIncidentDate({ fields, title: doc.title?.text })?.date;
  const model: IncidentModel = {
    doc,
    kind,
    profile,
    sections,
    fields,
    severityField,
    severity,
    date,
    actionItems: undefined,
    timeline: undefined,
  };
  const actionSection = sectionByRole(model, SECTION_ROLES.actionItems);
  const timelineSection = sectionByRole(model, SECTION_ROLES.timeline);
  return {
    ...model,
    actionItems: readActionItems(doc, actionSection),
    timeline: timelineSection ? readTimeline(doc, timelineSection, date) : undefined,
  };
}

// Carries a live incident record's facts (title, date, severity, timeline, evidence) into the values of a new postmortem.
import type { MarkdownDocument } from '../markdown/model';
import { readIncident, sectionById } from '../postmortem/model';
import type { Profile } from '../profiles/types';
import type { TemplateEvent, TemplateValues } from '../templates/templates';

/** The template values of a postmortem that continues the incident record `doc`. */
export function postmortemValuesFromIncident(doc: MarkdownDocument, profile: Profile, today: string): TemplateValues {
  const model = readIncident(doc, 'incident', profile);
  const title = (doc.title?.text ?? 'Incident').replace(/^incident\s*:\s*/i, '').trim() || 'Incident';
  const date = model.date
    ? `${model.date.year}-${String(model.date.month).padStart(2, '0')}-${String(model.date.day).padStart(2, '0')}`
    : today;
  // A template row with a blank left in it (`Incident started: <first error>`) is not an event yet.
  const timeline: TemplateEvent[] = (model.timeline ?? [])
    .filter((e) => e.text && !/<[^<>\n]+>/.test(doc.lines[e.line] ?? ''))
    .map((e) => ({ time: e.timeText, event: e.text }));
  const evidenceSection = sectionById(model, 'evidence');
  const evidence = evidenceSection
    ? doc.lines.slice(evidenceSection.bodyStartLine, evidenceSection.endLine).join('\n').trim()
    : undefined;
  const commander = model.fields.find((f) => /incident commander/i.test(f.name))?.value;
  return {
    title,
    date,
    severity: model.severity?.id,
    timeline: timeline.length ? timeline : undefined,
    evidence: evidence || undefined,
    incidentCommander: commander && !/^</.test(commander) ? commander : undefined,
  };
}

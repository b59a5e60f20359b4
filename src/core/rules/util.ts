// Small helpers rules share: the incident model of a context and where to report document-level problems.
import { range, type Range } from '../markdown/position';
import type { Section } from '../markdown/model';
import { findField } from '../postmortem/fields';
import { readIncident, sectionByRole, SECTION_ROLES, type IncidentModel } from '../postmortem/model';
import type { RuleContext } from './types';

/** The incident model of the document being linted (read once, shared by all rules). */
export function incident(context: RuleContext): IncidentModel {
  return readIncident(context.doc, context.kind, context.profile);
}

/** The title line, or the first non-empty line after front matter: where document-level problems go. */
export function documentAnchor(context: RuleContext): Range {
  const { doc } = context;
  let line = doc.title?.line;
  if (line === undefined) {
    const from = doc.frontMatter ? doc.frontMatter.endLine + 1 : 0;
    line = Math.min(from, Math.max(0, doc.lines.length - 1));
    for (let i = from; i < doc.lines.length; i++) {
      if (doc.lines[i].trim()) {
        line = i;
        break;
      }
    }
  }
  return range(line, 0, line, doc.lines[line]?.length ?? 0);
}

/** A section's heading line. */
export function headingRange(section: Section): Range {
  return section.heading.range;
}

/** The text of a section's body (subsections included), lines joined with newlines. */
export function sectionText(
  context: RuleContext,
  section: Section,
  lines: readonly string[] = context.doc.lines,
): string {
  return lines.slice(section.bodyStartLine, section.endLine).join('\n');
}

/** The section that plays `role` (action items, timeline, ...) in the document, if present. */
export function sectionByRoleOf(model: IncidentModel, role: keyof typeof SECTION_ROLES): Section | undefined {
  return sectionByRole(model, SECTION_ROLES[role]);
}

/** A Status value that says the incident is over. */
const RESOLVED_STATUS = /^\W*(?:resolved|closed|complete|completed|done)\b/i;

/** A timeline event that declares the incident over: "Resolved", "Incident closed", "Declared resolved", "All clear". */
const DECLARED_OVER =
  /^\W*(?:resolved|closed)\b|\b(?:incident|issue|outage)\s+(?:is\s+|was\s+)?(?:resolved|closed|over|ended)\b|\b(?:declared|marked)\s+(?:\w+\s+)?(?:resolved|closed)\b|\ball[- ]clear\b/i;

/**
 * Where the document says the incident is over: its Status field when that says resolved (or closed, done); a record
 * with no Status field, at the first timeline event that declares it resolved; else undefined.
 */
export function resolvedAt(model: IncidentModel): Range | undefined {
  const status = findField(model.fields, ['Status']);
  if (status) return RESOLVED_STATUS.test(status.value) ? status.range : undefined;
  if (model.kind !== 'incident') return undefined;
  return model.timeline?.find((e) => DECLARED_OVER.test(e.text))?.range;
}

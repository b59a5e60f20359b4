// PM001, RB001 and IN002: a document lacks a section its profile requires.
import { documentVariant } from '../lint/documentKind';
import { SECTION_ROLES } from '../postmortem/model';
import type { DocumentKind } from '../profiles/types';
import type { Rule, RuleContext, RuleReport } from './types';
import { documentAnchor, incident } from './util';

/**
 * Where a missing section is reported: the title line (the first level-1 heading), or the
 * first line of the document when it has no title. Stable, so a reviewer can find it.
 */
export function missingSectionReports(context: RuleContext): RuleReport[] {
  const spec = context.profile.documents[context.kind];
  if (!spec) return [];
  const at = documentAnchor(context);
  // An alert runbook and a procedure runbook need different sections; a document that shows neither needs every required one.
  const variant = documentVariant(context.doc, spec);
  const byDefault = spec.sections.filter((s) => s.required).map((s) => s.id);
  // A variant only narrows what the profile (and its configuration) requires.
  const required = variant ? byDefault.filter((id) => variant.required.includes(id)) : byDefault;
  // Messages name the variant only when it asks for less than the profile.
  const named = variant && required.length < byDefault.length ? variant : undefined;
  const model = incident(context);
  // Action items written where they arise ("Action point: ..." under a lesson) are the document's action items.
  const itemsElsewhere = (model.actionItems?.items.length ?? 0) > 0;
  return model.sections
    .filter(
      (m) =>
        required.includes(m.spec.id) &&
        !m.section &&
        !(itemsElsewhere && (SECTION_ROLES.actionItems as readonly string[]).includes(m.spec.id)),
    )
    .map((m) => ({
      message: named
        ? `Missing required section "${m.spec.title}" (${/^[aeiou]/i.test(named.title) ? 'an' : 'a'} ${named.title} needs it).`
        : `Missing required section "${m.spec.title}".`,
      range: at,
    }));
}

function missingSectionRule(
  id: string,
  kind: DocumentKind,
  noun: string,
  defaultSeverity: Rule['defaultSeverity'] = 'error',
): Rule {
  return {
    id,
    name: `${kind}-missing-section`,
    title: `A ${noun} lacks a section its profile requires`,
    defaultSeverity,
    kinds: [kind],
    check: missingSectionReports,
  };
}

export const PM001 = missingSectionRule('PM001', 'postmortem', 'postmortem');
export const RB001 = missingSectionRule('RB001', 'runbook', 'runbook');
/** A live record is written as the incident goes: a missing section is a warning unless the profile's gate asks for it (prodcraft). */
export const IN002 = missingSectionRule('IN002', 'incident', 'live incident record', 'warning');

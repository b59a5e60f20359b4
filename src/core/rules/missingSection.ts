// PM001 and RB001: a document lacks a section its profile requires.
import { matchSections } from '../postmortem/sections';
import type { DocumentKind } from '../profiles/types';
import type { Rule, RuleContext, RuleReport } from './types';
import { documentAnchor } from './util';

/**
 * Where a missing section is reported: the title line (the first level-1 heading), or the
 * first line of the document when it has no title. Stable, so a reviewer can find it.
 */
export function missingSectionReports(context: RuleContext): RuleReport[] {
  const spec = context.profile.documents[context.kind];
  if (!spec) return [];
  const at = documentAnchor(context);
  return matchSections(context.doc, spec.sections)
    .filter((m) => m.spec.required && !m.section)
    .map((m) => ({ message: `Missing required section "${m.spec.title}".`, range: at }));
}

function missingSectionRule(id: string, kind: DocumentKind, noun: string): Rule {
  return {
    id,
    name: `${kind}-missing-section`,
    title: `A ${noun} lacks a section its profile requires`,
    defaultSeverity: 'error',
    kinds: [kind],
    check: missingSectionReports,
  };
}

export const PM001 = missingSectionRule('PM001', 'postmortem', 'postmortem');
export const RB001 = missingSectionRule('RB001', 'runbook', 'runbook');

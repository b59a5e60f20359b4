// PM016: the workspace has no SLO definitions and the postmortem does not take that gap on as a P0 action item (seed 000).
import { isP0 } from '../incident/summary';
import { sectionById } from '../postmortem/model';
import type { Profile } from '../profiles/types';
import type { Rule, RuleReport } from './types';
import { documentAnchor, incident } from './util';

/** Words of an action item that establishes SLOs. */
const SLO_WORDS = /\bSLOs?\b|\bSLIs?\b|service[- ]level objectives?|error budgets?/i;

/** Where the SLO starter template goes: `slo-template.yaml` in the profile's runbook folder (harness: docs/runbooks). */
export function sloTemplatePath(profile: Profile): string {
  const folder = (profile.documents.runbook?.folder ?? 'docs/runbooks').replace(/\/+$/, '');
  return folder === '' || folder === '.' ? 'slo-template.yaml' : `${folder}/slo-template.yaml`;
}

export const PM016: Rule = {
  id: 'PM016',
  name: 'slo-definitions-missing',
  title: 'The workspace has no SLO definitions and no P0 action item establishes them',
  defaultSeverity: 'warning',
  kinds: ['postmortem'],
  check(context): RuleReport[] {
    // Only when the workspace was searched (the CLI and the editor say so); a document linted alone says nothing.
    if (context.sloFileMissing !== true) return [];
    const model = incident(context);
    const items = model.actionItems?.items ?? [];
    if (items.some((i) => isP0(i) && SLO_WORDS.test(i.action))) return [];
    const impact = sectionById(model, 'impact');
    return [
      {
        message: `No SLO definitions found (the workspace has no slo.yaml), so the error budget this incident consumed cannot be computed; the missing SLOs are themselves a finding: add a P0 action item to establish baseline SLOs. A starter template goes in ${sloTemplatePath(context.profile)}.`,
        range: impact ? impact.heading.range : documentAnchor(context),
      },
    ];
  },
};

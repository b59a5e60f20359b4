// PM015: an incident that consumed more than 20% of its window's error budget has no P0 action item.
import { summarizeIncident } from '../incident/summary';
import { formatMinutes, formatPercent, roundTo } from '../metrics/format';
import { sectionByRole, SECTION_ROLES } from '../postmortem/model';
import type { Rule, RuleContext, RuleReport } from '../rules/types';
import { documentAnchor } from '../rules/util';
import { budgetMinutes, incidentImpact, incidentShare, P0_SHARE_THRESHOLD } from './budget';
import type { SloDefinition } from './types';
import { describeWindow, periodAt } from './window';

export const PM015: Rule = {
  id: 'PM015',
  name: 'budget-without-p0',
  title: 'An incident that consumed more than 20% of the error budget has no P0 action item',
  defaultSeverity: 'warning',
  kinds: ['postmortem'],
  check(context: RuleContext): RuleReport[] {
    // The SLOs and the path (its file name ties the document to a service) come with the lint options.
    const { slos, path } = context;
    if (!slos || slos.length === 0) return [];
    const summary = summarizeIncident({
      path: path ?? '',
      doc: context.doc,
      profile: context.profile,
      kind: context.kind,
    });
    if ((summary.actionItemCounts?.p0 ?? 0) > 0) return [];
    const impact = incidentImpact(summary, slos);
    if (impact.consumedMinutes === null) return [];
    const over = slos
      .filter((s) => impact.attribution.services.includes(s.service))
      .map((slo) => ({ slo, share: incidentShare(impact, slo) }))
      .filter((x): x is { slo: SloDefinition; share: number } => x.share !== null && x.share > P0_SHARE_THRESHOLD)
      .sort((a, b) => b.share - a.share);
    if (over.length === 0) return [];
    const { slo, share } = over[0];
    const period = periodAt(slo.window, impact.start ?? 0);
    const budget = budgetMinutes(slo, period.end - period.start);
    const assumed = impact.assumption ? `; ${impact.assumption}` : '';
    const section = sectionByRole(summary.model, SECTION_ROLES.actionItems);
    return [
      {
        message: `This incident consumed ${formatPercent(share)} of the error budget of ${slo.service} (${formatMinutes(roundTo(impact.consumedMinutes, 1))} of ${formatMinutes(roundTo(budget, 1))}, ${slo.objective}% over ${describeWindow(slo.window)}${assumed}); above ${formatPercent(P0_SHARE_THRESHOLD)} the error-budget policy asks for at least one P0 action item.`,
        range: section ? section.heading.range : documentAnchor(context),
      },
    ];
  },
};

// The error-budget report as JSON (the CLI's exact shape) and as text (CLI, "Show Error Budget", Markdown-friendly).
import { formatDate, formatMinutes, formatPercent, formatUtc, roundTo } from '../metrics/format';
import type { BudgetReport, IncidentImpact, SloBudget } from './budget';
import { describeWindow } from './window';

/** One incident in the JSON report. */
export interface BudgetJsonIncident {
  readonly path: string;
  /** Rounded to 0.1; null when the duration cannot be computed. */
  readonly consumedMinutes: number | null;
  /** consumed ÷ budget, rounded to 4 decimals; null with consumedMinutes. */
  readonly share: number | null;
}

/** One SLO in the JSON report. */
export interface BudgetJsonSlo {
  readonly name: string;
  readonly service: string;
  readonly objective: number;
  readonly windowDays: number;
  readonly budgetMinutes: number;
  readonly consumedMinutes: number;
  readonly remainingMinutes: number;
  readonly exhausted: boolean;
  readonly incidents: readonly BudgetJsonIncident[];
}

/** `incident-workbench slo --format json`, exactly: `{"slos":[...]}`. */
export function budgetJson(report: BudgetReport): { slos: BudgetJsonSlo[] } {
  return {
    slos: report.slos.map((b) => ({
      name: b.slo.name,
      service: b.slo.service,
      objective: b.slo.objective,
      windowDays: roundTo(b.windowDays, 2),
      budgetMinutes: roundTo(b.budgetMinutes, 1),
      consumedMinutes: roundTo(b.consumedMinutes, 1),
      remainingMinutes: roundTo(b.remainingMinutes, 1),
      exhausted: b.exhausted,
      incidents: b.incidents.map((i) => ({
        path: i.impact.incident.path,
        consumedMinutes: i.consumedMinutes === null ? null : roundTo(i.consumedMinutes, 1),
        share: i.share === null ? null : roundTo(i.share, 4),
      })),
    })),
  };
}

const MOMENT_WORDS: Record<BudgetReport['atSource'], string> = {
  'as-of': 'the date asked for',
  incident: 'the end of the incident',
  'latest incident': 'the end of the latest incident',
  now: 'now',
};

/** The report as plain text (valid Markdown), one block per SLO, assumptions stated where they are made. */
export function budgetText(report: BudgetReport, sloFile: string): string {
  const out: string[] = [];
  out.push(`Error budgets from ${sloFile}, windows ending ${formatUtc(report.at)} (${MOMENT_WORDS[report.atSource]}).`);
  if (report.focus) {
    const f = report.focus;
    out.push(
      `Incident ${f.incident.path}: ${f.attribution.services.length ? `service ${f.attribution.services.join(', ')} (from its ${f.attribution.source})` : 'no service found (add a "Service:" field)'}.`,
    );
  }
  if (report.slos.length === 0)
    out.push('', report.focus ? "No SLO in the file is for this incident's service." : 'The file defines no SLO.');
  for (const b of report.slos) out.push('', ...sloBlock(b));
  const unattributed = report.impacts.filter((i) => i.attribution.services.length === 0);
  if (!report.focus && unattributed.length > 0) {
    out.push('', `Not counted, no service found (add a "Service:" field naming a service of ${sloFile}):`);
    for (const i of unattributed) out.push(`  - ${i.incident.path}`);
  }
  return out.join('\n');
}

function sloBlock(b: SloBudget): string[] {
  const lines: string[] = [];
  const title = b.slo.name === b.slo.service ? b.slo.service : `${b.slo.name} (${b.slo.service})`;
  lines.push(
    `${title}: ${b.slo.objective}% over ${describeWindow(b.slo.window)}, ${formatUtc(b.period.start).slice(0, 10)} to ${formatUtc(b.period.end).slice(0, 10)}`,
  );
  for (const a of b.slo.assumptions) lines.push(`  Note: ${a}.`);
  lines.push(
    `  Budget: ${formatMinutes(roundTo(b.budgetMinutes, 1))} of full outage (${roundTo(b.windowDays, 2)} days × ${roundTo(100 - b.slo.objective, 4)}%)`,
  );
  if (b.incidents.length === 0) lines.push('  No incident of this service in the window.');
  for (const i of b.incidents) lines.push(`  - ${incidentLine(i.impact, i.share)}`);
  const share = b.budgetMinutes > 0 ? ` (${formatPercent(b.consumedMinutes / b.budgetMinutes)})` : '';
  lines.push(
    `  Consumed: ${formatMinutes(roundTo(b.consumedMinutes, 1))}${share}. Remaining: ${formatMinutes(roundTo(b.remainingMinutes, 1))}.`,
  );
  const unknown = b.incidents.filter((i) => i.consumedMinutes === null).length;
  if (unknown > 0)
    lines.push(
      `  ${unknown} incident${unknown === 1 ? '' : 's'} not counted: duration unknown, so the remaining budget may be lower.`,
    );
  if (b.exhausted)
    lines.push(
      `  Budget exhausted: freeze features for ${b.slo.service} and spend the time on reliability until the budget recovers.`,
    );
  return lines;
}

function incidentLine(impact: IncidentImpact, share: number | null): string {
  const date = impact.incident.date ? `${formatDate(impact.incident.date)} ` : '';
  const head = `${date}${impact.incident.path}`;
  if (impact.consumedMinutes === null || impact.durationMinutes === null) {
    return `${head}: duration unknown (${impact.incident.metrics.duration.reason ?? 'no start or resolution'}), not counted`;
  }
  const fraction =
    impact.affected.kind === 'stated'
      ? `${formatPercent(impact.fraction)} affected`
      : `100% (${impact.assumption}; state it as "Affected requests: 40%")`;
  const pct = share === null ? '' : `, ${formatPercent(share)} of the budget`;
  return `${head}: ${formatMinutes(impact.durationMinutes)} × ${fraction} = ${formatMinutes(roundTo(impact.consumedMinutes, 1))}${pct}`;
}

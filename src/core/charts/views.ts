// What a chart shows, independent of how it is drawn: the trend charts of the index and the error budget of each SLO, each with the data table that reads the same numbers.
import { formatMinutes, formatPercent, formatUtc, roundTo } from '../metrics/format';
import { incidentTrends, type IncidentTrends } from '../incidentIndex/trends';
import type { IncidentSummary } from '../incident/summary';
import type { BudgetReport, SloBudget } from '../slo/budget';
import { describeWindow } from '../slo/window';

/** One series: bars stack per category; a step series holds its level until the next point. */
export interface ChartSeries {
  readonly name: string;
  readonly kind: 'bar' | 'step';
  /** x: the category's index, or minutes since 1970 UTC on a time axis; y null when unknown. */
  readonly points: ReadonlyArray<{ readonly x: number; readonly y: number | null }>;
}

/** A table of the chart's numbers, read by screen readers and keyboard users instead of the picture. */
export interface ChartTable {
  readonly caption: string;
  readonly headers: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

/** One chart. Every string is plain text (renderers set it as text, never as HTML). */
export interface ChartView {
  /** Stable within a page, `[a-z0-9-]` only (used in element ids). */
  readonly id: string;
  readonly title: string;
  /** One sentence that says what the chart shows, for the picture's accessible name. */
  readonly summary: string;
  readonly yLabel: string;
  /** How y values are labelled on the axis. */
  readonly formatY: 'minutes' | 'count';
  /** Months or other categories, or a time span with labelled ticks. */
  readonly x:
    | { readonly kind: 'category'; readonly labels: readonly string[] }
    | {
        readonly kind: 'time';
        readonly start: number;
        readonly end: number;
        readonly ticks: ReadonlyArray<{ readonly at: number; readonly label: string }>;
      };
  readonly series: readonly ChartSeries[];
  /** Points marked on a time axis (one per incident), with a label. */
  readonly markers?: ReadonlyArray<{ readonly x: number; readonly y: number; readonly label: string }>;
  /** Forces the y axis to reach this value (e.g. the whole budget). */
  readonly yCeiling?: number;
  readonly yFloor?: number;
  readonly table: ChartTable;
  /** Lines said under the chart (assumptions, what was left out). */
  readonly notes: readonly string[];
}

/** The three trend charts of the index: median time to recover, median time to detect, incidents per month by severity. */
export function trendViews(incidents: readonly IncidentSummary[]): ChartView[] {
  return trendViewsOf(incidentTrends(incidents));
}

/** The trend charts of computed trends. */
export function trendViewsOf(trends: IncidentTrends): ChartView[] {
  const labels = trends.months.map((m) => m.month);
  const notes =
    trends.undated > 0
      ? [`${trends.undated} undated incident${trends.undated === 1 ? ' is' : 's are'} in no month.`]
      : [];
  const median = (id: string, title: string, pick: 'timeToRecover' | 'timeToDetect'): ChartView => ({
    id,
    title,
    summary: `${title}: bars per month, ${trends.months.length} months from ${labels[0] ?? '—'} to ${labels[labels.length - 1] ?? '—'}.`,
    yLabel: 'Minutes',
    formatY: 'minutes',
    x: { kind: 'category', labels },
    series: [{ name: 'Median', kind: 'bar', points: trends.months.map((m, i) => ({ x: i, y: m[pick].median })) }],
    table: {
      caption: title,
      headers: ['Month', 'Median', 'Incidents with a value'],
      rows: trends.months.map((m) => [
        m.month,
        m[pick].median === null ? '—' : formatMinutes(m[pick].median as number),
        String(m[pick].count),
      ]),
    },
    notes,
  });
  return [
    median('time-to-recover', 'Time to recover, median per month', 'timeToRecover'),
    median('time-to-detect', 'Time to detect, median per month', 'timeToDetect'),
    {
      id: 'incidents-per-month',
      title: 'Incidents per month by severity',
      summary: `Incidents per month by severity: stacked bars, ${trends.months.length} months, severities ${trends.severities.join(', ') || 'none'}.`,
      yLabel: 'Incidents',
      formatY: 'count',
      x: { kind: 'category', labels },
      series: trends.severities.map((s) => ({
        name: s,
        kind: 'bar' as const,
        points: trends.months.map((m, i) => ({ x: i, y: m.bySeverity[s] ?? 0 })),
      })),
      table: {
        caption: 'Incidents per month by severity',
        headers: ['Month', ...trends.severities, 'Total'],
        rows: trends.months.map((m) => [
          m.month,
          ...trends.severities.map((s) => String(m.bySeverity[s] ?? 0)),
          String(m.incidents),
        ]),
      },
      notes,
    },
  ];
}

/** One chart per SLO of the report: the budget remaining over its window, each counted incident a step down at its start. */
export function budgetViews(report: BudgetReport): ChartView[] {
  return report.slos.map((b, i) => budgetView(b, i));
}

function budgetView(b: SloBudget, index: number): ChartView {
  const title = b.slo.name === b.slo.service ? b.slo.service : `${b.slo.name} (${b.slo.service})`;
  const counted = b.incidents.filter((i) => i.consumedMinutes !== null && i.impact.start !== undefined);
  let remaining = b.budgetMinutes;
  const steps: Array<{ x: number; y: number }> = [];
  const markers: Array<{ x: number; y: number; label: string }> = [];
  const rows: string[][] = [
    ['window start', formatUtc(b.period.start), '—', formatMinutes(roundTo(b.budgetMinutes, 1))],
  ];
  for (const i of counted) {
    remaining -= i.consumedMinutes as number;
    const at = i.impact.start as number;
    steps.push({ x: at, y: remaining });
    const consumed = formatMinutes(roundTo(i.consumedMinutes as number, 1));
    markers.push({
      x: at,
      y: remaining,
      label: `${i.impact.incident.path}: ${consumed}${i.share === null ? '' : ` (${formatPercent(i.share)} of the budget)`}`,
    });
    rows.push([i.impact.incident.path, formatUtc(at), consumed, formatMinutes(roundTo(remaining, 1))]);
  }
  const notes: string[] = [];
  const uncounted = b.incidents.length - counted.length;
  if (uncounted > 0)
    notes.push(
      `${uncounted} incident${uncounted === 1 ? '' : 's'} not drawn: duration or start unknown, so the remaining budget may be lower.`,
    );
  if (b.exhausted)
    notes.push(
      `Budget exhausted: freeze features for ${b.slo.service} and spend the time on reliability until the budget recovers.`,
    );
  const last = steps.length ? steps[steps.length - 1].y : b.budgetMinutes;
  return {
    id: `budget-${index}`,
    title: `${title}: ${b.slo.objective}% over ${describeWindow(b.slo.window)}`,
    summary: `Error budget of ${title}: ${formatMinutes(roundTo(b.budgetMinutes, 1))} at ${formatUtc(b.period.start).slice(0, 10)}, ${counted.length} incident${counted.length === 1 ? '' : 's'} consumed ${formatMinutes(roundTo(b.consumedMinutes, 1))}, ${formatMinutes(roundTo(b.remainingMinutes, 1))} remaining.`,
    yLabel: 'Budget left',
    formatY: 'minutes',
    x: { kind: 'time', start: b.period.start, end: b.period.end, ticks: timeTicks(b.period.start, b.period.end) },
    series: [{ name: 'Budget remaining', kind: 'step', points: [{ x: b.period.start, y: b.budgetMinutes }, ...steps] }],
    markers,
    yCeiling: b.budgetMinutes,
    yFloor: Math.min(0, last),
    table: { caption: `Error budget of ${title}`, headers: ['Incident', 'Start', 'Consumed', 'Remaining after'], rows },
    notes,
  };
}

/** About five ticks over a span, on UTC midnights, labelled YYYY-MM-DD (or MM-DD inside one year). */
export function timeTicks(start: number, end: number, count = 5): Array<{ at: number; label: string }> {
  const days = Math.max(1, (end - start) / 1440);
  const stepDays = [1, 2, 7, 14, 30, 61, 91, 182, 365].find((d) => days / d <= count) ?? Math.ceil(days / count);
  const first = Math.ceil(start / 1440) * 1440;
  const sameYear = formatUtc(start).slice(0, 4) === formatUtc(end).slice(0, 4);
  const out: Array<{ at: number; label: string }> = [];
  for (let at = first; at <= end; at += stepDays * 1440)
    out.push({ at, label: formatUtc(at).slice(sameYear ? 5 : 0, 10) });
  return out;
}

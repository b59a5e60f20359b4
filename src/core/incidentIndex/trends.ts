// Incident trends per month, from the same summaries as the index table: median time to detect and recover, and incidents by severity; and their Mermaid charts.
import { niceTicks } from '../charts/geometry';
import { aggregate, stats, type Stats } from '../metrics/aggregate';
import { formatDate, formatMinutes } from '../metrics/format';
import type { IncidentSummary } from '../incident/summary';

/** The facts of one incident that the trends read. */
export interface TrendFacts {
  /** YYYY-MM, or undefined when the incident has no date. */
  readonly month: string | undefined;
  /** The severity as the index shows it; `(none)` when the document states none. */
  readonly severity: string;
  readonly ttdMinutes: number | null;
  readonly ttrMinutes: number | null;
}

/**
 * The one place the trends read an incident summary (the index table reads the same summary),
 * so a change to the summary's shape changes this function only.
 */
export function trendFacts(incident: IncidentSummary): TrendFacts {
  return {
    month: incident.date ? formatDate(incident.date).slice(0, 7) : undefined,
    severity: incident.severity ?? '(none)',
    ttdMinutes: incident.metrics.timeToDetect.minutes,
    ttrMinutes: incident.metrics.timeToRecover.minutes,
  };
}

/** One calendar month of the trends. */
export interface MonthTrend {
  /** YYYY-MM. */
  readonly month: string;
  readonly incidents: number;
  /** Incidents per severity, in the order of `IncidentTrends.severities`; severities without incidents this month are 0. */
  readonly bySeverity: Readonly<Record<string, number>>;
  /** Median (and mean) over the month's incidents whose time to detect could be computed. */
  readonly timeToDetect: Stats;
  readonly timeToRecover: Stats;
}

/** The trends of a set of incidents. */
export interface IncidentTrends {
  /** Every month from the first dated incident's to the last one's, months without incidents included. */
  readonly months: readonly MonthTrend[];
  /** The severities seen, most severe first (the index's order). */
  readonly severities: readonly string[];
  /** Incidents without a date: counted in the index, not in any month. */
  readonly undated: number;
}

/** Computes the trends per month of `incidents`. */
export function incidentTrends(incidents: readonly IncidentSummary[]): IncidentTrends {
  const severities = Object.keys(aggregate(incidents).bySeverity);
  const facts = incidents.map(trendFacts);
  const dated = facts.filter((f): f is TrendFacts & { month: string } => f.month !== undefined);
  const months: MonthTrend[] = [];
  for (const month of monthRange(dated.map((f) => f.month))) {
    const inMonth = dated.filter((f) => f.month === month);
    const bySeverity: Record<string, number> = {};
    for (const s of severities) bySeverity[s] = inMonth.filter((f) => f.severity === s).length;
    months.push({
      month,
      incidents: inMonth.length,
      bySeverity,
      timeToDetect: stats(inMonth.map((f) => f.ttdMinutes)),
      timeToRecover: stats(inMonth.map((f) => f.ttrMinutes)),
    });
  }
  return { months, severities, undated: facts.length - dated.length };
}

/** `incident-workbench index --format json --trends`, exactly. */
export interface TrendsJson {
  readonly months: ReadonlyArray<{
    readonly month: string;
    readonly incidents: number;
    readonly bySeverity: Readonly<Record<string, number>>;
    /** Null when no incident of the month has a computable value. */
    readonly medianTtdMinutes: number | null;
    readonly medianTtrMinutes: number | null;
    /** How many of the month's incidents the medians are over. */
    readonly ttdCount: number;
    readonly ttrCount: number;
  }>;
  readonly severities: readonly string[];
  readonly undated: number;
}

/** The trends as the CLI prints them. */
export function trendsJson(trends: IncidentTrends): TrendsJson {
  return {
    months: trends.months.map((m) => ({
      month: m.month,
      incidents: m.incidents,
      bySeverity: m.bySeverity,
      medianTtdMinutes: m.timeToDetect.median,
      medianTtrMinutes: m.timeToRecover.median,
      ttdCount: m.timeToDetect.count,
      ttrCount: m.timeToRecover.count,
    })),
    severities: trends.severities,
    undated: trends.undated,
  };
}

/** The months from the earliest to the latest of `months` (YYYY-MM), in order. */
export function monthRange(months: readonly string[]): string[] {
  if (months.length === 0) return [];
  const sorted = [...months].sort();
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let i = index(sorted[0]); i <= index(sorted[sorted.length - 1]); i++) {
    out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** A Mermaid `xychart-beta` chart. */
export interface MermaidChart {
  readonly title: string;
  readonly xLabels: readonly string[];
  readonly yLabel: string;
  readonly bars: readonly number[];
}

/** The three charts of the index: median time to recover and to detect (months with a value), incidents per month (every month). */
export function trendCharts(trends: IncidentTrends): MermaidChart[] {
  const withValue = (pick: (m: MonthTrend) => Stats) => trends.months.filter((m) => pick(m).median !== null);
  const ttr = withValue((m) => m.timeToRecover);
  const ttd = withValue((m) => m.timeToDetect);
  return [
    {
      title: 'Time to recover, median per month (minutes)',
      xLabels: ttr.map((m) => m.month),
      yLabel: 'Minutes',
      bars: ttr.map((m) => m.timeToRecover.median as number),
    },
    {
      title: 'Time to detect, median per month (minutes)',
      xLabels: ttd.map((m) => m.month),
      yLabel: 'Minutes',
      bars: ttd.map((m) => m.timeToDetect.median as number),
    },
    {
      title: 'Incidents per month',
      xLabels: trends.months.map((m) => m.month),
      yLabel: 'Incidents',
      bars: trends.months.map((m) => m.incidents),
    },
  ];
}

/** One chart as a fenced `mermaid` block (GitHub renders it). */
export function mermaidXyChart(chart: MermaidChart): string[] {
  const quote = (s: string) => `"${s.replace(/"/g, "'")}"`;
  const top = niceTicks(0, Math.max(0, ...chart.bars)).max;
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${quote(chart.title)}`,
    `  x-axis [${chart.xLabels.map(quote).join(', ')}]`,
    `  y-axis ${quote(chart.yLabel)} 0 --> ${top}`,
    `  bar [${chart.bars.join(', ')}]`,
    '```',
  ];
}

/**
 * The trends part of the index's generated block: the charts, then a table of every month
 * (incidents by severity and the medians) so the numbers can be read without the pictures.
 * Empty when no incident is dated.
 */
export function renderTrends(incidents: readonly IncidentSummary[]): string[] {
  const trends = incidentTrends(incidents);
  if (trends.months.length === 0) return [];
  const lines: string[] = [
    '',
    '**Trends** (months of the dated incidents; medians over the incidents whose timeline gives the value)',
  ];
  for (const chart of trendCharts(trends)) {
    if (chart.xLabels.length === 0) continue;
    lines.push('', ...mermaidXyChart(chart));
  }
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  lines.push(
    '',
    `| Month | Incidents | ${trends.severities.map(cell).join(' | ')}${trends.severities.length ? ' | ' : ''}Median time to detect (n) | Median time to recover (n) |`,
  );
  lines.push(`|---|---|${trends.severities.map(() => '---|').join('')}---|---|`);
  const median = (s: Stats) => (s.median === null ? '—' : `${formatMinutes(s.median)} (${s.count})`);
  for (const m of trends.months) {
    const counts = trends.severities.map((s) => String(m.bySeverity[s] ?? 0));
    lines.push(
      `| ${m.month} | ${m.incidents} | ${counts.join(' | ')}${counts.length ? ' | ' : ''}${median(m.timeToDetect)} | ${median(m.timeToRecover)} |`,
    );
  }
  if (trends.undated > 0)
    lines.push('', `${trends.undated} undated incident${trends.undated === 1 ? ' is' : 's are'} in no month.`);
  return lines;
}

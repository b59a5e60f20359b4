// The hover and CodeLens text of a timeline's measures (time to detect, mitigate, recover; duration), for the extension and the language server.
import type { IncidentSummary } from '../incident/summary';
import { formatInterval } from './format';
import { METRIC_IDS, METRICS } from './metrics';

/** The CodeLens over a Timeline heading: `TTD 4 min · TTM 12 min · TTR 40 min · Duration 44 min`. */
export function timelineLensTitle(summary: IncidentSummary): string {
  const m = summary.metrics;
  return METRIC_IDS.map((id) => `${METRICS[id].short} ${formatInterval(m[id])}`).join(' · ');
}

/** The hover over a Timeline heading: a table of the measures, the milestones chosen and why, and what each measure spans. */
export function timelineMetricsMarkdown(summary: IncidentSummary): string {
  let md = '**Incident measures** (from this timeline)\n\n| Measure | Value | From | To |\n|---|---|---|---|\n';
  for (const id of METRIC_IDS) {
    const def = METRICS[id];
    const interval = summary.metrics[id];
    const end = (hit: typeof interval.from, name: string) =>
      hit ? `${name} ${cell(hit.entry.timeText)}: ${cell(short(hit.entry.text))}` : `no ${name} event`;
    md += `| ${def.label} | ${interval.minutes === null ? '—' : formatInterval(interval)} | ${end(interval.from, def.from)} | ${end(interval.to, def.to)} |\n`;
  }
  // Which event was taken for each milestone, and why, so a reader can check the choice.
  if (summary.metrics.explanation.length)
    md += `\n**Milestones**\n\n${summary.metrics.explanation.map((e) => `- ${escape(e)}`).join('\n')}\n`;
  const reasons = METRIC_IDS.filter((id) => summary.metrics[id].minutes === null).map(
    (id) => `${METRICS[id].label}: ${summary.metrics[id].reason}.`,
  );
  const notes = [...summary.metrics.notes, ...reasons];
  if (notes.length) md += `\n${notes.map((n) => `- ${escape(n)}`).join('\n')}\n`;
  md +=
    '\nTime to detect runs from start to detection, time to mitigate from detection to mitigation, time to recover from detection to resolution, duration from start to resolution.';
  return md;
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!<>|]/g, '\\$&');
}

function cell(text: string): string {
  return escape(text).replace(/\r?\n/g, ' ');
}

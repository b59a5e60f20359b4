// What the Markdown preview adds to a postmortem: a severity badge, a metrics strip, overdue action items; and its HTML.
import { dayNumber, type CalendarDate } from '../postmortem/dates';
import { incidentImpact, incidentShare, budgetMinutes } from '../slo/budget';
import type { SloDefinition } from '../slo/types';
import { describeWindow, periodAt } from '../slo/window';
import { formatInterval, formatMinutes, formatPercent, roundTo } from './format';
import type { IncidentSummary } from '../incident/summary';
import { METRIC_IDS, METRICS } from './metrics';

/** One value of the metrics strip. */
export interface StripItem {
  readonly label: string;
  /** As shown: `4 min`, `—`. */
  readonly value: string;
  /** The longer explanation shown on hover: the events used, or why there is no value. */
  readonly detail: string;
  /** `warning` for an exhausted-looking budget share (over 100%) or a missing value. */
  readonly tone: 'normal' | 'muted' | 'warning';
}

/** The decorations of one postmortem. */
export interface PreviewDecorations {
  /** The severity badge; undefined when the document states no severity. */
  readonly badge?: { readonly text: string; readonly rank: number | undefined; readonly detail: string };
  readonly strip: readonly StripItem[];
  /** Assumptions the strip rests on, shown under it. */
  readonly notes: readonly string[];
  /** 0-based lines of action items that are past their due date and not done. */
  readonly overdue: ReadonlyArray<{ readonly line: number; readonly due: string }>;
}

/** Computes the decorations; `today` decides what is overdue, `slos` the budget share. */
export function previewDecorations(
  summary: IncidentSummary,
  options: { readonly today: CalendarDate; readonly slos?: readonly SloDefinition[] },
): PreviewDecorations {
  const level = summary.severityLevel;
  // The badge's colour class counts from 1 (iw-sev-1 = most severe); the summary's rank from 0.
  const badge = summary.severity
    ? {
        text: level ? `${level.id} · ${level.label}` : summary.severity,
        rank: summary.severityRank === undefined ? undefined : summary.severityRank + 1,
        detail: level?.definition ?? "Not a level of the profile's severity scale.",
      }
    : undefined;
  const strip: StripItem[] = [];
  for (const id of METRIC_IDS.filter((m) => m !== 'timeToMitigate')) {
    const interval = summary.metrics[id];
    const def = METRICS[id];
    const detail =
      interval.minutes === null
        ? `Not computable: ${interval.reason ?? 'unknown'}.`
        : `From ${interval.from?.entry.timeText} (${def.from}) to ${interval.to?.entry.timeText} (${def.to}).`;
    strip.push({
      label: def.label,
      value: formatInterval(interval),
      detail,
      tone: interval.minutes === null ? 'muted' : 'normal',
    });
  }
  const notes = [...summary.metrics.notes];
  if (options.slos && options.slos.length > 0) {
    const impact = incidentImpact(summary, options.slos);
    for (const slo of options.slos.filter((s) => impact.attribution.services.includes(s.service))) {
      const share = incidentShare(impact, slo);
      const period = periodAt(slo.window, impact.start ?? 0);
      const budget = budgetMinutes(slo, period.end - period.start);
      const label = `Budget (${slo.name})`;
      if (share === null || impact.consumedMinutes === null) {
        strip.push({
          label,
          value: '—',
          detail: `Not computable: ${summary.metrics.duration.reason ?? 'the duration is unknown'}.`,
          tone: 'muted',
        });
        continue;
      }
      strip.push({
        label,
        value: formatPercent(share),
        detail: `${formatMinutes(roundTo(impact.consumedMinutes, 1))} of ${formatMinutes(roundTo(budget, 1))} (${slo.objective}% over ${describeWindow(slo.window)}).`,
        tone: share > 1 ? 'warning' : 'normal',
      });
    }
    if (impact.assumption && impact.attribution.services.length > 0) notes.push(`Budget: ${impact.assumption}.`);
  }
  const today = dayNumber(options.today);
  const overdue: Array<{ line: number; due: string }> = [];
  for (const item of summary.actionItems) {
    if (item.done || !item.due || !item.dueText) continue;
    if (dayNumber(item.due) < today) overdue.push({ line: item.line, due: item.dueText });
  }
  return { badge, strip, notes, overdue };
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The HTML put under the title: badge, strip and notes. Classes are styled by media/preview.css; nothing remote. */
export function previewHeaderHtml(d: PreviewDecorations): string {
  const parts: string[] = ['<div class="iw-header">'];
  if (d.badge) {
    const rank = d.badge.rank === undefined ? 'unknown' : String(Math.min(d.badge.rank, 5));
    parts.push(
      `<span class="iw-badge iw-sev-${rank}" title="${escapeHtml(d.badge.detail)}">${escapeHtml(d.badge.text)}</span>`,
    );
  }
  if (d.strip.length > 0) {
    parts.push('<dl class="iw-metrics">');
    for (const item of d.strip) {
      parts.push(
        `<div class="iw-metric iw-${item.tone}" title="${escapeHtml(item.detail)}"><dt>${escapeHtml(item.label)}</dt><dd>${escapeHtml(item.value)}</dd></div>`,
      );
    }
    parts.push('</dl>');
  }
  for (const note of d.notes) parts.push(`<p class="iw-note">${escapeHtml(note)}</p>`);
  parts.push('</div>');
  return `${parts.join('')}\n`;
}

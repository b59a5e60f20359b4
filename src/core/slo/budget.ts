// Error-budget math: the budget of a window, what each incident consumed (duration × fraction affected), what remains.
import { dayNumber } from '../postmortem/dates';
import type { IncidentSummary } from '../incident/summary';
import { readAffected, type AffectedFraction } from './affected';
import { attributeServices, type Attribution } from './attribution';
import type { SloDefinition } from './types';
import { periodAt, periodDays, type Period } from './window';

/** Above this share of its window's budget, an incident needs a P0 action item (rule PM015). */
export const P0_SHARE_THRESHOLD = 0.2;

/** What one incident did to the error budget of its services. */
export interface IncidentImpact {
  readonly incident: IncidentSummary;
  readonly attribution: Attribution;
  /** When it started, minutes since 1970 UTC: the dated start event, else 00:00 UTC of its date; undefined when neither is known. */
  readonly start: number | undefined;
  /** When it ended: the dated resolution, else start + duration, else the end of its date. */
  readonly end: number | undefined;
  readonly durationMinutes: number | null;
  readonly affected: AffectedFraction;
  /** The fraction used: the stated one, else 1 (a full outage, which `assumption` says). */
  readonly fraction: number;
  /** Duration × fraction; null when the duration cannot be computed. */
  readonly consumedMinutes: number | null;
  /** Set when the tool assumed something, in words for the reader. */
  readonly assumption?: string;
}

/**
 * The budget of `slo` over a window of `windowMinutes`: the minutes of full outage the
 * objective allows (99.9% over 30 days: 43,200 × 0.1% = 43.2 minutes).
 */
export function budgetMinutes(slo: SloDefinition, windowMinutes: number): number {
  return (windowMinutes * (100 - slo.objective)) / 100;
}

/** Reads the impact of one incident: its services among `slos`, its time, its duration and affected fraction. */
export function incidentImpact(incident: IncidentSummary, slos: readonly SloDefinition[]): IncidentImpact {
  const { metrics } = incident;
  const startEntry = metrics.milestones.start?.entry;
  const endEntry = metrics.milestones.resolution?.entry;
  const dayStart = incident.date ? dayNumber(incident.date) * 1440 : undefined;
  const start = startEntry?.dated && startEntry.minutes !== undefined ? startEntry.minutes : dayStart;
  const duration = metrics.duration.minutes;
  let end: number | undefined;
  if (endEntry?.dated && endEntry.minutes !== undefined) end = endEntry.minutes;
  else if (start !== undefined && duration !== null) end = start + duration;
  else if (dayStart !== undefined) end = dayStart + 1440;
  const affected = readAffected(incident.model);
  const fraction = affected.kind === 'stated' ? affected.fraction : 1;
  let assumption: string | undefined;
  if (affected.kind === 'absent') assumption = 'no affected fraction stated, so a full outage is assumed';
  if (affected.kind === 'invalid')
    assumption = `the affected value "${affected.text}" is not a percentage, so a full outage is assumed`;
  return {
    incident,
    attribution: attributeServices(incident, slos),
    start,
    end,
    durationMinutes: duration,
    affected,
    fraction,
    consumedMinutes: duration === null ? null : duration * fraction,
    assumption,
  };
}

/** One incident's part of one SLO's budget. */
export interface BudgetIncident {
  readonly impact: IncidentImpact;
  /** Null when the duration cannot be computed: the incident is listed but not counted. */
  readonly consumedMinutes: number | null;
  /** consumed ÷ budget; null with `consumedMinutes`. */
  readonly share: number | null;
}

/** One SLO's budget over the window that holds the report's moment. */
export interface SloBudget {
  readonly slo: SloDefinition;
  readonly period: Period;
  readonly windowDays: number;
  readonly budgetMinutes: number;
  /** The sum over the incidents with a known duration (unrounded). */
  readonly consumedMinutes: number;
  /** budget − consumed; below zero when exhausted (unrounded). */
  readonly remainingMinutes: number;
  /** The remaining budget is below zero: freeze features. */
  readonly exhausted: boolean;
  /** The incidents of the SLO's service that started in the window, oldest first. */
  readonly incidents: readonly BudgetIncident[];
}

/** What the report is computed at and why. */
export type ReportMoment = 'as-of' | 'incident' | 'latest incident' | 'now';

/** The error budget of every SLO at one moment. */
export interface BudgetReport {
  /** The end of the windows, minutes since 1970 UTC. */
  readonly at: number;
  readonly atSource: ReportMoment;
  readonly slos: readonly SloBudget[];
  /** Every incident read, with its impact (attributed or not). */
  readonly impacts: readonly IncidentImpact[];
  /** The incident the report is about, with `focusPath`. */
  readonly focus?: IncidentImpact;
}

/** Options of `budgetReport`. */
export interface BudgetReportOptions {
  /** The moment the windows end at; default: the focused incident's end, else the latest incident's end, else `now`. */
  readonly asOf?: number;
  /** Report only the SLOs of this incident (workspace-relative path), in the window ending when it ended. */
  readonly focusPath?: string;
  /** The current time, minutes since 1970 UTC: the last resort for the moment. */
  readonly now: number;
}

/**
 * Computes the error budget of each SLO over the window that ends at the report's moment, with
 * the incidents of its service that started inside the window. A rolling window is the
 * `duration` up to the moment; a calendar window is the calendar period holding it.
 */
export function budgetReport(
  incidents: readonly IncidentSummary[],
  slos: readonly SloDefinition[],
  options: BudgetReportOptions,
): BudgetReport {
  const impacts = incidents.map((i) => incidentImpact(i, slos));
  const focus =
    options.focusPath === undefined ? undefined : impacts.find((i) => i.incident.path === options.focusPath);
  const ends = impacts.map((i) => i.end).filter((e): e is number => e !== undefined);
  let at: number;
  let atSource: ReportMoment;
  if (options.asOf !== undefined) [at, atSource] = [options.asOf, 'as-of'];
  else if (focus?.end !== undefined) [at, atSource] = [focus.end, 'incident'];
  else if (ends.length > 0) [at, atSource] = [Math.max(...ends), 'latest incident'];
  else [at, atSource] = [options.now, 'now'];

  const chosen = focus ? slos.filter((s) => focus.attribution.services.includes(s.service)) : slos;
  const budgets = chosen.map((slo) => sloBudget(slo, at, impacts));
  return { at, atSource, slos: budgets, impacts, focus };
}

function sloBudget(slo: SloDefinition, at: number, impacts: readonly IncidentImpact[]): SloBudget {
  const period = periodAt(slo.window, at);
  const budget = budgetMinutes(slo, period.end - period.start);
  const inWindow = impacts
    .filter(
      (i) =>
        i.attribution.services.includes(slo.service) &&
        i.start !== undefined &&
        i.start >= period.start &&
        i.start <= period.end,
    )
    .sort((a, b) => (a.start as number) - (b.start as number) || a.incident.path.localeCompare(b.incident.path));
  const incidents = inWindow.map((impact): BudgetIncident => ({
    impact,
    consumedMinutes: impact.consumedMinutes,
    share: impact.consumedMinutes === null || budget === 0 ? null : impact.consumedMinutes / budget,
  }));
  const consumed = incidents.reduce((sum, i) => sum + (i.consumedMinutes ?? 0), 0);
  const remaining = budget - consumed;
  return {
    slo,
    period,
    windowDays: periodDays(period),
    budgetMinutes: budget,
    consumedMinutes: consumed,
    remainingMinutes: remaining,
    exhausted: remaining < -1e-9,
    incidents,
  };
}

/**
 * The share of `slo`'s window budget that one incident consumed, for rule PM015: the budget of
 * the window holding the incident's start (a rolling window's length, or the calendar period).
 * Null when the duration cannot be computed.
 */
export function incidentShare(impact: IncidentImpact, slo: SloDefinition): number | null {
  if (impact.consumedMinutes === null) return null;
  const period = periodAt(slo.window, impact.start ?? 0);
  const budget = budgetMinutes(slo, period.end - period.start);
  return budget > 0 ? impact.consumedMinutes / budget : null;
}

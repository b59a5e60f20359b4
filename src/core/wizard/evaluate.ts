// Evaluates a wizard draft: the postmortem it would write, the linter's findings tied to the inputs that fix them, times and SLO impact.
import { lintText } from '../lint/lint';
import { formatMinutes, formatPercent, roundTo } from '../metrics/format';
import { summarizeIncident } from '../incident/summary';
import type { Profile } from '../profiles/types';
import type { Finding } from '../rules/types';
import { incidentImpact, incidentShare } from '../slo/budget';
import type { SloDefinition } from '../slo/types';
import { describeWindow } from '../slo/window';
import {
  WIZARD_PHASES,
  type WizardCommit,
  type WizardDraft,
  type WizardEvaluation,
  type WizardFinding,
  type WizardPhase,
} from './draft';
import { renderWizardLines, wizardPostmortemPath, type RenderedLine } from './render';

/** The evaluation message's content (without its `type`). */
export type { WizardEvaluation };

/** What evaluating a draft may use besides the profile. */
export interface WizardEvaluateContext {
  /** Today, YYYY-MM-DD: the postmortem's date and file name when the draft has no start time. */
  readonly date?: string;
  readonly commits?: readonly WizardCommit[];
  /** The workspace's SLOs; the SLO impact sentence and rule PM015 need them. */
  readonly slos?: readonly SloDefinition[];
  readonly author?: string;
}

/** Rules whose findings are always fixed in one place, whatever line they are on. */
const RULE_FIELDS: Readonly<Record<string, string>> = {
  PM004: 'improve.actionItems',
  PM005: 'improve.actionItems',
  PM006: 'improve.actionItems',
  PM007: 'improve.actionItems',
  PM008: 'investigate.rootCause',
  PM011: 'assess.severity',
  PM012: 'assess.severity',
  PM015: 'improve.actionItems',
  // Who confirmed the fix is a field of its own (the resolution row of the timeline says it).
  PM020: 'document.fixConfirmedBy',
};

/** PM010 names the milestones the timeline lacks; the first one named is the time to enter. */
const MILESTONE_FIELDS: ReadonlyArray<[RegExp, string]> = [
  [/\bstart\b/, 'assess.started'],
  [/\bdetection\b/, 'assess.detected'],
  [/\bmitigation\b/, 'assess.mitigated'],
  [/\bresolution\b/, 'assess.resolved'],
];

/** The draft field a finding is fixed in: by rule where the rule decides, else by the line it is on. */
export function findingField(finding: Finding, lines: readonly RenderedLine[]): string | undefined {
  if (finding.ruleId === 'PM010') {
    const missing = finding.message.replace(/\(.*\)/, '');
    return MILESTONE_FIELDS.find(([re]) => re.test(missing))?.[1] ?? 'assess.started';
  }
  return RULE_FIELDS[finding.ruleId] ?? lines[finding.range.start.line]?.field;
}

function phaseOf(field: string | undefined): WizardPhase {
  const first = field?.split('.')[0];
  return (WIZARD_PHASES as readonly string[]).includes(first ?? '') ? (first as WizardPhase) : 'document';
}

/** The linter's findings tied to the wizard's phases and fields. */
export function wizardFindings(findings: readonly Finding[], lines: readonly RenderedLine[]): WizardFinding[] {
  return findings.map((f) => {
    const field = findingField(f, lines);
    return {
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      phase: phaseOf(field),
      ...(field ? { field } : {}),
    };
  });
}

/** One sentence on the error budget the incident used, from the services it names and its duration. */
export function sloImpactSentence(
  markdown: string,
  path: string,
  profile: Profile,
  slos: readonly SloDefinition[],
): string {
  const impact = incidentImpact(summarizeIncident({ path, text: markdown, profile, kind: 'postmortem' }), slos);
  const services = impact.attribution.services;
  const matched = slos.filter((s) => services.includes(s.service));
  if (matched.length === 0) {
    const known = [...new Set(slos.map((s) => s.service))].join(', ');
    return `No SLO covers the affected services yet; pick a service your SLO file defines (${known}) to see the error budget used.`;
  }
  if (impact.consumedMinutes === null)
    return 'Enter when the incident started and when it was resolved to see how much error budget it used.';
  const shares = matched
    .map((slo) => ({ slo, share: incidentShare(impact, slo) }))
    .filter((x) => x.share !== null) as Array<{ slo: SloDefinition; share: number }>;
  if (shares.length === 0) return 'The error budget used could not be computed for these SLOs.';
  shares.sort((a, b) => b.share - a.share);
  const { slo, share } = shares[0];
  const assumed = impact.assumption ? ` (${impact.assumption})` : '';
  return `This incident used ${formatPercent(share)} of the error budget of ${slo.service} (${formatMinutes(roundTo(impact.consumedMinutes, 1))} against ${slo.objective}% over ${describeWindow(slo.window)})${assumed}.`;
}

/**
 * Renders the draft's postmortem, lints it with the real linter, ties each finding to the
 * phase and field whose input fixes it, and computes time to detect and time to recover
 * (as the metrics define them) and, with SLOs, the error budget used.
 */
export function evaluateDraft(
  profile: Profile,
  draft: WizardDraft,
  context: WizardEvaluateContext = {},
): WizardEvaluation {
  const lines = renderWizardLines(profile, draft, context);
  const markdown = `${lines.map((l) => l.text).join('\n')}\n`;
  const date = context.date ?? new Date().toISOString().slice(0, 10);
  const path = wizardPostmortemPath(profile, draft, date);
  const slos = context.slos && context.slos.length > 0 ? context.slos : undefined;
  const { findings } = lintText(markdown, 'postmortem', profile, { path, slos });
  const metrics = summarizeIncident({ path, text: markdown, profile, kind: 'postmortem' }).metrics;
  return {
    markdown,
    path,
    findings: wizardFindings(findings, lines),
    timeToDetectMinutes: metrics.timeToDetect.minutes,
    timeToRecoverMinutes: metrics.timeToRecover.minutes,
    ...(slos ? { sloImpact: sloImpactSentence(markdown, path, profile, slos) } : {}),
  };
}

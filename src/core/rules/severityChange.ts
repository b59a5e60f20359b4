// PM012: the severity changed during the incident with no reason stated (seed 000: no unjustified downgrade).
import { severitiesIn } from '../postmortem/fields';
import { proseLines } from './prose';
import type { Rule, RuleReport } from './types';
import { incident } from './util';

/** A change of severity: "downgraded", "reclassified", or "raised/lowered/changed ... to SEV3", "SEV2 → SEV3". */
const CHANGE =
  /\b(?:downgrad(?:e|ed|ing)|upgrad(?:e|ed|ing)|reclassif(?:y|ied|ication)|re-?class(?:ed)?|de-?escalat(?:e|ed))\b|\b(?:lower(?:ed)?|rais(?:e|ed)|bump(?:ed)?|escalat(?:e|ed)|chang(?:e|ed)|mov(?:e|ed)|reduc(?:e|ed)|increas(?:e|ed)|set)\b[^.;]{0,30}\b(?:to|from)\s+(?:a\s+)?(?:sev(?:erity)?[\s-]?\d|p\d|s\d)\b|\b(?:sev[\s-]?\d|p\d)\s*(?:→|->|=>)\s*(?:sev[\s-]?\d|p\d)\b/i;
const REASON =
  /\b(?:because|due to|since|as (?:a result|the|it|we|only|impact|no|error)|after|given|reason|once|following|based on|so that|justif(?:ied|ication)|confirm(?:ed|ing)|turned out|evidence)\b/i;

export const PM012: Rule = {
  id: 'PM012',
  name: 'severity-change-reason',
  title: 'The severity changed during the incident without a stated reason',
  defaultSeverity: 'warning',
  kinds: ['postmortem', 'incident'],
  check(context) {
    const model = incident(context);
    const prose = proseLines(context.doc);
    const reports: RuleReport[] = [];
    const lines = new Set<number>((model.timeline ?? []).map((e) => e.line));
    if (model.severityField) lines.add(model.severityField.range.start.line);
    for (const line of [...lines].sort((a, b) => a - b)) {
      const text = prose[line];
      if (!CHANGE.test(text) || severitiesIn(text, context.profile).length === 0 || REASON.test(text)) continue;
      reports.push({
        message:
          'The severity changes here without a reason; say why (e.g. "downgraded to SEV3 because the error rate fell below 1%").',
        range: { start: { line, character: 0 }, end: { line, character: context.doc.lines[line].length } },
      });
    }
    return reports;
  },
};

// PM022: hindsight language about people or teams (issue #19): counterfactuals ("should have known",
// "if only we had") and hindsight judgements ("obviously", "failed to notice", "in hindsight") that a
// facilitator would ask to rephrase. Not for systems: "the retry should have backed off" is a design
// statement. Read by the shared sentence reader (peopleLanguage.ts).
import { range } from '../markdown/position';
import { peopleLanguageOf, type PeoplePhrase } from './peopleLanguage';
import type { Rule, RuleReport } from './types';

const DIRECTION: Partial<Record<PeoplePhrase['form'], string>> = {
  counterfactual:
    'describe what the people involved knew and saw at the time, and what would have made the risk visible then',
  'failed-to-notice':
    'describe what the dashboards, alerts and tools showed at the time, and why the signal did not stand out',
  'hindsight-word': 'describe what was known at the time; what is obvious now was not then',
};

export const PM022: Rule = {
  id: 'PM022',
  name: 'hindsight-language',
  title: 'Hindsight or a counterfactual judges what people should have done',
  defaultSeverity: 'info',
  kinds: ['postmortem'],
  check(context) {
    const reports: RuleReport[] = [];
    peopleLanguageOf(context.doc).forEach((phrases, line) => {
      for (const p of phrases) {
        if (p.kind !== 'hindsight') continue;
        reports.push({
          message: `"${p.text}" is hindsight; ${DIRECTION[p.form] ?? DIRECTION['hindsight-word']}.`,
          range: range(line, p.start, line, p.end),
        });
      }
    });
    return reports;
  },
};

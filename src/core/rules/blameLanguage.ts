// PM013: a person named as the cause (blameless postmortems, seed 004), read by the shared sentence reader
// (peopleLanguage.ts): a person as the subject of a fault verb or judgement adjective, a person's fault noun,
// "blame lies with", "human error by", a counterfactual about a person. Measured on test/fixtures/judgement.
import { range } from '../markdown/position';
import { peopleLanguageOf, type PeoplePhrase } from './peopleLanguage';
import type { Rule, RuleReport } from './types';

/** The rephrasing direction for each form of blame. */
const DIRECTION: Readonly<Record<PeoplePhrase['form'], string>> = {
  'fault-verb':
    'describe what the person did and what in the system let it through (a missing check, a misleading tool, an unclear runbook)',
  omission: 'describe which safeguard was missing and why skipping it was easy or invisible',
  judgement: 'describe the action and the conditions around it instead of judging the person',
  'fault-noun': 'describe what in the system allowed the mistake instead',
  'blame-phrase': 'name the condition in the system that caused the failure, not who is to blame',
  counterfactual: 'describe what the person knew and saw at the time, and what would have made the risk visible',
  'hindsight-word': 'describe what was known at the time',
  'failed-to-notice': 'describe what the tools and signals showed at the time',
};

export const PM013: Rule = {
  id: 'PM013',
  name: 'blame-language',
  title: 'A person is named as the cause (postmortems are blameless)',
  defaultSeverity: 'warning',
  kinds: ['postmortem'],
  check(context) {
    const reports: RuleReport[] = [];
    peopleLanguageOf(context.doc).forEach((phrases, line) => {
      for (const p of phrases) {
        if (p.kind !== 'blame') continue;
        reports.push({
          message: `"${p.text}" names a person as the cause; ${DIRECTION[p.form]}.`,
          range: range(line, p.start, line, p.end),
        });
      }
    });
    return reports;
  },
};

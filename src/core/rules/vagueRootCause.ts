// PM008: the root cause is not a specific, falsifiable statement ("human error", "the system failed", "unknown").
import { proseLines } from './prose';
import type { Rule } from './types';
import { evidenceLines } from '../postmortem/model';
import { incident, sectionByRoleOf } from './util';
import { readPeopleLanguage } from './peopleLanguage';

const HUMAN_ERROR = /\b(?:human|operator|user|engineer|developer|manual|people)\s+(?:error|mistake)s?\b/i;
const SYSTEM_FAILED =
  /\b(?:the\s+)?(?:system|server|service|platform|it)\s+(?:just\s+)?(?:failed|broke|went down|crashed)\s*\.?\s*$/im;
/** "Unknown." alone, or a statement that the cause is unknown; not "None of the replicas ...". */
const UNKNOWN =
  /^\s*(?:the\s+)?(?:root\s+cause\s+(?:is|was|remains)\s+)?(?:unknown|unclear|undetermined|not\s+(?:yet\s+)?(?:known|determined|identified|clear)|n\/a|none|tbd|under investigation|still investigating)\s*(?:[.!;:]|$)|\b(?:cause|it)\s+(?:is|was|remains)\s+(?:still\s+)?(?:unknown|unclear|undetermined)\b/i;
/** "Not human error", "rather than operator error": the author is rejecting that cause. */
const NEGATED_HUMAN_ERROR =
  /\b(?:not|no|never|wasn'?t|isn'?t|rather than|instead of|beyond|more than)\s+(?:just\s+|simply\s+|a\s+)?(?:human|operator|user|engineer|developer|manual|people)\s+(?:error|mistake)/i;
/** "Human error was not the cause", "operator error is not the root cause": rejected after the phrase. */
const HUMAN_ERROR_REJECTED = /\b(?:error|mistake)s?\s+(?:was|is|were)\s+not\b/i;
/** Words that go on to a mechanism: "only possible because", "which", "so". */
const MECHANISM =
  /\b(?:because|only possible|which|so that|so the|so every|so all|since|whose|when|whenever|until|while|after|allowed|let)\b/i;
/** A kind of cause, not a cause: "a bug", "network issues", "misconfiguration", "a bad deploy". */
const GENERIC_CAUSE =
  /\b(?:bugs?|buggy|defects?|glitch(?:es)?|issues?|problems?|misconfigur\w*|instabilit(?:y|ies)|unstable|capacity|traffic|testing|tested|communication|factors|went wrong|bad (?:deploy|config|configuration|change|release|push|code|data)|broken|flaky|leak|race condition|third[- ]party|technical|outage)\b/i;
/** A specific detail: a number, an identifier (a.b, a_b, a/b, a=b), inline code. */
const DETAIL = /\d|\b[\w-]+[._/=][\w-]+|[`'"]/;
/** Below this many words a statement of a kind of cause, a person's act or "the system failed" names no mechanism. */
const SHORT_WORDS = 15;

/** What was looked at: an "unknown" cause must say it (seed 000). */
const INVESTIGATED =
  /\b(?:investigat(?:ed|ing|ion)|ruled out|eliminated|excluded|checked|examined|reviewed|inspected|tested|hypothes[ie]s)\b/i;
/** What is still needed to find the cause: an "unknown" cause must say it too (seed 000). */
const STILL_NEEDED =
  /\b(?:need(?:s|ed)?|still (?:needed|required|missing|open)|requires?|additional|more (?:data|logs|information|evidence|time)|waiting (?:for|on)|pending|next steps?|to (?:collect|gather|reproduce|capture))\b/i;
/** Below this many words a statement names no mechanism. */
const MIN_WORDS = 6;

export const PM008: Rule = {
  id: 'PM008',
  name: 'vague-root-cause',
  title: 'The root cause is not a specific, falsifiable statement',
  defaultSeverity: 'warning',
  kinds: ['postmortem'],
  check(context) {
    const section = sectionByRoleOf(incident(context), 'rootCause');
    if (!section) return [];
    // The statement only: the commits listed under it (the incident window's changes) are evidence.
    const skipped = evidenceLines(context.doc, section);
    const text = proseLines(context.doc)
      .slice(section.bodyStartLine, section.endLine)
      .filter((_, i) => !skipped.has(section.bodyStartLine + i))
      .join('\n')
      .replace(/^#+\s.*$/gm, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (!text) return []; // PM002 reports an empty section.
    const words = text.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    let problem: string | undefined;
    if (UNKNOWN.test(text) && !(INVESTIGATED.test(text) && STILL_NEEDED.test(text))) {
      const missing = INVESTIGATED.test(text)
        ? 'what data is still needed to find it'
        : STILL_NEEDED.test(text)
          ? 'what was investigated and what was ruled out'
          : 'what was investigated, what was ruled out and what data is still needed';
      problem = `says the cause is unknown without saying ${missing}`;
    } else if (
      HUMAN_ERROR.test(text) &&
      !NEGATED_HUMAN_ERROR.test(text) &&
      !HUMAN_ERROR_REJECTED.test(text) &&
      words < 40 &&
      !(words >= SHORT_WORDS && MECHANISM.test(text))
    ) {
      problem = 'stops at human error; name the condition in the system that let the mistake reach production';
    } else if (SYSTEM_FAILED.test(text) && words < 15) {
      problem = 'says only that the system failed; state which change or condition failed and how';
    } else if (words < 40 && !MECHANISM.test(text) && readPeopleLanguage(text).some((p) => p.kind === 'blame')) {
      problem = 'stops at what a person did; name the condition in the system that let it cause the failure';
    } else if (words < SHORT_WORDS && GENERIC_CAUSE.test(text) && !DETAIL.test(text) && !MECHANISM.test(text)) {
      problem = `names only a kind of cause ("${GENERIC_CAUSE.exec(text)?.[0]}"); state which change or condition, where, and how it caused the failure`;
    } else if (words < MIN_WORDS) {
      problem = `is ${words} word${words === 1 ? '' : 's'} long; state the specific change or condition and how it caused the failure`;
    }
    return problem ? [{ message: `The root cause ${problem}.`, range: section.heading.range }] : [];
  },
};

// The severity decision tree the wizard's Assess phase walks: the profile's own, else one derived from the level definitions.
import type { Profile } from '../profiles/types';

/** Questions in order (the first yes decides the level) and the level when every answer is no. */
export interface DecisionTree {
  questions: { question: string; yes: string }[];
  fallback: string;
}

/**
 * The profile's severity decision tree. A profile without one (a user's profile), or whose
 * tree names a level its scale no longer has (a config that replaced the scale), gets one
 * derived from its levels: "Does this describe the incident: <definition>?" for every level
 * but the last, which is the fallback.
 */
export function severityDecisionTree(profile: Profile): DecisionTree {
  const ids = new Set(profile.severities.map((s) => s.id));
  const own = profile.severityDecisionTree;
  if (own && ids.has(own.fallback) && own.questions.every((q) => ids.has(q.yes))) {
    return { questions: own.questions.map((q) => ({ question: q.question, yes: q.yes })), fallback: own.fallback };
  }
  return derivedTree(profile);
}

function derivedTree(profile: Profile): DecisionTree {
  const levels = profile.severities;
  if (levels.length === 0) return { questions: [], fallback: '' };
  const last = levels[levels.length - 1];
  const questions = levels.slice(0, -1).map((level) => ({
    question: `Does this describe the incident: ${level.definition.trim().replace(/[.!?]$/, '')}?`,
    yes: level.id,
  }));
  return { questions, fallback: last.id };
}

/** The level the answers lead to: the first question answered yes, else the fallback once all are answered; undefined while open. */
export function severityFromAnswers(tree: DecisionTree, answers: readonly boolean[]): string | undefined {
  for (let i = 0; i < tree.questions.length; i++) {
    if (answers[i] === undefined) return undefined;
    if (answers[i]) return tree.questions[i].yes;
  }
  return tree.fallback;
}

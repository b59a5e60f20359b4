// The rules table: the one list of rules, read by the linter, the CLI's `rules` command and the docs.
import { PM001, RB001 } from './missingSection';
import type { Rule } from './types';

export * from './types';

/** Every rule, in id order. */
export const ALL_RULES: readonly Rule[] = [PM001, RB001];

/** Returns the rule with `id`, or undefined. */
export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}

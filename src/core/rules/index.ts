// The rules table: the one list of rules, read by the linter, the CLI's `rules` command and the docs.
import { PM004, PM005 } from './actionItemFields';
import { PM018 } from './actionItemTracking';
import { PM006 } from './actionItemMinimum';
import { PM014 } from './aiReference';
import { PM013 } from './blameLanguage';
import { PM022 } from './hindsight';
import { PM017 } from './communicationPlan';
import { PM015 } from '../slo/budgetActionItem';
import { TG001, TG002 } from '../tags/rules';
import { PM002, RB003 } from './emptySection';
import { PM019 } from './headerField';
import { PM007 } from './factorWithoutAction';
import { IN002, PM001, RB001 } from './missingSection';
import { PM003 } from './placeholderLeft';
import { RB002 } from './runbookCommand';
import { IN001 } from './postmortemRequired';
import { PM012 } from './severityChange';
import { PM016 } from './sloDefinitionsMissing';
import { PM011 } from './severityScale';
import { PM010 } from './timelineMilestones';
import { PM009 } from './timelineOrder';
import type { Rule } from './types';
import { PM021 } from './statusUpdateCadence';
import { PM020 } from './userConfirmedFix';
import { PM008 } from './vagueRootCause';

export * from './types';

/** Every rule, in id order. */
export const ALL_RULES: readonly Rule[] = [
  PM001,
  PM002,
  PM003,
  PM004,
  PM005,
  PM006,
  PM007,
  PM008,
  PM009,
  PM010,
  PM011,
  PM012,
  PM013,
  PM014,
  PM015,
  PM016,
  PM017,
  PM018,
  PM019,
  PM020,
  PM021,
  PM022,
  IN001,
  IN002,
  RB001,
  RB002,
  RB003,
  TG001,
  TG002,
];

/** Rules that are off unless a profile or configuration turns them on. */
export const OFF_BY_DEFAULT: ReadonlySet<string> = new Set(['PM014', 'PM016', 'PM017', 'PM021']);

/** Returns the rule with `id`, or undefined. */
export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}

/**
 * The one alias table: each rule's id and its kebab-case name, both lower-cased, to the id.
 * Names are unique (a test says so), so `rules: { budget-without-p0: off }` is as good as `PM015`.
 */
const RULE_ALIASES: ReadonlyMap<string, string> = new Map(
  ALL_RULES.flatMap(
    (r) =>
      [
        [r.id.toLowerCase(), r.id],
        [r.name.toLowerCase(), r.id],
      ] as const,
  ),
);

/** The id of the rule named `idOrName` (its id or its name, any case); undefined when there is none. */
export function ruleIdFor(idOrName: string): string | undefined {
  return RULE_ALIASES.get(idOrName.trim().toLowerCase());
}

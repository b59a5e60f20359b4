// PM017: the communication plan does not say how often stakeholders hear and who sends the updates (seed 002's quality gate).
import { findField } from '../postmortem/fields';
import { sectionById } from '../postmortem/model';
import type { Rule, RuleReport } from './types';
import { incident, sectionText } from './util';

/**
 * A cadence: "every 20 minutes", "every hour", "every 15 min", "hourly", "each 30 minutes",
 * "at 09:00 and 15:00", "twice a day", "every morning", "daily", "at each change", "on resolution".
 */
const CADENCE = new RegExp(
  [
    String.raw`\b(?:every|each)\s+(?:\d+\s*(?:-|to)?\s*\d*\s*)?(?:min(?:ute)?s?|m|hours?|hrs?|h|days?|business days?|mornings?|evenings?|shifts?|stand-?ups?|changes?|milestones?)\b`,
    String.raw`\b(?:hourly|daily|twice\s+(?:a|per)\s+(?:day|hour)|half-hourly)\b`,
    String.raw`\b(?:\d+\s*-?\s*min(?:ute)?|\d+\s*-?\s*hour)\s+(?:updates?|cadence|intervals?|cycle)\b`,
    String.raw`\bat\s+\d{1,2}:\d{2}\b`,
    String.raw`\b(?:on|at|upon)\s+(?:each|every)?\s*(?:status\s+)?(?:change|resolution|milestone)s?\b`,
  ].join('|'),
  'i',
);

/** An owner: a handle, "owner: X", "owned by X", "sent/posted by X", or a named role followed by a name. */
const OWNER = /@[\w.-]+|\b(?:owner|owned by|sent by|posted by|written by|led by|responsible)\b\s*[:—–-]?\s*\S/i;

export const PM017: Rule = {
  id: 'PM017',
  name: 'communication-plan',
  title: 'The communication plan states no update cadence or no owner',
  defaultSeverity: 'warning',
  kinds: ['incident', 'postmortem'],
  check(context): RuleReport[] {
    const model = incident(context);
    const section = sectionById(model, 'communication');
    if (!section) return [];
    const text = sectionText(context, section);
    const roles = context.profile.roles ?? [];
    // A role of the profile named in the plan counts as its owner when the header names who holds it.
    const roleNamed = roles.some(
      (role) =>
        new RegExp(`\\b${role.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(text) &&
        findField(model.fields, [role])?.value.trim(),
    );
    const lead = findField(model.fields, ['communications lead', 'comms lead', 'communication lead'])?.value.trim();
    const hasOwner = OWNER.test(text) || Boolean(roleNamed) || Boolean(lead && text.includes(lead.split(/\s+/)[0]));
    const hasCadence = CADENCE.test(text);
    if (hasOwner && hasCadence) return [];
    const missing =
      !hasCadence && !hasOwner
        ? 'how often updates go out and who sends them'
        : !hasCadence
          ? 'how often updates go out'
          : 'who sends the updates';
    return [
      {
        message: `The ${section.heading.text.trim()} section does not say ${missing}; write the cadence and the owner, e.g. "Updates in #inc-channel every 30 minutes (owner: @comms-lead)".`,
        range: section.heading.range,
      },
    ];
  },
};

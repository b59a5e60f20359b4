// PM020: an incident called resolved does not say that a real user confirmed the fix (seed 001: "metrics can lie; users don't").
import { sectionByRole, SECTION_ROLES } from '../postmortem/model';
import type { Rule, RuleReport } from './types';
import { documentAnchor, incident, resolvedAt } from './util';

const PERSON = String.raw`(?:users?|customers?|reporters?|tenants?|clients?|merchants?|shoppers?|members?)`;

/**
 * A statement that a user confirmed the fix: a user who confirmed, verified or tested it ("the reporting customer
 * confirmed checkout works"), a confirmation by or with a user ("verified with a real user"), or a user test.
 */
export const USER_CONFIRMED = new RegExp(
  [
    String.raw`\b${PERSON}\b[^.;|\n]{0,60}?\b(?:confirm(?:s|ed)?|verif(?:y|ies|ied)|tested|retested|re-tested)\b`,
    String.raw`\b(?:confirm(?:s|ed)?|verif(?:y|ies|ied)|tested|checked)\b[^.;|\n]{0,40}?\b(?:by|with)\s+(?:(?:a|an|the|one|two|three|several)\s+)?(?:\w+\s+)?${PERSON}\b`,
    String.raw`\b(?:real[- ])?user test(?:s|ed|ing)?\b`,
  ].join('|'),
  'i',
);

export const PM020: Rule = {
  id: 'PM020',
  name: 'user-confirmed-fix',
  title: 'An incident called resolved does not say that a real user confirmed the fix',
  defaultSeverity: 'error',
  kinds: ['postmortem', 'incident'],
  check(context): RuleReport[] {
    if (!context.profile.userConfirmsFix) return [];
    const model = incident(context);
    // A postmortem is written after the resolution; a live record only once it declares the incident resolved.
    const resolved = resolvedAt(model);
    if (context.kind === 'incident' && !resolved) return [];
    // What the follow-up plans ("confirm with users next time") is not what was done.
    const items = sectionByRole(model, SECTION_ROLES.actionItems);
    const skip = (line: number) => items !== undefined && line >= items.bodyStartLine && line < items.endLine;
    const { lines } = context.doc;
    for (let line = 0; line < lines.length; line++) if (!skip(line) && USER_CONFIRMED.test(lines[line])) return [];
    const timeline = sectionByRole(model, SECTION_ROLES.timeline);
    const at =
      context.kind === 'incident' && resolved ? resolved : (timeline?.heading.range ?? documentAnchor(context));
    return [
      {
        message: `${context.kind === 'incident' ? 'The record declares the incident resolved but does' : 'The postmortem does'} not say that a real user confirmed the fix; write who confirmed it and how (e.g. "14:52 the reporting customer confirmed checkout works"), or keep the incident open until one does.`,
        range: at,
      },
    ];
  },
};

// PM006: fewer action items than the profile asks for.
import type { Rule } from './types';
import { incident, sectionByRoleOf } from './util';

export const PM006: Rule = {
  id: 'PM006',
  name: 'action-item-minimum',
  title: 'A postmortem has fewer action items than the profile asks for',
  defaultSeverity: 'error',
  kinds: ['postmortem'],
  check(context) {
    const model = incident(context);
    const section = sectionByRoleOf(model, 'actionItems');
    const minimum = context.profile.actionItems.minimum;
    const count = model.actionItems?.items.length ?? 0;
    if (!section || count >= minimum) return [];
    const items = (n: number) => `${n} action item${n === 1 ? '' : 's'}`;
    return [
      {
        message: `"${section.heading.text}" lists ${items(count)}; the ${context.profile.name} profile asks for at least ${minimum}.`,
        range: section.heading.range,
      },
    ];
  },
};

// PM018: every action item states its status and priority, where the profile requires them (seed 004: "tracked status";
// seed 000: "owners, priorities, and due dates").
import { isOnlyPlaceholder } from './placeholders';
import { checkField, label } from './actionItemFields';
import type { Rule } from './types';

const TO_DO = /^\W*to[- ]?do\W*$/i;

export const PM018: Rule = {
  id: 'PM018',
  name: 'action-item-tracking',
  title: 'An action item has no status or no priority, where the profile requires them',
  defaultSeverity: 'warning',
  kinds: ['postmortem'],
  check: (context) =>
    [
      ...checkField(context, 'status', (item) => {
        const status = item.fields.status?.text.trim() ?? '';
        // "TODO" is a placeholder elsewhere but a status in this column (a board's first state).
        return status && (TO_DO.test(status) || !isOnlyPlaceholder(status))
          ? undefined
          : `Action item ${label(item)} has no status; write where it stands (Open, In progress, Done).`;
      }),
      ...checkField(context, 'priority', (item) => {
        const priority = item.fields.priority?.text.trim() ?? '';
        return priority && !isOnlyPlaceholder(priority)
          ? undefined
          : `Action item ${label(item)} has no priority; write one (P0, P1, P2, ...).`;
      }),
    ].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character),
};

// PM004 and PM005: every action item needs an owner and a real due date (seed 000's gate).
import { fieldOfColumn, type ActionItem, type ActionItemField } from '../postmortem/actionItems';
import { parseDate } from '../postmortem/dates';
import { isOnlyPlaceholder } from './placeholders';
import type { Rule, RuleContext, RuleReport } from './types';
import { incident } from './util';

/** Whether the profile requires `field` of every action item. */
function required(context: RuleContext, field: ActionItemField): string | undefined {
  return context.profile.actionItems.requiredColumns.find((c) => fieldOfColumn(c) === field);
}

/** One finding per table lacking the column, else per item whose value is missing or fails `check`. */
export function checkField(
  context: RuleContext,
  field: ActionItemField,
  validate: (item: ActionItem) => string | undefined,
): RuleReport[] {
  const column = required(context, field);
  const items = incident(context).actionItems;
  if (!column || !items) return [];
  const reports: RuleReport[] = [];
  const tablesWithout = new Set(items.tables.filter((t) => !t.columns.includes(field)).map((t) => t.table));
  for (const table of tablesWithout) {
    const cells = table.header.cells;
    reports.push({
      message: `The action items table has no "${column}" column; every action item needs one.`,
      range: { start: cells[0].range.start, end: cells[cells.length - 1].range.end },
    });
  }
  for (const item of items.items) {
    if (item.table && tablesWithout.has(item.table)) continue;
    const message = validate(item);
    // An empty cell is reported where the value belongs; a list item on its line.
    if (message) reports.push({ message, range: item.fields[field]?.range ?? item.range });
  }
  return reports;
}

export function label(item: ActionItem): string {
  const action = item.action.replace(/\s+/g, ' ').trim();
  return action ? `"${action.length > 60 ? `${action.slice(0, 57)}...` : action}"` : `on line ${item.line + 1}`;
}

export const PM004: Rule = {
  id: 'PM004',
  name: 'action-item-owner',
  title: 'An action item has no owner',
  defaultSeverity: 'error',
  kinds: ['postmortem'],
  check: (context) =>
    checkField(context, 'owner', (item) => {
      const owner = item.fields.owner?.text.trim() ?? '';
      return owner && !isOnlyPlaceholder(owner)
        ? undefined
        : `Action item ${label(item)} has no owner; name a person or team.`;
    }),
};

const LEAP_YEAR = 2000;

export const PM005: Rule = {
  id: 'PM005',
  name: 'action-item-due-date',
  title: 'An action item has no due date, or one that is not a real date',
  defaultSeverity: 'error',
  kinds: ['postmortem'],
  check: (context) =>
    checkField(context, 'due', (item) => {
      const due = item.fields.due?.text.trim() ?? '';
      if (!due || isOnlyPlaceholder(due)) {
        return item.done ? undefined : `Action item ${label(item)} has no due date.`;
      }
      const leading = /^\d{4}[-/]\d{1,2}[-/]\d{1,2}/.exec(due)?.[0] ?? due;
      // A date without a year ("Mar 30", as seed 004 writes them) is in the incident's year; when that is not known,
      // only whether the day exists is checked (against a leap year, so Feb 29 stands).
      const date = parseDate(leading, incident(context).date?.year ?? LEAP_YEAR);
      if (date === 'invalid') return `Due date "${due}" of action item ${label(item)} is not a real date.`;
      if (date === undefined)
        return `Due date "${due}" of action item ${label(item)} is not a date; write it as YYYY-MM-DD.`;
      return undefined;
    }),
};

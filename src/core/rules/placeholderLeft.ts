// PM003: template placeholders left anywhere in the document, except in a section PM002 (RB003) reports empty:
// that finding already says the section holds only template text, so each placeholder is reported once.
import { emptySectionRuleId, emptySections } from './emptySection';
import { documentPlaceholders } from './placeholders';
import { range } from '../markdown/position';
import type { Rule, RuleReport } from './types';
import { incident } from './util';

export const PM003: Rule = {
  id: 'PM003',
  name: 'placeholder-left',
  title: 'Template placeholders are left in the document',
  defaultSeverity: 'warning',
  kinds: ['postmortem', 'runbook', 'incident'],
  check(context) {
    const placeholders = documentPlaceholders(context.doc);
    const reports: RuleReport[] = [];
    // "TODO" is a real value in an action item's Status column (not started), not a blank.
    const statusCells = (incident(context).actionItems?.items ?? [])
      .map((i) => i.fields.status?.range)
      .filter((r) => r !== undefined);
    const isStatusTodo = (line: number, start: number, text: string) =>
      text === 'TODO' &&
      statusCells.some((r) => r.start.line === line && r.start.character <= start && start < r.end.character);
    const emptyRule = emptySectionRuleId(context.kind);
    const empty = context.profile.rules[emptyRule] === 'off' ? [] : emptySections(context);
    placeholders.forEach((hits, line) => {
      if (hits.length === 0 || empty.some((e) => e.covers(line))) return;
      for (const hit of hits) {
        if (isStatusTodo(line, hit.start, hit.text)) continue;
        reports.push({
          message: `Placeholder "${hit.text}" is still in the document; replace it with the real value.`,
          range: range(line, hit.start, line, hit.end),
        });
      }
    });
    return reports;
  },
};

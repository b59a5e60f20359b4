// Pure models of the side bar trees: incident and runbook summaries, groupings, open action items and their labels.
import { formatDate, type ActionItemSummary, type IncidentSummary } from '../incident/summary';
import { baseName } from '../incident/title';
import { parseDate, dayNumber } from '../postmortem/dates';
import type { DocumentKind } from '../profiles/types';

/** How the Incidents view groups its items. */
export type IncidentGrouping = 'year' | 'severity' | 'service';
/** The groupings in the order the toggle cycles through them. */
export const INCIDENT_GROUPINGS: readonly IncidentGrouping[] = ['year', 'severity', 'service'];
/** How the Action Items view groups its items. */
export type ActionItemGrouping = 'owner' | 'incident';
/** The groupings in the order the toggle cycles through them. */
export const ACTION_ITEM_GROUPINGS: readonly ActionItemGrouping[] = ['owner', 'incident'];

/** The label of groups whose items lack the grouping's value. */
export const UNKNOWN = { year: 'No date', severity: 'No severity', service: 'No service', owner: 'No owner' } as const;

/** An incident of the Incidents and Action Items views: the one summary of its document, and the document's URI. */
export interface IncidentItem extends IncidentSummary {
  /** The document's URI as a string: the cache key and the base of tree item ids. */
  readonly uri: string;
}

/** The tree item of a summary: the summary itself with its document's URI. */
export function incidentItem(summary: IncidentSummary, uri: string): IncidentItem {
  return { ...summary, uri };
}

/** What the Runbooks view knows of one runbook. */
export interface RunbookSummary {
  readonly uri: string;
  readonly path: string;
  readonly title: string;
  readonly service: string | undefined;
}

/** A group of a tree: a stable key, a label and its items in display order. */
export interface Group<T> {
  readonly key: string;
  readonly label: string;
  readonly items: readonly T[];
}

export { formatDate, type ActionItemSummary };

/** The Runbooks view's item of a runbook's summary: its title and the service it is for (by default the file name's first word). */
export function runbookSummary(summary: IncidentSummary, uri: string): RunbookSummary {
  return {
    uri,
    path: summary.path,
    title: summary.title,
    service: summary.service ?? baseName(summary.path).split('-')[0],
  };
}

/** The kinds the trees show, from the kind of a document. */
export function treeKind(kind: DocumentKind | undefined): 'incident' | 'runbook' | undefined {
  if (kind === 'postmortem' || kind === 'incident') return 'incident';
  return kind === 'runbook' ? 'runbook' : undefined;
}

/** Newest first; without a date last; then by title. */
export function compareIncidents(a: IncidentItem, b: IncidentItem): number {
  if (a.dateText !== b.dateText) {
    if (!a.dateText) return 1;
    if (!b.dateText) return -1;
    return b.dateText.localeCompare(a.dateText);
  }
  return a.title.localeCompare(b.title) || a.uri.localeCompare(b.uri);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/**
 * Groups incidents by year (newest year first), severity (most severe first, then
 * severities outside the scale, then none) or service (alphabetical, none last);
 * each group newest first.
 */
export function groupIncidents(incidents: readonly IncidentItem[], by: IncidentGrouping): Array<Group<IncidentItem>> {
  const sorted = [...incidents].sort(compareIncidents);
  const keyOf = (i: IncidentItem): string => {
    switch (by) {
      case 'year':
        return i.date ? String(i.date.year) : '';
      case 'severity':
        return i.severity ?? '';
      case 'service':
        return i.service ?? '';
    }
  };
  const rankOf = (key: string, items: readonly IncidentItem[]): number => items[0]?.severityRank ?? (key ? 1000 : 2000);
  const groups = [...groupBy(sorted, keyOf)].map(([key, items]) => ({ key, label: key || UNKNOWN[by], items }));
  return groups.sort((a, b) => {
    if (!a.key !== !b.key) return a.key ? -1 : 1;
    if (by === 'year') return b.key.localeCompare(a.key);
    if (by === 'severity') return rankOf(a.key, a.items) - rankOf(b.key, b.items) || a.key.localeCompare(b.key);
    return a.key.localeCompare(b.key);
  });
}

/** Groups runbooks by service, alphabetical, each group by title. */
export function groupRunbooks(runbooks: readonly RunbookSummary[]): Array<Group<RunbookSummary>> {
  const sorted = [...runbooks].sort((a, b) => a.title.localeCompare(b.title) || a.uri.localeCompare(b.uri));
  return [...groupBy(sorted, (r) => r.service ?? '')]
    .map(([key, items]) => ({ key, label: key || UNKNOWN.service, items }))
    .sort((a, b) => (!a.key !== !b.key ? (a.key ? -1 : 1) : a.key.localeCompare(b.key)));
}

/** How many incidents mention each runbook (by file name), keyed by the runbook's uri. */
export function runbookLinkCounts(
  runbooks: readonly RunbookSummary[],
  incidents: readonly IncidentItem[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of runbooks) {
    const name = r.path.slice(r.path.lastIndexOf('/') + 1).toLowerCase();
    counts.set(r.uri, incidents.filter((i) => i.mentions.includes(name)).length);
  }
  return counts;
}

/** An action item that is not done, with its incident and whether it is overdue. */
export interface OpenActionItem {
  readonly incident: IncidentItem;
  readonly item: ActionItemSummary;
  /** Due before `today`. */
  readonly overdue: boolean;
}

/**
 * Every action item not done across `incidents`: overdue first, then by due date
 * (earliest first, none last), then by incident and line. `today` is `YYYY-MM-DD`.
 */
export function openActionItems(incidents: readonly IncidentItem[], today: string): OpenActionItem[] {
  const now = parseDate(today);
  if (!now || now === 'invalid') throw new Error(`today must be a date as YYYY-MM-DD, got "${today}"`);
  const todayNumber = dayNumber(now);
  const open = incidents.flatMap((incident) =>
    incident.actionItems
      .filter((item) => !item.done)
      .map((item) => ({ incident, item, overdue: item.due !== undefined && dayNumber(item.due) < todayNumber })),
  );
  return open.sort((a, b) => {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    const da = a.item.due ? dayNumber(a.item.due) : Infinity;
    const db = b.item.due ? dayNumber(b.item.due) : Infinity;
    if (da !== db) return da < db ? -1 : 1;
    return compareIncidents(a.incident, b.incident) || a.item.line - b.item.line;
  });
}

/** Groups open action items by owner (alphabetical, none last) or by incident (newest first), keeping their order inside a group. */
export function groupActionItems(
  items: readonly OpenActionItem[],
  by: ActionItemGrouping,
): Array<Group<OpenActionItem>> {
  if (by === 'owner') {
    return [...groupBy(items, (i) => i.item.owner ?? '')]
      .map(([key, list]) => ({ key, label: key || UNKNOWN.owner, items: list }))
      .sort((a, b) => (!a.key !== !b.key ? (a.key ? -1 : 1) : a.key.localeCompare(b.key)));
  }
  return [...groupBy(items, (i) => i.incident.uri)]
    .map(([key, list]) => ({ key, label: incidentLabel(list[0].incident), items: list }))
    .sort((a, b) => compareIncidents(a.items[0].incident, b.items[0].incident));
}

/** The label of an incident item: its title. */
export function incidentLabel(i: IncidentItem): string {
  return i.title;
}

/** The description of an incident item: date, severity and status. */
export function incidentDescription(i: IncidentItem): string {
  return [i.dateText, i.severity, i.status].filter(Boolean).join(' · ');
}

/** The description of a runbook item: the number of incidents mentioning it, when any. */
export function runbookDescription(linkedBy: number): string {
  return linkedBy > 0 ? `${linkedBy} incident${linkedBy === 1 ? '' : 's'}` : '';
}

/** The label of an action item: what is to be done, shortened to `max` characters. */
export function actionItemLabel(o: OpenActionItem, max = 80): string {
  const text = o.item.action || `Action item at line ${o.item.line + 1}`;
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** The description of an action item: owner, due date and whether it is overdue. */
export function actionItemDescription(o: OpenActionItem): string {
  return [
    o.item.owner ?? UNKNOWN.owner.toLowerCase(),
    o.item.dueText ? `due ${o.item.dueText}` : 'no due date',
    o.overdue ? 'overdue' : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** A text replacement on one line. */
export interface LineEdit {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/**
 * The edit that marks an action item done: its Status value (or empty Status cell)
 * becomes `Done`; a list item's `[ ]` becomes `[x]`. Undefined when neither is there.
 */
export function markDoneEdit(item: ActionItemSummary, lineText: string): LineEdit | undefined {
  if (item.statusRange && item.statusRange.start.line === item.line) {
    const { start, end } = item.statusRange;
    if (end.character > start.character)
      return { line: item.line, start: start.character, end: end.character, newText: 'Done' };
  }
  if (item.form === 'table') {
    // An empty cell has no usable range: find it as the blank between two pipes.
    const cell = emptyStatusCell(item, lineText);
    if (cell) return { line: item.line, ...cell, newText: ' Done ' };
    return undefined;
  }
  const box = /^(\s*(?:[-*+]|\d+[.)])\s+)\[ \]/.exec(lineText);
  if (box) return { line: item.line, start: box[1].length, end: box[1].length + 3, newText: '[x]' };
  return undefined;
}

function emptyStatusCell(item: ActionItemSummary, lineText: string): { start: number; end: number } | undefined {
  const at = item.statusRange?.start.character;
  if (at === undefined) return undefined;
  const open = lineText.lastIndexOf('|', Math.max(0, at - 1));
  const close = lineText.indexOf('|', open + 1);
  if (open < 0 || close < 0 || lineText.slice(open + 1, close).trim() !== '') return undefined;
  return { start: open + 1, end: close };
}

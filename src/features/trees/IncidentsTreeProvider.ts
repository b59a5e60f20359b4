// The Incidents tree: postmortems and incident records, newest first, grouped by year, severity or service.
import * as vscode from 'vscode';
import {
  groupIncidents,
  incidentDescription,
  incidentLabel,
  type IncidentGrouping,
  type IncidentItem,
} from '../../core/trees/model';
import { DocumentTreeProvider } from './DocumentTreeProvider';
import { groupNodes, markProblems, rootsByFolder, type IncidentNode, type TreeNode } from './treeNodes';
import type { TreeDocumentManager, TreeEntry } from './TreeDocumentManager';
import { Views, TreeItemContexts } from '../../constants';

const SEVERITY_COLORS = ['charts.red', 'charts.orange', 'charts.yellow', 'charts.blue'];
const LIVE_STATUS = /^(?:investigating|identified|fixing|monitoring|mitigated)$/i;

/** The themed icon of a severity: scale position decides the colour. */
export function severityIcon(summary: Pick<IncidentItem, 'severityRank' | 'status'>): vscode.ThemeIcon {
  if (summary.severityRank === undefined) return new vscode.ThemeIcon('circle-outline');
  const color = new vscode.ThemeColor(SEVERITY_COLORS[Math.min(summary.severityRank, SEVERITY_COLORS.length - 1)]);
  // A live incident still being worked on shows a flame instead of a dot.
  return new vscode.ThemeIcon(summary.status && LIVE_STATUS.test(summary.status) ? 'flame' : 'circle-filled', color);
}

export class IncidentsTreeProvider extends DocumentTreeProvider {
  private grouping: IncidentGrouping;

  constructor(manager: TreeDocumentManager, grouping: IncidentGrouping = 'year') {
    super(manager);
    this.grouping = grouping;
  }

  get groupBy(): IncidentGrouping {
    return this.grouping;
  }

  set groupBy(value: IncidentGrouping) {
    this.grouping = value;
    this.refresh();
  }

  protected buildRoots(): TreeNode[] {
    const entries = this.manager
      .all()
      .filter((e): e is Extract<TreeEntry, { type: 'incident' }> => e.type === 'incident');
    const byUri = new Map(entries.map((e) => [e.summary.uri, e]));
    return rootsByFolder(Views.incidents, entries, (list, prefix) =>
      groupNodes(
        `${prefix}|${this.grouping}`,
        groupIncidents(
          list.map((e) => e.summary),
          this.grouping,
        ),
        (summary, groupId): IncidentNode => ({
          type: 'incident',
          id: `${groupId}|${summary.uri}`,
          entry: byUri.get(summary.uri) as IncidentNode['entry'],
        }),
        (g) =>
          this.grouping === 'severity' && g.items[0]
            ? severityIcon({ severityRank: g.items[0].severityRank, status: undefined })
            : undefined,
      ),
    );
  }

  protected leafItem(node: Exclude<TreeNode, { type: 'folder' | 'group' }>): vscode.TreeItem {
    if (node.type !== 'incident') throw new Error(`unexpected node ${node.type} in the Incidents view`);
    const { summary, uri } = node.entry;
    const item = new vscode.TreeItem(incidentLabel(summary), vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.resourceUri = uri;
    item.description = incidentDescription(summary);
    item.iconPath = severityIcon(summary);
    markProblems(
      item,
      uri,
      `${summary.title}\n${summary.path}${summary.severity ? `\n${vscode.l10n.t('Severity: {0}', summary.severity)}` : ''}${summary.status ? `\n${vscode.l10n.t('Status: {0}', summary.status)}` : ''}`,
    );
    item.contextValue = TreeItemContexts.incident;
    item.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [uri] };
    return item;
  }
}

// The Action Items tree: open action items across postmortems, overdue first, grouped by owner or incident.
import * as vscode from 'vscode';
import {
  actionItemDescription,
  actionItemLabel,
  groupActionItems,
  openActionItems,
  type ActionItemGrouping,
} from '../../core/trees/model';
import { DocumentTreeProvider } from './DocumentTreeProvider';
import { groupNodes, rootsByFolder, type ActionItemNode, type TreeNode } from './treeNodes';
import type { TreeDocumentManager, TreeEntry } from './TreeDocumentManager';
import { Views, TreeItemContexts } from '../../constants';

/** Today as `YYYY-MM-DD` in local time. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export class ActionItemsTreeProvider extends DocumentTreeProvider {
  private grouping: ActionItemGrouping;

  /** `today` is read on every rebuild, so overdue marks follow the clock (tests inject a fixed day). */
  constructor(
    manager: TreeDocumentManager,
    grouping: ActionItemGrouping = 'owner',
    private readonly today: () => string = () => localToday(),
  ) {
    super(manager);
    this.grouping = grouping;
  }

  get groupBy(): ActionItemGrouping {
    return this.grouping;
  }

  set groupBy(value: ActionItemGrouping) {
    this.grouping = value;
    this.refresh();
  }

  protected buildRoots(): TreeNode[] {
    const entries = this.manager
      .all()
      .filter((e): e is Extract<TreeEntry, { type: 'incident' }> => e.type === 'incident');
    const uris = new Map(entries.map((e) => [e.summary.uri, e.uri]));
    const today = this.today();
    return rootsByFolder(Views.actionItems, entries, (list, prefix) =>
      groupNodes(
        `${prefix}|${this.grouping}`,
        groupActionItems(
          openActionItems(
            list.map((e) => e.summary),
            today,
          ),
          this.grouping,
        ),
        (open, groupId): ActionItemNode => ({
          type: 'actionItem',
          // The item's position among the document's action items, not its line, names it.
          id: `${groupId}|${open.incident.uri}|${open.incident.actionItems.indexOf(open.item)}`,
          uri: uris.get(open.incident.uri) as vscode.Uri,
          open,
        }),
        () => new vscode.ThemeIcon(this.grouping === 'owner' ? 'person' : 'notebook'),
      ),
    );
  }

  protected leafItem(node: Exclude<TreeNode, { type: 'folder' | 'group' }>): vscode.TreeItem {
    if (node.type !== 'actionItem') throw new Error(`unexpected node ${node.type} in the Action Items view`);
    const { open, uri } = node;
    const item = new vscode.TreeItem(actionItemLabel(open), vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = actionItemDescription(open);
    item.iconPath = open.overdue
      ? new vscode.ThemeIcon('alert', new vscode.ThemeColor('list.errorForeground'))
      : new vscode.ThemeIcon('circle-large-outline');
    item.tooltip = new vscode.MarkdownString().appendText(
      `${open.item.action}\n\n${open.incident.title} (${open.incident.path}:${open.item.line + 1})\n${vscode.l10n.t('Owner: {0} · Due: {1}', open.item.owner ?? vscode.l10n.t('none'), open.item.dueText ?? vscode.l10n.t('none'))}${open.overdue ? vscode.l10n.t(' · overdue') : ''}`,
    );
    item.contextValue = TreeItemContexts.actionItem;
    const at = new vscode.Range(open.item.line, 0, open.item.line, 0);
    item.command = {
      title: vscode.l10n.t('Open'),
      command: 'vscode.open',
      arguments: [uri, { selection: at } satisfies vscode.TextDocumentShowOptions],
    };
    return item;
  }
}

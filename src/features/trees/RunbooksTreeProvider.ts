// The Runbooks tree: runbooks grouped by service, with how many incidents mention each.
import * as vscode from 'vscode';
import { groupRunbooks, runbookDescription, runbookLinkCounts } from '../../core/trees/model';
import { DocumentTreeProvider } from './DocumentTreeProvider';
import { groupNodes, markProblems, rootsByFolder, type RunbookNode, type TreeNode } from './treeNodes';
import type { TreeEntry } from './TreeDocumentManager';
import { Views, TreeItemContexts } from '../../constants';

export class RunbooksTreeProvider extends DocumentTreeProvider {
  protected buildRoots(): TreeNode[] {
    const all = this.manager.all();
    const runbooks = all.filter((e): e is Extract<TreeEntry, { type: 'runbook' }> => e.type === 'runbook');
    const incidents = all.flatMap((e) => (e.type === 'incident' ? [e.summary] : []));
    const byUri = new Map(runbooks.map((e) => [e.summary.uri, e]));
    const counts = runbookLinkCounts(
      runbooks.map((r) => r.summary),
      incidents,
    );
    return rootsByFolder(Views.runbooks, runbooks, (list, prefix) =>
      groupNodes(
        prefix,
        groupRunbooks(list.map((e) => e.summary)),
        (summary, groupId): RunbookNode => ({
          type: 'runbook',
          id: `${groupId}|${summary.uri}`,
          entry: byUri.get(summary.uri) as RunbookNode['entry'],
          linkedBy: counts.get(summary.uri) ?? 0,
        }),
        () => new vscode.ThemeIcon('server'),
      ),
    );
  }

  protected leafItem(node: Exclude<TreeNode, { type: 'folder' | 'group' }>): vscode.TreeItem {
    if (node.type !== 'runbook') throw new Error(`unexpected node ${node.type} in the Runbooks view`);
    const { summary, uri } = node.entry;
    const item = new vscode.TreeItem(summary.title, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.resourceUri = uri;
    item.description = runbookDescription(node.linkedBy) || undefined;
    item.iconPath = new vscode.ThemeIcon('book');
    markProblems(
      item,
      uri,
      `${summary.title}\n${summary.path}${node.linkedBy > 0 ? `\n${vscode.l10n.t('Mentioned by {0}', runbookDescription(node.linkedBy))}` : ''}`,
    );
    item.contextValue = TreeItemContexts.runbook;
    item.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [uri] };
    return item;
  }
}

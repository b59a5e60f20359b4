// Registers the side bar trees (Incidents, Runbooks, Action Items), their manager and their commands.
import * as vscode from 'vscode';
import {
  ACTION_ITEM_GROUPINGS,
  INCIDENT_GROUPINGS,
  markDoneEdit,
  type ActionItemGrouping,
  type IncidentGrouping,
} from '../../core/trees/model';
import { ActionItemsTreeProvider } from './ActionItemsTreeProvider';
import { IncidentsTreeProvider } from './IncidentsTreeProvider';
import { RunbooksTreeProvider } from './RunbooksTreeProvider';
import { nodeUri, type TreeNode } from './treeNodes';
import { TreeDocumentManager, type TreeDocumentDeps } from './TreeDocumentManager';
import { Commands, Views, ContextKeys } from '../../constants';

/** What the trees feature needs from the extension. */
export interface TreesDeps extends TreeDocumentDeps {
  /** Today as `YYYY-MM-DD`, for overdue marks; the local date when left out. */
  readonly today?: () => string;
}

/** The registered feature; the providers and manager are there for the integration tests (through the extension's exports). */
export interface TreesFeature extends vscode.Disposable {
  readonly incidents: IncidentsTreeProvider;
  readonly runbooks: RunbooksTreeProvider;
  readonly actionItems: ActionItemsTreeProvider;
  readonly manager: TreeDocumentManager;
  /** Fires when one of the trees' views becomes visible (the side bar was opened). */
  readonly onDidShow: vscode.Event<void>;
}

const STATE = { incidentGrouping: 'trees.incidentGrouping', actionItemGrouping: 'trees.actionItemGrouping' } as const;

export function register(context: vscode.ExtensionContext, deps: TreesDeps): TreesFeature {
  const manager = new TreeDocumentManager(deps);
  const incidents = new IncidentsTreeProvider(
    manager,
    context.workspaceState.get<IncidentGrouping>(STATE.incidentGrouping, 'year'),
  );
  const runbooks = new RunbooksTreeProvider(manager);
  const actionItems = new ActionItemsTreeProvider(
    manager,
    context.workspaceState.get<ActionItemGrouping>(STATE.actionItemGrouping, 'owner'),
    deps.today,
  );
  const incidentsView = vscode.window.createTreeView(Views.incidents, {
    treeDataProvider: incidents,
    showCollapseAll: true,
  });
  const runbooksView = vscode.window.createTreeView(Views.runbooks, {
    treeDataProvider: runbooks,
    showCollapseAll: true,
  });
  const actionItemsView = vscode.window.createTreeView(Views.actionItems, {
    treeDataProvider: actionItems,
    showCollapseAll: true,
  });

  const describe = () => {
    incidentsView.description = `by ${incidents.groupBy}`;
    actionItemsView.description = `by ${actionItems.groupBy}`;
    void vscode.commands.executeCommand('setContext', ContextKeys.incidentGrouping, incidents.groupBy);
    void vscode.commands.executeCommand('setContext', ContextKeys.actionItemGrouping, actionItems.groupBy);
  };

  const disposable = vscode.Disposable.from(
    manager,
    incidents,
    runbooks,
    actionItems,
    incidentsView,
    runbooksView,
    actionItemsView,
    vscode.commands.registerCommand(Commands.refreshTrees, () => manager.rescan()),
    vscode.commands.registerCommand(Commands.toggleIncidentGrouping, async () => {
      incidents.groupBy = next(INCIDENT_GROUPINGS, incidents.groupBy);
      await context.workspaceState.update(STATE.incidentGrouping, incidents.groupBy);
      describe();
    }),
    vscode.commands.registerCommand(Commands.toggleActionItemGrouping, async () => {
      actionItems.groupBy = next(ACTION_ITEM_GROUPINGS, actionItems.groupBy);
      await context.workspaceState.update(STATE.actionItemGrouping, actionItems.groupBy);
      describe();
    }),
    vscode.commands.registerCommand(Commands.markActionItemDone, (node?: TreeNode) =>
      markDone(node ?? actionItemsView.selection[0]),
    ),
    vscode.commands.registerCommand(Commands.openTreeItemToSide, async (node?: TreeNode) => {
      const uri = node && nodeUri(node);
      if (uri) await vscode.commands.executeCommand('vscode.open', uri, { viewColumn: vscode.ViewColumn.Beside });
    }),
    vscode.commands.registerCommand(Commands.revealTreeItemInExplorer, async (node?: TreeNode) => {
      const uri = node && nodeUri(node);
      if (uri) await vscode.commands.executeCommand('revealInExplorer', uri);
    }),
    vscode.commands.registerCommand(Commands.filterTrees, async (text?: unknown) => {
      const value =
        typeof text === 'string'
          ? text
          : await vscode.window.showInputBox({
              title: vscode.l10n.t('Filter the incident views'),
              prompt: vscode.l10n.t('Show only items whose title or details contain this text (empty shows all).'),
              value: incidents.filter ?? '',
            });
      if (value === undefined) return undefined;
      return applyFilter(value);
    }),
    vscode.commands.registerCommand(Commands.clearTreeFilter, () => applyFilter('')),
    vscode.commands.registerCommand(Commands.copyTreeItemLink, async (node?: TreeNode) => {
      const uri = node && nodeUri(node);
      if (!uri) return undefined;
      const item =
        node.type === 'incident'
          ? incidents.getTreeItem(node)
          : node.type === 'runbook'
            ? runbooks.getTreeItem(node)
            : actionItems.getTreeItem(node);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      const link = `[${label.replace(/[[\]]/g, '\\$&')}](${vscode.workspace.asRelativePath(uri, false).split(' ').join('%20')})`;
      await vscode.env.clipboard.writeText(link);
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Link copied to the clipboard'), 3000);
      return link;
    }),
    vscode.commands.registerCommand(Commands.lintTreeItem, async (node?: TreeNode) => {
      const uri = node && nodeUri(node);
      if (!uri) return undefined;
      // Opening the document lints it (the diagnostics feature listens); the Problems panel shows the result.
      await vscode.workspace.openTextDocument(uri);
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      return uri;
    }),
  );

  /** Filters all three views; the views say so in their message while a filter is on. */
  function applyFilter(value: string): number {
    for (const p of [incidents, runbooks, actionItems]) p.filter = value;
    const on = incidents.filter !== undefined;
    const message = (n: number) =>
      on
        ? vscode.l10n.t('Filtered by "{0}": {1} shown. Run "Incident: Clear Filter" to show all.', value.trim(), n)
        : undefined;
    incidentsView.message = message(incidents.leafCount());
    runbooksView.message = message(runbooks.leafCount());
    actionItemsView.message = message(actionItems.leafCount());
    void vscode.commands.executeCommand('setContext', ContextKeys.treesFiltered, on);
    return incidents.leafCount() + runbooks.leafCount() + actionItems.leafCount();
  }
  describe();
  void manager.rescan();
  const shown = new vscode.EventEmitter<void>();
  const visibility = [incidentsView, runbooksView, actionItemsView].map((view) =>
    view.onDidChangeVisibility((e) => {
      if (e.visible) shown.fire();
    }),
  );
  // Already shown when the views were created (the side bar was open at start-up): say so once listeners are in.
  if ([incidentsView, runbooksView, actionItemsView].some((v) => v.visible)) queueMicrotask(() => shown.fire());
  return {
    incidents,
    runbooks,
    actionItems,
    manager,
    onDidShow: shown.event,
    dispose: () => {
      visibility.forEach((d) => d.dispose());
      shown.dispose();
      disposable.dispose();
    },
  };
}

function next<T>(all: readonly T[], current: T): T {
  return all[(all.indexOf(current) + 1) % all.length];
}

/** Writes `Done` into the item's Status cell (or checks its box) through a WorkspaceEdit, and saves a document that was saved before. */
async function markDone(node: TreeNode | undefined): Promise<boolean> {
  if (node?.type !== 'actionItem') {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Select an action item in the Action Items view to mark it done.'),
    );
    return false;
  }
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Incident Workbench writes no file in an untrusted workspace.'),
    );
    return false;
  }
  const document = await vscode.workspace.openTextDocument(node.uri);
  const { item } = node.open;
  const lineText = item.line < document.lineCount ? document.lineAt(item.line).text : '';
  const edit = markDoneEdit(item, lineText);
  // The document changed since it was read: the item's line is no longer that item.
  if (!edit || !lineText.includes(item.action.slice(0, 20))) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Cannot mark "{0}" done: it has no Status column or checkbox to edit, or the document changed.',
        item.action,
      ),
    );
    return false;
  }
  const wasDirty = document.isDirty;
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(node.uri, new vscode.Range(edit.line, edit.start, edit.line, edit.end), edit.newText);
  if (!(await vscode.workspace.applyEdit(workspaceEdit))) return false;
  if (!wasDirty) await document.save();
  return true;
}

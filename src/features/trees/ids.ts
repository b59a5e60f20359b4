// The side bar trees' ids: views, commands and context keys come from constants.ts; item context values are defined here.
import { Commands, ContextKeys, Views } from '../../constants';

/** View ids, in the `incidentWorkbench` activity-bar container. */
export const TreeViews = { incidents: Views.incidents, runbooks: Views.runbooks, actionItems: Views.actionItems } as const;

/** Command ids of this feature. */
export const TreeCommands = {
  refreshTrees: Commands.refreshTrees,
  toggleIncidentGrouping: Commands.toggleIncidentGrouping,
  toggleActionItemGrouping: Commands.toggleActionItemGrouping,
  markActionItemDone: Commands.markActionItemDone,
  openTreeItemToSide: Commands.openTreeItemToSide,
  revealTreeItemInExplorer: Commands.revealTreeItemInExplorer,
  filterTrees: Commands.filterTrees,
  clearTreeFilter: Commands.clearTreeFilter,
  copyTreeItemLink: Commands.copyTreeItemLink,
  lintTreeItem: Commands.lintTreeItem,
} as const;

/** `contextValue`s of the tree items, matched by `viewItem ==` in menus. */
export const TreeItemContexts = {
  folder: 'incidentWorkbench.treeFolder',
  group: 'incidentWorkbench.treeGroup',
  incident: 'incidentWorkbench.incidentDocument',
  runbook: 'incidentWorkbench.runbookDocument',
  actionItem: 'incidentWorkbench.openActionItem',
} as const;

/** Context keys the view titles read. */
export const TreeContextKeys = { incidentGrouping: ContextKeys.incidentGrouping, actionItemGrouping: ContextKeys.actionItemGrouping, treesFiltered: ContextKeys.treesFiltered } as const;

/** The source of the linter's diagnostics (DIAGNOSTIC_SOURCE in constants.ts). */
export { DIAGNOSTIC_SOURCE } from '../../constants';

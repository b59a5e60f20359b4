// The node types shared by the three side bar trees, and the tree items they have in common.
import * as vscode from 'vscode';
import type { Group, OpenActionItem } from '../../core/trees/model';
import type { TreeEntry } from './TreeDocumentManager';
import { DIAGNOSTIC_SOURCE, TreeItemContexts } from '../../constants';

/** A workspace folder, as root when several are open. */
export interface FolderNode {
  readonly type: 'folder';
  readonly id: string;
  readonly folder: vscode.WorkspaceFolder;
  children: TreeNode[];
}
/** A year, severity, service, owner or incident group. */
export interface GroupNode {
  readonly type: 'group';
  readonly id: string;
  readonly label: string;
  readonly icon?: vscode.ThemeIcon;
  children: TreeNode[];
}
/** A postmortem or incident record. */
export interface IncidentNode {
  readonly type: 'incident';
  readonly id: string;
  readonly entry: Extract<TreeEntry, { type: 'incident' }>;
}
/** A runbook, with the number of incidents that mention it. */
export interface RunbookNode {
  readonly type: 'runbook';
  readonly id: string;
  readonly entry: Extract<TreeEntry, { type: 'runbook' }>;
  readonly linkedBy: number;
}
/** An action item that is not done. */
export interface ActionItemNode {
  readonly type: 'actionItem';
  readonly id: string;
  readonly uri: vscode.Uri;
  readonly open: OpenActionItem;
}

export type TreeNode = FolderNode | GroupNode | IncidentNode | RunbookNode | ActionItemNode;

/** The uri a node opens, if it opens one. */
export function nodeUri(node: TreeNode): vscode.Uri | undefined {
  if (node.type === 'incident' || node.type === 'runbook') return node.entry.uri;
  if (node.type === 'actionItem') return node.uri;
  return undefined;
}

/** Error diagnostics of the linter for `uri`. */
export function lintErrors(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE && d.severity === vscode.DiagnosticSeverity.Error);
}

/** Adds the problem marker (icon and tooltip) when the linter has errors for `uri`; returns whether it did. */
export function markProblems(item: vscode.TreeItem, uri: vscode.Uri, tooltip: string): boolean {
  const errors = lintErrors(uri);
  if (errors.length === 0) {
    item.tooltip = tooltip;
    return false;
  }
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  const first = errors[0];
  const code = first.code ? `${typeof first.code === 'object' ? String(first.code.value) : String(first.code)} ` : '';
  const problems = errors.length === 1 ? vscode.l10n.t('1 problem') : vscode.l10n.t('{0} problems', errors.length);
  item.tooltip = `${tooltip}\n\n${vscode.l10n.t('{0}: {1}{2} (line {3})', problems, code, first.message, first.range.start.line + 1)}`;
  return true;
}

/** Tree item of a folder or group node. */
export function containerItem(node: FolderNode | GroupNode): vscode.TreeItem {
  const item = new vscode.TreeItem(
    node.type === 'folder' ? node.folder.name : node.label,
    vscode.TreeItemCollapsibleState.Expanded,
  );
  item.id = node.id;
  item.contextValue = node.type === 'folder' ? TreeItemContexts.folder : TreeItemContexts.group;
  if (node.type === 'folder') item.iconPath = vscode.ThemeIcon.Folder;
  else {
    item.iconPath = node.icon;
    item.description = String(countLeaves(node));
  }
  return item;
}

function countLeaves(node: TreeNode): number {
  if (node.type === 'folder' || node.type === 'group') return node.children.reduce((n, c) => n + countLeaves(c), 0);
  return 1;
}

/**
 * Builds roots from `entries`: one folder node per workspace folder when several are
 * open, else the groups directly. `groups` turns one folder's entries into group nodes.
 */
export function rootsByFolder<E extends TreeEntry>(
  view: string,
  entries: readonly E[],
  groups: (entries: readonly E[], idPrefix: string) => TreeNode[],
): TreeNode[] {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return groups(entries, view);
  return folders
    .map((folder): FolderNode => {
      const id = `${view}|${folder.uri.toString()}`;
      return {
        type: 'folder',
        id,
        folder,
        children: groups(
          entries.filter((e) => e.folder.uri.toString() === folder.uri.toString()),
          id,
        ),
      };
    })
    .filter((f) => f.children.length > 0);
}

/** Maps groups from core to group nodes. */
export function groupNodes<T>(
  idPrefix: string,
  groups: ReadonlyArray<Group<T>>,
  leaf: (item: T, groupId: string) => TreeNode,
  icon?: (group: Group<T>) => vscode.ThemeIcon | undefined,
): GroupNode[] {
  return groups.map((g) => {
    const id = `${idPrefix}|group|${g.key}`;
    return { type: 'group', id, label: g.label, icon: icon?.(g), children: g.items.map((i) => leaf(i, id)) };
  });
}

/** Keeps, per document uri, the nodes of the last build, so a diagnostics change refreshes just them. */
export class NodesByUri {
  private map = new Map<string, TreeNode[]>();

  reset(roots: readonly TreeNode[]): void {
    this.map = new Map();
    const visit = (n: TreeNode): void => {
      const uri = nodeUri(n)?.toString();
      if (uri) this.map.set(uri, [...(this.map.get(uri) ?? []), n]);
      if (n.type === 'folder' || n.type === 'group') n.children.forEach(visit);
    };
    roots.forEach(visit);
  }

  get(uris: readonly vscode.Uri[]): TreeNode[] {
    return uris.flatMap((u) => this.map.get(u.toString()) ?? []);
  }
}

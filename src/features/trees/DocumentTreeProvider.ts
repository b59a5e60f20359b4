// The common part of the side bar trees: nodes built from the manager's cache, refreshed on its events.
import * as vscode from 'vscode';
import { containerItem, NodesByUri, type TreeNode } from './treeNodes';
import type { TreeDocumentManager } from './TreeDocumentManager';

/**
 * A tree whose nodes are built in memory from the manager's cache (no IO in getChildren);
 * ids are stable, so expansion survives a refresh.
 */
export abstract class DocumentTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  private readonly subscriptions: vscode.Disposable[];
  private readonly byUri = new NodesByUri();
  private roots: TreeNode[] | undefined;
  private readonly parents = new Map<TreeNode, TreeNode>();
  private filterText: string | undefined;
  readonly onDidChangeTreeData = this.changed.event;

  /** Text the leaves' labels or descriptions must contain (case-insensitive); undefined shows all. */
  get filter(): string | undefined {
    return this.filterText;
  }

  set filter(value: string | undefined) {
    this.filterText = value?.trim() ? value.trim().toLowerCase() : undefined;
    this.refresh();
  }

  /** How many leaves the tree shows now (after the filter). */
  leafCount(): number {
    const count = (nodes: readonly TreeNode[]): number =>
      nodes.reduce((n, c) => n + (c.type === 'folder' || c.type === 'group' ? count(c.children) : 1), 0);
    return count(this.build());
  }

  constructor(protected readonly manager: TreeDocumentManager) {
    this.subscriptions = [
      manager.onDidChange(() => this.refresh()),
      manager.onDidChangeDiagnostics((uris) => {
        const nodes = this.byUri.get(uris);
        if (nodes.length > 0) this.changed.fire(nodes);
      }),
    ];
  }

  /** Rebuilds the nodes from the cache and tells VS Code. */
  refresh(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.type === 'folder' || node.type === 'group') return containerItem(node);
    return this.leafItem(node);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) return this.build();
    return node.type === 'folder' || node.type === 'group' ? node.children : [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.parents.get(node);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }

  /** Keeps the leaves whose label or description contains `text`, and the groups that still hold one. */
  private prune(nodes: TreeNode[], text: string): TreeNode[] {
    const kept: TreeNode[] = [];
    for (const node of nodes) {
      if (node.type === 'folder' || node.type === 'group') {
        const children = this.prune(node.children, text);
        if (children.length > 0) kept.push({ ...node, children });
        continue;
      }
      const item = this.leafItem(node);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      const haystack = `${label} ${typeof item.description === 'string' ? item.description : ''}`.toLowerCase();
      if (haystack.includes(text)) kept.push(node);
    }
    return kept;
  }

  /** The roots, built from the manager's cache. */
  protected abstract buildRoots(): TreeNode[];
  /** The tree item of a document or action item node. */
  protected abstract leafItem(node: Exclude<TreeNode, { type: 'folder' | 'group' }>): vscode.TreeItem;

  private build(): TreeNode[] {
    if (this.roots) return this.roots;
    const roots = this.filterText ? this.prune(this.buildRoots(), this.filterText) : this.buildRoots();
    this.parents.clear();
    const visit = (n: TreeNode): void => {
      if (n.type !== 'folder' && n.type !== 'group') return;
      for (const c of n.children) {
        this.parents.set(c, n);
        visit(c);
      }
    };
    roots.forEach(visit);
    this.byUri.reset(roots);
    this.roots = roots;
    return roots;
  }
}

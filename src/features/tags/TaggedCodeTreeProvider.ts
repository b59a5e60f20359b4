// The "Incident-Tagged Code" tree: incidents, then files, then each tagged line; refreshed per changed incident.
import * as vscode from 'vscode';
import { incidentKey, type IncidentDocumentRef } from '../../core/tags';
import { toVsRange } from '../shared/convert';
import { tagName, type OpenIncidentArgs } from './tagCommandArgs';
import type { TagIndexChange, TagIndexManager, TagLocation } from './TagIndexManager';
import { Commands, TreeItemContexts } from '../../constants';

/** An incident: every tag of one folder with the same date and slug. */
export interface IncidentNode {
  readonly type: 'incident';
  readonly id: string;
  folder: vscode.WorkspaceFolder;
  key: string;
  /** `INCIDENT-2026-03-15` or `INCIDENT-2026-03-15 slug`. */
  name: string;
  dateText: string;
  documents: readonly IncidentDocumentRef[];
  files: FileNode[];
}

/** A file holding tags of one incident. */
export interface FileNode {
  readonly type: 'file';
  readonly id: string;
  parent: IncidentNode;
  uri: vscode.Uri;
  path: string;
  locations: LocationNode[];
}

/** One tag: opens the file at its line. */
export interface LocationNode {
  readonly type: 'location';
  readonly id: string;
  parent: FileNode;
  location: TagLocation;
}

export type TaggedCodeNode = IncidentNode | FileNode | LocationNode;

/**
 * The tree's data. Node objects are kept by id and updated in place, so an update can
 * refresh just the incidents that changed and VS Code keeps what is expanded and selected.
 */
export class TaggedCodeTreeProvider implements vscode.TreeDataProvider<TaggedCodeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TaggedCodeNode | TaggedCodeNode[] | undefined>();
  private readonly nodes = new Map<string, TaggedCodeNode>();
  private roots: IncidentNode[] = [];
  private signatures = new Map<string, string>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly index: TagIndexManager) {
    this.rebuild();
    this.subscription = index.onDidChange((change) => this.update(change));
  }

  getTreeItem(node: TaggedCodeNode): vscode.TreeItem | Thenable<vscode.TreeItem> {
    switch (node.type) {
      case 'incident':
        return this.incidentItem(node);
      case 'file': {
        const item = new vscode.TreeItem(node.uri, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        const dir = node.path.includes('/') ? node.path.slice(0, node.path.lastIndexOf('/')) : '';
        item.description = `${dir ? `${dir} · ` : ''}${node.locations.length === 1 ? vscode.l10n.t('1 location') : vscode.l10n.t('{0} locations', node.locations.length)}`;
        item.contextValue = TreeItemContexts.taggedFile;
        return item;
      }
      case 'location': {
        const { tag, uri } = node.location;
        const item = new vscode.TreeItem(
          `${tag.range.start.line + 1}: ${tag.description || tagName(tag)}`,
          vscode.TreeItemCollapsibleState.None,
        );
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('comment');
        item.tooltip = `${tagName(tag)}: ${tag.description}\n${node.location.path}:${tag.range.start.line + 1}`;
        item.command = {
          title: vscode.l10n.t('Open'),
          command: 'vscode.open',
          arguments: [uri, { selection: toVsRange(tag.headRange) }],
        };
        item.contextValue = TreeItemContexts.taggedLocation;
        return item;
      }
    }
  }

  getChildren(node?: TaggedCodeNode): TaggedCodeNode[] {
    if (!node) return this.roots;
    if (node.type === 'incident') return node.files;
    if (node.type === 'file') return node.locations;
    return [];
  }

  getParent(node: TaggedCodeNode): TaggedCodeNode | undefined {
    return node.type === 'incident' ? undefined : node.parent;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private async incidentItem(node: IncidentNode): Promise<vscode.TreeItem> {
    const summary = node.documents[0] ? await this.index.summary(node.folder, node.documents[0]) : undefined;
    const label = summary ? `${node.dateText} · ${summary.title}` : node.name;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = node.id;
    const count = node.files.reduce((n, f) => n + f.locations.length, 0);
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    item.description = [
      summary?.severity,
      vscode.l10n.t(
        '{0} in {1}',
        count === 1 ? vscode.l10n.t('1 location') : vscode.l10n.t('{0} locations', count),
        node.files.length === 1 ? vscode.l10n.t('1 file') : vscode.l10n.t('{0} files', node.files.length),
      ),
      node.documents.length === 0 ? vscode.l10n.t('no incident document') : undefined,
      multiRoot ? node.folder.name : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = new vscode.ThemeIcon(node.documents.length === 0 ? 'warning' : 'flame');
    item.tooltip =
      node.documents.length > 0
        ? `${node.name}\n${node.documents.map((d) => d.path).join('\n')}`
        : vscode.l10n.t('{0}: no incident document matches (TG001)', node.name);
    item.contextValue =
      node.documents.length > 0 ? TreeItemContexts.taggedIncident : TreeItemContexts.taggedIncidentWithoutDocument;
    if (node.documents.length > 0) {
      const args: OpenIncidentArgs = {
        folder: node.folder.uri.toString(),
        tag: node.name,
        documents: node.documents.map((d) => d.path),
      };
      // Clicking the incident opens its document; the twistie still expands it.
      item.command = {
        title: vscode.l10n.t('Open Incident Document'),
        command: Commands.openTagIncident,
        arguments: [args],
      };
    }
    return item;
  }

  /** Regroups the index and fires for what changed: the incidents touched, or the root when incidents came or went. */
  private update(change: TagIndexChange): void {
    const before = this.roots.map((r) => r.id).join('\n');
    const previous = this.signatures;
    this.rebuild();
    const after = this.roots.map((r) => r.id).join('\n');
    if (before !== after || change.uris === undefined) {
      this.changed.fire(undefined);
      return;
    }
    const touched = this.roots.filter((r) => previous.get(r.id) !== this.signatures.get(r.id));
    if (touched.length > 0) this.changed.fire(touched);
  }

  private rebuild(): void {
    const seen = new Set<string>();
    const groups = new Map<string, TagLocation[]>();
    for (const location of this.index.locations()) {
      const id = `incident|${location.folder.uri.toString()}|${incidentKey(location.tag)}`;
      const list = groups.get(id) ?? [];
      list.push(location);
      groups.set(id, list);
    }
    const roots: IncidentNode[] = [];
    const signatures = new Map<string, string>();
    for (const [id, locations] of groups) {
      const first = locations[0];
      const key = incidentKey(first.tag);
      const incident = this.node<IncidentNode>(id, () => ({
        type: 'incident',
        id,
        folder: first.folder,
        key,
        name: tagName(first.tag),
        dateText: first.tag.dateText,
        documents: [],
        files: [],
      }));
      incident.folder = first.folder;
      incident.name = tagName(first.tag);
      incident.documents = this.index.link(first.uri, first.tag);
      incident.files = [];
      seen.add(id);
      const byFile = new Map<string, TagLocation[]>();
      for (const l of locations) byFile.set(l.path, [...(byFile.get(l.path) ?? []), l]);
      for (const [path, inFile] of byFile) {
        const fileId = `file|${id}|${path}`;
        const file = this.node<FileNode>(fileId, () => ({
          type: 'file',
          id: fileId,
          parent: incident,
          uri: inFile[0].uri,
          path,
          locations: [],
        }));
        file.parent = incident;
        file.locations = inFile.map((location, ordinal) => {
          // The ordinal, not the line, names a location: editing above it keeps it the same item.
          const locationId = `location|${fileId}|${ordinal}`;
          const node = this.node<LocationNode>(locationId, () => ({
            type: 'location',
            id: locationId,
            parent: file,
            location,
          }));
          node.parent = file;
          node.location = location;
          seen.add(locationId);
          return node;
        });
        seen.add(fileId);
        incident.files.push(file);
      }
      roots.push(incident);
      signatures.set(
        id,
        JSON.stringify([
          incident.documents.map((d) => d.path),
          locations.map((l) => [l.path, l.tag.range, l.tag.description]),
        ]),
      );
    }
    for (const id of [...this.nodes.keys()]) if (!seen.has(id)) this.nodes.delete(id);
    // Newest incident first; without a date difference, by name.
    this.roots = roots.sort((a, b) => b.dateText.localeCompare(a.dateText) || a.name.localeCompare(b.name));
    this.signatures = signatures;
  }

  private node<T extends TaggedCodeNode>(id: string, create: () => T): T {
    let node = this.nodes.get(id) as T | undefined;
    if (!node) {
      node = create();
      this.nodes.set(id, node);
    }
    return node;
  }
}

// The one workspace-document layer: a document's text (open editor first, else disk), its parsed model and its
// incident summary, cached by URI and version, with the size limit applied once.
import * as vscode from 'vscode';
import { InternalCommands } from '../../constants';
import { kindFromProfileFolders } from '../../core/lint/documentKind';
import { summarizeIncident, type IncidentSummary } from '../../core/incident/summary';
import { parseMarkdown, type MarkdownDocument } from '../../core/markdown/model';
import type { DocumentKind, Profile } from '../../core/profiles/types';
import { byteLength, formatSize, maxFileSize } from './fileSizeLimit';
import type { ProfileSource } from './profileSettings';

/** One document of a workspace folder as the features see it. */
export interface WorkspaceDocument {
  readonly uri: vscode.Uri;
  readonly folder: vscode.WorkspaceFolder;
  /** Path relative to the folder, with forward slashes. */
  readonly path: string;
  /** `v<n>` for an open document, `m<mtime>:<size>` for one read from disk. */
  readonly version: string;
  readonly text: string;
  readonly profile: Profile;
  /** The parsed document (parsed once per version). */
  readonly doc: MarkdownDocument;
  /** Its kind under the profile's folders and its content; undefined for other Markdown. */
  readonly kind: DocumentKind | undefined;
  /** The incident summary, for a postmortem, incident record or runbook. */
  readonly summary: IncidentSummary | undefined;
}

/** What the layer needs from the extension. */
export interface WorkspaceDocumentsDeps {
  readonly profiles: ProfileSource;
  readonly log?: vscode.LogOutputChannel;
}

const decoder = new TextDecoder();

/** Reads workspace documents once per URI and version; every feature asks it rather than decoding files itself. */
export class WorkspaceDocuments implements vscode.Disposable {
  private readonly cache = new Map<string, WorkspaceDocument>();
  /** The documents over the size limit when last asked for, with their size and the limit, by URI. */
  private readonly oversized = new Map<string, { readonly size: number; readonly limit: number }>();
  /** Models of open Markdown documents outside every workspace folder (untitled ones too), by URI. */
  private readonly loose = new Map<string, { version: number; doc: MarkdownDocument }>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly deps: WorkspaceDocumentsDeps) {
    // Deletes made outside the editor (a terminal, git) reach the layer through a watcher; a folder's delete forgets its files.
    const deletes = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    this.subscriptions = [
      // A closed document is read from disk next time: its cached editor text may be unsaved.
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.cache.delete(d.uri.toString());
        this.loose.delete(d.uri.toString());
        this.oversized.delete(d.uri.toString());
      }),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.forget(uri))),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach((f) => this.forget(f.oldUri))),
      deletes,
      deletes.onDidDelete((uri) => this.forget(uri)),
      vscode.commands.registerCommand(InternalCommands.cachedDocuments, () => this.cachedUris()),
    ];
  }

  /** The size of the document at `uri` and the limit it is over, when the last read found it too large to parse. */
  oversize(uri: vscode.Uri): { readonly size: number; readonly limit: number } | undefined {
    return this.oversized.get(uri.toString());
  }

  /** The URIs of the documents held now (for tests: a deleted file is not among them). */
  cachedUris(): string[] {
    return [...this.cache.keys()];
  }

  /** The document of an open editor; undefined outside a workspace folder or over the size limit. */
  fromOpen(document: vscode.TextDocument): WorkspaceDocument | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (!folder) return undefined;
    const version = `v${document.version}`;
    const hit = this.cache.get(document.uri.toString());
    if (hit?.version === version && hit.profile === this.deps.profiles.profileFor(document.uri)) return hit;
    const text = document.getText();
    if (this.tooLarge(document.uri, byteLength(text, maxFileSize(document.uri)), folder)) return undefined;
    return this.remember(document.uri, folder, version, text);
  }

  /** The document at `uri`: the open editor's text when it is open, else the file's; undefined when unreadable or too large. */
  async read(uri: vscode.Uri): Promise<WorkspaceDocument | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return this.fromOpen(open);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    try {
      const { mtime, size } = await vscode.workspace.fs.stat(uri);
      const version = `m${mtime}:${size}`;
      const hit = this.cache.get(uri.toString());
      if (hit?.version === version && hit.profile === this.deps.profiles.profileFor(uri)) return hit;
      if (this.tooLarge(uri, size, folder)) return undefined;
      return this.remember(uri, folder, version, decoder.decode(await vscode.workspace.fs.readFile(uri)));
    } catch (e) {
      // Deleted between an event and the read: the delete event removes it where it is listed.
      this.deps.log?.debug(`Could not read ${uri.toString()}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  /**
   * Core's model of any open Markdown document, also one outside every workspace folder or untitled, parsed once
   * per version; undefined over the size limit.
   */
  modelOf(document: vscode.TextDocument): MarkdownDocument | undefined {
    if (vscode.workspace.getWorkspaceFolder(document.uri)) return this.fromOpen(document)?.doc;
    const key = document.uri.toString();
    const hit = this.loose.get(key);
    if (hit?.version === document.version) return hit.doc;
    const text = document.getText();
    const limit = maxFileSize(document.uri);
    if (byteLength(text, limit) > limit) return undefined;
    const doc = parseMarkdown(text);
    this.loose.set(key, { version: document.version, doc });
    return doc;
  }

  /** Forgets every cached document (the profiles changed). */
  clear(): void {
    this.cache.clear();
    this.loose.clear();
    this.oversized.clear();
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
    this.clear();
  }

  /** Forgets the document at `uri` and, when `uri` was a folder, every document under it. */
  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const under = `${key.replace(/\/$/, '')}/`;
    for (const map of [this.cache, this.oversized]) {
      for (const cached of [...map.keys()]) {
        if (cached === key || cached.startsWith(under)) map.delete(cached);
      }
    }
  }

  private tooLarge(uri: vscode.Uri, size: number, folder: vscode.WorkspaceFolder): boolean {
    const limit = maxFileSize(uri);
    if (size <= limit) {
      this.oversized.delete(uri.toString());
      return false;
    }
    this.cache.delete(uri.toString());
    this.oversized.set(uri.toString(), { size, limit });
    this.deps.log?.info(
      `Not reading ${relativeTo(folder, uri)}: ${formatSize(size)} is over the ${formatSize(limit)} limit.`,
    );
    return true;
  }

  private remember(uri: vscode.Uri, folder: vscode.WorkspaceFolder, version: string, text: string): WorkspaceDocument {
    const path = relativeTo(folder, uri);
    const profile = this.deps.profiles.profileFor(uri);
    const doc = parseMarkdown(text);
    const kind = kindFromProfileFolders(path, profile, doc);
    const summary = kind ? summarizeIncident({ path, doc, profile, kind }) : undefined;
    const entry: WorkspaceDocument = { uri, folder, path, version, text, profile, doc, kind, summary };
    this.cache.set(uri.toString(), entry);
    return entry;
  }
}

function relativeTo(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  return uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
}

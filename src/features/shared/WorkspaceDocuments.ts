// The one workspace-document layer: a document's text (open editor first, else disk), its parsed model and its
// incident summary, cached by URI and version, with the size limit applied once.
import * as vscode from 'vscode';
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
  private readonly subscription: vscode.Disposable;

  constructor(private readonly deps: WorkspaceDocumentsDeps) {
    // A closed document is read from disk next time: its cached editor text may be unsaved.
    this.subscription = vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString()));
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

  /** Forgets every cached document (the profiles changed). */
  clear(): void {
    this.cache.clear();
  }

  dispose(): void {
    this.subscription.dispose();
    this.cache.clear();
  }

  private tooLarge(uri: vscode.Uri, size: number, folder: vscode.WorkspaceFolder): boolean {
    const limit = maxFileSize(uri);
    if (size <= limit) return false;
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

// The incident document a command acts on (the active editor's, or the one a menu passed), with its profile, core model and kind.
import * as vscode from 'vscode';
import {
  kindFromPathWords,
  kindFromProfileFolders,
  type DocumentKind,
  type MarkdownDocument,
  type Profile,
} from '../../core';
import { Settings } from '../../constants';
import { formatSize, maxFileSize } from '../shared/fileSizeLimit';
import { workspaceRelativePath, type ProfileSource } from '../shared/profileSettings';
import type { WorkspaceDocuments } from '../shared/WorkspaceDocuments';

/** Where a record's profile and model come from. */
export interface RecordSources {
  readonly profiles: ProfileSource;
  /** The one workspace-document layer: it parses the document once per version. */
  readonly documents: WorkspaceDocuments;
}

/** A Markdown document read through core. */
export interface ActiveRecord {
  readonly document: vscode.TextDocument;
  readonly profile: Profile;
  /** Core's model of the text as it is now, unsaved edits included. */
  readonly doc: MarkdownDocument;
  /** From the profile's folders, else the words in the path; undefined when neither says. */
  readonly kind: DocumentKind | undefined;
  /** Relative to its workspace folder; undefined outside every folder (or untitled). */
  readonly relativePath: string | undefined;
  /** The file name, for messages. */
  readonly name: string;
}

/** Whether a document is Markdown, by language or by file name. */
export function isMarkdown(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' || /\.(?:md|markdown)$/i.test(document.uri.path);
}

/** The kind of a document under its profile, as core decides it from its folder (and, for shared folders, its title and sections). */
export function kindOf(uri: vscode.Uri, profile: Profile, doc: MarkdownDocument | undefined): DocumentKind | undefined {
  const relativePath = workspaceRelativePath(uri);
  return (
    (relativePath !== undefined ? kindFromProfileFolders(relativePath, profile, doc) : undefined) ??
    kindFromPathWords(relativePath ?? uri.path)
  );
}

/**
 * The Markdown document to act on: the one `target` names (a menu passes the editor's URI)
 * if it is open, else the active editor's. Undefined, after telling the author what to open,
 * when there is none.
 */
export function activeRecord(sources: RecordSources, command: string, target?: unknown): ActiveRecord | undefined {
  const document =
    (target instanceof vscode.Uri
      ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString())
      : undefined) ?? vscode.window.activeTextEditor?.document;
  if (!document || !isMarkdown(document)) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('{0} works on an incident record or a postmortem: open one in the editor first.', command),
    );
    return undefined;
  }
  const profile = sources.profiles.profileFor(document.uri);
  const name = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
  const doc = sources.documents.modelOf(document);
  if (!doc) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        '{0} does not read {1}: it is larger than the {2} limit (setting "{3}").',
        command,
        name,
        formatSize(maxFileSize(document.uri)),
        `${Settings.section}.${Settings.diagnosticsMaxFileSize}`,
      ),
    );
    return undefined;
  }
  return {
    document,
    profile,
    doc,
    kind: kindOf(document.uri, profile, doc),
    relativePath: workspaceRelativePath(document.uri),
    name,
  };
}

/** Where the profile keeps documents of `kind`, for messages: `docs/incidents/YYYY-MM-DD-<slug>.md`. */
export function whereKindLives(profile: Profile, kind: DocumentKind): string {
  const spec = profile.documents[kind];
  return spec ? `${spec.folder}/${spec.fileName}` : `nowhere (the ${profile.name} profile has no ${kind} documents)`;
}

// What the authoring commands need from the extension: the log, the profile of each folder, and (optionally) git.
import type * as vscode from 'vscode';
import type { TemplateCommit } from '../../core';
import type { ProfileSource } from '../shared/profileSettings';
import type { WorkspaceDocuments } from '../shared/WorkspaceDocuments';

/**
 * Looks up the commits of an incident window in the repository at `root` (a folder on disk);
 * returns the reason, in the user's words, when it cannot (no repository, git missing, ...).
 * The same shape as the CLI's `CommitLookup`.
 */
export type CommitLookup = (
  root: string,
  since: Date,
  until: Date,
) => Promise<{ commits: TemplateCommit[] } | { unavailable: string }>;

/** The authoring feature's dependencies. */
export interface AuthoringDeps {
  readonly log: vscode.LogOutputChannel;
  /** The profile in force for a folder or document. */
  readonly profiles: ProfileSource;
  /** The one workspace-document layer: the commands ask it for a document's model. */
  readonly documents: WorkspaceDocuments;
  /** Lists the commits of the incident window for New Postmortem; without it the postmortem says commit correlation is unavailable. */
  readonly lookupCommits?: CommitLookup;
  /** Fires when a folder's profile may have changed, to recompute the active document's kind. */
  readonly onDidChangeProfiles?: vscode.Event<void>;
  /** The clock; default the system clock. For tests. */
  readonly now?: () => Date;
}

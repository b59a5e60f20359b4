// Keeps the incident wizard's draft in the workspace state (it survives closing VS Code) and the "has draft" context key in step with it.
import * as vscode from 'vscode';
import { ContextKeys, StateKeys } from '../../constants';
import { revisionOf } from '../../webview/draft';
import { wizardDraftSchema, type WizardDraft } from '../../webview/protocol';

/** The workspace-state key of the saved draft. */
const KEY = StateKeys.wizardDraft;

/** A saved draft and the workspace folder it writes into. */
export interface SavedDraft {
  readonly draft: WizardDraft;
  /** The folder's URI as a string; undefined when it was saved before a folder was known. */
  readonly folder: string | undefined;
  /** How many edits the draft had when saved (0 when unknown): after a reload, the newer of this and the page's own copy wins. */
  readonly revision: number;
}

/** One draft per workspace, in `context.workspaceState`; a stored value that no longer parses is dropped (and logged), never trusted. */
export class DraftStore {
  constructor(
    private readonly state: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
  ) {
    void this.updateContextKey();
  }

  /** The saved draft, if there is a valid one. */
  get(): SavedDraft | undefined {
    const raw = this.state.get<{ draft?: unknown; folder?: unknown; revision?: unknown }>(KEY);
    if (!raw) return undefined;
    const parsed = wizardDraftSchema.safeParse(raw.draft);
    if (!parsed.success) {
      this.log.warn(
        `Dropped a saved wizard draft that is no longer valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}.`,
      );
      void this.clear();
      return undefined;
    }
    return {
      draft: parsed.data,
      folder: typeof raw.folder === 'string' ? raw.folder : undefined,
      revision: revisionOf(raw.revision),
    };
  }

  async save(draft: WizardDraft, folder: vscode.Uri | undefined, revision = 0): Promise<void> {
    await this.state.update(KEY, { draft, folder: folder?.toString(), revision });
    await this.updateContextKey();
  }

  async clear(): Promise<void> {
    await this.state.update(KEY, undefined);
    await this.updateContextKey();
  }

  private async updateContextKey(): Promise<void> {
    await vscode.commands.executeCommand('setContext', ContextKeys.hasWizardDraft, this.state.get(KEY) !== undefined);
  }
}

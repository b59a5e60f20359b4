// Registers the incident wizard: "Open Wizard" (blank, or pre-filled from an incident record), "Resume Wizard Draft", and the serializer that restores the panel after a reload.
import * as vscode from 'vscode';
import { servicesFromRunbookNames, type Profile } from '../../core';
import type { SloDefinition } from '../../core/slo';
import { draftFromIncidentRecord, type KnownRunbook } from '../../core/wizard';
import { Commands, WIZARD_VIEW_TYPE } from '../../constants';
import { revisionOf } from '../../webview/draft';
import { emptyDraft, wizardDraftSchema, type WizardDraft } from '../../webview/protocol';
import { activeRecord } from '../authoring/activeRecord';
import { runbookFileNames } from '../authoring/serviceSuggestions';
import type { ProfileSource } from '../shared/profileSettings';
import type { WorkspaceDocuments } from '../shared/WorkspaceDocuments';
import { DraftStore } from './DraftStore';
import { wizardTitle, WizardPanel } from './WizardPanel';

/** What the wizard needs from the extension. */
export interface WizardDeps {
  readonly log: vscode.LogOutputChannel;
  readonly profiles: ProfileSource;
  /** The one workspace-document layer: the record the wizard starts from is read through it. */
  readonly documents: WorkspaceDocuments;
  /** The SLOs of a folder (none without an SLO file). */
  readonly slosFor: (uri: vscode.Uri) => readonly SloDefinition[];
}

/** Owns the one wizard panel and the saved draft. */
class WizardManager implements vscode.Disposable {
  private current: WizardPanel | undefined;
  readonly store: DraftStore;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly deps: WizardDeps,
  ) {
    this.store = new DraftStore(context.workspaceState, deps.log);
  }

  /** "Open Wizard": from an incident record (a menu passes its URI, or it is the active editor) pre-filled from it; else the saved draft or a blank one. */
  async open(target?: unknown): Promise<void> {
    const record =
      target instanceof vscode.Uri || this.activeIsIncident()
        ? activeRecord(this.deps, 'Open Wizard', target)
        : undefined;
    if (record && record.kind === 'incident') {
      const folder = vscode.workspace.getWorkspaceFolder(record.document.uri) ?? this.defaultFolder();
      if (!folder) return this.noFolder();
      // The path dates the record from its file name when nothing in it states the date (the summary's date order).
      const draft = draftFromIncidentRecord(
        record.profile,
        record.document.getText(),
        record.relativePath ?? record.name,
      );
      if (!(await this.mayReplaceDraft())) return;
      this.show(folder, draft, true);
      return;
    }
    const saved = this.store.get();
    if (this.current) {
      this.current.reveal();
      return;
    }
    const folder = this.folderOf(saved?.folder) ?? this.defaultFolder();
    if (!folder) return this.noFolder();
    this.show(folder, saved?.draft ?? emptyDraft(), false, saved?.revision);
  }

  /** "Resume Wizard Draft": the open wizard, else the saved draft; resolves with whether there was one to show. */
  async resume(): Promise<boolean> {
    if (this.current) {
      this.current.reveal();
      return true;
    }
    const saved = this.store.get();
    if (!saved) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('There is no wizard draft to resume. "Incident: Open Wizard" starts one.'),
      );
      return false;
    }
    const folder = this.folderOf(saved.folder) ?? this.defaultFolder();
    if (!folder) {
      this.noFolder();
      return false;
    }
    this.show(folder, saved.draft, false, saved.revision);
    return true;
  }

  /**
   * Restores a panel VS Code kept across a reload. The page state VS Code kept can be older than the
   * saved draft (the browser may not get to store the last copy while the page unloads), so the one
   * with more edits wins.
   */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const page = state as { draft?: unknown; revision?: unknown } | undefined;
    const fromPage = wizardDraftSchema.safeParse(page?.draft);
    const pageRevision = revisionOf(page?.revision);
    const saved = this.store.get();
    const folder = this.folderOf(saved?.folder) ?? this.defaultFolder();
    if (!folder || this.current) {
      panel.dispose();
      return;
    }
    const useSaved = saved && (!fromPage.success || saved.revision > pageRevision);
    const draft = useSaved ? saved.draft : fromPage.success ? fromPage.data : emptyDraft();
    this.attach(new WizardPanel(panel, folder, draft, this.panelDeps(), useSaved ? saved.revision : pageRevision));
  }

  dispose(): void {
    this.current?.dispose();
  }

  private show(folder: vscode.WorkspaceFolder, draft: WizardDraft, fresh: boolean, revision = 0): void {
    if (this.current && fresh) this.current.dispose();
    if (this.current) {
      this.current.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      WIZARD_VIEW_TYPE,
      wizardTitle(),
      vscode.ViewColumn.Active,
      WizardPanel.options(this.context.extensionUri),
    );
    this.attach(new WizardPanel(panel, folder, draft, this.panelDeps(), revision));
    if (fresh) void this.store.save(draft, folder.uri);
  }

  private attach(panel: WizardPanel): void {
    this.current = panel;
    panel.onDidClose(() => {
      if (this.current === panel) this.current = undefined;
    });
  }

  private panelDeps() {
    return {
      extensionUri: this.context.extensionUri,
      log: this.deps.log,
      profileFor: (uri: vscode.Uri) => this.deps.profiles.profileFor(uri),
      slosFor: this.deps.slosFor,
      knownRunbooks,
      store: this.store,
    };
  }

  /** Asks before a record replaces a draft that has input; true when it may. */
  private async mayReplaceDraft(): Promise<boolean> {
    if (!this.store.get()) return true;
    const replace = vscode.l10n.t('Start from This Record');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Replace the wizard draft?'),
      {
        modal: true,
        detail: vscode.l10n.t('A wizard draft is saved. Starting from this incident record discards it.'),
      },
      replace,
    );
    return choice === replace;
  }

  private activeIsIncident(): boolean {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'markdown') return false;
    const record = activeRecord(this.deps, 'Open Wizard', document.uri);
    return record?.kind === 'incident';
  }

  private folderOf(uri: string | undefined): vscode.WorkspaceFolder | undefined {
    return uri ? vscode.workspace.workspaceFolders?.find((f) => f.uri.toString() === uri) : undefined;
  }

  private defaultFolder(): vscode.WorkspaceFolder | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    return (active && vscode.workspace.getWorkspaceFolder(active)) || vscode.workspace.workspaceFolders?.[0];
  }

  private noFolder(): void {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('The incident wizard writes into a workspace folder: open a folder first.'),
    );
  }
}

/** The runbooks in the profile's runbook folder, with the service and failure mode read from each file name. */
async function knownRunbooks(folder: vscode.WorkspaceFolder, profile: Profile): Promise<KnownRunbook[]> {
  const spec = profile.documents.runbook;
  if (!spec) return [];
  const names = (await runbookFileNames(folder, profile)).filter(
    (n) => /\.md$/i.test(n) && !/^(index|readme)\.md$/i.test(n),
  );
  const services = servicesFromRunbookNames(names, profile, []);
  return names.flatMap((name) => {
    const stem = name.replace(/\.md$/i, '');
    const service =
      services.find((s) => stem.toLowerCase().startsWith(`${s.toLowerCase()}-`)) ??
      services.find((s) => stem.toLowerCase() === s.toLowerCase());
    if (!service) return [];
    return [
      { service, failureMode: stem.slice(service.length + 1).replace(/-/g, ' '), path: `${spec.folder}/${name}` },
    ];
  });
}

export function register(context: vscode.ExtensionContext, deps: WizardDeps): vscode.Disposable {
  const manager = new WizardManager(context, deps);
  const guard =
    <T>(what: string, run: () => Promise<T>) =>
    async (): Promise<T | undefined> => {
      try {
        return await run();
      } catch (e) {
        deps.log.error(`${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        void vscode.window.showErrorMessage(
          vscode.l10n.t('{0}: {1}', what, e instanceof Error ? e.message : String(e)),
        );
        return undefined;
      }
    };
  return vscode.Disposable.from(
    manager,
    vscode.commands.registerCommand(Commands.openWizard, (target?: unknown) =>
      guard('Open Wizard', () => manager.open(target))(),
    ),
    vscode.commands.registerCommand(
      Commands.resumeWizardDraft,
      guard('Resume Wizard Draft', () => manager.resume()),
    ),
    vscode.window.registerWebviewPanelSerializer(WIZARD_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => {
        await guard('Restoring the incident wizard', () => manager.restore(panel, state))();
      },
    }),
  );
}

// The incident wizard's one webview panel: builds its page, validates every message from it, saves the draft on each change, answers with evaluations and commits, and runs Finish and Cancel.
import { newNonce } from '../shared/nonce';
import * as vscode from 'vscode';
import { LOOKAHEAD_AFTER_TIMELINE_MS, LOOKBACK_BEFORE_TIMELINE_MS } from '../../core/git/window';
import type { Profile } from '../../core';
import type { SloDefinition } from '../../core/slo';
import {
  evaluateDraft,
  severityDecisionTree,
  suggestRunbooks,
  wizardOtherSections,
  wizardPostmortemPath,
  type KnownRunbook,
} from '../../core/wizard';
import { commitsInWindow } from '../../services/gitService';
import { draftHasInput } from '../../webview/draft';
import { wizardHtml } from '../../webview/html';
import { classifyLink } from '../../webview/links';
import {
  hostMessageSchema,
  parseMessage,
  webviewMessageSchema,
  type HostMessage,
  type WebviewMessage,
  type WizardCommit,
  type WizardDraft,
} from '../../webview/protocol';
import type { DraftStore } from './DraftStore';
import { finishWizard } from './finish';

/** What the panel needs from the extension. */
export interface WizardPanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  readonly profileFor: (uri: vscode.Uri) => Profile;
  readonly slosFor: (uri: vscode.Uri) => readonly SloDefinition[];
  readonly knownRunbooks: (folder: vscode.WorkspaceFolder, profile: Profile) => Promise<KnownRunbook[]>;
  readonly store: DraftStore;
}

/** How long the host waits after the last draft change before evaluating it. */
const EVALUATE_DELAY_MS = 150;
/** The most commits listed in the Investigate phase. */
const MAX_COMMITS = 200;

/** The panel's title, in the user's language. */
export function wizardTitle(): string {
  return vscode.l10n.t('Incident Wizard');
}

/** One open wizard: its panel, the folder it writes into and the draft it edits. */
export class WizardPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private draft: WizardDraft;
  /** The draft's edit count, as the page numbers its edits. */
  private revision: number;
  private commits: WizardCommit[] = [];
  private knownRunbooks: KnownRunbook[] = [];
  private evaluateTimer: NodeJS.Timeout | undefined;
  private disposed = false;
  private readonly closed = new vscode.EventEmitter<void>();
  /** Fires once when the panel is gone. */
  readonly onDidClose = this.closed.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly folder: vscode.WorkspaceFolder,
    draft: WizardDraft,
    private readonly deps: WizardPanelDeps,
    revision = 0,
  ) {
    this.draft = draft;
    this.revision = revision;
    const media = vscode.Uri.joinPath(deps.extensionUri, 'media');
    panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
    panel.webview.html = wizardHtml({
      cspSource: panel.webview.cspSource,
      nonce: newNonce(),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'wizard.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'wizard.css')).toString(),
      title: wizardTitle(),
    });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
      // Trusting the workspace while the wizard is open enables Finish at once.
      vscode.workspace.onDidGrantWorkspaceTrust(() =>
        this.post({ type: 'trustChanged', canWrite: vscode.workspace.isTrusted }),
      ),
      this.closed,
    );
    void deps.knownRunbooks(folder, this.profile()).then(
      (known) => {
        this.knownRunbooks = known;
      },
      () => undefined,
    );
  }

  /** The options every wizard panel is created (and restored) with: scripts on, resources from media/ only, not kept alive when hidden. */
  static options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
    };
  }

  /** The draft as the host last saw it. */
  get currentDraft(): WizardDraft {
    return this.draft;
  }

  reveal(): void {
    this.panel.reveal();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.evaluateTimer);
    this.closed.fire();
    this.panel.dispose();
    this.disposables.forEach((d) => d.dispose());
  }

  private profile(): Profile {
    return this.deps.profileFor(this.folder.uri);
  }

  private post(message: HostMessage): void {
    // The host checks its own messages too: a bug here must not send the page something it would refuse.
    const checked = parseMessage(hostMessageSchema, message);
    if (!checked.ok) {
      this.deps.log.error(`The wizard did not send a ${message.type} message: ${checked.error}`);
      return;
    }
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  private async receive(raw: unknown): Promise<void> {
    const parsed = parseMessage(webviewMessageSchema, raw);
    if (!parsed.ok) {
      this.deps.log.warn(parsed.error);
      return;
    }
    try {
      await this.handle(parsed.message);
    } catch (e) {
      this.deps.log.error(`The incident wizard failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      this.post({
        type: 'error',
        message: vscode.l10n.t(
          'Something went wrong: {0}. Your draft is kept.',
          e instanceof Error ? e.message : String(e),
        ),
      });
    }
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.post(this.initMessage());
        // A draft with suspected commits (restored after a reload or restart) gets its commits again, so the page and the postmortem show their subjects.
        if (this.suspectedCommitsUnknown(this.draft))
          this.post(await this.lookupCommits(...this.commitWindow(this.draft)));
        return;
      case 'draftChanged':
        this.draft = message.draft;
        this.revision = message.revision ?? this.revision;
        await this.saveDraft();
        this.scheduleEvaluation();
        return;
      case 'requestCommits':
        this.post(await this.lookupCommits(message.since, message.until));
        return;
      case 'finish':
        await this.finish(message.draft);
        return;
      case 'cancel':
        await this.cancel(message.dirty);
        return;
      case 'openLink':
        await this.openLink(message.href);
        return;
      default: {
        const never: never = message;
        this.deps.log.warn(`Unknown wizard message ${JSON.stringify(never)}`);
      }
    }
  }

  private initMessage(): HostMessage {
    const profile = this.profile();
    const tree = severityDecisionTree(profile);
    return {
      type: 'init',
      draft: this.draft,
      profile: {
        name: profile.name,
        title: profile.title,
        severities: profile.severities.map((s) => ({ id: s.id, label: s.label, definition: s.definition })),
        decisionTree: tree.questions,
        decisionFallback: tree.fallback,
        requiredActionColumns: [...profile.actionItems.requiredColumns],
        minimumActionItems: profile.actionItems.minimum,
        otherSections: wizardOtherSections(profile),
      },
      knownServices: [...new Set(this.knownRunbooks.map((r) => r.service))].slice(0, 100),
      hasSlo: this.deps.slosFor(this.folder.uri).length > 0,
      canWrite: vscode.workspace.isTrusted,
      revision: this.revision,
    };
  }

  /** Saves a draft with input; an untouched draft is not worth a "Resume" entry. */
  private async saveDraft(): Promise<void> {
    if (draftHasInput(this.draft)) await this.deps.store.save(this.draft, this.folder.uri, this.revision);
    else await this.deps.store.clear();
  }

  private scheduleEvaluation(): void {
    clearTimeout(this.evaluateTimer);
    this.evaluateTimer = setTimeout(() => {
      try {
        const profile = this.profile();
        const slos = this.deps.slosFor(this.folder.uri);
        const evaluation = evaluateDraft(profile, this.draft, { date: today(), commits: this.commits, slos });
        this.post({
          type: 'evaluation',
          ...evaluation,
          runbookSuggestions: suggestRunbooks(this.knownRunbooks, this.draft.assess.services),
        });
      } catch (e) {
        this.deps.log.error(
          `Evaluating the wizard draft failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        );
      }
    }, EVALUATE_DELAY_MS);
  }

  private async lookupCommits(since: string, until: string): Promise<HostMessage> {
    if (!vscode.workspace.isTrusted)
      return {
        type: 'commits',
        commits: [],
        unavailable: vscode.l10n.t('git is not run in a workspace you have not trusted.'),
      };
    if (!since)
      return {
        type: 'commits',
        commits: [],
        unavailable: vscode.l10n.t('enter when the incident started (Assess) to list its commits.'),
      };
    const start = new Date(`${since}:00Z`);
    const end = until ? new Date(`${until}:00Z`) : new Date();
    const result = await commitsInWindow(this.folder.uri.fsPath, {
      since: new Date(start.getTime() - LOOKBACK_BEFORE_TIMELINE_MS),
      until: new Date(Math.max(end.getTime(), start.getTime()) + LOOKAHEAD_AFTER_TIMELINE_MS),
      maxCount: MAX_COMMITS,
    });
    if (!result.available) return { type: 'commits', commits: [], unavailable: result.reason };
    this.commits = result.commits.map((c) => ({
      shortHash: c.shortHash,
      date: c.authorDate,
      subject: c.subject.slice(0, 20_000),
      author: c.authorName.slice(0, 500),
    }));
    this.scheduleEvaluation();
    return { type: 'commits', commits: this.commits };
  }

  /** Whether a commit the draft marks as suspected is not among the commits looked up (the postmortem would name it by its hash alone). */
  private suspectedCommitsUnknown(draft: WizardDraft): boolean {
    return draft.investigate.suspectedCommits.some(
      (hash) => !this.commits.some((c) => c.shortHash.startsWith(hash) || hash.startsWith(c.shortHash)),
    );
  }

  /** The incident window the Investigate phase lists commits for: from the start (or detection) to the resolution (or mitigation). */
  private commitWindow(draft: WizardDraft): [string, string] {
    const { started, detected, mitigated, resolved } = draft.assess;
    return [started || detected, resolved || mitigated];
  }

  private async finish(draft: WizardDraft): Promise<void> {
    this.draft = draft;
    await this.saveDraft();
    // The postmortem names each suspected commit with its subject: look them up when this session has not yet.
    if (this.suspectedCommitsUnknown(draft)) await this.lookupCommits(...this.commitWindow(draft));
    const result = await finishWizard(
      draft,
      {
        folder: this.folder,
        profile: this.profile(),
        date: today(),
        commits: this.commits,
        slos: this.deps.slosFor(this.folder.uri),
        log: this.deps.log,
      },
      async (path) => {
        // Written: the draft is done with; close the wizard before the postmortem opens in its place.
        this.post({ type: 'finished', path });
        await this.deps.store.clear();
        this.dispose();
      },
    );
    if (!result.written) this.post({ type: 'error', message: result.reason });
  }

  private async cancel(dirty: boolean): Promise<void> {
    if (dirty) {
      const keep = vscode.l10n.t('Keep Draft');
      const discard = vscode.l10n.t('Discard');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Discard the wizard draft?'),
        {
          modal: true,
          detail: vscode.l10n.t(
            'Keep Draft closes the wizard; "Incident: Resume Wizard Draft" opens it again where you left off.',
          ),
        },
        keep,
        discard,
      );
      if (choice === undefined) return;
      if (choice === discard) await this.deps.store.clear();
    } else {
      await this.deps.store.clear();
    }
    this.dispose();
  }

  private async openLink(href: string): Promise<void> {
    const from = this.evaluationPath();
    const target = classifyLink(href, from);
    if (target.kind === 'refused') {
      this.deps.log.info(`The wizard did not open the link "${href}": ${target.reason}`);
      void vscode.window.showInformationMessage(target.reason);
      return;
    }
    if (target.kind === 'web') {
      await vscode.env.openExternal(vscode.Uri.parse(target.url, true));
      return;
    }
    const uri = vscode.Uri.joinPath(this.folder.uri, ...target.path.split('/'));
    try {
      await vscode.window.showTextDocument(uri, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    } catch {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} does not exist yet.', target.path));
    }
  }

  private evaluationPath(): string {
    try {
      return wizardPostmortemPath(this.profile(), this.draft, today());
    } catch {
      return '';
    }
  }
}

/** Today in UTC, YYYY-MM-DD. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

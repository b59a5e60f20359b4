// Owns the language client: starts it on demand (an incident document, a file with an INCIDENT tag, or the side bar
// is opened; never at activation), keeps the server's settings in step with VS Code's, and adapts what it serves.
import * as vscode from 'vscode';
import type {
  BaseLanguageClient,
  LanguageClientOptions,
  Middleware,
  RevealOutputChannelOn,
  StaticFeature,
} from 'vscode-languageclient';
import { Commands, InternalCommands, ServerRequests, Settings } from '../../constants';
import { kindFromProfileFolders } from '../../core/lint/documentKind';
import type { ClientSettings } from '../../server/settings';
import { workspaceRelativePath, type ProfileSource } from '../shared/profileSettings';
import type { LanguageServerStatus, ServerStarter } from './types';

/** What the manager needs from the extension. */
export interface LanguageClientDeps {
  readonly extensionUri: vscode.Uri;
  /** Creates the client over the entry's transport. */
  readonly starter: ServerStarter;
  /** The extension's log: the client writes its messages (and the server's) there. */
  readonly log: vscode.LogOutputChannel;
  readonly profiles: ProfileSource;
  /** Fires when what profile applies changed: an open document may have become an incident document. */
  readonly onDidChangeProfiles: vscode.Event<void>;
  /** Fires when one of the side bar's views is shown. */
  readonly onDidShowSideBar?: vscode.Event<void>;
}

/** `RevealOutputChannelOn.Never`: the log is never brought forward (a restarted server is not the user's business). */
const REVEAL_NEVER = 4 as RevealOutputChannelOn;
/** How long the status command waits for the server to say its process id. */
const STATUS_TIMEOUT_MS = 2_000;
const MARKDOWN = /\.(?:md|markdown)$/i;

/** Starts the language client when the workspace first needs it, and stops it with the extension. */
export class LanguageClientManager implements vscode.Disposable {
  private client: BaseLanguageClient | undefined;
  private starting: Promise<BaseLanguageClient | undefined> | undefined;
  private readonly started = new vscode.EventEmitter<void>();
  /** Fires once the client runs (the server then lints every open document). */
  readonly onDidStart = this.started.event;
  private readonly disposables: vscode.Disposable[] = [this.started];

  constructor(private readonly deps: LanguageClientDeps) {
    const considerAll = () => vscode.workspace.textDocuments.forEach((d) => this.consider(d));
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.consider(d)),
      deps.onDidChangeProfiles(considerAll),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(Settings.section)) this.sendSettings();
      }),
      ...(deps.onDidShowSideBar ? [deps.onDidShowSideBar(() => void this.start())] : []),
      vscode.commands.registerCommand(InternalCommands.languageServer, () => this.status()),
      vscode.commands.registerCommand(InternalCommands.startLanguageServer, async () => {
        await this.start();
        return this.status();
      }),
    );
    considerAll();
  }

  /** Whether `document` needs the server: an incident document under its profile, or a file with an INCIDENT tag. */
  needsServer(document: vscode.TextDocument): boolean {
    if (document.uri.scheme !== 'file') return false;
    const relativePath = workspaceRelativePath(document.uri);
    if (relativePath === undefined) return false;
    if (
      (document.languageId === 'markdown' || MARKDOWN.test(relativePath)) &&
      kindFromProfileFolders(relativePath, this.deps.profiles.profileFor(document.uri))
    )
      return true;
    return document.getText().includes('INCIDENT-');
  }

  /**
   * Whether the server lints `uri` now: the client runs, the document is open (so synchronized to the server) and
   * in the first workspace folder (the one the server serves).
   */
  serves(uri: vscode.Uri): boolean {
    if (!this.client?.isRunning() || uri.scheme !== 'file') return false;
    const first = vscode.workspace.workspaceFolders?.[0]?.uri.toString();
    if (first === undefined || vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() !== first) return false;
    const key = uri.toString();
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key);
  }

  /** Starts the client once; later calls get the same start. Undefined when the server could not start (logged). */
  start(): Promise<BaseLanguageClient | undefined> {
    this.starting ??= (async () => {
      const started = performance.now();
      try {
        const client = this.deps.starter(this.deps.extensionUri, this.clientOptions());
        client.registerFeature(PUSH_DIAGNOSTICS);
        this.client = client;
        await client.start();
        this.started.fire();
        this.deps.log.info(
          `Started the Incident Workbench language server in ${Math.round(performance.now() - started)} ms.`,
        );
        return client;
      } catch (e) {
        this.deps.log.error(
          `The Incident Workbench language server did not start, so open documents get no findings, quick fixes, hovers or completion: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        );
        return undefined;
      }
    })();
    return this.starting;
  }

  /** Whether the client runs, and the server's process id. Never starts the server. */
  async status(): Promise<LanguageServerStatus> {
    const client = this.client;
    if (!client?.isRunning()) return { running: false };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const pid = await Promise.race([
      client.sendRequest<number>(ServerRequests.processId).catch(() => undefined),
      new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), STATUS_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    return typeof pid === 'number' ? { running: true, pid } : { running: client.isRunning() };
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    const client = this.client;
    this.client = undefined;
    if (client?.isRunning())
      void client.stop().catch((e: unknown) => this.deps.log.warn(`Stopping the language server: ${String(e)}`));
  }

  private consider(document: vscode.TextDocument): void {
    if (this.starting || !this.needsServer(document)) return;
    void this.start();
  }

  /** The settings the server honours, from the first workspace folder (the server serves that folder). */
  private settings(): ClientSettings {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const config = vscode.workspace.getConfiguration(Settings.section, folder?.uri);
    return {
      defaultProfile: config.get<string>(Settings.profileName),
      diagnosticsEnabled: config.get<boolean>(Settings.diagnosticsEnabled, true),
      maxFileSize: config.get<number>(Settings.diagnosticsMaxFileSize),
      baseline: config.get<string>(Settings.diagnosticsBaseline, ''),
    };
  }

  /** Tells a running server the settings changed; it applies them and lints the open documents again. */
  private sendSettings(): void {
    const client = this.client;
    if (client?.isRunning())
      void client
        .sendNotification('workspace/didChangeConfiguration', { settings: this.settings() })
        .catch((e: unknown) => this.deps.log.warn(`Sending the settings to the language server: ${String(e)}`));
  }

  private clientOptions(): LanguageClientOptions {
    // Configuration, SLO, severity-matrix, baseline and incident-document changes reach the server.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,yaml,yml,json}');
    this.disposables.push(watcher);
    return {
      // Incident documents, and any file for its INCIDENT tags (hover, CodeLens, completion).
      documentSelector: [
        { scheme: 'file', language: 'markdown' },
        { scheme: 'file', pattern: '**/*' },
      ],
      outputChannel: this.deps.log,
      revealOutputChannelOn: REVEAL_NEVER,
      initializationOptions: () => ({ settings: this.settings(), commandLinks: true }),
      synchronize: { fileEvents: watcher },
      markdown: { isTrusted: { enabledCommands: [Commands.openTagIncident] } },
      middleware: middleware(),
    };
  }
}

/**
 * Leaves the pull-diagnostics capability out, so the server publishes findings for every open document: the client's
 * pull model shows them only for documents in a tab, and the extension always linted every open document (one opened
 * by "Lint Document" from the side bar, a file a command reads) until it is closed. Registered after the client's own
 * features, so it runs last.
 */
const PUSH_DIAGNOSTICS: StaticFeature = {
  fillClientCapabilities(capabilities) {
    if (capabilities.textDocument) delete capabilities.textDocument.diagnostic;
  },
  initialize() {},
  getState: () => ({ kind: 'static' }),
  clear() {},
};

/** The server names its initialization option in the size-limit note for other editors; VS Code users have the setting. */
const INIT_OPTION_NOTE = / \(the language server's initialization option "maxFileSize"\)/;

/** Adapts what the server serves to what the extension showed before it (settings, titles, tooltips). */
function middleware(): Middleware {
  return {
    handleDiagnostics(uri, diagnostics, next) {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const markdown = MARKDOWN.test(uri.path) || document?.languageId === 'markdown';
      // TG001 and TG002 in code come from the tag index, which covers the files that are not open too.
      if (!markdown) return next(uri, []);
      for (const d of diagnostics) d.message = d.message.replace(INIT_OPTION_NOTE, '');
      next(uri, diagnostics);
    },
    async provideCodeLenses(document, token, next) {
      const lenses = (await next(document, token)) ?? [];
      const config = vscode.workspace.getConfiguration(Settings.section, document.uri);
      const tags = config.get<boolean>(Settings.tagsEnabled, true) && config.get<boolean>(Settings.tagsCodeLens, true);
      return lenses.filter((l) => tags || l.command?.command !== Commands.openTagIncident).map(decorateLens);
    },
    async provideHover(document, position, token, next) {
      const enabled = vscode.workspace
        .getConfiguration(Settings.section, document.uri)
        .get<boolean>(Settings.tagsEnabled, true);
      // Outside Markdown the server's hovers are tag hovers.
      if (!enabled && document.languageId !== 'markdown') return undefined;
      return next(document, position, token);
    },
  };
}

/** The icon and tooltips the extension's own lenses had. */
function decorateLens(lens: vscode.CodeLens): vscode.CodeLens {
  const command = lens.command;
  if (!command) return lens;
  if (command.command === Commands.showErrorBudget)
    command.tooltip = vscode.l10n.t(
      'Time to detect, mitigate and recover, and the duration, from this timeline. Click for the error budget.',
    );
  if (command.command === Commands.openTagIncident) {
    const args = (command.arguments?.[0] ?? {}) as { documents?: readonly string[]; message?: string };
    if (args.documents?.length === 0) {
      command.title = `$(warning) ${command.title}`;
      command.tooltip = args.message;
    } else command.tooltip = args.documents?.join('\n');
  }
  return lens;
}

// The Incident Workbench language server: wires the protocol to the workspace model and core's lint, fixes, hover,
// CodeLens and completion. Free of Node APIs: the entry (node.ts) gives it a connection and a file system.
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type TextDocumentIdentifier,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER_NAME, ServerRequests } from '../constants';
import type { Rule } from '../core/rules/types';
import { codeActions } from './codeActions';
import { completions } from './completion';
import { baselined, documentFindings, toDiagnostic, tooLargeDiagnostic, type RuleDocumentation } from './diagnostics';
import type { ServerFileSystem } from './fileSystem';
import { codeLenses, hover } from './hoverAndLens';
import { DEFAULT_PACING, LintPacer, type PacingOptions } from './pacing';
import { actionItems, checkSummariesParams, summaries, tagIndex, type SummariesParams } from './requests';
import { readClientSettings } from './settings';
import { uriToPath } from './uri';
import { WorkspaceModel, type DocumentEntry } from './WorkspaceModel';

/** What the client may pass as `initializationOptions`. */
export interface InitializationOptions {
  /** Documents over this many bytes are not linted (default 1 MiB, as the extension's setting). */
  readonly maxFileSize?: number;
  /** A built-in profile instead of the workspace's `.incident-workbench.yaml`. */
  readonly profile?: string;
  /** Hovers may link to the extension's commands (VS Code's own client; other editors cannot run them). */
  readonly commandLinks?: boolean;
  /**
   * The editor's settings (`ClientSettings`, or VS Code's `incidentWorkbench` section): the profile when there is
   * no configuration file, the baseline, whether to lint. `workspace/didChangeConfiguration` replaces them.
   */
  readonly settings?: unknown;
}

/** What the entry gives the server. */
export interface ServerOptions {
  readonly fs: ServerFileSystem;
  /** The link of a rule's documentation page, for `codeDescription.href`. */
  readonly ruleDocumentation: RuleDocumentation;
  /** The server's version, for `initialize`'s answer. */
  readonly version?: string;
  /** The rules to run (all of core's by default). */
  readonly rules?: readonly Rule[];
  /** Today's date, `YYYY-MM-DD` (for fixes that write it). */
  readonly today?: () => string;
  /** The current time in milliseconds (for IN001's deadline). */
  readonly now?: () => number;
  /** When published findings are computed while typing (`DEFAULT_PACING` by default). */
  readonly pacing?: PacingOptions;
}

/** Starts serving on `connection` (which must not be listening yet) and starts it listening. */
export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const now = options.now ?? (() => Date.now());
  const today = options.today ?? (() => new Date(now()).toISOString().slice(0, 10));
  let model = new WorkspaceModel({ root: undefined, fs: options.fs });
  let ready: Promise<void> = Promise.resolve();
  let pull = false;
  let refreshSupport = false;
  let support = { documentChanges: false, createFiles: false };
  let commandLinks = false;
  /** Documents whose lint threw, reported once each until they lint again. */
  const failed = new Set<string>();
  /** Push mode: lints each changed document's newest version, one at a time, and publishes it if still newest. */
  const pacer = new LintPacer(publishLatest, options.pacing ?? DEFAULT_PACING);
  /** The findings being (or last) computed per document and version: pulls and pushes of one version share them. */
  const computed = new Map<string, { version: number; diagnostics: Promise<Diagnostic[] | undefined> }>();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    const rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const root = rootUri ? uriToPath(rootUri) : (params.rootPath ?? undefined);
    model = new WorkspaceModel({
      root,
      fs: options.fs,
      maxFileSize: typeof init.maxFileSize === 'number' ? init.maxFileSize : undefined,
      profileName: typeof init.profile === 'string' ? init.profile : undefined,
      settings: readClientSettings(init.settings),
    });
    ready = loadConfiguration();
    commandLinks = init.commandLinks === true;
    const caps = params.capabilities;
    pull = caps.textDocument?.diagnostic !== undefined;
    refreshSupport = caps.workspace?.diagnostics?.refreshSupport === true;
    support = {
      documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
      createFiles: caps.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true,
    };
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: [':', ' ', '-', '#', '|'] },
        ...(pull
          ? {
              diagnosticProvider: { identifier: SERVER_NAME, interFileDependencies: true, workspaceDiagnostics: false },
            }
          : {}),
      },
      serverInfo: { name: SERVER_NAME, version: options.version },
    };
  });

  async function loadConfiguration(): Promise<void> {
    for (const { file, problem } of await model.loadConfiguration())
      connection.console.warn(
        `${file}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.message}`,
      );
  }

  /** The model's entry for an open document, with the editor's text. */
  function openEntry(uri: string): DocumentEntry | undefined {
    const path = uriToPath(uri);
    return path === undefined ? undefined : model.openEntry(path);
  }

  /** Whether `version` is the newest version of the open document `uri`. */
  function isCurrent(uri: string, version: number): boolean {
    return documents.get(uri)?.version === version;
  }

  /**
   * The diagnostics of version `version` of an open document, shared by every caller asking for that version;
   * undefined when a newer version arrived before it was linted (it is not linted then).
   */
  function findingsOf(uri: string, version: number): Promise<Diagnostic[] | undefined> {
    const hit = computed.get(uri);
    if (hit?.version === version) return hit.diagnostics;
    const diagnostics = diagnosticsOf(uri, version);
    computed.set(uri, { version, diagnostics });
    // An outdated answer is not kept: asking again for that version (which cannot happen) would lint it.
    void diagnostics.then((d) => {
      if (d === undefined && computed.get(uri)?.diagnostics === diagnostics) computed.delete(uri);
    });
    return diagnostics;
  }

  /** The diagnostics of an open document; a throw is reported once, naming the file, and gives none. */
  async function diagnosticsOf(uri: string, version: number): Promise<Diagnostic[] | undefined> {
    await ready;
    if (!isCurrent(uri, version)) return undefined;
    const parseStarted = Date.now();
    const entry = openEntry(uri);
    const parseMs = Date.now() - parseStarted;
    if (!entry) return [];
    try {
      const started = Date.now();
      const result = await documentFindings(model, entry, {
        rules: options.rules,
        now: now(),
        wanted: () => isCurrent(uri, version),
      });
      if (result.status === 'outdated') return undefined;
      // Parse and lint, for the pacer's wait inside a burst (the parse is the entry's, made just above).
      pacer.linted(uri, Date.now() - started + parseMs);
      failed.delete(uri);
      if (model.settings.diagnosticsEnabled === false) return [];
      if (result.status === 'tooLarge') return [tooLargeDiagnostic(result.size, result.limit)];
      if (result.status === 'notLinted') return [];
      const old = baselined(model, entry, result.findings);
      return result.findings.map((f) => toDiagnostic(f, options.ruleDocumentation, old?.has(f)));
    } catch (e) {
      if (!failed.has(uri)) {
        failed.add(uri);
        connection.console.error(
          `Incident Workbench could not lint ${entry.relativePath ?? entry.path}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        );
      }
      return [];
    }
  }

  /**
   * Push mode (the pacer calls it): lints the document's newest version and publishes its findings unless a newer
   * version arrived meanwhile (whose change has asked the pacer for another run).
   */
  async function publishLatest(uri: string): Promise<void> {
    const version = documents.get(uri)?.version;
    if (version === undefined) return;
    const diagnostics = await findingsOf(uri, version);
    if (diagnostics && isCurrent(uri, version)) await connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /** Something other than one document changed (profile, SLOs, the set of documents): all open ones again. */
  function relintAll(): void {
    computed.clear();
    if (pull) {
      if (refreshSupport) void connection.languages.diagnostics.refresh();
    } else {
      for (const d of documents.all()) pacer.relint(d.uri);
    }
  }

  documents.onDidOpen((e) => {
    const path = uriToPath(e.document.uri);
    if (path !== undefined) model.setOpen(path, e.document.version, e.document.getText(), e.document.languageId);
    if (!pull) pacer.changed(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    const path = uriToPath(e.document.uri);
    if (path !== undefined) model.setOpen(path, e.document.version, e.document.getText(), e.document.languageId);
    if (pull) pacer.note(e.document.uri);
    else pacer.changed(e.document.uri);
  });
  documents.onDidClose((e) => {
    const path = uriToPath(e.document.uri);
    if (path !== undefined) model.close(path);
    pacer.forget(e.document.uri);
    computed.delete(e.document.uri);
    failed.delete(e.document.uri);
    if (!pull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  documents.onDidSave((e) => {
    const path = uriToPath(e.document.uri);
    if (path !== undefined) model.fileChanged(path);
  });

  connection.onDidChangeWatchedFiles((params) => {
    let configChanged = false;
    for (const change of params.changes) {
      const path = uriToPath(change.uri);
      if (path === undefined) continue;
      const relative = model.relative(path) ?? '';
      if (
        /(^|\/)(\.incident-workbench\.ya?ml|slos?\.ya?ml)$/.test(relative) ||
        relative === model.profile.severityMatrix ||
        relative === model.baselinePath
      )
        configChanged = true;
      model.fileChanged(path);
    }
    if (configChanged) ready = loadConfiguration();
    relintAll();
  });

  // The editor's settings changed (VS Code's client sends its `incidentWorkbench` section): apply them, lint again.
  connection.onDidChangeConfiguration((params) => {
    if (params.settings === null || params.settings === undefined) return;
    model.configure(readClientSettings(params.settings));
    ready = loadConfiguration();
    void ready.then(relintAll);
  });

  // A pull names no version: it is answered for the newest. Inside a burst of changes it first waits the pacer's
  // short debounce (the client cancels it when the next key comes, and nothing was linted for it). When the
  // document changes while it is linted, the newer version is linted instead, until the answer is current or the
  // client cancels.
  connection.languages.diagnostics.on(async (params, token) => {
    checkDocument(params.textDocument);
    const uri = params.textDocument.uri;
    for (;;) {
      const wait = pacer.settleDelay(uri);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (token.isCancellationRequested)
        throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The diagnostics request was cancelled.');
      const version = documents.get(uri)?.version;
      if (version === undefined) return { kind: 'full', items: [] };
      const items = await findingsOf(uri, version);
      if (items && isCurrent(uri, version)) return { kind: 'full', items };
    }
  });

  connection.onCodeAction(async (params) => {
    checkDocument(params.textDocument);
    checkRange(params.range);
    await ready;
    const entry = openEntry(params.textDocument.uri);
    if (!entry) return [];
    return codeActions(model, entry, {
      uri: params.textDocument.uri,
      version: documents.get(params.textDocument.uri)?.version,
      range: params.range,
      diagnostics: Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : [],
      today: today(),
      now: now(),
      support,
      ruleDocumentation: options.ruleDocumentation,
    });
  });

  connection.onHover(async (params) => {
    checkDocument(params.textDocument);
    checkPosition(params.position);
    await ready;
    const entry = openEntry(params.textDocument.uri);
    return entry ? hover(model, entry, params.position, { commandLinks }) : null;
  });

  connection.onCodeLens(async (params) => {
    checkDocument(params.textDocument);
    await ready;
    const entry = openEntry(params.textDocument.uri);
    return entry ? codeLenses(model, entry) : [];
  });

  connection.onCompletion(async (params) => {
    checkDocument(params.textDocument);
    checkPosition(params.position);
    await ready;
    const entry = openEntry(params.textDocument.uri);
    return entry ? completions(model, entry, params.position) : [];
  });

  connection.onRequest(ServerRequests.summaries, async (params: unknown, _token: CancellationToken) => {
    const problem = checkSummariesParams(params);
    if (problem) throw new ResponseError(ErrorCodes.InvalidParams, `${ServerRequests.summaries}: ${problem}.`);
    await ready;
    return summaries(model, (params ?? undefined) as SummariesParams | undefined);
  });
  connection.onRequest(ServerRequests.tagIndex, async () => {
    await ready;
    return tagIndex(
      model,
      documents.all().flatMap((d) => uriToPath(d.uri) ?? []),
    );
  });
  connection.onRequest(ServerRequests.actionItems, async () => {
    await ready;
    return actionItems(model);
  });

  documents.listen(connection);
  connection.listen();
}

function checkDocument(doc: TextDocumentIdentifier | undefined): void {
  if (!doc || typeof doc.uri !== 'string')
    throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument.uri must be a string (a document URI).');
}

function checkPosition(p: Position | undefined): void {
  if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0)
    throw new ResponseError(ErrorCodes.InvalidParams, 'position must be {line, character} with whole numbers from 0.');
}

function checkRange(r: { start: Position; end: Position } | undefined): void {
  if (!r) throw new ResponseError(ErrorCodes.InvalidParams, 'range must be {start, end} positions.');
  checkPosition(r.start);
  checkPosition(r.end);
}

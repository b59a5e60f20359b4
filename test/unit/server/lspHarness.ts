// Drives the language server over in-memory streams with JSON-RPC, as an editor's client would.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { runNodeServer, type NodeServerOptions } from '../../../src/server/node';
import { pathToUri } from '../../../src/server/uri';

/** The repository's root (tests run from out/test/unit/server). */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** A copy of the sample workspace (examples/acme-shop) in a temporary folder. */
export function copySampleWorkspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'iw-lsp-'));
  cpSync(path.join(REPO_ROOT, 'examples', 'acme-shop'), dir, { recursive: true });
  return dir;
}

/** A client talking to a server started in this process. */
export class TestClient {
  readonly connection: MessageConnection;
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly logs: Array<{ type: number; message: string }> = [];
  private readonly waiters: Array<() => void> = [];
  private readonly toServer = new PassThrough();
  private readonly fromServer = new PassThrough();

  constructor(
    readonly root: string,
    options: NodeServerOptions = {},
  ) {
    runNodeServer(this.toServer, this.fromServer, {
      ruleDocumentation: (id) => `https://example.test/rules/${id}.md`,
      ...options,
    });
    this.connection = createMessageConnection(
      new StreamMessageReader(this.fromServer),
      new StreamMessageWriter(this.toServer),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.set(p.uri, [...(this.published.get(p.uri) ?? []), p]);
      this.waiters.splice(0).forEach((w) => w());
    });
    this.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      this.logs.push(p);
      this.waiters.splice(0).forEach((w) => w());
    });
    // Servers may ask for these; answer as a plain client does.
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.listen();
  }

  uri(relative: string): string {
    return pathToUri(path.join(this.root, relative).split(path.sep).join('/'));
  }

  async initialize(
    capabilities: object = {},
    initializationOptions: object = {},
  ): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest('initialize', {
      processId: null,
      rootUri: pathToUri(this.root),
      capabilities,
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown> };
  }

  async open(relative: string, text: string, languageId = 'markdown', version = 1): Promise<string> {
    const uri = this.uri(relative);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version, text },
    });
    return uri;
  }

  async change(uri: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  /** Resolves with the latest diagnostics published for `uri` once `accept` holds for them. */
  async diagnostics(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
  ): Promise<PublishDiagnosticsParams> {
    for (let i = 0; i < 500; i++) {
      const latest = this.published.get(uri)?.at(-1);
      if (latest && accept(latest)) return latest;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    throw new Error(`no accepted diagnostics for ${uri}`);
  }

  /** Resolves once a log message matching `pattern` arrived. */
  async log(pattern: RegExp): Promise<string> {
    for (let i = 0; i < 500; i++) {
      const hit = this.logs.find((l) => pattern.test(l.message));
      if (hit) return hit.message;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    throw new Error(`no log message like ${pattern}`);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  dispose(): void {
    this.connection.dispose();
    this.toServer.end();
    this.fromServer.end();
    rmSync(this.root, { recursive: true, force: true });
  }
}

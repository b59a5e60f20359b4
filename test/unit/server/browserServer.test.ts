// The language server's browser entry (src/server/browser.ts), bundled for the browser as scripts/build.mjs bundles it,
// in plain Node: over a MessageChannel in the same thread (as in the web extension's own worker) and in a Worker of its
// own (src/server/browserWorker.ts). The client here is a few lines of JSON-RPC, no vscode-languageclient; it serves
// the workspace from memory under `memfs:` URIs, as the web extension serves it from vscode.workspace.fs.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { ServerFileRequests, ServerRequests } from '../../../src/constants';
import { REPO_ROOT } from './lspHarness';

const ROOT = 'memfs:/acme-shop';
const MISSING_ROOT_CAUSE = `${ROOT}/docs/postmortems/2026-04-02-search-outage.md`;
const MISSING_ROOT_CAUSE_TEXT =
  '# Postmortem: Search outage\n\n**Date:** 2026-04-02\n**Severity:** SEV3\n\n## Summary\n\nSearch was down.\n';

/** examples/acme-shop's files by their memfs: URI. */
function sampleFiles(): Map<string, string> {
  const folder = path.join(REPO_ROOT, 'examples', 'acme-shop');
  const files = new Map<string, string>();
  for (const rel of readdirSync(folder, { recursive: true }) as string[]) {
    const file = path.join(folder, rel);
    if (statSync(file).isFile()) files.set(`${ROOT}/${rel.split(path.sep).join('/')}`, readFileSync(file, 'utf8'));
  }
  return files;
}

interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

/** A JSON-RPC client over any message transport; answers the server's file requests from `files`. */
class PortClient {
  readonly diagnostics = new Map<string, Array<{ message: string; code?: unknown }>>();
  readonly fileRequests: string[] = [];
  private nextId = 1;
  private readonly pending = new Map<number, (m: Message) => void>();
  private readonly waiters: Array<() => void> = [];

  constructor(
    private readonly send: (m: Message) => void,
    subscribe: (listener: (m: Message) => void) => void,
    private readonly files: ReadonlyMap<string, string>,
  ) {
    subscribe((m) => this.receive(m));
  }

  request<R>(method: string, params: unknown): Promise<R> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise((resolve, reject) =>
      this.pending.set(id, (m) => (m.error ? reject(new Error(m.error.message)) : resolve(m.result as R))),
    );
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the diagnostics of `uri` once `done` accepts them; fails after 10 s. */
  async diagnosticsOf(uri: string, done: (d: Array<{ message: string }>) => boolean) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const current = this.diagnostics.get(uri);
      if (current && done(current)) return current;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} (last: ${JSON.stringify(current)})`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  private receive(m: Message): void {
    if (m.method === undefined && typeof m.id === 'number') {
      this.pending.get(m.id)?.(m);
      this.pending.delete(m.id);
      return;
    }
    if (m.method === 'textDocument/publishDiagnostics') {
      const p = m.params as { uri: string; diagnostics: Array<{ message: string }> };
      this.diagnostics.set(p.uri, p.diagnostics);
      this.waiters.splice(0).forEach((w) => w());
      return;
    }
    if (m.id === undefined) return; // other notifications (log messages)
    this.send({ jsonrpc: '2.0', id: m.id, result: this.answer(m.method ?? '', m.params as { uri: string }) });
  }

  /** The client's side of a server request: the file system, and null for the rest (registerCapability...). */
  private answer(method: string, params: { uri: string }): unknown {
    if (!Object.values<string>(ServerFileRequests).includes(method)) return null;
    this.fileRequests.push(method);
    const text = this.files.get(params.uri);
    if (method === ServerFileRequests.stat)
      return text === undefined ? null : { mtime: 1, size: new TextEncoder().encode(text).length };
    if (method === ServerFileRequests.readText) return text ?? null;
    const prefix = `${params.uri.replace(/\/$/, '')}/`;
    return [...this.files.keys()].filter(
      (uri) => uri.startsWith(prefix) && /\.(md|markdown)$/.test(uri) && !/\/node_modules\//.test(uri),
    );
  }
}

/** initialize, didOpen of a postmortem without a root cause: the server's findings, and its summaries. */
async function exercise(client: PortClient): Promise<void> {
  const init = await client.request<{ capabilities: Record<string, unknown>; serverInfo: { name: string } }>(
    'initialize',
    { processId: null, rootUri: ROOT, capabilities: {}, workspaceFolders: [{ uri: ROOT, name: 'acme-shop' }] },
  );
  assert.ok(init.capabilities.codeLensProvider, 'the server offers CodeLens');
  client.notify('initialized', {});
  client.notify('textDocument/didOpen', {
    textDocument: { uri: MISSING_ROOT_CAUSE, languageId: 'markdown', version: 1, text: MISSING_ROOT_CAUSE_TEXT },
  });
  const found = await client.diagnosticsOf(MISSING_ROOT_CAUSE, (d) => d.length > 0);
  assert.ok(
    found.some((d) => /root cause/i.test(d.message)),
    `a finding names the missing root cause (got: ${found.map((d) => d.message).join(' | ')})`,
  );
  // The workspace's other documents, read through the client's file system.
  const { summaries } = await client.request<{ summaries: Array<{ uri: string; title: string }> }>(
    ServerRequests.summaries,
    {},
  );
  const titles = summaries.map((d) => d.title).join(' | ');
  assert.match(titles, /User service timeouts on preferences endpoint/);
  assert.ok(
    summaries.every((d) => d.uri.startsWith(`${ROOT}/`)),
    summaries.map((d) => d.uri).join(' '),
  );
  assert.ok(
    client.fileRequests.includes(ServerFileRequests.findMarkdownFiles),
    'the server listed files via the client',
  );
  assert.ok(client.fileRequests.includes(ServerFileRequests.readText), 'the server read files via the client');
  await client.request('shutdown', null);
  client.notify('exit', null);
}

describe('Language server: browser entry', function () {
  this.timeout(60_000);
  let dir: string;
  let bundle: string;
  let workerBundle: string;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'iw-browser-server-'));
    const common = {
      bundle: true,
      platform: 'browser' as const,
      target: 'es2022',
      mainFields: ['browser', 'module', 'main'],
      logLevel: 'silent' as const,
    };
    // platform browser: a Node built-in anywhere in the server fails this build.
    bundle = path.join(dir, 'browser.js');
    await build({
      ...common,
      entryPoints: [path.join(REPO_ROOT, 'src', 'server', 'browser.ts')],
      outfile: bundle,
      format: 'cjs',
    });
    workerBundle = path.join(dir, 'server.js');
    await build({
      ...common,
      entryPoints: [path.join(REPO_ROOT, 'src', 'server', 'browserWorker.ts')],
      outfile: workerBundle,
      format: 'iife',
    });
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('serves findings over a MessageChannel in the same thread (the web extension’s own worker)', async () => {
    // The bundle has its own copy of the JSON-RPC library, so its browser runtime does not touch this process's.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runBrowserServer } = require(bundle) as typeof import('../../../src/server/browser');
    const { port1, port2 } = new MessageChannel();
    const connection = runBrowserServer(port1 as never);
    const client = new PortClient(
      (m) => port2.postMessage(m),
      (listener) => port2.on('message', (data) => listener(data as Message)),
      sampleFiles(),
    );
    const exited = new Promise<void>((resolve) => connection.onExit(resolve));
    try {
      await exercise(client);
      await exited;
    } finally {
      port1.close();
      port2.close();
    }
  });

  it('serves findings from a Worker of its own (dist/web/server.js)', async () => {
    // A Node worker thread stands in for a browser's Worker: its parent port is the worker's `self`.
    const worker = new Worker(
      `globalThis.self = require('node:worker_threads').parentPort; require(${JSON.stringify(workerBundle)});`,
      { eval: true },
    );
    const client = new PortClient(
      (m) => worker.postMessage(m),
      (listener) => worker.on('message', listener),
      sampleFiles(),
    );
    try {
      await exercise(client);
    } finally {
      await worker.terminate();
    }
  });
});

// The language server's own figures (#21), over stdio against `node dist/cli.js lsp --stdio`:
// - keystroke → findings: typing 20 keys/s in bursts of 10 into a 5,000-line postmortem, from the didChange of a
//   burst's last key to the publishDiagnostics of that version (p50/p95); beside it the same for a burst's first
//   key (one lint and the transport, nothing queued before it), which says where the time goes;
// - resident memory on the sample workspace (every Markdown file open, summaries asked for);
// - peak memory linting a 7 MB document (the size limit raised so it is linted);
// - faults: malformed messages and a 20 MB document get errors or a "not linted" note, and the server still answers.
// Usage: node bench/lsp.mjs [--bursts N] [--only typing|memory|big|faults] [--json]. Needs dist/cli.js
// (node scripts/build.mjs). bench/run.mjs runs it as part of `npm run bench`.
/* global process, console, setTimeout, clearTimeout, performance, Buffer */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generatePostmortem } from './generate.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver/node');
// BENCH_LSP_CLI: another build's cli.js (to compare a change with the code before it).
const cli = process.env.BENCH_LSP_CLI ?? join(repoRoot, 'dist', 'cli.js');

/** The budgets of issue 21 for these figures. */
export const LSP_BUDGETS = {
  lspKeystrokeP95Ms: { op: '<=', limit: 150, unit: 'ms' },
  lspSampleRssMB: { op: '<=', limit: 120, unit: 'MB' },
  lsp7MBPeakMB: { op: '<=', limit: 300, unit: 'MB' },
  lspFaultsSurvived: { op: '>=', limit: 1, unit: '' },
};

/** Starts `node dist/cli.js lsp --stdio` on `root`; resolves with the connection and the process. */
async function startServer(root, initializationOptions = {}) {
  // BENCH_LSP_NODE_ARGS: extra Node options for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_LSP_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, cli, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => {
    stderr += c;
  });
  const exited = new Promise((r) => child.on('exit', (code, signal) => r({ code, signal })));
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const waiting = new Map();
  const received = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    received.set(p.uri, [...(received.get(p.uri) ?? []), p.version]);
    const w = waiting.get(`${p.uri} ${p.version}`);
    if (w) w(p);
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    capabilities: {},
    initializationOptions,
  });
  connection.sendNotification('initialized', {});
  /** Resolves when the findings of `version` of `uri` are published (or with undefined after `timeoutMs`). */
  const published = (uri, version, timeoutMs = 60_000) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      waiting.set(`${uri} ${version}`, (p) => {
        clearTimeout(timer);
        resolve(p);
      });
    });
  /** CPU time the server process used so far (user + system), in milliseconds: less at the mercy of load than wall time. */
  const cpuMs = () => {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (100 a second)
  };
  const memory = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  };
  const stop = async () => {
    if (child.exitCode === null) {
      await connection.sendRequest('shutdown').catch(() => undefined);
      connection.sendNotification('exit');
      await exited;
    }
    connection.dispose();
  };
  return { connection, child, published, received, memory, cpuMs, stop, exited, stderr: () => stderr };
}

const percentile = (xs, p) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] : null;
const round1 = (n) => (n === null ? null : Math.round(n * 10) / 10);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A 5,000-line postmortem, the same every run. */
export function fiveThousandLinePostmortem() {
  let text = generatePostmortem(330_000, 7);
  while (text.split('\n').length < 5000) text += '\nMore investigation notes for the timeline.\n';
  return text.split('\n').slice(0, 5000).join('\n');
}

/** Typing 20 keys/s in bursts of 10 keys, a 300 ms pause between bursts. */
async function benchTyping(workspace, bursts) {
  const text = fiveThousandLinePostmortem();
  const server = await startServer(workspace);
  const uri = pathToFileURL(join(workspace, 'docs/postmortems/2026-04-01-large.md')).href;
  let version = 1;
  const opened = performance.now();
  const first = server.published(uri, version);
  server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'markdown', version, text },
  });
  await first;
  const openMs = performance.now() - opened;
  const last = [];
  const firstKey = [];
  let lostFirst = 0;
  const cpuBefore = server.cpuMs();
  for (let b = 0; b < bursts; b++) {
    let done;
    for (let k = 0; k < 10; k++) {
      version++;
      const line = 10 + b;
      const v = version;
      done = server.published(uri, v, k === 9 ? 60_000 : 2_000);
      const start = performance.now();
      server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }],
      });
      if (k === 0)
        // The first key of a burst: published unless the second key came before its lint ended.
        void done.then((p) => (p ? firstKey.push(performance.now() - start) : lostFirst++));
      if (k === 9) {
        const p = await done;
        if (!p) throw new Error(`bench/lsp: the findings of version ${v} never came`);
        last.push(performance.now() - start);
      } else await sleep(50);
    }
    await sleep(300);
  }
  const versions = server.received.get(uri) ?? [];
  const cpuMs = server.cpuMs() - cpuBefore;
  await server.stop();
  return {
    lines: 5000,
    bytes: Buffer.byteLength(text),
    bursts,
    keys: bursts * 10,
    published: versions.length - 1,
    outOfOrder: versions.some((v, i) => i > 0 && v <= versions[i - 1]),
    openMs: Math.round(openMs),
    p50Ms: round1(percentile(last, 50)),
    p95Ms: round1(percentile(last, 95)),
    maxMs: round1(Math.max(...last)),
    firstKeyP50Ms: round1(percentile(firstKey, 50)),
    firstKeyP95Ms: round1(percentile(firstKey, 95)),
    firstKeysNotPublished: lostFirst,
    serverCpuMsPerKey: round1(cpuMs / (bursts * 10)),
  };
}

/** Every Markdown file of the sample workspace open, summaries asked for: the server's resident memory. */
async function benchSampleMemory(workspace) {
  const server = await startServer(workspace);
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (name === '.git') continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.md')) files.push(full);
    }
  };
  walk(workspace);
  for (const file of files) {
    const u = pathToFileURL(file).href;
    const p = server.published(u, 1);
    server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: u, languageId: 'markdown', version: 1, text: readFileSync(file, 'utf8') },
    });
    await p;
  }
  await server.connection.sendRequest('incidentWorkbench/summaries', null);
  await server.connection.sendRequest('incidentWorkbench/tagIndex', null);
  const { rssMb, peakMb } = server.memory();
  await server.stop();
  return { openDocuments: files.length, rssMb: Math.round(rssMb), peakMb: Math.round(peakMb) };
}

/** A 7 MB postmortem linted (the limit raised to 8 MB): the server's peak memory. */
async function benchBig(workspace) {
  const server = await startServer(workspace, { maxFileSize: 8 * 1024 * 1024 });
  const before = server.memory().peakMb;
  const text = generatePostmortem(7 * 1024 * 1024, 11);
  const uri = pathToFileURL(join(workspace, 'docs/postmortems/2026-04-02-huge.md')).href;
  const started = performance.now();
  const done = server.published(uri, 1, 300_000);
  server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'markdown', version: 1, text },
  });
  const result = await done;
  if (!result) throw new Error('bench/lsp: the 7 MB document got no findings in 5 minutes');
  const figures = {
    bytes: Buffer.byteLength(text),
    findings: result.diagnostics.length,
    lintMs: Math.round(performance.now() - started),
    peakBeforeMb: Math.round(before),
    peakMb: Math.round(server.memory().peakMb),
  };
  await server.stop();
  return figures;
}

/**
 * Faults the server must survive: a message that is not JSON, a request with bad params, an unknown method,
 * and a 20 MB document at the default limit (one "not linted" note). Each check: the server is still running
 * and answers a request afterwards.
 */
async function benchFaults(workspace) {
  const server = await startServer(workspace);
  const checks = [];
  const alive = async (name, error) => {
    let answered = false;
    try {
      const r = await Promise.race([
        server.connection.sendRequest('incidentWorkbench/summaries', null),
        sleep(20_000).then(() => undefined),
      ]);
      answered = r !== undefined;
    } catch {
      answered = false;
    }
    checks.push({ name, error, answered, running: server.child.exitCode === null });
  };
  // 1. Not JSON, with a correct header: written to the server's stdin directly.
  const junk = '{this is not json';
  server.child.stdin.write(`Content-Length: ${Buffer.byteLength(junk)}\r\n\r\n${junk}`);
  await alive('malformed JSON body', 'none expected (nothing to answer)');
  // 2. A request with bad params, and 3. an unknown method: errors.
  for (const [name, method, params] of [
    ['hover without a position', 'textDocument/hover', { textDocument: { uri: 'file:///x.md' } }],
    ['unknown method', 'incidentWorkbench/noSuchRequest', {}],
  ]) {
    let error;
    try {
      await server.connection.sendRequest(method, params);
      error = 'no error';
    } catch (e) {
      error = `${e.code}: ${e.message}`;
    }
    await alive(name, error);
  }
  // 4. A 20 MB document at the default 1 MiB limit: one note, quickly, and the server stays.
  const text = generatePostmortem(20 * 1024 * 1024, 13);
  const uri = pathToFileURL(join(workspace, 'docs/postmortems/2026-04-03-twenty.md')).href;
  const started = performance.now();
  const done = server.published(uri, 1, 60_000);
  server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'markdown', version: 1, text },
  });
  const note = await done;
  const hugeMs = Math.round(performance.now() - started);
  await alive('20 MB document', note ? `${note.diagnostics.length} note: ${note.diagnostics[0]?.message}` : 'none');
  const peakMb = Math.round(server.memory().peakMb);
  await server.stop();
  const survived = checks.every((c) => c.answered && c.running);
  return { survived, checks, hugeDocumentMs: hugeMs, peakMb };
}

/** Runs the parts of the language-server bench; `log` reports progress. */
export async function benchLsp({ bursts = 20, only, log = () => undefined } = {}) {
  if (!existsSync(cli)) throw new Error('bench/lsp: dist/cli.js is missing; build it with `node scripts/build.mjs`');
  const workspace = mkdtempSync(join(tmpdir(), 'iw-bench-lsp-'));
  const figures = {};
  const part = async (name, label, fn) => {
    if (only && only !== name) return;
    log(`lsp: ${label} ...`);
    const started = performance.now();
    figures[name] = await fn();
    figures[name].seconds = Math.round((performance.now() - started) / 100) / 10;
  };
  try {
    cpSync(join(repoRoot, 'examples', 'acme-shop'), workspace, { recursive: true });
    mkdirSync(join(workspace, '.git'));
    await part('typing', `typing 20 keys/s into a 5,000-line postmortem (${bursts} bursts)`, () =>
      benchTyping(workspace, bursts),
    );
    await part('memory', 'resident memory on the sample workspace', () => benchSampleMemory(workspace));
    await part('big', 'linting a 7 MB document', () => benchBig(workspace));
    await part('faults', 'malformed messages and a 20 MB document', () => benchFaults(workspace));
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
  return figures;
}

/** The figures in one line each, as the table's notes. */
export function describeLsp(figures) {
  const lines = {};
  const t = figures.typing;
  if (t)
    lines.lspKeystrokeP95Ms = `last key of a burst → findings p50 ${t.p50Ms}, p95 ${t.p95Ms}, max ${t.maxMs} ms; first key (one lint, nothing queued) p50 ${t.firstKeyP50Ms}, p95 ${t.firstKeyP95Ms} ms; ${t.published} publishes for ${t.keys} keys, server CPU ${t.serverCpuMsPerKey} ms a key; server side over stdio, ${t.lines} lines`;
  const m = figures.memory;
  if (m) lines.lspSampleRssMB = `${m.openDocuments} documents open, summaries and tag index asked; peak ${m.peakMb} MB`;
  const b = figures.big;
  if (b)
    lines.lsp7MBPeakMB = `${(b.bytes / 1048576).toFixed(1)} MB linted in ${b.lintMs} ms, ${b.findings} findings (peak ${b.peakBeforeMb} MB before)`;
  const f = figures.faults;
  if (f)
    lines.lspFaultsSurvived = `${f.checks.filter((c) => c.answered && c.running).length}/${f.checks.length} faults survived (${f.checks.map((c) => c.name).join(', ')}); 20 MB note in ${f.hugeDocumentMs} ms, peak ${f.peakMb} MB`;
  return lines;
}

/** The metrics bench/run.mjs checks against LSP_BUDGETS. */
export function lspMetrics(figures) {
  return {
    lspKeystrokeP95Ms: figures.typing?.p95Ms ?? null,
    lspSampleRssMB: figures.memory?.rssMb ?? null,
    lsp7MBPeakMB: figures.big?.peakMb ?? null,
    lspFaultsSurvived: figures.faults ? (figures.faults.survived ? 1 : 0) : null,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { bursts: { type: 'string', default: '20' }, only: { type: 'string' }, json: { type: 'boolean' } },
  });
  const figures = await benchLsp({
    bursts: Number(values.bursts),
    only: values.only,
    log: (m) => console.error(m),
  });
  if (values.json) console.log(JSON.stringify(figures, null, 2));
  else {
    const metrics = lspMetrics(figures);
    const notes = describeLsp(figures);
    for (const [k, v] of Object.entries(metrics)) {
      if (v === null) continue;
      const b = LSP_BUDGETS[k];
      const pass = b.op === '<=' ? v <= b.limit : v >= b.limit;
      console.log(
        `${k}: ${v} (budget ${b.op} ${b.limit}${b.unit ? ` ${b.unit}` : ''}, ${pass ? 'PASS' : 'FAIL'}) ${notes[k]}`,
      );
    }
  }
}

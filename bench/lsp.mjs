// The language server's own figures (#21): didChange → published findings on a 5,000-line postmortem while typing
// 20 keys/s (p50/p95 over bursts, server side, over stdio), resident memory on the sample workspace, and peak memory
// linting a 7 MB document. Usage: node bench/lsp.mjs [--bursts N] [--json]. Needs dist/cli.js (node scripts/build.mjs).
/* global process, console, setTimeout, performance, Buffer */
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
const { values } = parseArgs({ options: { bursts: { type: 'string', default: '20' }, json: { type: 'boolean' } } });
const cli = join(repoRoot, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('bench/lsp: dist/cli.js is missing; build it with `node scripts/build.mjs`');
  process.exit(2);
}

/** Starts `node dist/cli.js lsp --stdio` on `root`; resolves with the connection and the process. */
async function startServer(root, initializationOptions = {}) {
  const child = spawn(process.execPath, [cli, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    const w = waiting.get(`${p.uri} ${p.version}`);
    if (w) w(p);
  });
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    capabilities: {},
    initializationOptions,
  });
  connection.sendNotification('initialized', {});
  /** Resolves when the findings of `version` of `uri` are published. */
  const published = (uri, version) => new Promise((resolve) => waiting.set(`${uri} ${version}`, resolve));
  const memory = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  };
  const stop = async () => {
    await connection.sendRequest('shutdown');
    connection.sendNotification('exit');
    await new Promise((r) => child.on('exit', r));
    connection.dispose();
  };
  return { connection, published, memory, stop };
}

const percentile = (xs, p) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const workspace = mkdtempSync(join(tmpdir(), 'iw-bench-lsp-'));
const figures = {};
try {
  cpSync(join(repoRoot, 'examples', 'acme-shop'), workspace, { recursive: true });
  mkdirSync(join(workspace, '.git'));

  // 1. Typing into a 5,000-line postmortem: 20 keys/s in bursts; last keystroke → its findings.
  let text = generatePostmortem(330_000, 7);
  while (text.split('\n').length < 5000) text += '\nMore investigation notes for the timeline.\n';
  text = text.split('\n').slice(0, 5000).join('\n');
  const typing = await startServer(workspace);
  const uri = pathToFileURL(join(workspace, 'docs/postmortems/2026-04-01-large.md')).href;
  let version = 1;
  const first = typing.published(uri, version);
  typing.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'markdown', version, text },
  });
  await first;
  const latencies = [];
  const bursts = Number(values.bursts);
  for (let b = 0; b < bursts; b++) {
    let done;
    for (let k = 0; k < 10; k++) {
      version++;
      const line = 10 + b;
      done = typing.published(uri, version);
      const start = performance.now();
      typing.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }],
      });
      if (k === 9) {
        await done;
        latencies.push(performance.now() - start);
      } else await sleep(50);
    }
    await sleep(300);
  }
  await typing.stop();
  figures.keystrokeToFindings = {
    lines: 5000,
    bytes: Buffer.byteLength(text),
    bursts,
    p50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
    p95Ms: Math.round(percentile(latencies, 95) * 10) / 10,
    budget: 'p95 ≤ 150 ms in real VS Code end to end (this figure is the server side only, over stdio)',
  };

  // 2. Resident memory on the sample workspace, every Markdown file open, summaries asked for.
  const sample = await startServer(workspace);
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
    const p = sample.published(u, 1);
    sample.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: u, languageId: 'markdown', version: 1, text: readFileSync(file, 'utf8') },
    });
    await p;
  }
  await sample.connection.sendRequest('incidentWorkbench/summaries', null);
  figures.sampleWorkspaceMemory = {
    openDocuments: files.length,
    rssMb: Math.round(sample.memory().rssMb),
    budget: '≤ 120 MB',
  };
  await sample.stop();

  // 3. Peak memory linting a 7 MB document (the size limit raised to 8 MB so it is linted).
  const big = await startServer(workspace, { maxFileSize: 8 * 1024 * 1024 });
  const bigText = generatePostmortem(7 * 1024 * 1024, 11);
  const bigUri = pathToFileURL(join(workspace, 'docs/postmortems/2026-04-02-huge.md')).href;
  const started = performance.now();
  const bigDone = big.published(bigUri, 1);
  big.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: bigUri, languageId: 'markdown', version: 1, text: bigText },
  });
  const result = await bigDone;
  figures.sevenMegabyteLint = {
    bytes: Buffer.byteLength(bigText),
    findings: result.diagnostics.length,
    lintMs: Math.round(performance.now() - started),
    peakMb: Math.round(big.memory().peakMb),
    budget: '≤ 300 MB peak',
  };
  await big.stop();
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
if (values.json) console.log(JSON.stringify(figures, null, 2));
else {
  const k = figures.keystrokeToFindings;
  console.log(
    `lsp keystroke → findings (server side, ${k.lines} lines, ${k.bursts} bursts at 20 keys/s): p50 ${k.p50Ms} ms, p95 ${k.p95Ms} ms (${k.budget})`,
  );
  console.log(
    `lsp resident memory, sample workspace (${figures.sampleWorkspaceMemory.openDocuments} documents open): ${figures.sampleWorkspaceMemory.rssMb} MB (budget ≤ 120 MB)`,
  );
  const s = figures.sevenMegabyteLint;
  console.log(
    `lsp peak memory linting a ${(s.bytes / 1048576).toFixed(1)} MB document: ${s.peakMb} MB (budget ≤ 300 MB), ${s.lintMs} ms, ${s.findings} findings`,
  );
}

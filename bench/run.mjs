// The benchmark suite: ratios measured side by side in one process against markdown-it, markdownlint
// and ripgrep, checked against the budgets of issue 9. Prints a table and writes bench-results.json.
//
// Usage: node bench/run.mjs [--quick | --tiny] [--out FILE] [--seed N] [--runs N] [--rg PATH] [--no-activation]
//   (default)  lint: 2.5 s of warm-up, then 40 timed rounds; the CLI benchmark lints 1,000 postmortems
//              10 times (markdownlint-cli2 3 times); activation measured in 3 starts of VS Code
//   --quick    lint: 1 s of warm-up, then 30 timed rounds; 10 timed scans; the CLI 3 times
//              (markdownlint-cli2 once); no markdownlint on the 500 KB document; one start of VS Code;
//              under 2 minutes
//   --tiny     a smoke run for the unit test: a 300-file tree, 3 runs, 20 postmortems, no 500 KB
//              document, no VS Code
//   activationMs comes from the "Activation time" integration test (real VS Code, ~30 s a start; it
//   packages the extension first, so vsixKB is read after it),
//   run last; it writes test-results/activation.json, which is then read.
//   --no-activation  skip that test and read the last recorded test-results/activation.json, if any
//   --no-lsp   skip the language server's figures (bench/lsp.mjs: keystroke → findings over stdio, memory,
//              faults; about 1.5 minutes, 10 bursts in --quick, a short run in --tiny)
// The same figures in real VS Code (code-server): `npm run bench:vscode` (bench/vscode/run.mjs), separately.
// Needs the compiled code (`npx tsc -p .` → out/src) and the CLI bundle (`node scripts/build.mjs` →
// dist/cli.js; built here when missing). Benchmarks are not part of `npm test`.
/* global process, console, performance, Buffer */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { codeServerAppRoot } from '../scripts/codeServer.mjs';
import { cachedPostmortemCorpus, cachedTree, generatePostmortem, GENERATOR_VERSION } from './generate.mjs';
import { benchImport } from './import.mjs';
import { benchLsp, describeLsp, LSP_BUDGETS, lspMetrics } from './lsp.mjs';
import { requireOut } from './out.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    tiny: { type: 'boolean', default: false },
    out: { type: 'string', default: join(repoRoot, 'bench-results.json') },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string' },
    rg: { type: 'string' },
    'no-activation': { type: 'boolean', default: false },
    'no-lsp': { type: 'boolean', default: false },
  },
});
const mode = opts.tiny ? 'tiny' : opts.quick ? 'quick' : 'full';
const seed = Number(opts.seed);
const CONFIG = {
  full: {
    runs: 20,
    warmup: 3,
    lintRuns: 40,
    lintWarmup: 30,
    lintWarmupMs: 2500,
    sizes: [6000, 50000, 500000],
    bigRuns: 10,
    tree: { files: 20000, tags: 200, ignoredFiles: 4000 },
    scanRuns: 15,
    cliDocs: 1000,
    cliRuns: 10,
    cli2Runs: 3,
    activationRuns: 3,
    importMessages: 100000,
    importRuns: 5,
    lspBursts: 30,
  },
  quick: {
    runs: 10,
    warmup: 2,
    lintRuns: 30,
    lintWarmup: 20,
    lintWarmupMs: 1000,
    sizes: [6000, 50000, 500000],
    bigRuns: 10,
    tree: { files: 20000, tags: 200, ignoredFiles: 4000 },
    scanRuns: 10,
    cliDocs: 1000,
    cliRuns: 3,
    cli2Runs: 1,
    activationRuns: 1,
    importMessages: 100000,
    importRuns: 3,
    lspBursts: 10,
  },
  tiny: {
    runs: 3,
    warmup: 1,
    lintRuns: 3,
    lintWarmup: 1,
    lintWarmupMs: 0,
    sizes: [6000, 50000],
    bigRuns: 3,
    tree: { files: 300, tags: 10, ignoredFiles: 50 },
    scanRuns: 3,
    cliDocs: 20,
    cliRuns: 1,
    cli2Runs: 1,
    activationRuns: 0,
    importMessages: 2000,
    importRuns: 1,
    lspBursts: 2,
  },
}[mode];
if (opts.runs) CONFIG.runs = CONFIG.lintRuns = CONFIG.scanRuns = CONFIG.bigRuns = Number(opts.runs);

const benchStarted = performance.now();
const log = (...a) => console.error(`[${((performance.now() - benchStarted) / 1000).toFixed(1).padStart(5)} s]`, ...a);
const notes = {};

// ---------------------------------------------------------------- the code under test

const { lintText } = requireOut('core/lint/lint.js');
const { markdownParser } = requireOut('core/markdown/model.js');
const { findProfile } = requireOut('core/profiles/index.js');
const { scanTags, rescanTagFile } = requireOut('services/tags/tagScanner.js');
const { IgnoreRules } = requireOut('services/tags/ignoreRules.js');
const profile = findProfile('harness');

let markdownlintSync;
try {
  ({ lint: markdownlintSync } = await import('markdownlint/sync'));
} catch {
  notes.markdownlintVsLint50k = 'markdownlint is not installed (npm install -D markdownlint)';
}

/**
 * The ripgrep both sides of scanVsRipgrep run: `--rg PATH` or RG_PATH when given, else what the
 * extension's own locator finds (src/services/tags/ripgrepLocator.ts): the ripgrep bundled in the
 * code-server install the integration tests use (the one VS Code users get), else `rg` on the PATH.
 */
function findRipgrep() {
  const explicit = opts.rg ?? process.env.RG_PATH;
  const { locateRipgrep } = requireOut('services/tags/ripgrepLocator.js');
  const found = explicit ? { path: explicit, source: 'given' } : locateRipgrep(codeServerAppRoot());
  if (!found) return undefined;
  const r = spawnSync(found.path, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? { path: found.path, source: found.source, version: r.stdout.split('\n')[0] } : undefined;
}

// ---------------------------------------------------------------- measuring

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median: round(median), min: round(sorted[0]), max: round(sorted.at(-1)), runs: samples.length };
}
function round(n, digits = 3) {
  if (n === null || n === undefined || !Number.isFinite(n)) return null;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/**
 * Times the functions of `fns` side by side: untimed warm-up rounds, then `runs` rounds in each of
 * which every function runs once (in a rotating order, so none always runs first). The warm-up
 * lasts `warmup` rounds and, with `warmupMs`, until the warm-up rounds have taken that long:
 * code of many small functions (the lint) reaches the steady state of a long-lived process, as
 * in an editor that lints on every change, only after a few hundred runs (BENCHMARKS.md, "Warm-up").
 * Returns { name: stats } in milliseconds, plus `rounds` ({ warmup, timed }) and, when the warm-up
 * ran past `warmup` rounds, `afterShortWarmup`: { name: stats } of the `runs` rounds right after
 * the first `warmup` ones, so the effect of the longer warm-up stays visible.
 */
async function sideBySide(fns, { warmup, runs, warmupMs = 0 }) {
  const names = Object.keys(fns);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  let spent = 0;
  let timedFrom;
  for (let round = 0; ; round++) {
    if (timedFrom === undefined && round >= warmup && spent >= warmupMs) timedFrom = round;
    if (timedFrom !== undefined && round >= timedFrom + runs) break;
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      const started = performance.now();
      await fns[name]();
      const ms = performance.now() - started;
      samples[name].push(ms);
      spent += ms;
    }
  }
  const result = Object.fromEntries(names.map((n) => [n, stats(samples[n].slice(timedFrom))]));
  result.rounds = { warmup: timedFrom, timed: runs };
  if (timedFrom > warmup)
    result.afterShortWarmup = Object.fromEntries(names.map((n) => [n, stats(samples[n].slice(warmup, warmup + runs))]));
  return result;
}

function run(command, args, cwd) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    let err = '';
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => {
      err += c;
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: err }));
  });
}

// ---------------------------------------------------------------- 1. lint vs parse vs markdownlint

async function benchLint() {
  const md = markdownParser();
  const results = {};
  for (const size of CONFIG.sizes) {
    const text = generatePostmortem(size, seed);
    const label = `${Math.round(size / 1000)}k`;
    const findings = lintText(text, 'postmortem', profile).findings.length;
    const lint = () => lintText(text, 'postmortem', profile);
    // Two rotations: lint against markdown-it's parse, then lint against markdownlint. A
    // markdownlint run (~100 ms on 50 KB) slows whatever runs right after it (cold caches), our
    // lint of many small functions more than markdown-it's few hot loops, so one shared rotation
    // skewed the lint/parse ratio by a factor that measured markdownlint, not us.
    // markdownlint on 500 KB takes seconds a run: only in the full mode.
    const withMarkdownlint = markdownlintSync && (size < 100000 || mode === 'full');
    log(`lint: ${label} (${text.length} chars, ${findings} findings) ...`);
    // The lint is many small functions: it reaches steady state (as in an editor linting on every
    // change) only after a few hundred runs, markdown-it's parse after fewer; both get the same
    // warm-up, by time (CONFIG.lintWarmupMs each), and the ratio after the short one is reported too.
    const big = size > 100000;
    const rounds = {
      warmup: big ? CONFIG.warmup : CONFIG.lintWarmup,
      runs: big ? CONFIG.bigRuns : CONFIG.lintRuns,
      warmupMs: CONFIG.lintWarmupMs,
    };
    const timed = await sideBySide({ parse: () => md.parse(text, {}), lint }, rounds);
    if (withMarkdownlint) {
      const against = await sideBySide(
        { lint, markdownlint: () => markdownlintSync({ strings: { doc: text } }) },
        rounds,
      );
      timed.markdownlint = against.markdownlint;
      timed.lintBesideMarkdownlint = against.lint;
    }
    results[label] = {
      bytes: Buffer.byteLength(text, 'utf8'),
      findings,
      ...timed,
      lintVsParse: round(timed.lint.median / timed.parse.median),
      lintVsParseAfterShortWarmup: timed.afterShortWarmup
        ? round(timed.afterShortWarmup.lint.median / timed.afterShortWarmup.parse.median)
        : null,
      markdownlintVsLint: timed.markdownlint
        ? round(timed.markdownlint.median / timed.lintBesideMarkdownlint.median)
        : null,
      markdownlintVsParse: timed.markdownlint ? round(timed.markdownlint.median / timed.parse.median) : null,
    };
  }
  return results;
}

// ---------------------------------------------------------------- 2. tag scan vs ripgrep, incremental

const RG_PATTERN = 'INCIDENT-\\d{4}-\\d{2}-\\d{2}';

async function benchScan(rg) {
  const { root, manifest, cached } = cachedTree({ ...CONFIG.tree, seed }, log);
  log(
    `scan: tree ${root} (${cached ? 'cached' : 'new'}; ${manifest.files} files + ${manifest.ignoredFiles} ignored, ${manifest.tags} tags)`,
  );
  // `rg` with the tag pattern, walking what the scanner walks: hidden files, .gitignore outside a git repository.
  const rgArgs = ['--hidden', '--no-require-git', '--no-messages', '--line-number', '-e', RG_PATTERN, '.'];
  let rgFiles;
  const fns = {
    ripgrep: async () => {
      const r = await run(rg.path, rgArgs, root);
      if (r.code !== 0 && r.code !== 1) throw new Error(`rg exited ${r.code}: ${r.stderr}`);
      rgFiles = new Set(
        r.stdout
          .split('\n')
          .filter(Boolean)
          .map((l) => l.slice(0, l.indexOf(':')).replace(/^\.\//, '')),
      );
    },
    scanRipgrepEngine: async () => {
      const r = await scanTags({ root, engine: 'ripgrep', rgPath: rg.path });
      if (r.engine !== 'ripgrep' || r.fallbackReason)
        throw new Error(`the ripgrep engine did not run: ${r.fallbackReason}`);
    },
    scanNodeEngine: () => scanTags({ root, engine: 'node' }),
  };
  const timed = await sideBySide(fns, { warmup: 2, runs: CONFIG.scanRuns });
  // Parity: the same files hold tags for rg and both engines.
  const viaRg = await scanTags({ root, engine: 'ripgrep', rgPath: rg.path });
  const viaNode = await scanTags({ root, engine: 'node' });
  const same = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));
  const rgEngineFiles = new Set(viaRg.files.map((f) => f.path));
  const nodeFiles = new Set(viaNode.files.map((f) => f.path));
  const parity = {
    rgFilesWithPattern: rgFiles.size,
    ripgrepEngineFilesWithTags: rgEngineFiles.size,
    nodeEngineFilesWithTags: nodeFiles.size,
    tags: viaRg.files.reduce((s, f) => s + f.tags.length, 0),
    sameFiles: same(rgFiles, rgEngineFiles) && same(rgEngineFiles, nodeFiles),
    ripgrepEngineStats: viaRg.stats,
    nodeEngineStats: viaNode.stats,
  };
  if (!parity.sameFiles) log('scan: WARNING: rg and the scanners found different files', parity);
  const incremental = await benchIncremental(root, viaRg.files);
  return {
    tree: { root, cached, ...manifest },
    rg: { path: rg.path, source: rg.source, version: rg.version, args: rgArgs },
    ...timed,
    scanVsRipgrep: round(timed.scanRipgrepEngine.median / timed.ripgrep.median),
    nodeScanVsRipgrep: round(timed.scanNodeEngine.median / timed.ripgrep.median),
    parity,
    incremental,
  };
}

/**
 * The incremental update of TagIndexManager.update for one changed file: rescanTagFile with the
 * folder's kept IgnoreRules, then the index map updated. The file alternates between its text and
 * an edited tag; the write is not timed. Also timed: the same from an editor's text (no disk
 * read), and with fresh IgnoreRules (the .gitignore files read again).
 */
async function benchIncremental(root, files) {
  const target = files[Math.floor(files.length / 2)];
  const rel = target.path;
  const file = join(root, rel);
  const original = readFileSync(file, 'utf8');
  const edited = original.replace(/INCIDENT-(\d{4}-\d{2}-\d{2})([^\n]*?):/, 'INCIDENT-$1$2: edited,');
  const index = new Map(files.map((f) => [f.path, f]));
  const ignoreRules = new IgnoreRules(root, {});
  const apply = (result) => {
    if (result.status === 'tags') index.set(rel, result.file);
    else index.delete(rel);
  };
  let flip = false;
  const next = () => {
    flip = !flip;
    writeFileSync(file, flip ? edited : original);
    return flip ? edited : original;
  };
  const samples = { disk: [], editorText: [], freshIgnoreRules: [] };
  try {
    for (let i = 0; i < CONFIG.warmup + CONFIG.runs; i++) {
      for (const kind of Object.keys(samples)) {
        const text = next();
        const started = performance.now();
        const result = await rescanTagFile(root, rel, {
          ignoreRules: kind === 'freshIgnoreRules' ? new IgnoreRules(root, {}) : ignoreRules,
          text: kind === 'editorText' ? text : undefined,
        });
        apply(result);
        const ms = performance.now() - started;
        if (result.status !== 'tags') throw new Error(`incremental: ${rel} rescanned as ${result.status}`);
        if (i >= CONFIG.warmup) samples[kind].push(ms);
      }
    }
  } finally {
    writeFileSync(file, original);
  }
  return {
    file: rel,
    bytes: Buffer.byteLength(original),
    ...Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)])),
  };
}

// ---------------------------------------------------------------- 3. CLI on 1,000 postmortems

async function benchCli() {
  const cli = join(repoRoot, 'dist', 'cli.js');
  if (!existsSync(cli)) {
    log('cli: dist/cli.js is missing; building it with scripts/build.mjs');
    const b = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
    if (b.status !== 0) throw new Error('scripts/build.mjs failed');
  }
  const corpus = cachedPostmortemCorpus({ count: CONFIG.cliDocs, seed });
  const args = [cli, 'lint', 'docs/postmortems', '--profile', 'harness', '--format', 'json'];
  log(`cli: node dist/cli.js lint on ${CONFIG.cliDocs} postmortems in ${corpus} ...`);
  let filesLinted = 0;
  let findings = 0;
  const fns = {
    ours: async () => {
      const r = await run(process.execPath, args, corpus);
      if (r.code !== 0 && r.code !== 1) throw new Error(`cli lint exited ${r.code}: ${r.stderr}`);
      const json = JSON.parse(r.stdout);
      filesLinted = json.files.length;
      findings = json.files.reduce((s, f) => s + f.findings.length, 0);
    },
  };
  const timed = await sideBySide(fns, { warmup: mode === 'tiny' ? 0 : 1, runs: CONFIG.cliRuns });
  // markdownlint-cli2 takes about 8 times as long, so it runs fewer times (each run is a new
  // process, as ours; the files are in the page cache after our warm-up run).
  const cli2 = join(repoRoot, 'node_modules', '.bin', 'markdownlint-cli2');
  if (existsSync(cli2)) {
    log(
      `cli: markdownlint-cli2 on the same ${CONFIG.cliDocs} files (${CONFIG.cli2Runs} run${CONFIG.cli2Runs === 1 ? '' : 's'}) ...`,
    );
    const other = await sideBySide(
      {
        markdownlintCli2: async () => {
          const r = await run(cli2, ['docs/postmortems/**/*.md'], corpus);
          if (r.code !== 0 && r.code !== 1)
            throw new Error(`markdownlint-cli2 exited ${r.code}: ${r.stderr.slice(0, 2000)}`);
          const linted = Number(/Linting: (\d+) file/.exec(r.stdout)?.[1]);
          if (linted !== CONFIG.cliDocs)
            throw new Error(`markdownlint-cli2 linted ${linted} files, not ${CONFIG.cliDocs}: ${r.stdout}`);
        },
      },
      { warmup: 0, runs: CONFIG.cli2Runs },
    );
    timed.markdownlintCli2 = other.markdownlintCli2;
  } else {
    notes.cliLint1000Ms = 'markdownlint-cli2 is not installed, so its ratio is null';
  }
  if (filesLinted !== CONFIG.cliDocs) throw new Error(`cli lint linted ${filesLinted} files, not ${CONFIG.cliDocs}`);
  return {
    docs: CONFIG.cliDocs,
    command: `node ${args.map((a) => a.replace(`${repoRoot}/`, '')).join(' ')}`,
    findings,
    ...timed,
    markdownlintCli2VsOurs: timed.markdownlintCli2 ? round(timed.markdownlintCli2.median / timed.ours.median) : null,
  };
}

// ---------------------------------------------------------------- 4. package size, activation

function vsixSize() {
  const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const expected = `${name}-${version}.vsix`;
  const found = readdirSync(repoRoot).filter((f) => f.endsWith('.vsix'));
  const file = found.includes(expected) ? expected : found.sort().at(-1);
  if (!file) {
    notes.vsixKB = 'no .vsix in the repository root; run `npm run package` first';
    return { file: null, kb: null };
  }
  const stat = statSync(join(repoRoot, file));
  const dist = join(repoRoot, 'dist', 'extension.js');
  const stale = existsSync(dist) && statSync(dist).mtimeMs > stat.mtimeMs;
  if (stale) notes.vsixKB = `${file} is older than dist/extension.js; run \`npm run package\` for a current size`;
  return { file, kb: round(stat.size / 1024, 1), modified: stat.mtime.toISOString(), olderThanDist: stale };
}

/**
 * The activation time the "Activation time" integration test recorded in test-results/activation.json
 * (dist/extension.js's first line to the end of activate(), in code-server's extension host).
 * Unless --no-activation, the test runs CONFIG.activationRuns times (a new VS Code each time; one
 * activation per start, so one figure per run) and the median is reported, every run kept in
 * `runs`; with --no-activation the last recorded figure is reported with its date.
 */
function activationTime() {
  const file = join(repoRoot, 'test-results', 'activation.json');
  const measure = !opts['no-activation'];
  const recordedRuns = [];
  if (measure) {
    for (let i = 0; i < CONFIG.activationRuns; i++) {
      log(
        `activation: running the "Activation time" integration test (scripts/integration.mjs), ${i + 1} of ${CONFIG.activationRuns} ...`,
      );
      const r = spawnSync(
        process.execPath,
        [join(repoRoot, 'scripts', 'integration.mjs'), '--no-compile', '--grep', 'Activation time'],
        { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] },
      );
      if (r.status !== 0) {
        notes.activationMs = 'the "Activation time" integration test failed; see its output above';
        break;
      }
      recordedRuns.push(JSON.parse(readFileSync(file, 'utf8')));
    }
  }
  if (recordedRuns.length === 0 && existsSync(file) && !notes.activationMs)
    recordedRuns.push(JSON.parse(readFileSync(file, 'utf8')));
  if (recordedRuns.length === 0) {
    notes.activationMs ??=
      'not measured yet: run `node bench/run.mjs` without --no-activation (or the "Activation time" integration test)';
    return { ms: null };
  }
  const figures = recordedRuns.map((r) => r.activationMs).filter((ms) => typeof ms === 'number');
  const last = recordedRuns.at(-1);
  const ms = figures.length > 0 ? stats(figures).median : null;
  notes.activationMs ??= measure
    ? `median of ${figures.length} start${figures.length === 1 ? '' : 's'} of VS Code ${last.vscodeVersion}: ${figures.join(', ')} ms`
    : `recorded by the integration test on ${last.date} in VS Code ${last.vscodeVersion} (run without --no-activation to measure again)`;
  return { ms, runs: recordedRuns, file: 'test-results/activation.json' };
}

// ---------------------------------------------------------------- main

const BUDGETS = {
  lintVsParse50k: { op: '<=', limit: 1.0, unit: '×' },
  markdownlintVsLint50k: { op: '>=', limit: 15, unit: '×' },
  scanVsRipgrep: { op: '<=', limit: 1.5, unit: '×' },
  incrementalScanMs: { op: '<=', limit: 10, unit: 'ms' },
  activationMs: { op: '<=', limit: 50, unit: 'ms' },
  vsixKB: { op: '<=', limit: 1024, unit: 'KB' },
  cliLint1000Ms: null,
  timelineImport100kMs: { op: '<=', limit: 5000, unit: 'ms' },
  ...LSP_BUDGETS,
};
function verdict(name, value) {
  const b = BUDGETS[name];
  if (!b) return 'report';
  if (value === null) return 'n/a';
  return (b.op === '<=' ? value <= b.limit : value >= b.limit) ? 'PASS' : 'FAIL';
}

const started = performance.now();
const rg = findRipgrep();
if (!rg) {
  console.error(
    `bench: no ripgrep was found under ${codeServerAppRoot()} (install code-server with \`node scripts/codeServer.mjs install\`) ` +
      'nor on the PATH (apt-get install ripgrep); or pass --rg PATH',
  );
  process.exit(2);
}
log(
  `bench: mode ${mode}, seed ${seed}, generator v${GENERATOR_VERSION}, node ${process.version}, ${cpus().length} cpus, ripgrep ${rg.path} (${rg.version}, ${rg.source})`,
);
const lint = await benchLint();
const scan = await benchScan(rg);
const cliRun = await benchCli();
// Issue 23: a 100,000-message Slack export imported (read, converted, printed) beside reading + JSON.parse of it.
const timelineImport = await benchImport({ messages: CONFIG.importMessages, runs: CONFIG.importRuns, seed, log });
// Issue 21: the language server over stdio (the server side of keystroke → findings, memory, faults).
let lsp = {};
if (opts['no-lsp']) notes.lsp = 'skipped (--no-lsp)';
else {
  try {
    // --tiny: only the typing part (the memory and fault parts generate 7 MB and 20 MB documents).
    lsp = await benchLsp({ bursts: CONFIG.lspBursts, only: mode === 'tiny' ? 'typing' : undefined, log });
  } catch (e) {
    notes.lsp = `the language server bench failed: ${e instanceof Error ? e.message : e}`;
    log(notes.lsp);
  }
}
const lspNotes = describeLsp(lsp);
for (const [k, v] of Object.entries(lspMetrics(lsp)))
  if (v === null) notes[k] = notes.lsp ?? (mode === 'tiny' ? 'not measured in --tiny mode' : 'not measured');
if (mode === 'tiny') notes.activationMs = 'not read in --tiny mode';
const activation = mode === 'tiny' ? { ms: null } : activationTime();
// After the activation test, which packages the extension (npm run package) before installing it.
const vsix = vsixSize();

const metrics = {
  lintVsParse50k: lint['50k'].lintVsParse,
  markdownlintVsLint50k: lint['50k'].markdownlintVsLint,
  scanVsRipgrep: scan.scanVsRipgrep,
  incrementalScanMs: scan.incremental.disk.median,
  activationMs: activation.ms,
  vsixKB: vsix.kb,
  cliLint1000Ms: cliRun.ours.median,
  timelineImport100kMs: timelineImport.importMs.median,
  ...lspMetrics(lsp),
};
const results = {
  node: process.version,
  date: new Date().toISOString(),
  metrics,
  runs: {
    mode,
    seed,
    generatorVersion: GENERATOR_VERSION,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGB: round(totalmem() / 2 ** 30, 1),
      platform: `${process.platform}-${process.arch}`,
    },
    budgets: BUDGETS,
    verdicts: Object.fromEntries(Object.keys(metrics).map((k) => [k, verdict(k, metrics[k])])),
    notes,
    lint,
    scan,
    cli: cliRun,
    timelineImport,
    lsp,
    vsix,
    activation,
    totalSeconds: round((performance.now() - started) / 1000, 1),
  },
};
writeFileSync(opts.out, `${JSON.stringify(results, null, 2)}\n`);

// The table.
const fmt = (n) => (n === null || n === undefined ? 'null' : String(n));
const mm = (s) => (s ? `${s.median} [${s.min}–${s.max}]` : '');
const rows = [
  [
    'lintVsParse50k',
    metrics.lintVsParse50k,
    `lint ${mm(lint['50k'].lint)} / parse ${mm(lint['50k'].parse)} ms after ${lint['50k'].rounds.warmup} warm-up rounds (${fmt(lint['50k'].lintVsParseAfterShortWarmup)}× after ${CONFIG.lintWarmup})`,
  ],
  [
    'markdownlintVsLint50k',
    metrics.markdownlintVsLint50k,
    lint['50k'].markdownlint ? `markdownlint ${mm(lint['50k'].markdownlint)} ms` : notes.markdownlintVsLint50k,
  ],
  [
    'scanVsRipgrep',
    metrics.scanVsRipgrep,
    `scan ${mm(scan.scanRipgrepEngine)} / rg ${mm(scan.ripgrep)} ms; node engine ${mm(scan.scanNodeEngine)} ms = ${scan.nodeScanVsRipgrep}×`,
  ],
  [
    'incrementalScanMs',
    metrics.incrementalScanMs,
    `${mm(scan.incremental.disk)} ms; editor text ${mm(scan.incremental.editorText)}; fresh ignore rules ${mm(scan.incremental.freshIgnoreRules)}`,
  ],
  ['activationMs', metrics.activationMs, notes.activationMs],
  [
    'vsixKB',
    metrics.vsixKB,
    vsix.file ? `${vsix.file}${vsix.olderThanDist ? ' (older than dist/)' : ''}` : notes.vsixKB,
  ],
  [
    'cliLint1000Ms',
    metrics.cliLint1000Ms,
    `${cliRun.docs} docs, ${mm(cliRun.ours)} ms; markdownlint-cli2 ratio ${fmt(cliRun.markdownlintCli2VsOurs)}`,
  ],
  [
    'timelineImport100kMs',
    metrics.timelineImport100kMs,
    `${timelineImport.messages} messages → ${timelineImport.events} events, ${mm(timelineImport.importMs)} ms; read + JSON.parse ${mm(timelineImport.readParseMs)} ms = ${timelineImport.importVsReadParse}×`,
  ],
  ...Object.keys(LSP_BUDGETS).map((k) => [k, metrics[k], lspNotes[k] ?? notes[k]]),
];
const budgetText = (k) =>
  BUDGETS[k]
    ? `${BUDGETS[k].op} ${BUDGETS[k].limit}${BUDGETS[k].unit === '×' || !BUDGETS[k].unit ? BUDGETS[k].unit : ` ${BUDGETS[k].unit}`}`
    : '(reported)';
const table = [
  ['metric', 'value', 'budget', 'status', 'median [min–max] / notes'],
  ...rows.map(([k, v, n]) => [k, fmt(v), budgetText(k), verdict(k, v), n]),
];
const widths = table[0].map((_, c) => Math.max(...table.map((r) => (c === 4 ? 0 : String(r[c]).length))));
console.log(
  `\nIncident Workbench benchmarks (${mode}; node ${process.version}; ${cpus().length} cpus; ${results.runs.totalSeconds} s)`,
);
for (const r of table) console.log(r.map((cell, c) => (c === 4 ? cell : String(cell).padEnd(widths[c]))).join('  '));
console.log('\nper size (median ms):');
for (const [label, l] of Object.entries(lint)) {
  console.log(
    `  ${label.padEnd(5)} ${String(l.bytes).padStart(7)} B  parse ${l.parse.median}  lint ${l.lint.median} (${l.lintVsParse}×; ${fmt(l.lintVsParseAfterShortWarmup)}× after the short warm-up)  markdownlint ${l.markdownlint?.median ?? 'n/a'} (${fmt(l.markdownlintVsLint)}× our lint, ${fmt(l.markdownlintVsParse)}× parse)  findings ${l.findings}`,
  );
}
console.log(
  `  scan parity: rg ${scan.parity.rgFilesWithPattern} files, ripgrep engine ${scan.parity.ripgrepEngineFilesWithTags}, node engine ${scan.parity.nodeEngineFilesWithTags}, ${scan.parity.tags} tags, same files: ${scan.parity.sameFiles}`,
);
console.log(`\nwrote ${opts.out}`);

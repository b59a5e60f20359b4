// Sets up what the tests need (Debian packages, code-server), runs every check in order (type check, lint, unit tests, integration tests) and prints `N passed, N failed` last, summing unit and integration tests.
//
// Usage: npm test [-- --unit]   (--unit skips the integration tests: the main run, the wizard run, the web runs on a folder and on memfs:, and the Restricted Mode run)
// Set-up first (scripts/provision.mjs): missing Debian packages are installed as root or with passwordless
// sudo, else the run stops at once with the command to run. Then code-server is installed once into the
// user's cache (a few minutes the first time): the integration tests run in it and the scanner's unit tests
// use its ripgrep. If that install fails, it is reported once and the integration stages are not run.
// Every stage runs even if an earlier one failed, so one run shows everything; a stage that
// fails without a failing test of its own (a type error, a lint error, a crashed runner)
// counts as one failure in the last line. The exit code is non-zero if any stage failed.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer } from './codeServer.mjs';
import { provision, ProvisionError } from './provision.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(repoRoot, 'node_modules', '.bin', name);
const unitOnly = process.argv.includes('--unit');
const color = process.stdout.isTTY ? ['--color'] : [];

/** Runs a command with its output shown as it comes and also collected; resolves with { code, output }. */
function run(command, args) {
  console.log(`> ${[command.replace(`${repoRoot}/`, ''), ...args].join(' ')}`);
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('error', (error) => resolvePromise({ code: 1, output: `${output}\n${error.message}` }));
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}

const stripAnsi = (text) => text.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex

/** Counts from mocha's spec reporter summary ("12 passing", "1 failing"). */
function mochaCounts(output) {
  const text = stripAnsi(output);
  const count = (word) => Number(text.match(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'm'))?.[1] ?? 0);
  return { passed: count('passing'), failed: count('failing') };
}

/** Counts from the last `N passed, N failed` line of scripts/integration.mjs. */
function lastLineCounts(output) {
  const matches = [...stripAnsi(output).matchAll(/^(\d+) passed, (\d+) failed$/gm)];
  const last = matches.at(-1);
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : { passed: 0, failed: 0 };
}

const stages = [
  { title: 'Type check (tsc -p .)', command: bin('tsc'), args: ['-p', '.'] },
  { title: 'Type check the wizard page (tsc -p src/webview-ui)', command: bin('tsc'), args: ['-p', 'src/webview-ui'] },
  { title: 'Lint (eslint .)', command: bin('eslint'), args: ['.', ...color] },
  {
    title: 'Formatting (prettier --check .; fix with npm run format)',
    command: bin('prettier'),
    args: ['--check', '.'],
  },
  { title: 'Unit tests (mocha, .mocharc.json)', command: bin('mocha'), args: color, counts: mochaCounts },
];
if (!unitOnly) {
  stages.push({
    title: 'Integration tests (code-server + Chromium)',
    command: process.execPath,
    // Not the wizard suites nor the Restricted mode one: each has a window of its own below.
    args: [join(repoRoot, 'scripts', 'integration.mjs'), '--no-compile', '--grep', '^(?!Wizard|Restricted mode)'],
    counts: lastLineCounts,
    needsCodeServer: true,
  });
  // The wizard suites in a window of their own: their reload test needs VS Code's storage to keep the
  // last writes across a page reload, and after the other suites' minutes of activity (a 20 MB file,
  // 30 s of typing) VS Code for the Web lost the last seconds of workspace-state writes on reload.
  stages.push({
    title: 'Integration tests: the wizard, across a window reload',
    command: process.execPath,
    args: [join(repoRoot, 'scripts', 'integration.mjs'), '--no-compile', '--grep', '^Wizard'],
    counts: lastLineCounts,
    needsCodeServer: true,
  });
  // The browser-only variant of the .vsix in the web worker extension host (github.dev, vscode.dev: #22), with the
  // web test runner, in a window of its own.
  stages.push({
    title: 'Integration tests: the web extension (web worker extension host)',
    command: process.execPath,
    args: [join(repoRoot, 'scripts', 'integration.mjs'), '--no-compile', '--web'],
    counts: lastLineCounts,
    needsCodeServer: true,
  });
  // The same web suite on a virtual workspace: the sample workspace served from memory by a test-only file system
  // provider (memfs:), as github.dev serves a repository.
  stages.push({
    title: 'Integration tests: the web extension on a memfs: folder (virtual workspace)',
    command: process.execPath,
    args: [join(repoRoot, 'scripts', 'integration.mjs'), '--no-compile', '--memfs'],
    counts: lastLineCounts,
    needsCodeServer: true,
  });
  // The same runner again with workspace trust on and not granted: the "Restricted mode" suite.
  stages.push({
    title: 'Integration tests in Restricted Mode (workspace not trusted)',
    command: process.execPath,
    args: [join(repoRoot, 'scripts', 'integration.mjs'), '--no-compile', '--untrusted'],
    counts: lastLineCounts,
    needsCodeServer: true,
  });
}

const started = Date.now();
let passed = 0;
let failed = 0;
const failedStages = [];
const notRun = [];

console.log('\n===== Set-up: system packages (scripts/provision.mjs)');
try {
  provision({ purpose: unitOnly ? 'unit' : 'test' });
} catch (error) {
  console.error(error instanceof ProvisionError ? error.message : error.stack);
  console.log(`\nNot run: ${stages.map((s) => s.title).join('; ')}.`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
console.log('\n===== Set-up: code-server (the integration tests run in it; the scanner tests use its ripgrep)');
const setupStarted = Date.now();
try {
  await ensureCodeServer();
  console.log(`----- code-server is installed (${((Date.now() - setupStarted) / 1000).toFixed(1)} s)`);
} catch (error) {
  console.error(error.message);
  failedStages.push('Set-up: installing code-server');
  failed += 1;
  // One failure, one message: the integration stages would only try the same build again.
  notRun.push(...stages.filter((s) => s.needsCodeServer).map((s) => s.title));
}

for (const stage of stages) {
  if (notRun.includes(stage.title)) continue;
  console.log(`\n===== ${stage.title}`);
  const stageStarted = Date.now();
  const { code, output } = await run(stage.command, stage.args);
  const counts = stage.counts ? stage.counts(output) : { passed: 0, failed: 0 };
  passed += counts.passed;
  failed += counts.failed;
  if (code !== 0) {
    failedStages.push(stage.title);
    if (counts.failed === 0) failed += 1;
  }
  console.log(
    `----- ${stage.title}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${((Date.now() - stageStarted) / 1000).toFixed(1)} s`,
  );
}

if (notRun.length) console.log(`\nNot run, because code-server could not be installed: ${notRun.join('; ')}.`);
console.log(
  `\n${failedStages.length ? `Failed stages: ${failedStages.join('; ')}` : 'All stages passed'}` +
    `${unitOnly ? ' (integration tests skipped: --unit)' : ''}; ${((Date.now() - started) / 1000).toFixed(1)} s in all.`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failedStages.length ? 1 : 0;

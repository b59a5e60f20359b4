// Runs the compiled integration suite with mocha inside the VS Code extension host and returns (or, for @vscode/test-electron, reports) the results.
/* global require, module, process, console, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS file the extension host loads as is */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Where mocha and the compiled suite are: from the environment (set by scripts/integration.mjs), else from this checkout. */
function locations(env = process.env) {
  return {
    mochaPath: env.IW_MOCHA_PATH || require.resolve('mocha', { paths: [repoRoot] }),
    suiteDir: env.IW_SUITE_DIR || path.join(repoRoot, 'out', 'test', 'integration', 'suite'),
    grep: env.IW_TEST_GREP || '',
  };
}

function describeError(error) {
  if (!error || typeof error !== 'object') return { message: String(error) };
  const described = { message: String(error.message ?? error), stack: String(error.stack ?? '') };
  if (error.showDiff !== false && ('actual' in error || 'expected' in error)) {
    described.actual = util.inspect(error.actual, { depth: 6 });
    described.expected = util.inspect(error.expected, { depth: 6 });
  }
  return described;
}

/**
 * Runs every `*.test.js` in the suite folder. Never rejects: problems loading or running the
 * suite are reported in `errors`. `onProgress(results)` is called after each test.
 */
async function runSuite({ mochaPath, suiteDir, grep, onProgress = () => {} } = locations()) {
  const results = {
    startedAt: new Date().toISOString(),
    finishedAt: '',
    durationMs: 0,
    passed: 0,
    failed: 0,
    pending: 0,
    tests: [],
    errors: [],
  };
  const started = Date.now();
  try {
    const Mocha = require(mochaPath);
    const Base = Mocha.reporters.Base;
    // Collects statistics only: the results file is the report.
    function SilentReporter(runner, options) {
      Base.call(this, runner, options);
    }
    const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: SilentReporter });
    if (grep) mocha.grep(new RegExp(grep));
    const files = fs
      .readdirSync(suiteDir)
      .filter((name) => name.endsWith('.test.js'))
      .sort();
    if (files.length === 0) throw new Error(`no *.test.js files in ${suiteDir} (run \`tsc -p .\` first)`);
    for (const file of files) mocha.addFile(path.join(suiteDir, file));

    await new Promise((resolve) => {
      const runner = mocha.run(() => resolve());
      const record = (test, state, error) => {
        results.tests.push({
          title: test.title,
          fullTitle: test.fullTitle(),
          titlePath: test.titlePath(),
          state,
          durationMs: test.duration ?? 0,
          ...(error ? { error: describeError(error) } : {}),
        });
        results[state] += 1;
        onProgress(results);
      };
      runner.on('pass', (test) => record(test, 'passed'));
      runner.on('fail', (test, error) => record(test, 'failed', error));
      runner.on('pending', (test) => record(test, 'pending'));
    });
  } catch (error) {
    results.errors.push(describeError(error));
  }
  results.finishedAt = new Date().toISOString();
  results.durationMs = Date.now() - started;
  return results;
}

/** The results of two runs of one suite (before and after a window reload) as one: tests in order, counts summed. */
function mergeResults(earlier, later) {
  return {
    ...earlier,
    finishedAt: later.finishedAt,
    durationMs: earlier.durationMs + later.durationMs,
    passed: earlier.passed + later.passed,
    failed: earlier.failed + later.failed,
    pending: earlier.pending + later.pending,
    tests: [...earlier.tests, ...later.tests],
    errors: [...earlier.errors, ...later.errors],
  };
}

/** Writes JSON so that a reader never sees half a file. */
function writeJsonAtomically(file, value) {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`);
  fs.renameSync(temporary, file);
}

/** The entry point @vscode/test-electron calls (extensionTestsPath): prints the results and fails when a test failed. */
async function run() {
  const results = await runSuite(locations());
  for (const test of results.tests) {
    const mark = { passed: '✓', failed: '✗', pending: '-' }[test.state];
    console.log(`  ${mark} ${test.fullTitle}${test.error ? `\n      ${test.error.message}` : ''}`);
  }
  for (const error of results.errors) console.error(error.stack || error.message);
  console.log(`${results.passed} passed, ${results.failed} failed`);
  if (results.failed > 0 || results.errors.length > 0 || results.passed === 0) {
    throw new Error(`${results.failed} integration test(s) failed`);
  }
}

module.exports = { runSuite, run, mergeResults, writeJsonAtomically, locations };

// Test-runner extension: when IW_TEST_RESULTS is set it runs the integration suite in this extension host and always writes the results JSON there (across a window reload a test asks for: see continuation below).
/* global require, exports, process, setTimeout */
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS file the extension host loads as is */
'use strict';

const fs = require('node:fs');
const { runSuite, mergeResults, writeJsonAtomically, locations } = require('./runSuite');

// A run that goes on after a window reload, in files next to the results file:
//   <results>.reload-request  a test asks for it: { grep } of the suites to run after the reload
//                             (uiBridge.ts continueAfterReload); read once this run's tests are done.
//   <results>.continue        this runner's answer: { grep, reloads, results so far }. scripts/integration.mjs
//                             reloads the page when it appears; the runner in the new extension host takes it
//                             (renames it to .continued), runs `grep` with IW_AFTER_RELOAD set, and merges.
/** Most reloads one run may ask for; more means a test asks again and again. */
const MAX_RELOADS = 3;

const emptyResults = () => ({ passed: 0, failed: 0, pending: 0, tests: [], errors: [] });

function activate() {
  const resultsPath = process.env.IW_TEST_RESULTS;
  if (!resultsPath) return;
  // Not awaited: activation returns at once and the suite runs once startup has settled.
  setTimeout(() => {
    runAndReport(resultsPath).catch((error) => {
      writeJsonAtomically(resultsPath, {
        ...emptyResults(),
        errors: [{ message: `test runner crashed: ${error && error.message}`, stack: String(error && error.stack) }],
      });
    });
  }, 0);
}

/** Reads and removes a JSON file; undefined when there is none. `keepAs` renames it instead of deleting it. */
function take(file, keepAs) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  if (keepAs) fs.renameSync(file, keepAs);
  else fs.rmSync(file, { force: true });
  return JSON.parse(text);
}

async function runAndReport(resultsPath) {
  // The results of the run before the reload, when this extension host is the one after it.
  const continuation = take(`${resultsPath}.continue`, `${resultsPath}.continued`);
  const earlier = continuation ? continuation.results : undefined;
  const withEarlier = (results) => (earlier ? mergeResults(earlier, results) : results);
  if (continuation) process.env.IW_AFTER_RELOAD = String(continuation.reloads);
  // Tells scripts/integration.mjs that the runner is alive (again).
  writeJsonAtomically(`${resultsPath}.partial`, withEarlier(emptyResults()));
  let results;
  try {
    results = await runSuite({
      ...locations(),
      ...(continuation ? { grep: continuation.grep } : {}),
      // A partial file after each test tells scripts/integration.mjs where a hanging run got to.
      onProgress: (partial) => writeJsonAtomically(`${resultsPath}.partial`, withEarlier(partial)),
    });
  } catch (error) {
    results = {
      ...emptyResults(),
      errors: [{ message: String(error && error.message), stack: String(error && error.stack) }],
    };
  }
  results = withEarlier(results);

  const request = take(`${resultsPath}.reload-request`);
  const reloads = continuation ? continuation.reloads : 0;
  if (request && reloads >= MAX_RELOADS) {
    results.errors.push({
      message: `a test asked for window reload number ${reloads + 1}; a run allows ${MAX_RELOADS}`,
    });
  } else if (request) {
    writeJsonAtomically(`${resultsPath}.partial`, results);
    writeJsonAtomically(`${resultsPath}.continue`, { grep: String(request.grep), reloads: reloads + 1, results });
    return;
  }
  writeJsonAtomically(resultsPath, results);
}

function deactivate() {}

exports.activate = activate;
exports.deactivate = deactivate;

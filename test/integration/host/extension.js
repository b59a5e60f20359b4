// Test-runner extension: when IW_TEST_RESULTS is set it runs the integration suite in this extension host and always writes the results JSON there.
/* global require, exports, process, setTimeout */
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS file the extension host loads as is */
'use strict';

const { runSuite, writeJsonAtomically, locations } = require('./runSuite');

function activate() {
  const resultsPath = process.env.IW_TEST_RESULTS;
  if (!resultsPath) return;
  // Not awaited: activation returns at once and the suite runs once startup has settled.
  setTimeout(() => {
    runAndReport(resultsPath).catch((error) => {
      writeJsonAtomically(resultsPath, {
        passed: 0, failed: 0, pending: 0, tests: [],
        errors: [{ message: `test runner crashed: ${error && error.message}`, stack: String(error && error.stack) }],
      });
    });
  }, 0);
}

async function runAndReport(resultsPath) {
  // Tells scripts/integration.mjs that the runner is alive.
  writeJsonAtomically(`${resultsPath}.partial`, { passed: 0, failed: 0, pending: 0, tests: [], errors: [] });
  let results;
  try {
    results = await runSuite({
      ...locations(),
      // A partial file after each test tells scripts/integration.mjs where a hanging run got to.
      onProgress: (partial) => writeJsonAtomically(`${resultsPath}.partial`, partial),
    });
  } catch (error) {
    results = { passed: 0, failed: 0, pending: 0, tests: [], errors: [{ message: String(error && error.message), stack: String(error && error.stack) }] };
  }
  writeJsonAtomically(resultsPath, results);
}

function deactivate() {}

exports.activate = activate;
exports.deactivate = deactivate;

// Activation time in the real VS Code: read through the extension's internal timing command and written to test-results/activation.json for bench/run.mjs.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { InternalCommands } from '../../../src/constants';
import type { ActivationFigures } from '../../../src/features/activationTiming';
import { EXTENSION_ID } from './workspace';

/** test-results/ of the checkout (the suite runs from out/test/integration/suite). */
const RESULTS_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'test-results');

describe('Activation time', function () {
  this.timeout(60_000);

  it('reports how long loading the bundle and activate() took, and the figure is written for the benchmarks', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    // The sample workspace activates the extension at start-up; the internal command answers once the heavy features are registered.
    await extension.activate();
    const api = await vscode.commands.executeCommand<ActivationFigures>(InternalCommands.activationTiming);
    assert.equal(typeof api.activationMs, 'number', 'the packaged bundle records when it started loading');
    assert.ok((api.activationMs ?? 0) > 0, `activationMs is a positive duration (got ${api.activationMs})`);
    const parts = api.activationParts;
    assert.ok(
      parts && parts.codeLoadingMs > 0 && parts.activateCallMs > 0,
      'code loading and the activate call are both measured',
    );
    assert.equal(
      api.activationMs,
      Math.round((parts.codeLoadingMs + parts.activateCallMs) * 10) / 10,
      'activationMs is their sum',
    );
    mkdirSync(RESULTS_DIR, { recursive: true });
    // The heavy features (linting of the open documents included) register after activation, once the config files are read.
    const featuresReadyMs = api.featuresReadyMs;
    assert.ok(
      (featuresReadyMs ?? 0) >= (api.activationMs ?? 0),
      `the heavy features are registered after activation (${featuresReadyMs} ms)`,
    );
    const figure = {
      activationMs: api.activationMs,
      ...parts,
      featuresReadyMs,
      vscodeVersion: vscode.version,
      date: new Date().toISOString(),
    };
    writeFileSync(path.join(RESULTS_DIR, 'activation.json'), `${JSON.stringify(figure, null, 2)}\n`);
  });
});

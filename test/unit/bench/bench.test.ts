// The benchmark script runs on a tiny input and writes bench-results.json's shape. No timing is asserted.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../../..');

describe('bench/run.mjs', function () {
  this.timeout(180_000);

  it('runs with --tiny and writes a JSON file with every metric', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'iw-bench-test-'));
    try {
      const out = path.join(dir, 'bench-results.json');
      const result = spawnSync(process.execPath, [path.join(REPO, 'bench', 'run.mjs'), '--tiny', '--out', out], {
        cwd: REPO,
        encoding: 'utf8',
      });
      assert.equal(result.status, 0, `bench exited ${result.status}:\n${result.stderr}`);
      const json = JSON.parse(readFileSync(out, 'utf8'));
      assert.equal(json.node, process.version);
      assert.ok(!Number.isNaN(Date.parse(json.date)), 'date is an ISO date');
      assert.deepEqual(Object.keys(json.metrics).sort(), [
        'activationMs',
        'cliLint1000Ms',
        'incrementalScanMs',
        'lintVsParse50k',
        'lsp7MBPeakMB',
        'lspFaultsSurvived',
        'lspKeystrokeP95Ms',
        'lspSampleRssMB',
        'markdownlintVsLint50k',
        'scanVsRipgrep',
        'timelineImport100kMs',
        'vsixKB',
      ]);
      for (const key of [
        'lintVsParse50k',
        'scanVsRipgrep',
        'incrementalScanMs',
        'cliLint1000Ms',
        'timelineImport100kMs',
        'lspKeystrokeP95Ms',
      ]) {
        assert.equal(typeof json.metrics[key], 'number', key);
        assert.ok(json.metrics[key] > 0, key);
      }
      // These depend on what is installed or built: a number, or null with a note saying why.
      // The language server's typing figure ran (two bursts) and every version came in order.
      assert.equal(json.runs.lsp.typing.outOfOrder, false);
      for (const key of [
        'markdownlintVsLint50k',
        'activationMs',
        'vsixKB',
        'lspSampleRssMB',
        'lsp7MBPeakMB',
        'lspFaultsSurvived',
      ]) {
        const value = json.metrics[key];
        assert.ok(typeof value === 'number' || (value === null && typeof json.runs.notes[key] === 'string'), key);
      }
      for (const s of [
        json.runs.lint['50k'].lint,
        json.runs.lint['50k'].parse,
        json.runs.scan.ripgrep,
        json.runs.scan.scanNodeEngine,
      ]) {
        assert.deepEqual(Object.keys(s).sort(), ['max', 'median', 'min', 'runs']);
        assert.ok(s.min <= s.median && s.median <= s.max);
      }
      assert.equal(json.runs.scan.parity.sameFiles, true, 'rg and both scan engines find the same files');
      // markdownlint-cli2 is a devDependency: the CLI benchmark times it on the same files.
      assert.equal(typeof json.runs.cli.markdownlintCli2VsOurs, 'number');
      assert.ok(json.runs.cli.markdownlintCli2VsOurs > 0);
      assert.deepEqual(
        json.runs.lint['50k'].rounds,
        { warmup: 1, timed: 3 },
        'the tiny mode warms up one round, with no time target',
      );
      assert.match(result.stdout, /lintVsParse50k/);
      // The import benchmark read the tiny export's 2,000 messages, joins and edit events left out.
      assert.equal(json.runs.timelineImport.messages, 2000);
      assert.ok(
        json.runs.timelineImport.events > 1500 && json.runs.timelineImport.events < 2000,
        String(json.runs.timelineImport.events),
      );
      assert.equal(typeof json.runs.timelineImport.importVsReadParse, 'number');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

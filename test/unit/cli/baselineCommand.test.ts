import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BASELINE_USAGE } from '../../../src/cli/baselineCommand';
import { run, type Io } from '../../../src/cli/main';
import { CLEAN_POSTMORTEM, replaceSection } from '../../fixtures/documents';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

/** A postmortem written before the tool: an action item with no owner is an error. */
const OLD = CLEAN_POSTMORTEM.replace(/\| [A-Z][a-z]+ [A-Z][a-z]+ \|/, '|  |');

describe('lint --baseline-write and --baseline', () => {
  let dir: string;
  let cwd: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'iw-baseline-'));
    mkdirSync(path.join(dir, 'docs', 'postmortems'), { recursive: true });
    writeFileSync(path.join(dir, 'docs', 'postmortems', '2025-01-10-old.md'), OLD);
    writeFileSync(path.join(dir, 'slo.yaml'), 'slos:\n  - {service: user-service, objective: 99.9, window: 30d}\n');
    cwd = process.cwd();
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails before the baseline, passes with it, and fails again on a new postmortem with an error', async () => {
    const before = capture();
    assert.equal(await run(['lint', '.'], before), 1, before.stdout.join('\n'));
    const write = capture();
    assert.equal(await run(['lint', '.', '--baseline-write', 'baseline.json'], write), 0);
    assert.match(write.stderr.join('\n'), /recorded \d+ findings? of 1 file in baseline\.json/);
    assert.equal(JSON.parse(readFileSync('baseline.json', 'utf8')).version, 1);

    const old = capture();
    assert.equal(await run(['lint', '.', '--baseline', 'baseline.json'], old), 0, old.stdout.join('\n'));
    assert.match(old.stderr.join('\n'), /findings? in the baseline baseline\.json not reported/);

    // An edit elsewhere in the old postmortem does not reopen its findings.
    writeFileSync(
      path.join(dir, 'docs', 'postmortems', '2025-01-10-old.md'),
      OLD.replace(/^## Summary\n/m, '## Summary\n\nAdded later.\n'),
    );
    assert.equal(await run(['lint', '.', '--baseline', 'baseline.json'], capture()), 0);

    writeFileSync(path.join(dir, 'docs', 'postmortems', '2026-03-01-new.md'), replaceSection(OLD, 'Root Cause', ''));
    const fresh = capture();
    assert.equal(await run(['lint', '.', '--baseline', 'baseline.json', '--format', 'json'], fresh), 1);
    const { files } = JSON.parse(fresh.stdout.join('\n')) as { files: { path: string; findings: unknown[] }[] };
    assert.deepEqual(
      files.filter((f) => f.findings.length > 0).map((f) => path.basename(f.path)),
      ['2026-03-01-new.md'],
    );
  });

  it('exits 2 on a missing or bad baseline file, and on both options at once', async () => {
    const missing = capture();
    assert.equal(await run(['lint', '.', '--baseline', 'nope.json'], missing), 2);
    assert.match(missing.stderr.join('\n'), /nope\.json: the baseline cannot be read/);
    writeFileSync('bad.json', '{"version": 1}');
    assert.equal(await run(['lint', '.', '--baseline', 'bad.json'], capture()), 2);
    assert.equal(await run(['lint', '.', '--baseline', 'a.json', '--baseline-write', 'b.json'], capture()), 2);
  });

  it('has a usage text with examples for the per-command help', () => {
    assert.match(BASELINE_USAGE, /^Usage:\n {2}incident-workbench lint \[paths\.\.\.\] --baseline-write FILE/);
    assert.match(BASELINE_USAGE, /Examples:/);
  });
});

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../../..');
const CORPUS = path.resolve(REPO, '..', 'shared', 'corpus');
const judge = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(REPO, 'scripts', 'judge.mjs'), ...args], { cwd: REPO, encoding: 'utf8' });

describe('scripts/judge.mjs', function () {
  this.timeout(60_000);

  it('stops with a clear error, naming --corpus, when the corpus directory is missing', () => {
    const result = judge('--corpus', path.join(tmpdir(), 'no-such-corpus-for-the-judge'));
    assert.equal(result.status, 2);
    assert.match(result.stderr, /the corpus directory .*no-such-corpus-for-the-judge does not exist/);
    assert.match(result.stderr, /--corpus DIR/);
  });

  it('rejects an unknown option with a pointer to --help', () => {
    const result = judge('--speed');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--help/);
  });

  it('scores every judged rule for the tuning part, the hold-out part and all, and writes the figures as JSON', function () {
    if (!existsSync(CORPUS)) this.skip(); // the corpus of issue #17 lives next to the repository, not in it
    const dir = mkdtempSync(path.join(tmpdir(), 'iw-judge-test-'));
    try {
      const out = path.join(dir, 'judge.json');
      const result = judge('--json', out, '--rule', 'PM001');
      assert.equal(result.status, 0, result.stderr);
      for (const heading of [
        'tuning part: 19 documents',
        'hold-out part: 5 documents',
        'all part: 24 documents',
        'Targets (issue #17)',
        'Details: PM001',
      ]) {
        assert.ok(result.stdout.includes(heading), heading);
      }
      const json = JSON.parse(readFileSync(out, 'utf8'));
      assert.deepEqual(Object.keys(json.parts), ['tuning', 'hold-out', 'all']);
      const all = json.parts.all;
      assert.deepEqual(Object.keys(all.rules), [
        'PM001',
        'PM003',
        'PM004',
        'PM005',
        'PM009',
        'PM010',
        'PM011',
        'RB001',
      ]);
      for (const [rule, t] of Object.entries(all.rules) as [
        string,
        { expected: number; right: number; missed: number; wrong: number },
      ][]) {
        assert.equal(t.right + t.missed, t.expected, rule);
        assert.equal(
          t.expected,
          json.parts.tuning.rules[rule].expected + json.parts['hold-out'].rules[rule].expected,
          `${rule}: the parts add up`,
        );
      }
      assert.equal(all.targets.length, 6);
      assert.equal(all.times.documents, json.parts.tuning.times.documents + json.parts['hold-out'].times.documents);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints only the tuning part with --tuning-only', function () {
    if (!existsSync(CORPUS)) this.skip();
    const result = judge('--tuning-only', '--rule', 'PM004');
    assert.equal(result.status, 0, result.stderr);
    assert.ok(result.stdout.includes('tuning part'));
    assert.ok(!result.stdout.includes('hold-out part:'), 'no hold-out table');
    assert.ok(!result.stdout.includes('[hold-out]'), 'no hold-out document is listed in the details');
  });
});

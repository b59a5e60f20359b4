import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run } from '../../../src/cli/main';
import { TIMELINE_USAGE } from '../../../src/cli/timelineCommand';
import { PAGERDUTY_LOG, writeSlackExport, writeTempFile } from '../../fixtures/timelineImport/exports';

function capture() {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t: string) => stdout.push(t), err: (t: string) => stderr.push(t) };
}

const CHANNEL = ['--channel', 'inc-2026-03-15-checkout'];

const POSTMORTEM = `# Postmortem: checkout latency

**Date:** 2026-03-15
**Severity:** SEV2

## Timeline

| Time (UTC) | Event |
|---|---|
| 2026-03-15 23:30 | Deploy of gateway v42 |

## Root Cause

The deploy.
`;

function writePostmortem(text = POSTMORTEM): string {
  const root = mkdtempSync(path.join(tmpdir(), 'iw-into-'));
  mkdirSync(path.join(root, 'docs', 'postmortems'), { recursive: true });
  const file = path.join(root, 'docs', 'postmortems', '2026-03-15-checkout.md');
  writeFileSync(file, text);
  return file;
}

describe('incident-workbench timeline import', () => {
  it('prints a Slack channel as JSON events sorted by time, in the shape of the issue', async () => {
    const io = capture();
    assert.equal(
      await run(
        ['timeline', 'import', writeSlackExport(), ...CHANNEL, '--format', 'json', '--until', '2026-03-15T23:43'],
        io,
      ),
      0,
    );
    assert.deepEqual(JSON.parse(io.stdout.join('\n')), [
      {
        time: '2026-03-15T23:41:10Z',
        text: 'Triggered: checkout p99 latency > 2s on checkout-api',
        source: 'slack',
        author: 'Datadog',
        milestone: 'detection',
      },
      {
        time: '2026-03-15T23:43:00Z',
        text: 'looking at #inc-2026-03-15-checkout dashboards, @Bob Ortiz can you check the checkout board (https://grafana.example.com/d/checkout)?',
        source: 'slack',
        author: 'alice',
        milestone: null,
      },
    ]);
  });

  it('combines a Slack export and a PagerDuty log into one table, detecting each kind', async () => {
    const io = capture();
    assert.equal(
      await run(
        [
          'timeline',
          'import',
          writeSlackExport(),
          writeTempFile('log.json', PAGERDUTY_LOG),
          ...CHANNEL,
          '--since',
          '2026-03-16',
        ],
        io,
      ),
      0,
    );
    assert.equal(
      io.stdout.join('\n'),
      [
        '| Time (UTC) | Event |',
        '|---|---|',
        '| 2026-03-16 00:02 | Bob Ortiz: rolled back the gateway to v41 (deploy 7f3a) |',
        '| 2026-03-16 00:05 | alice: the 23:30 deploy touched the gateway timeouts |',
        '| 2026-03-16 00:10 | PagerDuty: Note: Rollback of the gateway in progress |',
        '| 2026-03-16 00:25 | Datadog: Recovered: checkout p99 latency is back to normal |',
        '| 2026-03-16 00:26 | PagerDuty: Resolved by Bob Ortiz [resolution] |',
        '| 2026-03-16 00:30 | alice: all clear, closing. notes in oncall@example.com |',
      ].join('\n'),
    );
  });

  it('merges into the document with --into, prints how many rows it added, and adds nothing the second time', async () => {
    const file = writePostmortem();
    const args = [
      'timeline',
      'import',
      writeSlackExport(),
      writeTempFile('log.json', PAGERDUTY_LOG),
      ...CHANNEL,
      '--into',
      file,
      '--profile',
      'harness',
    ];
    const first = capture();
    assert.equal(await run(args, first), 0);
    assert.deepEqual(first.stdout, [`${file}: added 14 timeline rows.`]);
    const after = readFileSync(file, 'utf8');
    assert.ok(
      after.includes(
        '| 2026-03-15 23:30 | Deploy of gateway v42 |\n| 2026-03-15 23:41 | Datadog: Triggered: checkout p99 latency > 2s on checkout-api [detection] |\n',
      ),
    );
    const mtime = statSync(file).mtimeMs;
    const second = capture();
    assert.equal(await run(args, second), 0);
    assert.deepEqual(second.stdout, [`${file}: nothing to add; the 14 events imported are already in its timeline.`]);
    assert.equal(readFileSync(file, 'utf8'), after);
    assert.equal(statSync(file).mtimeMs, mtime, 'the file is not written when nothing changed');
  });

  it('gives the postmortem its metrics: the index reads time to detect and to recover from the imported rows', async () => {
    const file = writePostmortem();
    assert.equal(
      await run(
        ['timeline', 'import', writeTempFile('log.json', PAGERDUTY_LOG), '--into', file, '--profile', 'harness'],
        capture(),
      ),
      0,
    );
    const io = capture();
    assert.equal(
      await run(['index', '--root', path.resolve(file, '../../..'), '--profile', 'harness', '--format', 'json'], io),
      0,
    );
    const rows = JSON.parse(io.stdout.join('\n')) as { ttdMinutes: number | null; ttrMinutes: number | null }[];
    // The deploy at 23:30 starts it, PagerDuty's trigger at 23:41 detects it (11 min), its resolve at 00:26 ends it (45 min after the detection).
    assert.deepEqual(
      rows.map((r) => [r.ttdMinutes, r.ttrMinutes]),
      [[11, 45]],
    );
    assert.match(
      readFileSync(file, 'utf8'),
      /\| 2026-03-15 23:41 \| PagerDuty: Triggered through the API \[detection\] \|\n/,
    );
  });

  describe('bad input: a clear error naming the file, exit 2, nothing written', () => {
    async function fails(args: string[], message: RegExp, into?: string): Promise<void> {
      const before = into ? readFileSync(into, 'utf8') : undefined;
      const io = capture();
      assert.equal(
        await run(['timeline', 'import', ...args, ...(into ? ['--into', into, '--profile', 'harness'] : [])], io),
        2,
      );
      assert.match(io.stderr.join('\n'), message);
      assert.deepEqual(io.stdout, []);
      if (into) assert.equal(readFileSync(into, 'utf8'), before);
    }

    it('a folder that is not an export', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'iw-empty-'));
      await fails([dir], new RegExp(`${dir}: not a Slack export: there is no channels.json in it`), writePostmortem());
    });
    it('a JSON file that is neither export', async () => {
      await fails(
        [writeTempFile('x.json', { incidents: [] })],
        /x\.json: is neither a Slack export .* nor a PagerDuty log/,
      );
    });
    it('a damaged day file', async () => {
      const dir = writeSlackExport({ 'inc-2026-03-15-checkout/2026-03-16.json': '[{"type": "message", "text": "cut' });
      await fails([dir, ...CHANNEL], /inc-2026-03-15-checkout\/2026-03-16\.json: damaged JSON \(/, writePostmortem());
    });
    it('a damaged PagerDuty log', async () => {
      await fails([writeTempFile('log.json', '{"log_entries": [')], /log\.json: damaged JSON/);
    });
    it('a channel that is not there', async () => {
      await fails(
        [writeSlackExport(), '--channel', 'inc-nope'],
        /channels\.json: no channel named #inc-nope in the export; its channels: #inc-2026-03-15-checkout, #general\./,
      );
    });
    it('a channel listed without its folder', async () => {
      await fails(
        [writeSlackExport({ 'channels.json': [{ id: 'C9', name: 'inc-gone' }] })],
        /inc-gone: channels\.json lists #inc-gone, but the export has no folder for it\./,
      );
    });
    it('a window with no messages', async () => {
      await fails(
        [writeSlackExport(), ...CHANNEL, '--since', '2026-04-01'],
        /inc-2026-03-15-checkout: no messages in #inc-2026-03-15-checkout since 2026-04-01T00:00:00Z\. Nothing was written\./,
        writePostmortem(),
      );
      await fails(
        [writeTempFile('log.json', PAGERDUTY_LOG), '--until', '2026-03-01'],
        /log\.json: no log entries until 2026-03-01T23:59:59Z/,
      );
    });
    it('a zip, a missing path, and a kind that does not match', async () => {
      await fails([writeTempFile('export.zip', 'PK')], /export\.zip: is a zip archive; unzip the Slack export/);
      await fails(['/nonexistent/export'], /\/nonexistent\/export: no such file or folder\./);
      await fails(
        [writeTempFile('log.json', PAGERDUTY_LOG), '--from', 'slack'],
        /log\.json: is a file; a Slack export is a folder/,
      );
      await fails([writeSlackExport(), '--from', 'pagerduty'], /is a folder; a PagerDuty log is one JSON file/);
    });
    it('a document without a Timeline section', async () => {
      const into = writePostmortem('# Postmortem\n\n## Summary\n\nx\n');
      await fails(
        [writeTempFile('log.json', PAGERDUTY_LOG)],
        /This document has no Timeline section; add one first\./,
        into,
      );
    });
    it('bad options get the usage', async () => {
      await fails(['x', '--since', 'last tuesday'], /--since must be a date or date and time/);
      await fails(
        ['x', '--since', '2026-03-16', '--until', '2026-03-15'],
        /--since 2026-03-16 is after --until 2026-03-15/,
      );
      await fails(['x', '--format', 'csv'], /--format must be markdown or json/);
      await fails([], /Missing the export to import/);
    });
  });

  it("has its own help, and is listed in the CLI's", async () => {
    const io = capture();
    assert.equal(await run(['timeline', '--help'], io), 0);
    assert.ok(io.stdout.join('\n').startsWith(TIMELINE_USAGE), 'the help starts with the usage text');
    assert.match(io.stdout.join('\n'), /Examples:\n {2}incident-workbench timeline import/);
    const all = capture();
    assert.equal(await run(['--help'], all), 0);
    assert.match(all.stdout.join('\n'), /incident-workbench timeline import <path>\.\.\./);
  });
});

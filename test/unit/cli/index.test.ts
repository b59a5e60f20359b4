import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runIndex, type CommandIo } from '../../../src/cli/indexCommand';
import { INDEX_BEGIN, INDEX_END } from '../../../src/core/incidentIndex';

const SAMPLE = path.resolve(__dirname, '../../../..', 'examples', 'acme-shop');
const INDEX = 'docs/incidents/index.md';

function capture(): CommandIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

describe('incident-workbench index', () => {
  it("prints the sample workspace's entries as the exact JSON shape, numbers checked by hand", async () => {
    const io = capture();
    assert.equal(await runIndex(['--root', SAMPLE, '--format', 'json'], io), 0);
    assert.deepEqual(JSON.parse(io.stdout.join('\n')), [
      // 14:28 → 14:32 → 15:19; six action items, two done.
      {
        path: 'docs/postmortems/2026-03-15-user-service-timeout.md',
        date: '2026-03-15',
        title: 'User service timeouts on preferences endpoint',
        severity: 'SEV2',
        durationMinutes: 51,
        ttdMinutes: 4,
        ttrMinutes: 47,
        openActionItems: 4,
        milestones: [
          'start: 14:28 First 504 responses from api-gateway on GET /api/users/:id/preference… (the first event that says the incident started)',
          'detection: 14:32 Datadog monitor "api-gateway p99 latency > 2000ms" fires and pages th… (the first alert, page or report)',
          'mitigation: 14:40 Mitigation starts: CREATE INDEX CONCURRENTLY idx_preferences_user_id… (the first fix after the detection)',
          'resolution: 15:19 p99 latency has stayed under 300 ms for ten minutes. Incident resolve… (the first event that says the service recovered)',
        ],
      },
      // 09:12 → 09:14 → 09:37; four action items, one done.
      {
        path: 'docs/postmortems/2026-03-20-payment-service-crashloop.md',
        date: '2026-03-20',
        title: 'Payment service crash loop',
        severity: 'SEV1',
        durationMinutes: 25,
        ttdMinutes: 2,
        ttrMinutes: 23,
        openActionItems: 3,
        milestones: [
          'start: 09:12 UTC First Stripe webhook deliveries fail signature verification; payment-… (the first event that shows impact before the detection)',
          'detection: 09:14 UTC PagerDuty incident #4521 opens automatically from the Kubernetes heal… (the first alert, page or report)',
          'mitigation: 09:24 UTC Mitigation starts: `kubectl rollout restart deployment/payment-servic… (the first fix after the detection)',
          'resolution: 09:37 UTC Stripe retries of the failed deliveries have drained and checkout suc… (the first event that says the service recovered)',
        ],
      },
    ]);
  });

  it('prints the trends per month with --format json --trends, the medians those of the rows above', async () => {
    const io = capture();
    assert.equal(await runIndex(['--root', SAMPLE, '--format', 'json', '--trends'], io), 0);
    // TTD 4 and 2 → median 3; TTR 47 and 23 → median 35.
    assert.deepEqual(JSON.parse(io.stdout.join('\n')), {
      months: [
        {
          month: '2026-03',
          incidents: 2,
          bySeverity: { SEV1: 1, SEV2: 1 },
          medianTtdMinutes: 3,
          medianTtrMinutes: 35,
          ttdCount: 2,
          ttrCount: 2,
        },
      ],
      severities: ['SEV1', 'SEV2'],
      undated: 0,
    });
    const bad = capture();
    assert.equal(await runIndex(['--root', SAMPLE, '--trends'], bad), 2);
    assert.match(bad.stderr.join('\n'), /--trends needs --format json/);
  });

  it('prints the index file as it would be written, without writing it', async () => {
    const before = readFileSync(path.join(SAMPLE, INDEX), 'utf8');
    const io = capture();
    assert.equal(await runIndex(['--root', SAMPLE], io), 0);
    const printed = io.stdout.join('\n');
    assert.ok(printed.startsWith('# Incident index\n\nEvery production incident at Acme Shop'));
    assert.match(
      printed,
      /\| 2026-03-15 \| \[User service timeouts on preferences endpoint\]\(\.\.\/postmortems\/2026-03-15-user-service-timeout\.md\) \| SEV2 \| 51 min \| 4 min \| 47 min \| 4 open of 6 \|/,
    );
    assert.match(printed, /- \*\*Time to recover:\*\* mean 35 min, median 35 min \(2 of 2 incidents\)/);
    assert.equal(readFileSync(path.join(SAMPLE, INDEX), 'utf8'), before);
  });

  describe('--write and --check on a copy of the sample', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'iw-index-'));
      cpSync(SAMPLE, dir, { recursive: true });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('writes the index, keeping the hand-written title and paragraph, and is then up to date', async () => {
      const file = path.join(dir, INDEX);
      const handWritten = readFileSync(file, 'utf8').split('\n').slice(0, 4);
      assert.equal(await runIndex(['--root', dir, '--check'], capture()), 1);
      const io = capture();
      assert.equal(await runIndex(['--root', dir, '--write'], io), 0);
      assert.deepEqual(io.stdout, [
        'Wrote docs/incidents/index.md (2 incidents): replaced the hand-kept index table with the generated block; text outside the block is unchanged.',
      ]);
      const written = readFileSync(file, 'utf8').split('\n');
      assert.deepEqual(written.slice(0, 4), handWritten);
      assert.equal(written[4], INDEX_BEGIN);
      assert.equal(written[written.length - 2], INDEX_END);
      const check = capture();
      assert.equal(await runIndex(['--root', dir, '--check'], check), 0);
      assert.deepEqual(check.stdout, ['docs/incidents/index.md is up to date (2 incidents).']);
    });

    it('keeps a paragraph written under the block on the next run', async () => {
      const file = path.join(dir, INDEX);
      await runIndex(['--root', dir, '--write'], capture());
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n## Notes\nThe 2026-03-20 review is on Thursday.\n`);
      await runIndex(['--root', dir, '--write'], capture());
      assert.ok(
        readFileSync(file, 'utf8').endsWith(`${INDEX_END}\n\n## Notes\nThe 2026-03-20 review is on Thursday.\n`),
      );
    });

    it('refuses to write over a block that was opened and not closed', async () => {
      writeFileSync(path.join(dir, INDEX), `# Incidents\n${INDEX_BEGIN}\n`);
      const io = capture();
      assert.equal(await runIndex(['--root', dir, '--write'], io), 2);
      assert.deepEqual(io.stderr, [
        'docs/incidents/index.md:2:1: error: the generated block of the index is opened but never closed; restore its end marker',
      ]);
    });
  });

  it('exits 2 with the usage on bad options', async () => {
    const io = capture();
    assert.equal(await runIndex(['--write', '--check'], io), 2);
    assert.match(io.stderr[0], /^incident-workbench index: --write and --check cannot be used together\.\n\nUsage:/);
    assert.equal(await runIndex(['--profile', 'nope'], capture()), 2);
    assert.equal(await runIndex(['--root', '/no/such/folder'], capture()), 2);
  });
});

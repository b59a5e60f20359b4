import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runSlo } from '../../../src/cli/sloCommand';
import type { CommandIo } from '../../../src/cli/indexCommand';

const SAMPLE = path.resolve(__dirname, '../../../..', 'examples', 'acme-shop');

function capture(): CommandIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

/** What examples/acme-shop's two postmortems consume, computed by hand. */
const SAMPLE_JSON = {
  slos: [
    {
      // 99.9% over 30 days: 43,200 min × 0.1% = 43.2 min. 14:28 → 15:19 = 51 min × 10% affected = 5.1 min.
      name: 'user-service',
      service: 'user-service',
      objective: 99.9,
      windowDays: 30,
      budgetMinutes: 43.2,
      consumedMinutes: 5.1,
      remainingMinutes: 38.1,
      exhausted: false,
      // 5.1 / 43.2 = 0.11806.
      incidents: [{ path: 'docs/postmortems/2026-03-15-user-service-timeout.md', consumedMinutes: 5.1, share: 0.1181 }],
    },
    {
      // 99.95% over 30 days: 21.6 min. 09:12 → 09:37 = 25 min, no fraction stated: a full outage.
      name: 'payment-service',
      service: 'payment-service',
      objective: 99.95,
      windowDays: 30,
      budgetMinutes: 21.6,
      consumedMinutes: 25,
      remainingMinutes: -3.4,
      exhausted: true,
      // 25 / 21.6 = 1.15741.
      incidents: [
        { path: 'docs/postmortems/2026-03-20-payment-service-crashloop.md', consumedMinutes: 25, share: 1.1574 },
      ],
    },
  ],
};

describe('incident-workbench slo', () => {
  it("prints the sample workspace's error budgets as the exact JSON shape", async () => {
    const io = capture();
    assert.equal(await runSlo(['--root', SAMPLE, '--format', 'json'], io), 0);
    assert.deepEqual(JSON.parse(io.stdout.join('\n')), SAMPLE_JSON);
    assert.deepEqual(io.stderr, []);
  });

  it('prints the same numbers as text, stating the full-outage assumption and the feature freeze', async () => {
    const io = capture();
    assert.equal(await runSlo(['--root', SAMPLE, '--slo', path.join(SAMPLE, 'slo.yaml')], io), 0);
    const text = io.stdout.join('\n').split('\n').slice(1);
    assert.deepEqual(text, [
      '',
      'user-service: 99.9% over 30 days (rolling), 2026-02-18 to 2026-03-20',
      '  Budget: 43.2 min of full outage (30 days × 0.1%)',
      '  - 2026-03-15 docs/postmortems/2026-03-15-user-service-timeout.md: 51 min × 10% affected = 5.1 min, 11.8% of the budget',
      '  Consumed: 5.1 min (11.8%). Remaining: 38.1 min.',
      '',
      'payment-service: 99.95% over 30 days (rolling), 2026-02-18 to 2026-03-20',
      '  Budget: 21.6 min of full outage (30 days × 0.05%)',
      '  - 2026-03-20 docs/postmortems/2026-03-20-payment-service-crashloop.md: 25 min × 100% (no affected fraction stated, so a full outage is assumed; state it as "Affected requests: 40%") = 25 min, 115.7% of the budget',
      '  Consumed: 25 min (115.7%). Remaining: -3.4 min.',
      '  Budget exhausted: freeze features for payment-service and spend the time on reliability until the budget recovers.',
    ]);
    assert.match(
      io.stdout[0],
      /^Error budgets from .*slo\.yaml, windows ending 2026-03-20 09:37 UTC \(the end of the latest incident\)\./,
    );
  });

  it("reports one incident's SLO over the window ending when it ended", async () => {
    const io = capture();
    const file = path.join(SAMPLE, 'docs/postmortems/2026-03-15-user-service-timeout.md');
    assert.equal(await runSlo(['--root', SAMPLE, '--incident', file, '--format', 'json'], io), 0);
    assert.deepEqual(JSON.parse(io.stdout[0]), { slos: [SAMPLE_JSON.slos[0]] });
  });

  it('exits 1 with --fail-when-exhausted, and counts nothing in a window before the incidents', async () => {
    assert.equal(await runSlo(['--root', SAMPLE, '--fail-when-exhausted', '--format', 'json'], capture()), 1);
    const io = capture();
    assert.equal(
      await runSlo(['--root', SAMPLE, '--as-of', '2026-01-31', '--format', 'json', '--fail-when-exhausted'], io),
      0,
    );
    assert.deepEqual(
      JSON.parse(io.stdout[0]).slos.map((s: { consumedMinutes: number; incidents: unknown[] }) => [
        s.consumedMinutes,
        s.incidents.length,
      ]),
      [
        [0, 0],
        [0, 0],
      ],
    );
  });

  describe('with a broken slo.yaml', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'iw-slo-'));
      cpSync(path.join(SAMPLE, 'docs'), path.join(dir, 'docs'), { recursive: true });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('prints each error at its line and exits 2', async () => {
      writeFileSync(path.join(dir, 'slo.yaml'), 'slos:\n  - {service: user-service, objective: 100, window: 30d}\n');
      const io = capture();
      assert.equal(await runSlo(['--root', dir], io), 2);
      assert.deepEqual(
        io.stderr.map((l) => l.replace(/^.*slo\.yaml/, 'slo.yaml')),
        [
          'slo.yaml:2:40: error: slos[0].objective: must be a percentage above 0 and below 100, such as 99.9 (100% leaves no error budget) (got the number 100)',
        ],
      );
      assert.deepEqual(io.stdout, []);
    });

    it('says when there is no slo.yaml', async () => {
      const io = capture();
      assert.equal(await runSlo(['--root', dir], io), 2);
      assert.match(io.stderr[0], /no slo\.yaml in .*; write one \(see docs\/metrics\.md\) or pass --slo FILE\./);
    });
  });

  it('exits 2 with the usage on a bad option', async () => {
    const io = capture();
    assert.equal(await runSlo(['--format', 'xml'], io), 2);
    assert.match(io.stderr[0], /^incident-workbench slo: --format must be text or json, not "xml"\.\n\nUsage:/);
    assert.equal(await runSlo(['--as-of', 'yesterday'], capture()), 2);
    assert.equal(await runSlo(['--bogus'], capture()), 2);
  });
});

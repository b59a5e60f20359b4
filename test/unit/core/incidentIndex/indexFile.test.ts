import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  indexEntries,
  indexPathFor,
  INDEX_BEGIN,
  INDEX_END,
  relativePath,
  renderIndexBlock,
  updateIndexText,
} from '../../../../src/core/incidentIndex';
import { summarizeIncident, type IncidentSummary } from '../../../../src/core/incident/summary';
import { findProfile, type Profile } from '../../../../src/core/profiles';

const harness = findProfile('harness') as Profile;
const SAMPLE = path.resolve(__dirname, '../../../../..', 'examples', 'acme-shop');
const USER = 'docs/postmortems/2026-03-15-user-service-timeout.md';
const PAYMENT = 'docs/postmortems/2026-03-20-payment-service-crashloop.md';
const INDEX = 'docs/incidents/index.md';

function sample(): IncidentSummary[] {
  return [PAYMENT, USER].map((p) =>
    summarizeIncident({ path: p, text: readFileSync(path.join(SAMPLE, p), 'utf8'), profile: harness }),
  );
}

const BLOCK_LINES = [
  INDEX_BEGIN,
  '- **Incidents:** 2 (SEV1: 1, SEV2: 1)',
  '- **By month:** 2026-03: 2',
  // TTD 4 and 2; TTR 47 and 23.
  '- **Time to detect:** mean 3 min, median 3 min (2 of 2 incidents)',
  '- **Time to recover:** mean 35 min, median 35 min (2 of 2 incidents)',
  // Four rows of six open, three of four open.
  '- **Open action items:** 7',
  '',
  '| Date | Incident | Severity | Duration | Time to detect | Time to recover | Action items |',
  '|---|---|---|---|---|---|---|',
  '| 2026-03-15 | [User service timeouts on preferences endpoint](../postmortems/2026-03-15-user-service-timeout.md) | SEV2 | 51 min | 4 min | 47 min | 4 open of 6 |',
  '| 2026-03-20 | [Payment service crash loop](../postmortems/2026-03-20-payment-service-crashloop.md) | SEV1 | 25 min | 2 min | 23 min | 3 open of 4 |',
  // The trends (#23): both incidents in March, medians as in the summary lines above.
  '',
  '**Trends** (months of the dated incidents; medians over the incidents whose timeline gives the value)',
  '',
  '```mermaid',
  'xychart-beta',
  '  title "Time to recover, median per month (minutes)"',
  '  x-axis ["2026-03"]',
  '  y-axis "Minutes" 0 --> 40',
  '  bar [35]',
  '```',
  '',
  '```mermaid',
  'xychart-beta',
  '  title "Time to detect, median per month (minutes)"',
  '  x-axis ["2026-03"]',
  '  y-axis "Minutes" 0 --> 3',
  '  bar [3]',
  '```',
  '',
  '```mermaid',
  'xychart-beta',
  '  title "Incidents per month"',
  '  x-axis ["2026-03"]',
  '  y-axis "Incidents" 0 --> 2',
  '  bar [2]',
  '```',
  '',
  '| Month | Incidents | SEV1 | SEV2 | Median time to detect (n) | Median time to recover (n) |',
  '|---|---|---|---|---|---|',
  '| 2026-03 | 2 | 1 | 1 | 3 min (2) | 35 min (2) |',
  INDEX_END,
];

describe('the incident index', () => {
  it("lists the sample workspace's incidents with the numbers checked by hand, oldest first", () => {
    assert.deepEqual(indexEntries(sample()), [
      // 14:28 first 504 → 14:32 alert → 15:19 resolved.
      {
        path: USER,
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
      // 09:12 first failures → 09:14 PagerDuty → 09:37 resolved.
      {
        path: PAYMENT,
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

  it('renders summary lines and one row per incident between markers', () => {
    assert.equal(renderIndexBlock(sample(), INDEX), BLOCK_LINES.join('\n'));
  });

  it('writes null, and a dash in Markdown, where a value cannot be computed', () => {
    const undated = summarizeIncident({
      path: 'docs/postmortems/notes.md',
      text: '# Queue stall\n\n## Timeline\n- errors began\n',
      profile: harness,
    });
    assert.deepEqual(indexEntries([undated]), [
      {
        path: 'docs/postmortems/notes.md',
        date: null,
        title: 'Queue stall',
        severity: null,
        durationMinutes: null,
        ttdMinutes: null,
        ttrMinutes: null,
        openActionItems: null,
        milestones: [],
      },
    ]);
    assert.match(
      renderIndexBlock([undated], INDEX),
      /\| — \| \[Queue stall\]\(\.\.\/postmortems\/notes\.md\) \| — \| — \| — \| — \| — \|/,
    );
  });

  it('places the index per profile, or where the setting says', () => {
    assert.equal(indexPathFor(harness), 'docs/incidents/index.md');
    assert.equal(
      indexPathFor({ ...harness, documents: { postmortem: harness.documents.postmortem } }),
      'docs/postmortems/index.md',
    );
    assert.equal(indexPathFor(harness, './INCIDENTS.md'), 'INCIDENTS.md');
    assert.equal(relativePath('docs/incidents', 'docs/postmortems/a b.md'), '../postmortems/a b.md');
  });

  describe('updateIndexText', () => {
    it("replaces the sample's hand-kept table, whose rows all link to postmortems, and keeps the text around it", () => {
      const existing = readFileSync(path.join(SAMPLE, INDEX), 'utf8');
      const update = updateIndexText(existing, sample(), INDEX);
      assert.ok(update.ok);
      assert.equal(update.placement, 'table');
      const lines = existing.split('\n');
      assert.equal(update.text, [...lines.slice(0, 4), ...BLOCK_LINES, ...lines.slice(8)].join('\n'));
      // Running it again changes nothing.
      const again = updateIndexText(update.text, sample(), INDEX);
      assert.deepEqual(again.ok && [again.changed, again.placement], [false, 'block']);
    });

    it("replaces only the block, keeping hand-written text above and below it and the file's line endings", () => {
      const existing = [
        '# Incidents',
        '',
        'Written by hand.',
        INDEX_BEGIN,
        'stale',
        INDEX_END,
        '',
        '## Notes',
        'Also by hand.',
        '',
      ].join('\r\n');
      const update = updateIndexText(existing, sample(), INDEX);
      assert.ok(update.ok);
      assert.equal(
        update.text,
        ['# Incidents', '', 'Written by hand.', ...BLOCK_LINES, '', '## Notes', 'Also by hand.', ''].join('\r\n'),
      );
    });

    it('keeps a table that lists an incident without a postmortem, and adds the block at the end', () => {
      const existing = '# Index\n\n| Date | Incident |\n|---|---|\n| 2025-12-01 | Power cut, no postmortem |\n';
      const update = updateIndexText(existing, sample(), INDEX);
      assert.ok(update.ok);
      assert.equal(update.placement, 'appended');
      assert.equal(update.text, `${existing}\n${BLOCK_LINES.join('\n')}\n`);
    });

    it('creates the file with a title when there is none', () => {
      const update = updateIndexText(undefined, sample(), INDEX);
      assert.deepEqual(update.ok && [update.placement, update.text], [
        'created',
        `# Incident index\n\n${BLOCK_LINES.join('\n')}\n`,
      ]);
    });

    it('refuses a block opened and never closed, saying where', () => {
      assert.deepEqual(updateIndexText(`# I\n${INDEX_BEGIN}\nrows\n`, sample(), INDEX), {
        ok: false,
        message: 'the generated block of the index is opened but never closed; restore its end marker',
        line: 1,
      });
      assert.deepEqual(updateIndexText(`# I\n${INDEX_END}\n`, sample(), INDEX), {
        ok: false,
        message:
          'the index has an end marker of the generated block but no begin marker; restore the begin marker or remove the end one',
        line: 1,
      });
    });
  });
});

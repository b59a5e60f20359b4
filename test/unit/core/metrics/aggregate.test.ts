import * as assert from 'node:assert/strict';
import { summarizeIncident } from '../../../../src/core/incident/summary';
import { aggregate, stats } from '../../../../src/core/metrics';
import { findProfile, type Profile } from '../../../../src/core/profiles';

const harness = findProfile('harness') as Profile;

function incident(path: string, severity: string, date: string | undefined, lines: string[]) {
  const text = `# ${path}\n\n${date ? `**Date:** ${date}\n` : ''}**Severity:** ${severity}\n\n## Timeline\n${lines.join('\n')}\n\n## Action Items\n- [ ] Fix it (owner: @a, due: 2026-05-01)\n- [x] Done already (owner: @b, due: 2026-04-01)\n`;
  return summarizeIncident({ path, text, profile: harness });
}

describe('stats', () => {
  it('gives count, mean and median of the known values, rounded to 0.1', () => {
    assert.deepEqual(stats([4, 2, null]), { count: 2, mean: 3, median: 3 });
    assert.deepEqual(stats([1, 2, 10]), { count: 3, mean: 4.3, median: 2 });
    assert.deepEqual(stats([null]), { count: 0, mean: null, median: null });
  });
});

describe('aggregate', () => {
  const incidents = [
    // TTD 4, TTR 47.
    incident('docs/postmortems/a-user-service.md', 'SEV2', '2026-03-15', [
      '- 14:28 first errors',
      '- 14:32 alert fired',
      '- 15:19 resolved',
    ]),
    // TTD 2, TTR 23.
    incident('docs/postmortems/b-payment-service.md', 'SEV1', '2026-03-20', [
      '- 09:12 first errors',
      '- 09:14 alert fired',
      '- 09:37 resolved',
    ]),
    // TTD 10, no resolution.
    incident('docs/postmortems/c-user-service.md', 'SEV2', '2026-04-02', [
      '- 10:00 first errors',
      '- 10:10 alert fired',
    ]),
    // Undated, no severity the scale knows, no timed events.
    incident('docs/postmortems/d.md', 'High', undefined, ['- errors began']),
  ];

  it('counts by severity (most severe first) and by month (undated last)', () => {
    const a = aggregate(incidents);
    assert.deepEqual(a.bySeverity, { SEV1: 1, SEV2: 2, High: 1 });
    assert.deepEqual(a.byMonth, { '2026-03': 2, '2026-04': 1, '(undated)': 1 });
    assert.equal(a.incidents, 4);
    assert.equal(a.openActionItems, 4);
  });

  it('averages time to detect and recover over the incidents that have them', () => {
    const a = aggregate(incidents);
    // TTD 4, 2, 10: mean 5.3, median 4. TTR 47, 23: mean 35, median 35.
    assert.deepEqual(a.timeToDetect, { count: 3, mean: 5.3, median: 4 });
    assert.deepEqual(a.timeToRecover, { count: 2, mean: 35, median: 35 });
  });

  it('groups per service when told the services of each incident', () => {
    const a = aggregate(incidents, (i) =>
      i.path.includes('user-service') ? ['user-service'] : i.path.includes('payment') ? ['payment-service'] : [],
    );
    assert.deepEqual(Object.keys(a.byService), ['payment-service', 'user-service']);
    assert.deepEqual(a.byService['user-service'].timeToDetect, { count: 2, mean: 7, median: 7 });
    assert.equal(a.byService['payment-service'].incidents, 1);
  });
});

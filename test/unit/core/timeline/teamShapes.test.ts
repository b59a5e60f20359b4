import * as assert from 'node:assert/strict';
import { computeMetrics } from '../../../../src/core/metrics/metrics';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { readIncident } from '../../../../src/core/postmortem/model';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import { parseTimelines, batchedHoldoutDraw, holdoutDraw, HOLDOUT_SEED } from '../../../judged/timelines';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const agent = findProfile('agent') as Profile;

/** Time to detect and to recover of a small postmortem with `timeline` under `## Timeline`. */
function measures(timeline: string, date = '2026-03-02'): [number | null, number | null] {
  const text = `# X\n\n**Date:** ${date}\n\n## Summary\n\nS.\n\n## Timeline\n\n${timeline}\n`;
  const m = computeMetrics(readIncident(parseMarkdown(text), 'postmortem', agent).timeline);
  return [m.timeToDetect.minutes, m.timeToRecover.minutes];
}

describe('timelines as teams write them (issue #17)', () => {
  const cases: ReadonlyArray<[string, string, string, [number | null, number | null]]> = [
    [
      'ET follows daylight saving by the date (July: EDT)',
      '2026-07-08',
      '- 13:50 UTC — users see timeouts\n- 14:02 UTC — latency alert fires\n- 10:30 ET — reindex job killed\n- 10:42 ET — latency back under 300 ms; service back to normal',
      [12, 40],
    ],
    [
      'ET in January is EST',
      '2026-01-12',
      '- 14:05 UTC: export job fails; files not delivered\n- 09:40 ET: customer success reports missing files\n- 10:30 ET: export re-run\n- 10:45 ET: files delivered; incident resolved',
      [35, 65],
    ],
    [
      'PT in March after the change is PDT',
      '2026-03-20',
      '- 16:55 UTC — order writes begin timing out\n- 17:02 UTC — latency alert pages on-call\n- 10:20 PT — VM migrated off the host\n- 10:26 PT — order write latency normal',
      [7, 24],
    ],
    [
      'a user report on social media is the detection, not the later page',
      '2026-11-27',
      '- 10:09 AM — page starts returning 503s\n- 10:16 AM — Customers report on social media that the page is down\n- 10:24 AM — On-call paged\n- 10:51 AM — page serving normally again',
      [7, 35],
    ],
    [
      'a banner posted hours later is neither detection nor recovery',
      '2026-09-22',
      '- 06:12 UTC — provider starts rejecting charges\n- 06:14 UTC — monitor triggers; on-call paged\n- 06:40 UTC — traffic switched to the secondary\n- 06:44 UTC — charges succeeding again\n- 09:55 UTC — status page banner posted',
      [2, 30],
    ],
    [
      'a fix that restores a thing is followed by the recovery',
      '2026-05-20',
      '- 23:55 — calls start failing with handshake errors\n- 00:20 — alarm fires; on-call paged\n- 01:05 — previous certificates restored on the hosts\n- 01:15 — calls healthy again',
      [25, 55],
    ],
    [
      'an impact event is the start before a change that begins',
      '2026-06-16',
      '- T+0m: firmware update begins\n- T+3m: VMs lose their disks; workloads crash\n- T+9m: alarms page the on-call\n- T+48m: workloads back',
      [6, 39],
    ],
    [
      "an entry dated the 20th among the 2nd's does not move the ones after it",
      '2026-11-02',
      '- 2026-11-02 08:10 UTC: relay starts deferring messages\n- 2026-11-02 08:25 UTC: queue alarm pages on-call\n- 2026-11-20 08:40 UTC: cause found\n- 2026-11-02 09:05 UTC: relay restarted\n- 2026-11-02 09:30 UTC: mail flowing normally',
      [15, 65],
    ],
    [
      '"put back" and "rolled back" are changes, not the recovery',
      '2026-10-13',
      '- 08:34 UTC: error rate rises to 20%\n- 08:36 UTC: error-rate alert fires\n- 08:50 UTC: node 3 put back',
      [2, null],
    ],
  ];
  for (const [name, date, timeline, expected] of cases) {
    it(name, () => assert.deepEqual(measures(timeline, date), expected));
  }

  it('the timeline set parses, and its hold-out is the seeded draw of each batch written in it', () => {
    const file = path.resolve(__dirname, '../../../../..', 'test', 'judged', 'timelines', 'timelines.yaml');
    const set = parseTimelines(readFileSync(file, 'utf8'));
    assert.deepEqual(set.errors, []);
    assert.ok(set.timelines.length >= 55);
    const ids = set.timelines.map((t) => t.id);
    assert.deepEqual([...set.holdout].sort(), batchedHoldoutDraw(ids, set.batches, HOLDOUT_SEED));
    // The first batch's hold-out is the one drawn before the second batch was written: adding timelines moved none of it.
    assert.deepEqual(holdoutDraw(ids.slice(0, 45), HOLDOUT_SEED, 9), [
      't05',
      't13',
      't16',
      't22',
      't26',
      't27',
      't30',
      't32',
      't41',
    ]);
    // Still a fifth of the whole set.
    assert.equal(set.holdout.length, Math.round(set.timelines.length / 5));
  });
});

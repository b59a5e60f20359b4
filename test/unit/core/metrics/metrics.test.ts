import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { summarizeIncident } from '../../../../src/core/incident/summary';
import { computeMetrics, formatMinutes, type IncidentMetrics } from '../../../../src/core/metrics';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import { CLEAN_POSTMORTEM } from '../../../fixtures/documents';

const harness = findProfile('harness') as Profile;
const FIXTURES = path.resolve(__dirname, '../../../../..', 'test', 'fixtures', 'timelines');

function metricsOf(text: string, file = 'docs/postmortems/x.md'): IncidentMetrics {
  return summarizeIncident({ path: file, text, profile: harness }).metrics;
}

/** The four measures as [TTD, TTM, TTR, duration], null where not computable. */
function values(m: IncidentMetrics): Array<number | null> {
  return [m.timeToDetect.minutes, m.timeToMitigate.minutes, m.timeToRecover.minutes, m.duration.minutes];
}

function timeline(lines: string[], date?: string): string {
  return `# Incident\n\n${date ? `**Date:** ${date}\n\n` : ''}## Timeline\n${lines.join('\n')}\n`;
}

describe('computeMetrics', () => {
  it('follows seed 000: 14:28 → 14:32 is 4 minutes to detect, 14:32 → 15:19 is 47 to recover, 51 in all', () => {
    const m = metricsOf(CLEAN_POSTMORTEM);
    assert.deepEqual(values(m), [4, 8, 47, 51]);
    assert.deepEqual([m.timeToDetect.from?.entry.timeText, m.timeToDetect.to?.entry.timeText], ['14:28', '14:32']);
    assert.deepEqual(m.notes, []);
  });

  const cases: Array<[string, Array<number | null>]> = [
    // 22:52 → 23:05 PST, 23:05 → 23:31, 23:05 → 00:10 next day, 22:52 → 00:10.
    ['table-date-time-columns.md', [13, 26, 65, 78]],
    // 23:40 → 23:58 UTC, 23:58 → 00:15, 23:58 → 10:30 next day (10 h 32 min), 23:40 → 10:30 (10 h 50 min).
    ['list-dual-zones.md', [18, 17, 632, 650]],
    // 13:20 → 16:04 PST, 16:04 → 16:40, 16:04 → 07:00 next day (14 h 56 min), 13:20 → 07:00 (17 h 40 min).
    ['brackets-past-midnight.md', [164, 36, 896, 1060]],
    // 4:49 → 7:18 AM, 7:18 → 8:12, 7:18 → 8:27, 4:49 → 8:27.
    ['twelve-hour-date-lines.md', [149, 54, 69, 218]],
    // 18:45 → 19:00 CDT, 19:00 → 19:30, 19:00 → 19:46, 18:45 → 19:46.
    ['heading-per-event.md', [15, 30, 46, 61]],
    // 2026-10-20 23:55 → 10-21 01:38, 01:38 → 02:03, 01:38 → 02:06, 23:55 → 02:06.
    ['bold-entries-note-date.md', [103, 25, 28, 131]],
    // 09:12 → 09:14, 09:14 → 09:24 (marked, not the 09:20 rollback), 09:14 → 09:37, 09:12 → 09:37.
    ['bold-paragraphs-markers.md', [2, 10, 23, 25]],
    // Start and detection are the same event (the alert shows the impact); errors drop to zero with the revert.
    ['iana-zone-note.md', [0, 25, 25, 25]],
  ];
  for (const [file, expected] of cases) {
    it(`computes ${expected.map((v) => (v === null ? '—' : v)).join(' / ')} minutes for ${file}`, () => {
      assert.deepEqual(values(metricsOf(readFileSync(path.join(FIXTURES, file), 'utf8'))), expected);
    });
  }

  it('says why a measure is null and that the start was taken as the first event', () => {
    const m = metricsOf(timeline(['- 13:59 Queue depth grows', '- 14:10 Deploy paused while we look'], '2026-03-15'));
    assert.equal(m.timeToDetect.reason, 'no detection event in the timeline');
    assert.deepEqual(m.notes, [
      'No event says when the incident started, so the first timed event (13:59) is taken as the start.',
    ]);
  });

  it('marks a measure from an approximate time as approximate', () => {
    const m = metricsOf(timeline(['- ~14:28 first errors', '- 14:32 alert fired'], '2026-03-15'));
    assert.deepEqual([m.timeToDetect.minutes, m.timeToDetect.approximate], [4, true]);
  });

  it('does not guess across a dated and an undated time', () => {
    const m = metricsOf(timeline(['- 23:50 first errors', '- 2026-03-16 00:10 alert fired']));
    assert.equal(m.timeToDetect.minutes, null);
    assert.equal(m.timeToDetect.reason, 'the detection time has a date and the start time has none');
  });

  it('does not guess when only one time names a zone other than UTC', () => {
    const pst = metricsOf(timeline(['- 14:28 first errors', '- 14:32 PST alert fired'], '2026-03-15'));
    assert.equal(pst.timeToDetect.reason, 'the detection time names a time zone (PST) and the start time does not');
    const utc = metricsOf(timeline(['- 14:28 first errors', '- 14:32 UTC alert fired'], '2026-03-15'));
    assert.equal(utc.timeToDetect.minutes, 4);
  });

  it('gives null, not a negative number, when an end is before its start', () => {
    const m = metricsOf(timeline(['- 14:40 [start] errors', '- 14:32 [detection] alert fired'], '2026-03-15'));
    assert.equal(m.timeToDetect.minutes, null);
    assert.equal(m.timeToDetect.reason, 'the detection event (14:32) is earlier than the start event (14:40)');
  });

  it('says when there is no timeline or no timed event', () => {
    assert.equal(computeMetrics(undefined).duration.reason, 'the document has no timeline');
    assert.equal(
      metricsOf(timeline(['- errors began', '- fixed'])).timeToDetect.reason,
      'the timeline has no timed events',
    );
  });

  it('dates the timeline from the file name when the document states no date', () => {
    const text = timeline(['- 23:50 first errors', '- 00:10 alert fired']);
    const summary = summarizeIncident({ path: 'docs/postmortems/2026-04-02-queue.md', text, profile: harness });
    assert.deepEqual(summary.date, { year: 2026, month: 4, day: 2 });
    assert.equal(summary.metrics.timeToDetect.from?.entry.minutes, Date.UTC(2026, 3, 2, 23, 50) / 60_000);
    assert.equal(summary.metrics.timeToDetect.minutes, 20);
  });
});

describe('summarizeIncident', () => {
  it('reads the title without its prefix, the severity and the action items', () => {
    const s = summarizeIncident({
      path: 'docs/postmortems/2026-03-15-checkout.md',
      text: CLEAN_POSTMORTEM.replace('| P1 | 2026-03-22 | Open |', '| P0 | 2026-03-22 | Done |'),
      profile: harness,
    });
    assert.deepEqual(
      { title: s.title, severity: s.severity, rank: s.severityRank, actions: s.actionItemCounts },
      { title: 'Checkout latency', severity: 'SEV2', rank: 1, actions: { total: 2, open: 1, done: 1, p0: 1 } },
    );
  });
});

describe('formatMinutes', () => {
  it('shows minutes, hours and days, and one decimal for fractions', () => {
    assert.deepEqual([0, 47, 60, 632, 1440, 1501, 20.4, -3.4, 43.2].map(formatMinutes), [
      '0 min',
      '47 min',
      '1 h',
      '10 h 32 min',
      '1 d',
      '1 d 1 h 1 min',
      '20.4 min',
      '-3.4 min',
      '43.2 min',
    ]);
  });
});

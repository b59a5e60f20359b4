// PM021 reads the status updates with the timeline reader PM009, PM010 and the metrics use (issue #17: one definition of a time).
import * as assert from 'node:assert/strict';
import { lintText } from '../../../../src/core/lint/lint';
import { findProfile, type Profile } from '../../../../src/core/profiles';

const heaptrace = findProfile('heaptrace') as Profile;

/** PM021's findings on a SEV-2 record (heaptrace: first status within 5 minutes, then every 15), as `line message`. */
function pm021(timeline: string, updates: string, date = '**Date:** 2026-05-04\n'): string[] {
  const text = `# Incident: Search returns stale results\n\n${date}**Severity:** SEV-2\n\n## Timeline\n${timeline}\n\n## Status Updates\n${updates}\n`;
  return lintText(text, 'incident', heaptrace)
    .findings.filter((f) => f.ruleId === 'PM021')
    .map((f) => `${f.range.start.line + 1} ${f.message}`);
}

const TIMELINE = '- 09:00 UTC: search index stops refreshing\n- 09:10 UTC: freshness alert pages the on-call';

describe('PM021 status-update-cadence on the one timeline reader', () => {
  it('reads 12-hour times, HHMM times and times in code spans as the timeline does', () => {
    // All on time: 09:12, 09:25, 09:40 UTC written three ways.
    assert.deepEqual(pm021(TIMELINE, '- 9:12 AM UTC Investigating\n- 0925: Identified\n- `09:40 UTC` Monitoring'), []);
    // The old HH:MM-only patterns saw no 12-hour or four-digit time, so this gap went unreported.
    assert.deepEqual(pm021(TIMELINE, '- 9:12 AM UTC Investigating\n- 1005: Identified'), [
      '12 The status updates at 09:12 and 10:05 are 53 minutes apart; a SEV-2 incident updates stakeholders every 15 minutes while it is open (list the updates sent in between).',
    ]);
  });

  it('compares updates and the detection in UTC when they are written in different zones', () => {
    // The alert at 09:10 UTC; the first update at 02:14 PDT = 09:14 UTC: within 5 minutes, so nothing to report.
    assert.deepEqual(pm021(TIMELINE, '- 02:14 PDT Investigating\n- 02:28 PDT Identified'), []);
    // 02:20 PDT = 09:20 UTC, ten minutes after the alert.
    assert.deepEqual(pm021(TIMELINE, '- 02:20 PDT Investigating\n- 02:30 PDT Identified'), [
      '11 The first status update, at 02:20 PDT, is 10 minutes after the detection at 09:10 UTC; a SEV-2 incident posts its first status within 5 minutes of detection.',
    ]);
  });

  it('reads the INCIDENT UPDATE messages by their time, with a zone or in brackets', () => {
    assert.deepEqual(
      pm021(
        TIMELINE,
        'INCIDENT UPDATE — 09:13 UTC\nStatus: Investigating\n\nINCIDENT RESOLVED — [09:50 UTC]\nAll clear.',
      ),
      [
        '14 The status updates at 09:13 and 09:50 are 37 minutes apart; a SEV-2 incident updates stakeholders every 15 minutes while it is open (list the updates sent in between).',
      ],
    );
  });

  it('runs past midnight on an undated record, and across dates on a dated one', () => {
    const late = '- 23:40 UTC: queue stops draining\n- 23:50 UTC: backlog alert pages the on-call';
    assert.deepEqual(pm021(late, '- 23:53 Investigating\n- 00:06 Identified\n- 00:20 Monitoring', ''), []);
    assert.deepEqual(pm021(late, '- 23:53 Investigating\n- 00:30 Identified', ''), [
      '11 The status updates at 23:53 and 00:30 are 37 minutes apart; a SEV-2 incident updates stakeholders every 15 minutes while it is open (list the updates sent in between).',
    ]);
    // Dated updates a day apart are a day apart, not a few minutes.
    assert.deepEqual(pm021(TIMELINE, '- 2026-05-04 09:12 Investigating\n- 2026-05-05 09:20 Identified').length, 1);
  });

  it("takes the timeline's update events at their time, whatever shape the time is written in", () => {
    const timeline = `${TIMELINE}\n- 9:13 AM UTC: status update posted to #search\n- 10:02 AM UTC: status page updated`;
    assert.deepEqual(pm021(timeline, ''), [
      '10 The status updates at 09:13 and 10:02 are 49 minutes apart; a SEV-2 incident updates stakeholders every 15 minutes while it is open (list the updates sent in between).',
    ]);
  });
});

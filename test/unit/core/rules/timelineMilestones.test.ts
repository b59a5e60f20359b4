import * as assert from 'node:assert/strict';
import { summarizeIncident } from '../../../../src/core/incident/summary';
import { lintText } from '../../../../src/core/lint/lint';
import { findProfile, type Profile } from '../../../../src/core/profiles';

const harness = findProfile('harness') as Profile;

/** PM010's messages on a postmortem with this timeline. */
function pm010(lines: string[]): string[] {
  const text = `# Incident\n\n**Date:** 2026-02-02\n\n## Timeline\n${lines.join('\n')}\n`;
  return lintText(text, 'postmortem', harness)
    .findings.filter((f) => f.ruleId === 'PM010')
    .map((f) => f.message);
}

describe('PM010 timeline-milestones', () => {
  it('says the times could not be read, quoting a line, when entries have times it cannot read', () => {
    assert.deepEqual(pm010(['- [??:??] lag grows', '- [??:??] alert fires', '- [??:??] resolved']), [
      'The timeline\'s times could not be read (line 6: "- [??:??] lag grows"); write each event\'s time as 14:32, 2:32 PM or 2026-03-15 14:32, with its zone, so time to detect and time to recover can be computed.',
    ]);
  });

  it('reads the time shapes teams write and finds every milestone in them', () => {
    assert.deepEqual(
      pm010([
        '| When | What |',
        '|---|---|',
        '| Jan 14, 10:09 AM | Login errors start |',
        '| Jan 14, 10:18 AM | On-call paged |',
        '| Jan 14, 10:31 AM | Rolled back |',
        '| Jan 14, 10:44 AM | Resolved |',
      ]),
      [],
    );
    assert.deepEqual(
      pm010([
        '- 2026-02-02 1625: queue errors start',
        '- 2026-02-02 1710: alert fires',
        '- 2026-02-02 1742: workers restarted',
        '- 2026-02-02 1805: resolved',
      ]),
      [],
    );
    assert.deepEqual(
      pm010(['- T+0 – errors start', '- T+4m – alert fires', '- T+15m – failed over', '- T+1h – resolved']),
      [],
    );
  });

  it('does not ask for a mitigation when the recovery event was itself the fix', () => {
    assert.deepEqual(
      pm010([
        '- 12:15 production deployed',
        '- 19:00 TLS alerts fire',
        '- 19:30 certificates corrected on the load balancers; services restored',
      ]),
      [],
    );
  });

  it('still names a missing resolution', () => {
    assert.deepEqual(pm010(['- 09:00 errors start', '- 09:05 alert fires', '- 09:20 rolled back']), [
      "The timeline has no resolution event, so time to recover and duration cannot be computed; add the event with its time (see the rule's page for the words it looks for).",
    ]);
  });

  it('names only the measures a missing event takes away, as the index computes the others', () => {
    const text =
      '# Incident\n\n**Date:** 2026-02-02\n\n## Timeline\n- 14:00 UTC errors began\n- 14:10 UTC alert fired\n- 14:40 UTC resolved\n';
    assert.deepEqual(pm010(['- 14:00 UTC errors began', '- 14:10 UTC alert fired', '- 14:40 UTC resolved']), [
      "The timeline has no mitigation event, so time to mitigate cannot be computed; add the event with its time (see the rule's page for the words it looks for).",
    ]);
    const metrics = summarizeIncident({ path: 'docs/postmortems/x.md', text, profile: harness }).metrics;
    assert.deepEqual(
      [metrics.timeToDetect.minutes, metrics.timeToMitigate.minutes, metrics.timeToRecover.minutes],
      [10, null, 30],
    );
  });
});

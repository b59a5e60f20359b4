import * as assert from 'node:assert/strict';
import { lintText } from '../../../../src/core/lint/lint';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import { inOrderRun } from '../../../../src/core/rules/timelineOrder';

const harness = findProfile('harness') as Profile;

/** PM009's findings on a postmortem with this timeline, as `line message` (1-based lines). */
function pm009(lines: string[], date = '2026-02-02'): string[] {
  const text = `# Incident\n\n**Date:** ${date}\n\n## Timeline\n${lines.join('\n')}\n`;
  return lintText(text, 'postmortem', harness)
    .findings.filter((f) => f.ruleId === 'PM009')
    .map((f) => `${f.range.start.line + 1} ${f.message}`);
}

describe('PM009 timeline-order', () => {
  it('reports a four-digit time listed before an earlier one ("2309" before "1432")', () => {
    assert.deepEqual(pm009(['- 1410: deploy', '- 2309: alert fired', '- 1432: rolled back', '- 1450: resolved']), [
      '7 Timeline event at 2309 is listed before the event at 1432 (line 8) but happened later; keep the timeline in time order.',
    ]);
  });

  it("reports the one entry from another day among a day's entries, not every entry after it", () => {
    assert.deepEqual(
      pm009([
        '- 2026-02-02 1600: errors start',
        '- 2026-02-20 1610: alert fired',
        '- 2026-02-02 1625: rolled back',
        '- 2026-02-02 1700: resolved',
      ]),
      [
        '7 Timeline event at 1610 is listed before the event at 1625 (line 8) but happened later (on 2026-02-20, after 2026-02-02); keep the timeline in time order.',
      ],
    );
  });

  it('reports a block under a mistaken date once, counting the events after it', () => {
    assert.deepEqual(
      pm009([
        '- 2026-06-28 13:59 alert',
        '- 2026-06-28 14:02 alert again',
        '- 2026-06-28 14:09 alert again',
        '- 2026-06-11 14:15 confirmed',
        '- 2026-06-11 14:24 reverted',
      ]),
      [
        '9 Timeline event at 14:15 is listed after the event at 14:09 (line 8) but happened earlier (on 2026-06-11, before 2026-06-28); so is the event listed right after it; keep the timeline in time order.',
      ],
    );
    assert.deepEqual(
      pm009([
        '- 2026-06-28 13:59 alert',
        '- 2026-06-28 14:09 alert again',
        '- 2026-06-11 14:15 confirmed',
        '- 2026-06-11 14:24 reverted',
        '- 2026-06-12 17:05 fixed',
      ]).length,
      1,
    );
  });

  it('does not fire across a midnight rollover, a new date heading or a weekday heading', () => {
    assert.deepEqual(pm009(['- 2250 errors start', '- 2340 alert fired', '- 0010 rolled back', '- 0130 resolved']), []);
    assert.deepEqual(
      pm009([
        '**2026-02-02**',
        '',
        '- 23:10 errors start',
        '',
        '**2026-02-03**',
        '',
        '- 00:05 alert fired',
        '- 09:00 resolved',
      ]),
      [],
    );
    assert.deepEqual(
      pm009(['### Friday', '- 22:00 errors start', '### Saturday', '- 08:00 alert fired', '- 09:00 resolved']),
      [],
    );
  });

  it('names days without a year as written ("Jan 14")', () => {
    const text =
      '# Incident\n\n## Timeline\n| When | What |\n|---|---|\n| Jan 15, 9:00 AM | alert |\n| Jan 14, 9:30 AM | rollback |\n';
    const found = lintText(text, 'postmortem', harness)
      .findings.filter((f) => f.ruleId === 'PM009')
      .map((f) => f.message);
    assert.deepEqual(found, [
      'Timeline event at 9:30 AM is listed after the event at 9:00 AM (line 6) but happened earlier (on Jan 14, before Jan 15); keep the timeline in time order.',
    ]);
  });
});

describe('inOrderRun', () => {
  it('keeps the longest run in time order, preferring the events listed first', () => {
    assert.deepEqual([...inOrderRun([1, 5, 3, 4, 6])], [0, 2, 3, 4]);
    assert.deepEqual([...inOrderRun([1, 3, 2, 4])], [0, 1, 3]);
    assert.deepEqual([...inOrderRun([9, 1, 2, 3])], [1, 2, 3]);
    assert.deepEqual([...inOrderRun([2, 2, 1])], [0, 1]);
  });
});

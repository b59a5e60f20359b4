import * as assert from 'node:assert/strict';
import {
  byTime,
  inWindow,
  isoSecond,
  parseWindowBound,
  type ImportedEvent,
} from '../../../../../src/core/timeline/import';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('parseWindowBound', () => {
  it('reads a date as the whole day: from its start, or until its last millisecond', () => {
    assert.equal(iso(parseWindowBound('2026-03-15', 'since')), '2026-03-15T00:00:00.000Z');
    assert.equal(iso(parseWindowBound('2026-03-15', 'until')), '2026-03-15T23:59:59.999Z');
  });
  it('reads a date and time in UTC unless a zone is written; an end at a minute includes that minute', () => {
    assert.equal(iso(parseWindowBound('2026-03-15T14:00', 'since')), '2026-03-15T14:00:00.000Z');
    assert.equal(iso(parseWindowBound('2026-03-15 14:00', 'until')), '2026-03-15T14:00:59.999Z');
    assert.equal(iso(parseWindowBound('2026-03-15T14:00:30+02:00', 'until')), '2026-03-15T12:00:30.000Z');
    assert.equal(iso(parseWindowBound('2026-03-15T14:00Z', 'since')), '2026-03-15T14:00:00.000Z');
    assert.equal(iso(parseWindowBound('2026-03-15T01:30-0530', 'since')), '2026-03-15T07:00:00.000Z');
  });
  it('refuses what is not a real date or time', () => {
    for (const bad of ['2026-02-30', '2026-03-15T24:00', '2026-03-15T12:60', 'yesterday', '15/03/2026', '']) {
      assert.equal(parseWindowBound(bad, 'since'), undefined, bad);
    }
  });
});

describe('events', () => {
  it('writes times to the second in UTC, and keeps both ends of a window', () => {
    assert.equal(isoSecond(Date.parse('2026-03-15T14:32:05.900Z')), '2026-03-15T14:32:05Z');
    const at = Date.parse('2026-03-15T14:00:00Z');
    assert.deepEqual(
      [
        inWindow(at, { since: at, until: at }),
        inWindow(at, { since: at + 1 }),
        inWindow(at, { until: at - 1 }),
        inWindow(at, {}),
      ],
      [true, false, false, true],
    );
  });
  it('sorts by time, keeping the order of events at the same time', () => {
    const e = (at: number, text: string): ImportedEvent => ({
      at,
      text,
      source: 'slack',
      author: null,
      milestone: null,
    });
    assert.deepEqual(
      byTime([e(2, 'b'), e(1, 'a'), e(2, 'c'), e(0, 'z')]).map((x) => x.text),
      ['z', 'a', 'b', 'c'],
    );
  });
});

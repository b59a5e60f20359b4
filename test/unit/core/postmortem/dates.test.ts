import * as assert from 'node:assert/strict';
import { parseDate } from '../../../../src/core/postmortem/dates';

describe('parseDate', () => {
  it('reads full dates with or without a year given', () => {
    assert.deepEqual(parseDate('2026-03-30'), { year: 2026, month: 3, day: 30 });
    assert.deepEqual(parseDate('March 30, 2026', 2025), { year: 2026, month: 3, day: 30 });
  });

  it('reads a date without a year ("Mar 30", as seed 004 writes due dates) in the year it is given', () => {
    assert.deepEqual(parseDate('Mar 30', 2026), { year: 2026, month: 3, day: 30 });
    assert.deepEqual(parseDate('March 30th', 2026), { year: 2026, month: 3, day: 30 });
    assert.deepEqual(parseDate('30 Mar.', 2026), { year: 2026, month: 3, day: 30 });
  });

  it('leaves a yearless date unread without a year, and rejects an impossible day in that year', () => {
    assert.equal(parseDate('Mar 30'), undefined);
    assert.equal(parseDate('Feb 29', 2026), 'invalid');
    assert.deepEqual(parseDate('Feb 29', 2028), { year: 2028, month: 2, day: 29 });
    assert.equal(parseDate('Sprint 30', 2026), undefined);
  });
});

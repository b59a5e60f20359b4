import * as assert from 'node:assert/strict';
import {
  checkWindow,
  formatWindowTime,
  incidentServices,
  parseWindowTime,
  suggestWindow,
  windowHints,
} from '../../../../src/core/git';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { summarizeIncident } from '../../../../src/core/incident/summary';
import { findProfile, type Profile } from '../../../../src/core/profiles';

const harness = findProfile('harness') as Profile;
const iso = (d: Date) => d.toISOString();
const model = (text: string, path = 'docs/postmortems/x.md') =>
  summarizeIncident({ path, doc: parseMarkdown(text), profile: harness, kind: 'postmortem' });

describe('parseWindowTime', () => {
  it('reads a date and time as UTC', () => {
    const r = parseWindowTime('2026-03-15 14:30', 'start');
    assert.ok(r.ok);
    assert.equal(iso(r.date), '2026-03-15T14:30:00.000Z');
  });

  it('reads ISO forms, UTC marks and offsets', () => {
    const read = (text: string) => {
      const r = parseWindowTime(text, 'start');
      return r.ok ? iso(r.date) : r.message;
    };
    assert.equal(read('2026-03-15T14:30:05Z'), '2026-03-15T14:30:05.000Z');
    assert.equal(read('2026-03-15 14:30 UTC'), '2026-03-15T14:30:00.000Z');
    assert.equal(read(' 2026-03-15 16:30 +02:00 '), '2026-03-15T14:30:00.000Z');
    assert.equal(read('2026-03-15 09:30 -0500'), '2026-03-15T14:30:00.000Z');
    assert.equal(read('2026-03-15'), '2026-03-15T00:00:00.000Z');
  });

  it('makes an end written to the day or the minute include all of it', () => {
    const end = (text: string) => {
      const r = parseWindowTime(text, 'end');
      return r.ok ? iso(r.date) : r.message;
    };
    assert.equal(end('2026-03-15'), '2026-03-15T23:59:59.999Z');
    assert.equal(end('2026-03-15 14:30'), '2026-03-15T14:30:59.999Z');
    assert.equal(end('2026-03-15 14:30:05'), '2026-03-15T14:30:05.999Z');
  });

  it('explains what is wrong with an unreadable or impossible time', () => {
    const message = (text: string) => {
      const r = parseWindowTime(text, 'start');
      return r.ok ? iso(r.date) : r.message;
    };
    assert.equal(
      message('yesterday'),
      'Not a date and time. Write YYYY-MM-DD HH:MM (UTC unless followed by an offset such as +02:00), e.g. 2026-03-15 14:30.',
    );
    assert.equal(message('2026-02-30'), '2026-02-30 is not a date on the calendar.');
    assert.equal(message('2026-03-15 24:00'), '24:00 is not a time of day.');
    assert.equal(message('2026-03-15 10:00 +15:00'), '+15:00 is not an offset from UTC (between -14:00 and +14:00).');
    assert.equal(
      message(''),
      'Not a date and time. Write YYYY-MM-DD HH:MM (UTC unless followed by an offset such as +02:00), e.g. 2026-03-15 14:30.',
    );
  });

  it('reads back what formatWindowTime writes', () => {
    const d = new Date('2026-03-15T14:30:00Z');
    assert.equal(formatWindowTime(d), '2026-03-15 14:30 UTC');
    const r = parseWindowTime(formatWindowTime(d), 'start');
    assert.ok(r.ok && r.date.getTime() === d.getTime());
  });
});

describe('checkWindow', () => {
  it('accepts a window whose end is not before its start, and explains one that is', () => {
    const t = new Date('2026-03-15T00:00:00Z');
    assert.equal(checkWindow({ since: t, until: t }), undefined);
    assert.equal(
      checkWindow({ since: t, until: new Date('2026-03-14T00:00:00Z') }),
      'The end (2026-03-14 00:00 UTC) is before the start (2026-03-15 00:00 UTC).',
    );
    assert.equal(checkWindow({ since: new Date('x'), until: t }), 'The window needs a valid start and end.');
  });
});

describe('suggestWindow', () => {
  const now = new Date('2026-03-20T12:34:56Z');

  it('runs from 24 hours before the first dated timeline entry to an hour after the last', () => {
    const minutes = (s: string) => Date.parse(s) / 60_000;
    const w = suggestWindow(
      {
        timeline: [
          { minutes: minutes('2026-03-15T14:32:00Z'), dated: true },
          { minutes: 5, dated: false },
          { minutes: minutes('2026-03-15T16:10:00Z'), dated: true },
        ],
      },
      now,
    );
    assert.equal(w.source, 'timeline');
    assert.equal(iso(w.since), '2026-03-14T14:32:00.000Z');
    assert.equal(iso(w.until), '2026-03-15T17:10:00.000Z');
  });

  it('covers the day before the incident date through the end of that day without a dated timeline', () => {
    const w = suggestWindow(
      { date: { year: 2026, month: 3, day: 15 }, timeline: [{ minutes: 30, dated: false }] },
      now,
    );
    assert.equal(w.source, 'date');
    assert.equal(iso(w.since), '2026-03-14T00:00:00.000Z');
    assert.equal(formatWindowTime(w.until), '2026-03-15 23:59 UTC');
    assert.equal(w.explanation, 'The day before the incident date 2026-03-15 through the end of that day (UTC).');
  });

  it('falls back to the last 48 hours, to the minute', () => {
    const w = suggestWindow({}, now);
    assert.equal(w.source, 'recent');
    assert.equal(iso(w.since), '2026-03-18T12:34:00.000Z');
    assert.equal(iso(w.until), '2026-03-20T12:34:00.000Z');
  });

  it('takes the date and the timeline from an incident document', () => {
    const doc = model(
      [
        '# Postmortem: Payments outage',
        '',
        '**Date:** 2026-03-15',
        '**Services:** payments-api, `checkout` and Ledger (read path); <service>',
        '',
        '## Timeline',
        '',
        '| Time (UTC) | Event |',
        '|---|---|',
        '| 14:32 | Alert fired |',
        '| 15:05 | Rolled back |',
        '',
      ].join('\n'),
    );
    const w = suggestWindow(windowHints(doc), now);
    assert.equal(w.source, 'timeline');
    assert.equal(iso(w.since), '2026-03-14T14:32:00.000Z');
    assert.equal(iso(w.until), '2026-03-15T16:05:00.000Z');
    assert.deepEqual(incidentServices(doc), ['payments-api', 'checkout', 'Ledger']);
  });

  it('uses the date field when the document has no timeline, and finds no services when none are named', () => {
    const doc = model('# Postmortem\n\nDate: 2026-03-15\n\n## Summary\n\nText.\n');
    const w = suggestWindow(windowHints(doc), now);
    assert.equal(w.source, 'date');
    assert.deepEqual(incidentServices(doc), []);
  });

  it('takes the date from the file name when the document states none, as the trees and the index do', () => {
    const doc = model('# Postmortem\n\n## Summary\n\nText.\n', 'docs/postmortems/2026-03-15-checkout.md');
    const w = suggestWindow(windowHints(doc), now);
    assert.equal(w.source, 'date');
    assert.equal(iso(w.since).slice(0, 10), '2026-03-14');
  });
});

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { readIncident } from '../../../../src/core/postmortem/model';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import {
  parseEntry,
  readTimeline,
  unreadTimeLines,
  zoneIn,
  type TimelineEntry,
} from '../../../../src/core/timeline/timeline';
import { zoneAt, zoneAtStart } from '../../../../src/core/timeline/zones';

const harness = findProfile('harness') as Profile;
const FIXTURES = path.resolve(__dirname, '../../../../..', 'test', 'fixtures', 'timelines');

/** The timeline of a document as read by the postmortem model (its Date field dates it). */
function timelineOf(text: string): TimelineEntry[] {
  return [...(readIncident(parseMarkdown(text), 'postmortem', harness).timeline ?? [])];
}

/** The entries of a timeline section with this body, in a document without a date. */
function entriesOf(body: string): TimelineEntry[] {
  return timelineOf(`# Incident\n\n## Timeline\n${body}\n`);
}

function fixture(name: string): TimelineEntry[] {
  return timelineOf(readFileSync(path.join(FIXTURES, name), 'utf8'));
}

/** An entry as `line UTC-time [time as written] zone text` (1-based line; `-` for no time, `±` for undated). */
function show(e: TimelineEntry): string {
  const when =
    e.minutes === undefined
      ? '-'
      : e.dated
        ? new Date(e.minutes * 60_000).toISOString().slice(0, 16).replace('T', ' ')
        : `±${Math.floor(e.minutes / 1440)}d ${new Date(e.minutes * 60_000).toISOString().slice(11, 16)}`;
  return `${e.line + 1} ${when} [${e.timeText}]${e.zone ? ` ${e.zone}` : ''}${e.approximate ? ' ~' : ''} ${e.text}`;
}

describe('readTimeline', () => {
  describe('real-world shapes', () => {
    it('reads a table with separate Date and Time (PST) columns in UTC', () => {
      assert.deepEqual(fixture('table-date-time-columns.md').map(show), [
        '13 2026-02-04 06:40 [22:40] PST Nightly index swap job runs',
        '14 2026-02-04 06:52 [22:52] PST First errors: empty result pages served to shoppers',
        '15 2026-02-04 07:05 [23:05] PST Search availability alert fires and pages on-call',
        '16 2026-02-04 07:31 [23:31] PST Rolled back to the previous index alias',
        '17 2026-02-04 08:10 [00:10] PST Result counts back to normal; incident resolved',
      ]);
    });

    it('reads list items with two zones ("19:58 EDT (23:58 UTC)") under weekday date headings, across UTC midnight', () => {
      assert.deepEqual(fixture('list-dual-zones.md').map(show), [
        '9 2026-07-11 23:40 [19:40 EDT] EDT Checkout error rate starts climbing in the EU region.',
        '10 2026-07-11 23:58 [19:58 EDT] EDT Error-rate alert fires; the on-call engineer is paged.',
        '11 2026-07-12 00:15 [20:15 EDT] EDT Traffic failed over to the US region.',
        '14 2026-07-12 10:30 [06:30 EDT] EDT EU region restored and the incident resolved.',
      ]);
    });

    it('reads [HH:MM] items dated by a note ("All times in PST, on February 9th 2026") and runs past midnight', () => {
      assert.deepEqual(fixture('brackets-past-midnight.md').map(show), [
        '7 2026-02-09 21:20 [13:20] PST Scheduler release v4 deployed; jobs start landing on the wrong cluster.',
        '8 2026-02-10 00:04 [16:04] PST @ops-lead noticed builds are very slow and opened a thread.',
        '9 2026-02-10 00:40 [16:40] PST Rolled the scheduler back to v3.',
        '10 2026-02-10 07:55 [23:55] PST Last stuck jobs drained from the service cluster.',
        '11 2026-02-10 15:00 [07:00] PST Queue latency back to normal; incident resolved.',
      ]);
    });

    it('reads 12-hour times with and without a zone under date lines', () => {
      assert.deepEqual(fixture('twelve-hour-date-lines.md').map(show), [
        '9 2026-01-22 22:54 [2:54 PM PST] PST Config change merged.',
        '11 2026-01-22 23:28 [3:28 PM PST] PST Bad config uploaded to the cluster.',
        '15 2026-01-23 12:49 [4:49 AM] PST First report of the bot being unresponsive.',
        '16 2026-01-23 15:18 [7:18 AM] PST On-call first pinged.',
        '17 2026-01-23 16:12 [8:12 AM] PST Config reverted with the repair script,',
        '19 2026-01-23 16:27 [8:27 AM] PST Resolution confirmed; webhooks are answered again.',
      ]);
    });

    it('keeps the continuation lines of a list item in the event body', () => {
      const reverted = fixture('twelve-hour-date-lines.md')[4];
      assert.equal(reverted.body, 'Config reverted with the repair script, configmap rewritten.');
    });

    it('reads one heading per event, with the paragraph under it as the event, and an approximate time', () => {
      const entries = fixture('heading-per-event.md');
      assert.deepEqual(entries.map(show), [
        '7 2026-10-08 23:10 [18:10] CDT ~ During the first deploy a certificate exception was added in a browser while testing.',
        '11 2026-10-30 23:45 [18:45] CDT First errors from the scraper: certificate verification failed.',
        '15 2026-10-31 00:00 [19:00] CDT TLS alerts fired for the production API.',
        '19 2026-10-31 00:12 [19:12] CDT An engineer begins investigating.',
        '23 2026-10-31 00:30 [19:30] CDT Certificates on the load balancers corrected as a workaround.',
        '27 2026-10-31 00:46 [19:46] CDT Services are restored.',
      ]);
      assert.equal(entries[2].body, 'TLS alerts fired for the production API.');
    });

    it('dates undated entries from a note "unless otherwise noted", without carrying an entry\'s own date forward', () => {
      assert.deepEqual(fixture('bold-entries-note-date.md').map(show), [
        '8 2026-10-20 23:55 [23:55] UTC doc builds started failing due to low disk space',
        '9 2026-10-21 01:38 [01:38] UTC alerts fired for the docs site being down; the backup contact got paged',
        '10 2026-10-21 01:52 [01:52] UTC proposed to increase disk space',
        '11 2026-10-21 02:03 [02:03] UTC restarted the web server',
        '12 2026-10-21 02:06 [02:06] UTC CDN propagated the changes, docs back online',
      ]);
    });

    it('reads **HH:MM** paragraph lines, with the zone from the heading "Timeline (UTC)"', () => {
      assert.deepEqual(fixture('bold-paragraphs-markers.md').map(show).slice(0, 2), [
        '8 2026-03-20 09:12 [09:12] UTC First failed payment webhooks.',
        '10 2026-03-20 09:14 [09:14] UTC Health-check alert pages the payments on-call.',
      ]);
    });

    it('follows daylight saving time for a region zone such as US/Pacific (June: UTC−7)', () => {
      assert.deepEqual(fixture('iana-zone-note.md').map(show), [
        '7 2026-06-28 20:59 [13:59] US/Pacific Error tracker posts alerts to chat about a high error rate.',
        '11 2026-06-28 21:24 [14:24] US/Pacific Deployed code to revert to the previous behaviour; errors drop to zero.',
      ]);
    });
  });

  describe('times as teams write them', () => {
    it('reads "Jan 14, 10:18 AM" table rows without a year, comparing days within the timeline', () => {
      const entries = fixture('table-month-day-12h.md');
      assert.deepEqual(
        entries.map((e) => `${e.line + 1} ${e.timeText} ${e.text}`),
        [
          '7 10:02 AM Release 7.2 of the auth service deployed',
          '8 10:09 AM Login errors start for users on mobile',
          '9 10:18 AM Support reports a spike in login tickets; on-call paged',
          '10 10:31 AM Rolled back to release 7.1',
          '11 10:44 AM Login success rate back to normal; incident resolved',
        ],
      );
      assert.equal((entries[2].minutes as number) - (entries[1].minutes as number), 9);
      assert.ok(entries.every((e) => e.yearGuessed && e.dated));
    });

    it('reads four-digit times after a date ("2026-02-02 1625:")', () => {
      assert.deepEqual(fixture('hhmm-dated-list.md').map(show), [
        '7 2026-02-02 16:25 [1625] UTC nightly import job starts; queue depth begins to grow',
        '8 2026-02-02 17:10 [1710] UTC queue depth alert fires, on-call paged',
        '9 2026-02-02 17:42 [1742] UTC stuck workers restarted',
        '10 2026-02-02 18:05 [1805] UTC queue drained; incident resolved',
      ]);
    });

    it('reads times in code spans under bold date lines, with an EN DASH before the text', () => {
      assert.deepEqual(fixture('date-headings-bullets.md').map(show), [
        '7 2026-04-09 22:40 [22:40 UTC] UTC certificate on the edge proxy expires; API clients start failing TLS handshakes',
        '8 2026-04-09 23:05 [23:05 UTC] UTC synthetic check alert fires and pages the on-call',
        '12 2026-04-10 00:12 [00:12 UTC] UTC new certificate installed and the proxy restarted',
        '13 2026-04-10 00:20 [00:20 UTC] UTC handshakes succeed again; incident resolved',
      ]);
    });

    it('reads T+ times as minutes after the start, in no zone', () => {
      const entries = fixture('relative-times.md');
      assert.deepEqual(
        entries.map((e) => [e.timeText, e.minutes, e.relative]),
        [
          ['T+0', 0, true],
          ['T+4m', 4, true],
          ['T+15m', 15, true],
          ['T+1h10m', 70, true],
        ],
      );
    });

    it('moves to the next day under a weekday heading', () => {
      assert.deepEqual(fixture('weekday-headings.md').map(show), [
        '7 ±0d 22:10 [22:10] build workers start failing on disk space',
        '8 ±0d 23:30 [23:30] build queue alert fires; nobody on call acknowledges',
        '12 ±1d 09:05 [09:05] an engineer notices the alert and begins investigating',
        '13 ±1d 09:40 [09:40] old artifacts removed and the workers restarted',
        '14 ±1d 10:15 [10:15] builds are back to normal',
      ]);
    });

    it("reads four digits as a time only where an entry's time ends (a colon, a dash, a bracket, a zone)", () => {
      const timeline = (lines: string[]) =>
        timelineOf(`# Incident\n\n**Date:** 2026-03-15\n\n## Timeline\n${lines.join('\n')}\n`).map(show);
      assert.deepEqual(
        timeline(['- 1432: alert fired', '- [1440] rolled back', '- 1450 UTC recovered', '- 2000 users affected']),
        [
          '6 2026-03-15 14:32 [1432] alert fired',
          '7 2026-03-15 14:40 [1440] rolled back',
          '8 2026-03-15 14:50 [1450 UTC] UTC recovered',
        ],
      );
    });

    it('reads hours without minutes ("10 AM", "2pm") and leaves a footnote mark after a date out of the text', () => {
      const timeline = (lines: string[]) =>
        timelineOf(`# Incident\n\n**Date:** 2026-03-15\n\n## Timeline\n${lines.join('\n')}\n`).map(show);
      assert.deepEqual(
        timeline(['- 10 AM: errors began', '- 2pm: resolved', '- 2026-03-01[^1]: key pushed to a public image']),
        [
          '6 2026-03-15 10:00 [10 AM] errors began',
          '7 2026-03-15 14:00 [2pm] resolved',
          '8 - [2026-03-01] key pushed to a public image',
        ],
      );
    });

    it('reads "At 14:05 UTC," paragraphs and items, weekday-prefixed times across days, and 14h05', () => {
      const at = entriesOf(
        'At 14:05 UTC, a partner starts an import.\n\nAt around 14:26 UTC, the alert pages on-call.\n\n- At 2:41 PM PT the rule was reverted',
      );
      assert.deepEqual(
        at.map((e) => [e.timeText, e.text, e.approximate]),
        [
          ['14:05 UTC', 'a partner starts an import.', false],
          ['14:26 UTC', 'the alert pages on-call.', true],
          ['2:41 PM PT', 'the rule was reverted', false],
        ],
      );
      // Tue 23:58 to Thu 07:45 is one day and almost eight hours, by the weekdays; the clock alone would say 7:47.
      const days = entriesOf('- Tue 23:58 — run skipped\n- Thu 07:45 — customers report it\n- Thursday, 08:05: re-run');
      assert.deepEqual(
        days.map((e) => (e.minutes as number) - (days[0].minutes as number)),
        [0, 1907, 1927],
      );
      assert.deepEqual(
        entriesOf('- 08h02: relay certificate rotated\n- 09h25: a customer reports it').map((e) => [
          e.timeText,
          e.minutes! % 1440,
        ]),
        [
          ['08h02', 482],
          ['09h25', 565],
        ],
      );
      // "At" with no time after it, and a weekday before words, open no entry.
      assert.deepEqual(entriesOf('At the time, nobody was paged.\n\n- Tuesday the team met'), []);
    });

    it('lists the lines whose times could not be read', () => {
      const text = readFileSync(path.join(FIXTURES, 'unreadable-times.md'), 'utf8');
      const doc = parseMarkdown(text);
      const section = doc.sections.find((s) => s.heading.text === 'Timeline') as (typeof doc.sections)[number];
      assert.deepEqual(readTimeline(doc, section), []);
      assert.deepEqual(
        unreadTimeLines(doc, section).map((u) => `${u.line + 1} ${u.text}`),
        ['5 - [??:??] replication lag starts to grow'],
      );
    });
  });

  describe('times and zones inside an entry', () => {
    const timeline = (lines: string[], date = '2026-03-15') =>
      timelineOf(`# Incident\n\n**Date:** ${date}\n\n## Timeline\n${lines.join('\n')}\n`).map(show);

    it('reads ISO timestamps, offsets, UTC+N, "Eastern" by season, and a time range', () => {
      assert.deepEqual(
        timeline([
          '- 2026-03-15T14:32:00Z alert fired',
          '- 16:40 +02:00 — rollback started',
          '- 17:05 UTC+2 — error rate falling',
          '- 15:10–15:20 UTC — verification window',
          '- 2026-01-15 10:00 Eastern — follow-up call',
        ]),
        [
          '6 2026-03-15 14:32 [14:32:00Z] Z alert fired',
          '7 2026-03-15 14:40 [16:40 +02:00] +02:00 rollback started',
          '8 2026-03-15 15:05 [17:05 UTC+2] UTC+2 error rate falling',
          '9 2026-03-15 15:10 [15:10–15:20 UTC] UTC verification window',
          '10 2026-01-15 15:00 [10:00 Eastern] Eastern follow-up call',
        ],
      );
    });

    it('reads a time after a dated entry\'s colon ("2026-08-27: At 12:50:07 UTC, ...") and keeps date-only events untimed', () => {
      assert.deepEqual(
        timeline(['- 2026-08-17: Bounty report received.', '- 2026-08-27: At 12:50:07 UTC, issue exploited.']),
        ['6 - [2026-08-17] Bounty report received.', '7 2026-08-27 12:50 [12:50:07 UTC] UTC issue exploited.'],
      );
    });

    it('reads a timeline without any date relative to its first day, running past midnight', () => {
      const entries = timelineOf('# Incident\n\n## Timeline\n- 23:50 first errors\n- 00:10 alert fired\n');
      assert.deepEqual(entries.map(show), ['4 ±0d 23:50 [23:50] first errors', '5 ±1d 00:10 [00:10] alert fired']);
      assert.equal(entries[0].zoned, false);
    });

    it('does not read times in prose, times out of range, or words that look like zones', () => {
      assert.deepEqual(
        timeline(['- We looked at 14:32 dashboards', '- 25:10 nonsense', '- 14:32 Estimated impact noted, est. 40%']),
        ['8 2026-03-15 14:32 [14:32] Estimated impact noted, est. 40%'],
      );
    });
  });

  describe('parseEntry', () => {
    it('splits a date, a 12-hour time with its zone, and the text', () => {
      const parsed = parseEntry('2024-06-28 7:09 AM Eastern: token reported');
      assert.deepEqual(
        { date: parsed?.date?.text, time: parsed?.time?.text, hours: parsed?.time?.hours, rest: parsed?.rest },
        {
          date: '2024-06-28',
          time: '7:09 AM Eastern',
          hours: 7,
          rest: 'token reported',
        },
      );
    });

    it('returns undefined for text that opens with neither a date nor a time', () => {
      assert.equal(parseEntry('Engineers joined the call at 14:32'), undefined);
    });
  });

  it('keeps zoneIn for fixed offsets as written', () => {
    assert.equal(zoneIn('All times are in PST'), -480);
    assert.equal(zoneIn('Timeline (+05:30)'), 330);
    assert.equal(zoneIn('no zone here'), undefined);
  });

  it('reads a timeline section directly, given a document date', () => {
    const doc = parseMarkdown('# T\n\n## Timeline\n- 14:28 UTC start\n');
    const entries = readTimeline(doc, doc.sections[1], { year: 2026, month: 3, day: 15 });
    assert.equal(entries[0].minutes, Date.UTC(2026, 2, 15, 14, 28) / 60_000);
  });
});

describe('zoneAt', () => {
  it('reads the zone at an index as zoneAtStart reads it from a slice', () => {
    const text =
      '14:32 UTC+2) a, 9:00 PST b, 10:00 Eastern Standard Time c, 11:00 US/Pacific, 12:00 +05:30, 13:00 Z, 1 Zulu, 2 ESTx, 3 utc';
    for (let i = 0; i <= text.length; i++) assert.deepEqual(zoneAt(text, i), zoneAtStart(text.slice(i)), `at ${i}`);
    assert.deepEqual(zoneAt(text, 6), { zone: { name: 'UTC+2', fixedOffset: 120 }, length: 5 });
  });
});

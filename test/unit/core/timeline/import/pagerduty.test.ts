import * as assert from 'node:assert/strict';
import {
  eventsJson,
  isPagerDutyLog,
  pagerDutyEvents,
  TimelineImportError,
} from '../../../../../src/core/timeline/import';
import { PAGERDUTY_LOG } from '../../../../fixtures/timelineImport/exports';

describe('pagerDutyEvents', () => {
  it('reads every entry type but notifications, in time order; the trigger is the detection and the resolve the resolution', () => {
    assert.deepEqual(eventsJson(pagerDutyEvents({ path: 'log.json', data: PAGERDUTY_LOG }, {})), [
      {
        time: '2026-03-15T23:41:15Z',
        text: 'Triggered through the API',
        source: 'pagerduty',
        author: 'Datadog checkout-api',
        milestone: 'detection',
      },
      {
        time: '2026-03-15T23:41:20Z',
        text: 'Assigned to Alice Ng',
        source: 'pagerduty',
        author: null,
        milestone: null,
      },
      {
        time: '2026-03-15T23:42:00Z',
        text: 'Acknowledged by Alice Ng',
        source: 'pagerduty',
        author: 'Alice Ng',
        milestone: null,
      },
      {
        time: '2026-03-15T23:52:00Z',
        text: 'Escalated to Bob Ortiz by escalation policy',
        source: 'pagerduty',
        author: null,
        milestone: null,
      },
      {
        time: '2026-03-16T00:10:00Z',
        text: 'Note: Rollback of the gateway in progress',
        source: 'pagerduty',
        author: 'Alice Ng',
        milestone: null,
      },
      {
        time: '2026-03-16T00:26:00Z',
        text: 'Resolved by Bob Ortiz',
        source: 'pagerduty',
        author: 'Bob Ortiz',
        milestone: 'resolution',
      },
    ]);
  });

  it('takes the last resolve when the incident was reopened, and keeps the window', () => {
    const log = {
      log_entries: [
        { type: 'trigger_log_entry', summary: 'Triggered', created_at: '2026-03-15T10:00:00Z' },
        { type: 'resolve_log_entry', summary: 'Resolved', created_at: '2026-03-15T10:05:00Z' },
        { type: 'trigger_log_entry', summary: 'Triggered again', created_at: '2026-03-15T10:07:00Z' },
        { type: 'resolve_log_entry', summary: 'Resolved again', created_at: '2026-03-15T10:20:00Z' },
      ],
    };
    assert.deepEqual(
      pagerDutyEvents({ path: 'l.json', data: log }, {}).map((e) => `${e.text}:${e.milestone}`),
      ['Triggered:detection', 'Resolved:null', 'Triggered again:null', 'Resolved again:resolution'],
    );
    assert.deepEqual(
      pagerDutyEvents({ path: 'l.json', data: log }, { since: Date.parse('2026-03-15T10:06:00Z') }).map((e) => e.text),
      ['Triggered again', 'Resolved again'],
    );
  });

  it('reads a note from its note field when the entry carries one', () => {
    const log = {
      log_entries: [
        {
          type: 'annotate_log_entry',
          summary: 'Note added',
          created_at: '2026-03-15T10:00:00+01:00',
          note: { content: 'Called the vendor' },
        },
      ],
    };
    assert.deepEqual(
      eventsJson(pagerDutyEvents({ path: 'l.json', data: log }, {})).map((e) => [e.time, e.text]),
      [['2026-03-15T09:00:00Z', 'Note: Called the vendor']],
    );
  });

  it('refuses what is not a log, naming the file, and an entry without a time', () => {
    assert.equal(isPagerDutyLog({ incidents: [] }), false);
    assert.throws(
      () => pagerDutyEvents({ path: 'x.json', data: [] }, {}),
      (e: unknown) => e instanceof TimelineImportError && e.file === 'x.json' && /not a PagerDuty log/.test(e.message),
    );
    assert.throws(
      () =>
        pagerDutyEvents(
          {
            path: 'x.json',
            data: { log_entries: [{ type: 'trigger_log_entry', summary: 's', created_at: 'yesterday' }] },
          },
          {},
        ),
      { message: 'x.json: log entry 1 has no readable "created_at" time.' },
    );
  });
});

import * as assert from 'node:assert/strict';
import { applyEdits, parseMarkdown, readIncident } from '../../../../../src/core';
import { findProfile, type Profile } from '../../../../../src/core/profiles';
import { milestones } from '../../../../../src/core/timeline/timeline';
import { TimelineEntryError } from '../../../../../src/core/authoring/timelineEntry';
import {
  combineEvents,
  mergeTimeline,
  pagerDutyEvents,
  renderTable,
  type ImportedEvent,
} from '../../../../../src/core/timeline/import';
import { PAGERDUTY_LOG } from '../../../../fixtures/timelineImport/exports';

const harness = findProfile('harness') as Profile;

function ev(iso: string, text: string, extra: Partial<ImportedEvent> = {}): ImportedEvent {
  return { at: Date.parse(iso), text, source: 'slack', author: 'alice', milestone: null, ...extra };
}

function merged(text: string, events: readonly ImportedEvent[]): { text: string; added: number; alreadyThere: number } {
  const m = mergeTimeline(parseMarkdown(text), 'postmortem', harness, events);
  return { text: applyEdits(text, m.edits), added: m.added.length, alreadyThere: m.alreadyThere };
}

const TABLE_DOC = `# Postmortem: checkout latency

**Date:** 2026-03-15

## Timeline

| Time (UTC) | Event |
|---|---|
| 2026-03-15 23:30 | Deploy of gateway v42 |
| 2026-03-16 00:02 | Rolled back the gateway to v41 |

## Root Cause

The deploy.
`;

const LIST_DOC = `# Postmortem: checkout latency

**Date:** 2026-03-15

## Timeline

- **23:30** — Deploy of gateway v42
- **23:50** — We decide to roll back

## Root Cause
`;

describe('mergeTimeline', () => {
  it('inserts table rows in time order between the rows already there, which stay as written', () => {
    const out = merged(TABLE_DOC, [
      ev('2026-03-15T23:41:10Z', 'Triggered: p99 > 2s', { author: 'Datadog', milestone: 'detection', explicit: true }),
      ev('2026-03-16T00:30:00Z', 'all clear | closing'),
    ]);
    assert.equal(out.added, 2);
    assert.equal(
      out.text,
      TABLE_DOC.replace(
        '| 2026-03-16 00:02 | Rolled back the gateway to v41 |\n',
        '| 2026-03-16 00:02 | Rolled back the gateway to v41 |\n| 2026-03-16 00:30 | alice: all clear \\| closing |\n',
      ).replace(
        '| 2026-03-15 23:30 | Deploy of gateway v42 |\n',
        '| 2026-03-15 23:30 | Deploy of gateway v42 |\n| 2026-03-15 23:41 | Datadog: Triggered: p99 > 2s [detection] |\n',
      ),
    );
  });

  it('adds nothing the second time (idempotent), and nothing that is already written at that minute', () => {
    const events = combineEvents([pagerDutyEvents({ path: 'log.json', data: PAGERDUTY_LOG }, {})]);
    const once = merged(TABLE_DOC, events);
    assert.equal(once.added, 6);
    const twice = merged(once.text, events);
    assert.deepEqual([twice.added, twice.alreadyThere, twice.text], [0, 6, once.text]);
    const userWrote = merged(TABLE_DOC, [
      ev('2026-03-16T00:02:40Z', 'rolled back the gateway to v41', { author: null }),
    ]);
    assert.deepEqual([userWrote.added, userWrote.alreadyThere], [0, 1]);
  });

  it("writes list items in the list's own style (marker, bold time, undated on the document's day, dated on another day)", () => {
    const out = merged(LIST_DOC, [
      ev('2026-03-15T23:45:00Z', 'errors at the gateway'),
      ev('2026-03-16T00:10:00Z', 'rollback done, all clear'),
    ]);
    assert.equal(
      out.text,
      LIST_DOC.replace(
        '- **23:50** — We decide to roll back\n',
        '- **23:50** — We decide to roll back\n- **2026-03-16 00:10** — alice: rollback done, all clear\n',
      ).replace(
        '- **23:30** — Deploy of gateway v42\n',
        '- **23:30** — Deploy of gateway v42\n- **2026-03-15 23:45** — alice: errors at the gateway\n',
      ),
    );
  });

  it("writes undated items when every event falls on the document's day", () => {
    const out = merged(LIST_DOC, [ev('2026-03-15T23:45:00Z', 'errors at the gateway')]);
    assert.match(
      out.text,
      /- \*\*23:30\*\* — Deploy of gateway v42\n- \*\*23:45\*\* — alice: errors at the gateway\n- \*\*23:50\*\*/,
    );
  });

  it('starts a UTC list in an empty Timeline section, keeping the section apart from the next', () => {
    const doc = '# Postmortem\n\n## Timeline\n\n## Root Cause\n\nX.\n';
    const out = merged(doc, [
      ev('2026-03-15T10:00:00Z', 'alert fired', { author: 'Datadog' }),
      ev('2026-03-15T10:05:00Z', 'ack'),
    ]);
    assert.equal(
      out.text,
      '# Postmortem\n\n## Timeline\n\n- 2026-03-15 10:00 UTC — Datadog: alert fired\n- 2026-03-15 10:05 UTC — alice: ack\n\n## Root Cause\n\nX.\n',
    );
  });

  it('writes UTC after the time when the timeline is in another zone, and fills Who and Source columns', () => {
    const doc =
      '# P\n\n**Date:** 2026-03-15\n\n## Timeline\n\n| Time (PST) | Who | What | Source |\n|---|---|---|---|\n| 2026-03-15 15:30 | bob | Deploy |  |\n';
    const out = merged(doc, [
      ev('2026-03-15T23:45:00Z', 'errors <b>everywhere</b>'),
      { ...pagerDutyEvents({ path: 'l', data: PAGERDUTY_LOG }, {})[0] },
    ]);
    assert.equal(
      out.text,
      `${doc}| 2026-03-15 23:41 UTC | Datadog checkout-api | Triggered through the API [detection] | PagerDuty |\n| 2026-03-15 23:45 UTC | alice | errors \\<b>everywhere\\</b> | Slack |\n`,
    );
    // 15:30 PST is 23:30 UTC: both imported rows read after it.
    const entries = readIncident(parseMarkdown(out.text), 'postmortem', harness).timeline ?? [];
    assert.deepEqual(
      entries.map((e) => new Date((e.minutes as number) * 60_000).toISOString().slice(11, 16)),
      ['23:30', '23:41', '23:45'],
    );
  });

  it('appends to a table at the very end of a file without a final line break', () => {
    const doc = '# P\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 2026-03-15 10:00 | Deploy |';
    assert.equal(
      merged(doc, [ev('2026-03-15T10:03:00Z', 'errors')]).text,
      `${doc}\n| 2026-03-15 10:03 | alice: errors |`,
    );
  });

  it("gives the metrics the imported detection and resolution (markers written once, not over the author's own)", () => {
    const events = combineEvents([pagerDutyEvents({ path: 'log.json', data: PAGERDUTY_LOG }, {})]);
    const text = merged(TABLE_DOC, events).text;
    const found = milestones(readIncident(parseMarkdown(text), 'postmortem', harness).timeline ?? []);
    assert.match(text.split('\n')[found.detection?.line ?? 0], /Triggered through the API \[detection\]/);
    assert.match(text.split('\n')[found.resolution?.line ?? 0], /Resolved by Bob Ortiz \[resolution\]/);
    const marked = TABLE_DOC.replace('Deploy of gateway v42', 'Deploy of gateway v42 [detection]');
    assert.doesNotMatch(merged(marked, events).text, /API \[detection\]/);
  });

  it('says there is no Timeline section', () => {
    assert.throws(
      () =>
        mergeTimeline(parseMarkdown('# P\n\n## Summary\n\nx\n'), 'postmortem', harness, [
          ev('2026-03-15T10:00:00Z', 'x'),
        ]),
      TimelineEntryError,
    );
  });
});

describe('combineEvents', () => {
  it("sorts the sources together and keeps one event per milestone, the sources' own first", () => {
    const slack = [
      ev('2026-03-15T23:41:10Z', 'Triggered: p99', { author: 'Datadog', milestone: 'detection', explicit: true }),
      ev('2026-03-16T00:02:00Z', 'rolled back the gateway'),
      ev('2026-03-16T00:25:00Z', 'checkout is back to normal'),
    ];
    const all = combineEvents([pagerDutyEvents({ path: 'l', data: PAGERDUTY_LOG }, {}), slack]);
    assert.deepEqual(
      all.filter((e) => e.milestone).map((e) => `${e.milestone} ${e.source} ${e.text}`),
      [
        'detection slack Triggered: p99',
        'mitigation slack rolled back the gateway',
        'resolution pagerduty Resolved by Bob Ortiz',
      ],
    );
    assert.deepEqual(
      all.map((e) => e.at),
      [...all.map((e) => e.at)].sort((a, b) => a - b),
    );
  });

  it('prints a Time (UTC) | Event table', () => {
    assert.equal(
      renderTable([ev('2026-03-15T10:00:59Z', 'a|b', { author: null })]),
      '| Time (UTC) | Event |\n|---|---|\n| 2026-03-15 10:00 | a\\|b |',
    );
  });
});

describe('mergeTimeline, edge cases', () => {
  it('continues an ordered list with its own delimiter, and does not take a short text inside a row for the same event', () => {
    const doc =
      '# P\n\n**Date:** 2026-03-15\n\n## Timeline\n\n1. 10:00 UTC — Deploy looks ok to me\n2. 10:20 UTC — Rolled back\n';
    const out = merged(doc, [ev('2026-03-15T10:00:30Z', 'ok')]);
    assert.equal(out.added, 1);
    assert.equal(out.text, doc.replace('2. 10:20', '1. 10:00 UTC — alice: ok\n2. 10:20'));
  });
});

describe('mergeTimeline, author columns', () => {
  it('adds a short message once to a table with a Who column, however often it is imported', () => {
    const doc =
      '# P\n\n**Date:** 2026-03-15\n\n## Timeline\n\n| Time | Who | Event |\n|---|---|---|\n| 2026-03-15 10:00 | bob | Deploy |\n';
    const events = [ev('2026-03-15T10:01:00Z', 'ok'), ev('2026-03-15T10:01:10Z', 'ok', { author: 'carol' })];
    const once = merged(doc, events);
    assert.equal(once.text, `${doc}| 2026-03-15 10:01 | alice | ok |\n| 2026-03-15 10:01 | carol | ok |\n`);
    assert.deepEqual([merged(once.text, events).added, merged(once.text, events).alreadyThere], [0, 2]);
  });
});

describe('combineEvents, a log in pages', () => {
  it('keeps the first detection and the last resolution stated by the pages', () => {
    const page = (trigger: string, resolve: string) =>
      pagerDutyEvents(
        {
          path: 'p',
          data: {
            log_entries: [
              { type: 'trigger_log_entry', summary: `Triggered ${trigger}`, created_at: trigger },
              { type: 'resolve_log_entry', summary: `Resolved ${resolve}`, created_at: resolve },
            ],
          },
        },
        {},
      );
    const all = combineEvents([
      page('2026-03-15T11:00:00Z', '2026-03-15T11:30:00Z'),
      page('2026-03-15T10:00:00Z', '2026-03-15T10:20:00Z'),
    ]);
    assert.deepEqual(
      all.filter((e) => e.milestone).map((e) => `${e.milestone} ${e.text}`),
      ['detection Triggered 2026-03-15T10:00:00Z', 'resolution Resolved 2026-03-15T11:30:00Z'],
    );
  });
});

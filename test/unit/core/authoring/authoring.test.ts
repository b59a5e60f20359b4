import * as assert from 'node:assert/strict';
import {
  postmortemValuesFromIncident,
  resolutionNotice,
  statusUpdate,
  timelineEntryEdit,
  TimelineEntryError,
  cadenceMinutes,
} from '../../../../src/core/authoring';
import { applyEdits } from '../../../../src/core/fixes/fixes';
import { lintText } from '../../../../src/core/lint/lint';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import { renderDocument } from '../../../../src/core/templates/templates';
import { CLEAN_POSTMORTEM, replaceSection } from '../../../fixtures/documents';

const harness = findProfile('harness') as Profile;
const add = (text: string, iso: string, event: string) =>
  applyEdits(text, [timelineEntryEdit(parseMarkdown(text), 'postmortem', harness, new Date(iso), event)]);

describe('Add Timeline Entry', () => {
  it('inserts a table row between the events before and after it', () => {
    const out = add(CLEAN_POSTMORTEM, '2026-03-15T14:35:00Z', 'Incident declared');
    assert.match(
      out,
      /\| 14:32 \| Latency alert fired and paged on-call \|\n\| 14:35 \| Incident declared \|\n\| 14:40 \| Rolled back/,
    );
    assert.deepEqual(lintText(out, 'postmortem', harness).findings, []);
  });

  it('appends after the last event and escapes pipes in the text', () => {
    const out = add(CLEAN_POSTMORTEM, '2026-03-15T16:00:00Z', 'Status page | closed');
    assert.match(
      out,
      /\| 15:19 \| Error rate back to normal; incident resolved \|\n\| 16:00 \| Status page \\\| closed \|\n\n## Root Cause/,
    );
  });

  it('writes a list item in the list style, in order, dated when the others are dated', () => {
    const text = replaceSection(
      CLEAN_POSTMORTEM,
      'Timeline',
      '## Timeline\n* 2026-03-15 14:28 UTC — first errors\n* 2026-03-15 15:19 UTC — resolved\n\n',
    );
    const out = add(text, '2026-03-15T14:32:00Z', 'Alert fired');
    assert.match(
      out,
      /\* 2026-03-15 14:28 UTC — first errors\n\* 2026-03-15 14:32 UTC — Alert fired\n\* 2026-03-15 15:19 UTC — resolved/,
    );
  });

  it('starts an empty timeline with a list item and refuses a document without a timeline', () => {
    const text = renderDocument(harness, 'incident', { title: 'x', date: '2026-03-15' }).replace(
      /## Timeline\n\n[\s\S]*?\n\n## /,
      '## Timeline\n\n## ',
    );
    const out = applyEdits(text, [
      timelineEntryEdit(parseMarkdown(text), 'incident', harness, new Date('2026-03-15T09:00:00Z'), 'Declared'),
    ]);
    assert.match(out, /## Timeline\n\n- 09:00 UTC — Declared\n/);
    assert.throws(() => add('# T\n## Summary\nx\n', '2026-03-15T09:00:00Z', 'x'), TimelineEntryError);
  });
});

describe('status messages', () => {
  const record = [
    '# Incident: Checkout errors',
    '',
    '**Date:** 2026-03-15',
    '**Severity:** SEV-2',
    '**Status:** Identified',
    '',
    '## Impact',
    '40% of checkout requests fail for EU customers.',
    '',
    '## Timeline',
    '- 14:28 UTC — first errors',
    '- 14:32 UTC — alert fired',
    '- 14:40 UTC — rolling back the deploy',
    '',
    '## Root Cause',
    'The preferences query scans the whole table. It was added in abc123.',
    '',
  ].join('\n');

  it('builds INCIDENT UPDATE with the next update from the severity cadence', () => {
    const heaptrace = findProfile('heaptrace') as Profile;
    const cadence = cadenceMinutes(heaptrace.severities[1].updateCadence);
    assert.ok(cadence, 'the heaptrace profile states a cadence for SEV-2');
    const message = statusUpdate(parseMarkdown(record), 'incident', heaptrace, new Date('2026-03-15T14:45:00Z'));
    const next = new Date(Date.parse('2026-03-15T14:45:00Z') + cadence * 60_000).toISOString().slice(11, 16);
    assert.equal(
      message,
      [
        'INCIDENT UPDATE — 14:45 UTC',
        'Status: Identified',
        'Impact: 40% of checkout requests fail for EU customers.',
        'Current action: rolling back the deploy',
        'ETA: Investigating',
        `Next update: ${next} UTC (SEV-2: every ${cadence} minutes)`,
      ].join('\n'),
    );
  });

  it('says when the profile has no cadence and falls back to 30 minutes', () => {
    const message = statusUpdate(
      parseMarkdown(record.replace('SEV-2', 'SEV2')),
      'incident',
      harness,
      new Date('2026-03-15T14:45:00Z'),
    );
    assert.match(
      message,
      /Next update: 15:15 UTC \(SEV2 has no update cadence in the harness profile; every 30 minutes\)$/,
    );
  });

  it('builds INCIDENT RESOLVED with the duration from the timeline and the first sentence of the root cause', () => {
    assert.equal(
      resolutionNotice(parseMarkdown(CLEAN_POSTMORTEM), 'postmortem', harness, new Date('2026-03-15T15:20:00Z')),
      [
        'INCIDENT RESOLVED — 15:20 UTC',
        'The issue affecting Checkout latency has been resolved.',
        'Duration: 51 minutes',
        'Root cause: The preferences query added in commit abc123 joined on the unindexed column preferences.user_id, so every checkout ran a full table scan.',
        'A postmortem will be shared with the team.',
      ].join('\n'),
      'seed 000 sets no deadline for the postmortem, so the notice names none',
    );
  });

  it('reads cadences written in words', () => {
    assert.deepEqual(
      ['every 15 minutes', 'Every 30 min', 'hourly', 'every 2 hours', undefined, 'as needed'].map(cadenceMinutes),
      [15, 30, 60, 120, undefined, undefined],
    );
  });
});

describe('Convert to Postmortem', () => {
  it('carries title, date, severity, timeline and evidence into a postmortem that keeps them', () => {
    const record = renderDocument(harness, 'incident', {
      title: 'Checkout errors',
      date: '2026-03-15',
      severity: 'SEV2',
    })
      .replace(
        /## Timeline\n\n[\s\S]*?\n\n## /,
        '## Timeline\n\n- 14:28 UTC — first errors\n- 14:32 UTC — alert fired\n\n## ',
      )
      .replace(/## Evidence\n\n[\s\S]*$/, '## Evidence\n\n- `kubectl logs` shows connection pool exhaustion\n');
    const values = postmortemValuesFromIncident(parseMarkdown(record), harness, '2026-11-26');
    assert.equal(values.title, 'Checkout errors');
    assert.equal(values.date, '2026-03-15');
    assert.equal(values.severity, 'SEV2');
    assert.deepEqual(
      values.timeline?.map((e) => `${e.time} ${e.event}`),
      ['14:28 UTC first errors', '14:32 UTC alert fired'],
    );
    const postmortem = renderDocument(harness, 'postmortem', values);
    assert.match(postmortem, /\| 14:28 UTC \| first errors \|\n\| 14:32 UTC \| alert fired \|/);
    assert.match(postmortem, /\*\*Severity:\*\* SEV2/);
  });
});

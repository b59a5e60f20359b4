import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  postmortemPromise,
  postmortemValuesFromIncident,
  resolutionNotice,
  statusUpdate,
  timelineEntryEdit,
  updatesOnResolution,
} from '../../../../src/core/authoring';
import { applyEdits } from '../../../../src/core/fixes/fixes';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { BUILT_IN_PROFILES, findProfile, type Profile } from '../../../../src/core/profiles';
import { renderDocument } from '../../../../src/core/templates/templates';

const profile = (name: string) => findProfile(name) as Profile;
const fixture = (name: string, file: string) =>
  readFileSync(path.resolve(__dirname, '../../../../..', 'test', 'fixtures', 'profiles', name, file), 'utf8');
const line = (message: string, label: string) =>
  message
    .split('\n')
    .find((l) => l.startsWith(`${label}: `))
    ?.slice(label.length + 2);
const update = (text: string, name: string, iso: string) =>
  statusUpdate(parseMarkdown(text), 'incident', profile(name), new Date(iso));
const notice = (text: string, name: string) =>
  resolutionNotice(parseMarkdown(text), 'incident', profile(name), new Date('2026-05-12T12:00:00Z'));

describe("status updates built from the live record's timeline", () => {
  const saasRecord = fixture('saas', 'incident.md');

  it('names the latest event of a saas record as the current action, not "Investigating"', () => {
    const message = update(saasRecord, 'saas', '2026-05-12T10:40:00Z');
    assert.equal(line(message, 'Current action'), 'Testing a renderer patch that signs logo URLs in staging');
    assert.equal(
      line(message, 'Impact'),
      "12 tenants on the white-label plan (about 2% of tenants). Invoice PDFs are generated without the tenant's logo; totals and line items are correct.",
    );
  });

  it('says the record has no timeline when its Timeline section is gone (the saas record before it had one)', () => {
    const without = saasRecord.replace(/## Timeline\n[\s\S]*?\n\n/, '');
    assert.equal(
      line(update(without, 'saas', '2026-05-12T10:40:00Z'), 'Current action'),
      'Investigating; this record has no timeline to say more.',
    );
  });

  it('follows the saas cadence per severity: SEV-3 updates on resolution, SEV-2 every 30 minutes, SEV-1 every 15', () => {
    assert.equal(
      line(update(saasRecord, 'saas', '2026-05-12T10:40:00Z'), 'Next update'),
      'when the incident is resolved (SEV-3: update on resolution)',
    );
    assert.equal(
      line(update(saasRecord.replace('SEV-3', 'SEV-2'), 'saas', '2026-05-12T10:40:00Z'), 'Next update'),
      '11:10 UTC (SEV-2: every 30 minutes)',
    );
    assert.equal(
      line(update(saasRecord.replace('SEV-3', 'SEV-1'), 'saas', '2026-05-12T10:40:00Z'), 'Next update'),
      '10:55 UTC (SEV-1: every 15 minutes)',
    );
  });

  it('uses an entry added with Add Timeline Entry to a new saas record', () => {
    const saas = profile('saas');
    const record = renderDocument(saas, 'incident', {
      title: 'Invoice PDFs without logos',
      date: '2026-05-12',
      severity: 'SEV-2',
    });
    assert.equal(
      line(update(record, 'saas', '2026-05-12T10:40:00Z'), 'Current action'),
      'Investigating; the timeline records no event yet.',
      'the template rows are blanks, not events',
    );
    const added = applyEdits(record, [
      timelineEntryEdit(
        parseMarkdown(record),
        'incident',
        saas,
        new Date('2026-05-12T10:35:00Z'),
        'Reverted the asset-cdn signed-URL rule',
      ),
    ]);
    assert.match(added, /\| 10:35 \| Reverted the asset-cdn signed-URL rule \|/);
    assert.equal(
      line(update(added, 'saas', '2026-05-12T10:40:00Z'), 'Current action'),
      'Reverted the asset-cdn signed-URL rule',
    );
  });

  it('takes the latest event by its time, even when it is written above an earlier one', () => {
    const text =
      '# Incident: x\n\n**Date:** 2026-05-12\n**Severity:** SEV-2\n\n## Timeline\n- 10:32 UTC — Patch deployed to staging\n- 10:05 UTC — Support ticket received\n';
    assert.equal(line(update(text, 'saas', '2026-05-12T10:40:00Z'), 'Current action'), 'Patch deployed to staging');
  });

  it('reads the status from the timeline when the record states none, and stops scheduling updates once resolved', () => {
    const resolved = saasRecord.replace(
      '| 10:32 |',
      '| 10:50 | Patched renderer deployed; logos render again and the incident is resolved |\n| 10:32 |',
    );
    const message = update(resolved, 'saas', '2026-05-12T11:00:00Z');
    assert.equal(line(message, 'Status'), 'Resolved');
    assert.equal(line(message, 'Next update'), 'none; the incident is resolved');
    assert.equal(line(update(saasRecord, 'saas', '2026-05-12T10:40:00Z'), 'Status'), 'Investigating');
  });

  it('takes the cadence a prodcraft record states in its Communication Plan (the seed leaves the cadence to the team)', () => {
    assert.equal(
      line(update(fixture('prodcraft', 'incident.md'), 'prodcraft', '2026-05-06T08:40:00Z'), 'Next update'),
      '09:00 UTC (every 20 minutes, as the Communication Plan section says)',
    );
  });

  it("answers Impact from heaptrace's triage answers: what is broken and who is affected", () => {
    assert.equal(
      line(update(fixture('heaptrace', 'incident.md'), 'heaptrace', '2026-04-15T10:25:00Z'), 'Impact'),
      'The analytics dashboard page times out; other pages load. Users of the analytics dashboard, about 6% of active users.',
    );
  });

  it("a heaptrace record like the seed's example: the current action is the root cause just found", () => {
    const text = [
      '# Incident: Sign-in fails after deploy',
      '',
      '**Date:** 2026-03-24',
      '**Severity:** SEV-1',
      '**Status:** Identified',
      '**Incident Commander:** Priya Nair',
      '',
      '## Timeline',
      '| Time (UTC) | Event |',
      '|---|---|',
      '| 09:00 | Release 4.1.0 rolled out |',
      '| 09:04 | Error rate jumps from 0.2% to 50% |',
      '| 09:07 | On-call paged |',
      '| 09:11 | Triage: the session service rejects every token |',
      '| 09:22 | Root cause found: the signing key variable is missing from the new release config |',
      '',
    ].join('\n');
    const message = update(text, 'heaptrace', '2026-03-24T09:23:00Z');
    assert.equal(
      line(message, 'Current action'),
      'Root cause found: the signing key variable is missing from the new release config',
    );
    assert.equal(line(message, 'Next update'), '09:38 UTC (SEV-1: every 15 minutes)');
  });

  it('reads "update on resolution" cadences, and only those', () => {
    assert.deepEqual(
      [
        'Once, when resolved',
        'On resolution',
        'every 15 minutes',
        'First status within 5 minutes, then every 15 minutes',
        undefined,
      ].map(updatesOnResolution),
      [true, true, false, false, false],
    );
  });
});

describe('Convert to Postmortem from a new record', () => {
  it('leaves out template rows whose blank was never filled, and carries the events written', () => {
    const saas = profile('saas');
    const record = renderDocument(saas, 'incident', {
      title: 'Invoice PDFs without logos',
      date: '2026-05-12',
      start: '2026-05-12T09:40:00Z',
    });
    assert.match(record, /\| 09:40 \| Incident started: <first error or symptom> \|/);
    const added = applyEdits(record, [
      timelineEntryEdit(
        parseMarkdown(record),
        'incident',
        saas,
        new Date('2026-05-12T10:35:00Z'),
        'Reverted the asset-cdn signed-URL rule',
      ),
    ]);
    assert.deepEqual(postmortemValuesFromIncident(parseMarkdown(added), saas, '2026-05-13').timeline, [
      { time: '10:35', event: 'Reverted the asset-cdn signed-URL rule' },
    ]);
  });
});

describe("resolution notices promise the postmortem by the seed's deadline", () => {
  it('sets the deadline from each seed: 24 hours agent, 48 hours prodcraft and heaptrace, none where the process names none', () => {
    // Seed 001 "within 24h of resolution"; seed 002 step 7 "within 48 hours"; seed 004 "within 48 hours"; seeds 000 and 003 and the SRE book name no deadline.
    assert.deepEqual(Object.fromEntries(BUILT_IN_PROFILES.map((p) => [p.name, p.postmortemDeadlineHours])), {
      harness: undefined,
      agent: 24,
      prodcraft: 48,
      saas: undefined,
      heaptrace: 48,
      'google-sre': undefined,
      pagerduty: undefined,
    });
  });

  it('agent: a P2 record promises the post-mortem within 24 hours; a P3 one, which needs none, says so', () => {
    const record = fixture('agent', 'incident.md');
    assert.equal(
      notice(record.replace('P3', 'P2'), 'agent').split('\n').pop(),
      'Postmortem will be shared within 24 hours.',
    );
    assert.equal(
      notice(record, 'agent').split('\n').pop(),
      'No postmortem is planned: P3 incidents do not require one.',
    );
  });

  it('heaptrace and prodcraft promise it within 48 hours; saas names no deadline', () => {
    assert.equal(
      notice(fixture('heaptrace', 'incident.md'), 'heaptrace').split('\n').pop(),
      'Postmortem will be shared within 48 hours.',
    );
    assert.equal(
      notice(fixture('prodcraft', 'incident.md'), 'prodcraft').split('\n').pop(),
      'Postmortem will be shared within 48 hours.',
    );
    assert.equal(
      notice(fixture('saas', 'incident.md'), 'saas').split('\n').pop(),
      'A postmortem will be shared with the team.',
    );
  });

  it('promises no deadline when the severity is unknown and the profile sets none', () => {
    assert.equal(
      postmortemPromise(profile('harness'), { severity: undefined }),
      'A postmortem will be shared with the team.',
    );
  });
});

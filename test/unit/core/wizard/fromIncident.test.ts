import * as assert from 'node:assert/strict';
import { BUILT_IN_PROFILES, findProfile, type Profile } from '../../../../src/core/profiles';
import { renderDocument } from '../../../../src/core/templates/templates';
import { draftFromIncidentRecord, evaluateDraft } from '../../../../src/core/wizard';
import { wizardDraftSchema } from '../../../../src/webview/protocol';

/** A live incident record as "Incident: New" writes it, then filled in by the responders. */
function filledRecord(profile: Profile): string {
  const text = renderDocument(profile, 'incident', {
    title: 'Checkout errors',
    date: '2026-03-15',
    severity: profile.severities[0].id,
    incidentCommander: 'Dana Smith',
    timeline: [
      { time: '14:28', event: 'Incident started: first 500s on checkout' },
      { time: '14:32', event: 'Error-rate alert fired, on-call paged' },
      { time: '14:50', event: 'Rolled back deploy 4812' },
      { time: '15:19', event: 'Resolved: error rate back to normal' },
    ],
  });
  const spec = profile.documents.incident!;
  const first = spec.sections.find((s) => s.id !== 'timeline')!;
  const lines = text.split('\n');
  // The first section's blank gets real text; the header gets the services.
  const at = lines.indexOf(`## ${first.title}`);
  const next = lines.slice(at + 1).findIndex((l) => l.startsWith('## '));
  lines.splice(
    at + 1,
    next < 0 ? lines.length : next,
    '',
    'Checkout requests fail with HTTP 500 for EU customers.',
    '',
  );
  const header = lines.findIndex((l) => l.startsWith('**Date:**'));
  lines.splice(header + 1, 0, '**Services:** checkout-api, payments');
  return lines.join('\n');
}

describe('draftFromIncidentRecord', () => {
  for (const profile of BUILT_IN_PROFILES.filter((p) => p.documents.incident)) {
    it(`${profile.name}: starts the wizard from a filled-in incident record`, () => {
      const record = filledRecord(profile);
      const draft = draftFromIncidentRecord(profile, record);
      assert.ok(wizardDraftSchema.safeParse(draft).success);
      assert.equal(draft.assess.title, 'Checkout errors');
      assert.equal(draft.assess.severity, profile.severities[0].id);
      assert.deepEqual(draft.assess.services, ['checkout-api', 'payments']);
      assert.equal(draft.assess.whatIsBroken, 'Checkout requests fail with HTTP 500 for EU customers.');
      const headerNames = (profile.documents.incident?.headerFields ?? ['Incident Commander']).map((f) =>
        f.toLowerCase(),
      );
      if (headerNames.includes('incident commander')) assert.equal(draft.assess.incidentCommander, 'Dana Smith');
      if (profile.documents.incident?.sections.some((s) => s.id === 'timeline')) {
        assert.deepEqual(
          [draft.assess.started, draft.assess.detected, draft.assess.mitigated, draft.assess.resolved],
          ['2026-03-15T14:28', '2026-03-15T14:32', '2026-03-15T14:50', '2026-03-15T15:19'],
        );
        const evaluation = evaluateDraft(profile, draft, { date: '2026-03-20' });
        assert.equal(evaluation.timeToDetectMinutes, 4);
        assert.equal(evaluation.timeToRecoverMinutes, 47);
      }
    });
  }

  it("dates the record's timeline by its file name when nothing in it states the date (the wizard passes the path)", () => {
    const profile = findProfile('harness') as Profile;
    const record = [
      '# Incident: Checkout errors',
      '',
      '## Timeline',
      '',
      '| Time (UTC) | Event |',
      '|---|---|',
      '| 14:28 | Incident started: first 500s on checkout |',
      '| 14:32 | Error-rate alert fired |',
      '',
    ].join('\n');
    const withPath = draftFromIncidentRecord(profile, record, 'docs/incidents/2026-03-15-checkout-errors.md');
    assert.equal(withPath.assess.started, '2026-03-15T14:28');
    assert.equal(withPath.assess.detected, '2026-03-15T14:32');
    assert.equal(draftFromIncidentRecord(profile, record).assess.started, '', 'no date anywhere without the path');
  });

  it('carries no template blanks over from an untouched record', () => {
    const profile = findProfile('harness') as Profile;
    const draft = draftFromIncidentRecord(
      profile,
      renderDocument(profile, 'incident', { title: '<short title>', date: '2026-03-15' }),
    );
    assert.equal(draft.assess.title, '');
    assert.equal(draft.assess.severity, '');
    assert.equal(draft.assess.incidentCommander, '');
    assert.equal(draft.assess.whatIsBroken, '');
    assert.equal(draft.document.summary, '');
    assert.equal(draft.assess.started, '');
  });
});

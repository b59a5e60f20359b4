import { STANDARD_RUNBOOK } from '../../../../src/core/profiles/shared';
import * as assert from 'node:assert/strict';
import { kindFromProfileFolders } from '../../../../src/core/lint/documentKind';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { matchSections } from '../../../../src/core/postmortem/sections';
import { findProfile } from '../../../../src/core/profiles';
import type { DocumentKindSpec, Profile } from '../../../../src/core/profiles';
import { completePostmortemChecks, readFixture, statesField } from './profileFixtures';

const prodcraft = findProfile('prodcraft') as Profile;

describe('prodcraft profile', () => {
  it('names the three incident roles', () => {
    assert.deepEqual(prodcraft.roles, ['Incident Commander', 'Technical Responder', 'Communications Lead']);
  });

  it('keeps live records in docs/incidents and postmortem reports in docs/incidents/postmortems', () => {
    assert.equal(kindFromProfileFolders('docs/incidents/2026-05-06-sso-logins.md', prodcraft), 'incident');
    assert.equal(
      kindFromProfileFolders('docs/incidents/postmortems/2026-02-19-duplicate-invoices.md', prodcraft),
      'postmortem',
    );
    assert.equal(prodcraft.documents.runbook, STANDARD_RUNBOOK);
  });

  it('requires impact, the containment decision, timeline, 5 Whys, went well / poorly and action items', () => {
    assert.deepEqual(
      prodcraft.documents.postmortem!.sections.filter((s) => s.required).map((s) => s.title),
      [
        'Impact',
        'Containment Decision',
        'Timeline',
        'Root Cause Analysis',
        'What Went Well',
        'What Went Poorly',
        'Action Items',
      ],
    );
  });

  it('expects a postmortem at every severity, small incidents included', () => {
    assert.deepEqual(
      prodcraft.severities.map((s) => [s.id, s.responseTime, s.requiresPostmortem]),
      [
        ['SEV1', 'Immediately, all hands', true],
        ['SEV2', 'Within 30 minutes', true],
        ['SEV3', 'Within 4 hours', true],
        ['SEV4', 'Next business day', true],
      ],
    );
  });

  it('requires an owner and a deadline on every action item', () => {
    assert.deepEqual(prodcraft.actionItems, { requiredColumns: ['Action', 'Owner', 'Deadline'], minimum: 1 });
  });

  describe('postmortem fixture (complete.md)', () => {
    completePostmortemChecks('prodcraft');

    it('provides every section, optional ones included', () => {
      const unmatched = matchSections(
        parseMarkdown(readFixture('prodcraft', 'complete.md')),
        prodcraft.documents.postmortem!.sections,
      )
        .filter((m) => !m.section)
        .map((m) => m.spec.id);
      assert.deepEqual(unmatched, []);
    });
  });

  describe('live incident record fixture (incident.md)', () => {
    const spec = prodcraft.documents.incident as DocumentKindSpec;
    const text = readFixture('prodcraft', 'incident.md');

    it('provides every required section of the incident record', () => {
      const missing = matchSections(parseMarkdown(text), spec.sections)
        .filter((m) => m.spec.required && !m.section)
        .map((m) => m.spec.id);
      assert.deepEqual(missing, []);
    });

    it('states the severity and both owners: Incident Commander and Communications Lead', () => {
      assert.deepEqual(
        spec.headerFields!.filter((name) => !statesField(text, name)),
        [],
      );
    });
  });
});

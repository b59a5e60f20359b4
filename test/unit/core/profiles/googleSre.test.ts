import * as assert from 'node:assert/strict';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { matchSections } from '../../../../src/core/postmortem/sections';
import { findProfile } from '../../../../src/core/profiles';
import type { Profile } from '../../../../src/core/profiles';
import { completePostmortemChecks, readFixture } from './profileFixtures';

const googleSre = findProfile('google-sre') as Profile;

describe('google-sre profile', () => {
  it("says it follows the SRE book's example postmortem, kept in docs/postmortems", () => {
    assert.match(googleSre.description, /example postmortem of Google's SRE book/);
    assert.equal(googleSre.documents.postmortem?.folder, 'docs/postmortems');
    assert.deepEqual(Object.keys(googleSre.documents), ['runbook', 'incident', 'postmortem']);
  });

  it("requires the book's sections in its order, the three lessons-learned parts included", () => {
    assert.deepEqual(
      googleSre.documents.postmortem!.sections.filter((s) => s.required).map((s) => s.title),
      [
        'Summary',
        'Impact',
        'Root Causes',
        'Trigger',
        'Resolution',
        'Detection',
        'Action Items',
        'Lessons Learned',
        'What Went Well',
        'What Went Wrong',
        'Where We Got Lucky',
        'Timeline',
      ],
    );
  });

  it("requires the book's action-item columns", () => {
    assert.deepEqual(googleSre.actionItems, { requiredColumns: ['Action Item', 'Type', 'Owner', 'Bug'], minimum: 1 });
  });

  it('uses a generic SEV1-SEV4, with a postmortem required for SEV1 and SEV2', () => {
    assert.deepEqual(
      googleSre.severities.map((s) => [s.id, s.requiresPostmortem]),
      [
        ['SEV1', true],
        ['SEV2', true],
        ['SEV3', false],
        ['SEV4', false],
      ],
    );
  });

  describe('postmortem fixture (complete.md)', () => {
    completePostmortemChecks('google-sre');

    it('provides every section, Supporting Information included', () => {
      const unmatched = matchSections(
        parseMarkdown(readFixture('google-sre', 'complete.md')),
        googleSre.documents.postmortem!.sections,
      )
        .filter((m) => !m.section)
        .map((m) => m.spec.id);
      assert.deepEqual(unmatched, []);
    });
  });
});

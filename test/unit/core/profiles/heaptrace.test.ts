import * as assert from 'node:assert/strict';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { matchSections } from '../../../../src/core/postmortem/sections';
import { findProfile } from '../../../../src/core/profiles';
import type { DocumentKindSpec, Profile } from '../../../../src/core/profiles';
import { completePostmortemChecks, readFixture, statesField } from './profileFixtures';

const heaptrace = findProfile('heaptrace') as Profile;

describe('heaptrace profile', () => {
  it('reads the six summary-table rows as header fields', () => {
    assert.deepEqual(heaptrace.documents.postmortem?.headerFields, [
      'Date',
      'Duration',
      'Severity',
      'Affected Systems',
      'Affected Users',
      'Incident Commander',
    ]);
  });

  it('requires the Five Whys as well as the Root Cause Analysis around it', () => {
    assert.deepEqual(
      heaptrace.documents.postmortem!.sections.filter((s) => s.required).map((s) => s.title),
      [
        'Summary',
        'Impact',
        'Timeline',
        'Root Cause Analysis',
        'The Five Whys',
        'What Went Well',
        'What Went Wrong',
        'Action Items',
        'Lessons Learned',
      ],
    );
  });

  it('asks for at least two action items, each with owner, deadline and status', () => {
    assert.deepEqual(heaptrace.actionItems, {
      requiredColumns: ['Action', 'Owner', 'Deadline', 'Status'],
      minimum: 2,
      followUpReviewDays: 14,
    });
  });

  it('makes its mandatory rules errors: timestamps (PM010), blameless root causes (PM008, PM013), no AI tool references (PM014), tracked action items (PM018), every row of the summary table (PM019), status updates every 15 minutes (PM021)', () => {
    assert.deepEqual(heaptrace.rules, {
      PM008: 'error',
      PM010: 'error',
      PM013: 'error',
      PM014: 'error',
      PM018: 'error',
      PM019: 'error',
      PM021: 'error',
    });
  });

  it('uses SEV-1..SEV-4, with the decision tree folded into the definitions', () => {
    assert.deepEqual(
      heaptrace.severities.map((s) => [s.id, s.label]),
      [
        ['SEV-1', 'Critical'],
        ['SEV-2', 'Major'],
        ['SEV-3', 'Minor'],
        ['SEV-4', 'Low'],
      ],
    );
    assert.match(heaptrace.severities[1].definition, /core workflow.*more than 10% of users/);
    assert.ok(heaptrace.severities.every((s) => s.aliases?.includes(s.id.replace('-', ''))));
  });

  describe('postmortem fixture (complete.md)', () => {
    completePostmortemChecks('heaptrace');

    it('finds the Five Whys under Root Cause Analysis', () => {
      const matches = matchSections(
        parseMarkdown(readFixture('heaptrace', 'complete.md')),
        heaptrace.documents.postmortem!.sections,
      );
      const byId = new Map(matches.map((m) => [m.spec.id, m.section?.heading]));
      assert.deepEqual([byId.get('root-cause')?.level, byId.get('five-whys')?.level], [2, 3]);
    });
  });

  describe('live incident record fixture (incident.md)', () => {
    const spec = heaptrace.documents.incident as DocumentKindSpec;
    const text = readFixture('heaptrace', 'incident.md');

    it('answers the triage questions and keeps a timeline', () => {
      const missing = matchSections(parseMarkdown(text), spec.sections)
        .filter((m) => m.spec.required && !m.section)
        .map((m) => m.spec.id);
      assert.deepEqual(missing, []);
    });

    it('states Date, Severity, Status and Incident Commander', () => {
      assert.deepEqual(
        spec.headerFields!.filter((name) => !statesField(text, name)),
        [],
      );
    });
  });
});

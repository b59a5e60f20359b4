import { STANDARD_RUNBOOK } from '../../../../src/core/profiles/shared';
import * as assert from 'node:assert/strict';
import { lintText } from '../../../../src/core/lint/lint';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { matchSections } from '../../../../src/core/postmortem/sections';
import { findProfile } from '../../../../src/core/profiles';
import type { DocumentKindSpec, Profile } from '../../../../src/core/profiles';
import { completePostmortemChecks, readFixture, statesField } from './profileFixtures';

const agent = findProfile('agent') as Profile;

describe('agent profile', () => {
  it('keeps postmortems and live incident records in .agent/incidents as INC-YYYY-MM-DD-<slug>.md', () => {
    for (const kind of ['postmortem', 'incident'] as const) {
      assert.equal(agent.documents[kind]?.folder, '.agent/incidents');
      assert.equal(agent.documents[kind]?.fileName, 'INC-YYYY-MM-DD-<slug>.md');
    }
    assert.equal(agent.documents.runbook, STANDARD_RUNBOOK);
  });

  it('asks for the six postmortem sections, with 5 Whys and Evidence optional', () => {
    const sections = agent.documents.postmortem!.sections;
    assert.deepEqual(
      sections.filter((s) => s.required).map((s) => s.title),
      ['Summary', 'Timeline', 'Root Cause', 'What Went Well', 'What Went Poorly', 'Action Items'],
    );
    assert.deepEqual(
      sections.filter((s) => !s.required).map((s) => s.title),
      ['5 Whys', 'Evidence'],
    );
  });

  it('uses P1-P4 with response times, and requires a postmortem for P1 and P2 only', () => {
    assert.deepEqual(
      agent.severities.map((s) => [s.id, s.label, s.responseTime, s.requiresPostmortem]),
      [
        ['P1', 'Critical', 'Immediately', true],
        ['P2', 'High', 'Within 30 minutes', true],
        ['P3', 'Medium', 'Within 2 hours', false],
        ['P4', 'Low', 'Next sprint', false],
      ],
    );
  });

  it('requires Action, Owner and Due Date on at least one action item', () => {
    assert.deepEqual(agent.actionItems, { requiredColumns: ['Action', 'Owner', 'Due Date'], minimum: 1 });
  });

  describe('postmortem fixture (complete.md)', () => {
    completePostmortemChecks('agent');

    it('provides every section but the optional Evidence', () => {
      const unmatched = matchSections(
        parseMarkdown(readFixture('agent', 'complete.md')),
        agent.documents.postmortem!.sections,
      )
        .filter((m) => !m.section)
        .map((m) => m.spec.id);
      assert.deepEqual(unmatched, ['evidence']);
    });
  });

  describe('live incident record fixture (incident.md)', () => {
    const spec = agent.documents.incident as DocumentKindSpec;
    const text = readFixture('agent', 'incident.md');

    it('lints as an incident record with no PM001 finding', () => {
      assert.deepEqual(
        lintText(text, 'incident', agent).findings.filter((f) => f.ruleId === 'PM001'),
        [],
      );
    });

    it('states Date, Severity, Status and Incident Commander as bold labels', () => {
      assert.deepEqual(spec.headerFields, ['Date', 'Severity', 'Status', 'Incident Commander']);
      assert.deepEqual(
        spec.headerFields!.filter((name) => !statesField(text, name)),
        [],
      );
    });

    it('provides the Evidence and Actions Taken sections', () => {
      const found = matchSections(parseMarkdown(text), spec.sections).map((m) => [m.spec.id, m.section?.heading.text]);
      assert.deepEqual(found, [
        ['evidence', 'Evidence'],
        ['timeline', 'Actions Taken'],
      ]);
    });

    it('would be missing its required Evidence section without that heading', () => {
      const doc = parseMarkdown(text.replace('## Evidence\n', ''));
      const missing = matchSections(doc, spec.sections)
        .filter((m) => m.spec.required && !m.section)
        .map((m) => m.spec.title);
      assert.deepEqual(missing, ['Evidence']);
    });
  });
});

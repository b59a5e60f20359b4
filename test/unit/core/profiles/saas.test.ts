import * as assert from 'node:assert/strict';
import { kindFromProfileFolders } from '../../../../src/core/lint/documentKind';
import { lintText } from '../../../../src/core/lint/lint';
import { findProfile } from '../../../../src/core/profiles';
import type { Profile } from '../../../../src/core/profiles';
import { completePostmortemChecks, readFixture } from './profileFixtures';

const saas = findProfile('saas') as Profile;

describe('saas profile', () => {
  it('writes postmortems to docs/spec/.llm/completed/postmortem-YYYY-MM-DD-<slug>.md', () => {
    assert.equal(saas.documents.postmortem?.folder, 'docs/spec/.llm/completed');
    assert.equal(saas.documents.postmortem?.fileName, 'postmortem-YYYY-MM-DD-<slug>.md');
    assert.equal(
      kindFromProfileFolders('docs/spec/.llm/completed/postmortem-2026-01-27-eu-exports.md', saas),
      'postmortem',
    );
  });

  it('states Date, Severity, Duration and Author in the postmortem header', () => {
    assert.deepEqual(saas.documents.postmortem?.headerFields, ['Date', 'Severity', 'Duration', 'Author']);
  });

  it('requires every section of the post-mortem template, Lessons Learned included', () => {
    assert.deepEqual(
      saas.documents.postmortem!.sections.filter((s) => s.required).map((s) => s.title),
      [
        'Summary',
        'Impact',
        'Timeline',
        'Root Cause',
        'Contributing Factors',
        'What Went Well',
        'What Could Be Improved',
        'Action Items',
        'Lessons Learned',
      ],
    );
  });

  it('uses SEV-1..SEV-4 with an update cadence for the first three', () => {
    assert.deepEqual(
      saas.severities.map((s) => [s.id, s.updateCadence]),
      [
        ['SEV-1', 'Continuously, at least every 15 minutes'],
        ['SEV-2', 'Every 30 minutes'],
        ['SEV-3', 'Once, when resolved'],
        ['SEV-4', undefined],
      ],
    );
    assert.deepEqual(
      saas.severities.map((s) => s.aliases?.[0]),
      ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
    );
  });

  it('requires a status on every action item', () => {
    assert.deepEqual(saas.actionItems, { requiredColumns: ['Action', 'Owner', 'Due Date', 'Status'], minimum: 1 });
  });

  describe('postmortem fixture (complete.md, headed "## Post-Mortem:" with "### Date:" header lines)', () => {
    completePostmortemChecks('saas');

    it('reports a missing section on the first line when the document has no level-1 title', () => {
      const text = readFixture('saas', 'complete.md').replace('### Lessons Learned\n', '');
      const [finding] = lintText(text, 'postmortem', saas).findings.filter((f) => f.ruleId === 'PM001');
      assert.equal(finding.message, 'Missing required section "Lessons Learned".');
      assert.equal(finding.range.start.line, 0);
    });
  });
});

import * as assert from 'node:assert/strict';
import { kindFromProfileFolders } from '../../../../src/core/lint/documentKind';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import { applySeverityMatrix, parseSeverityMatrix } from '../../../../src/core/config/severityMatrix';

const harness = findProfile('harness') as Profile;

describe('the severity matrix file (seed 000: docs/runbooks/severity-matrix.md)', () => {
  it("is the project's scale, not a runbook: it is not linted as one", () => {
    assert.equal(kindFromProfileFolders('docs/runbooks/severity-matrix.md', harness), undefined);
    assert.equal(kindFromProfileFolders('docs/runbooks/severity_matrix.md', harness), undefined);
    assert.equal(kindFromProfileFolders('docs/runbooks/user-service-severity-matrix-drift.md', harness), 'runbook');
  });
});

describe('parseSeverityMatrix', () => {
  const GOOD = [
    '# Severity matrix',
    '',
    'How we classify incidents.',
    '',
    '| Severity | Label | Definition | Response Time |',
    '|---|---|---|---|',
    '| **SEV1** | Critical | Checkout is down for everyone | 15 minutes |',
    '| SEV2 | Major | Checkout fails for one region | 30 minutes |',
    '| SEV3 | Minor | A report is late; a workaround exists | next business day |',
    '',
  ].join('\n');

  it('reads each row of the table as a level, most severe first, with its label, definition and response time', () => {
    const { levels, problems } = parseSeverityMatrix(GOOD);
    assert.deepEqual(problems, []);
    assert.deepEqual(levels, [
      { id: 'SEV1', label: 'Critical', definition: 'Checkout is down for everyone', responseTime: '15 minutes' },
      { id: 'SEV2', label: 'Major', definition: 'Checkout fails for one region', responseTime: '30 minutes' },
      {
        id: 'SEV3',
        label: 'Minor',
        definition: 'A report is late; a workaround exists',
        responseTime: 'next business day',
      },
    ]);
  });

  it('takes the label written after the id when there is no Label column, and a Postmortem column as yes or no', () => {
    const { levels } = parseSeverityMatrix(
      '| Level | Description | Postmortem |\n|---|---|---|\n| P0 (Emergency) | All users affected | Required |\n| P1 | Some users affected | No |\n',
    );
    assert.deepEqual(levels, [
      { id: 'P0', label: 'Emergency', definition: 'All users affected', requiresPostmortem: true },
      { id: 'P1', label: 'P1', definition: 'Some users affected', requiresPostmortem: false },
    ]);
  });

  it('is an error at the header row when the table has no definition column', () => {
    const { levels, problems } = parseSeverityMatrix(
      '# Severity matrix\n\n| Severity | Label | Response Time |\n|---|---|---|\n| SEV1 | Critical | 15 minutes |\n',
    );
    assert.equal(levels, undefined);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].severity, 'error');
    assert.equal(problems[0].range.start.line, 2);
    assert.match(problems[0].message, /has no Definition .* column; its columns are: Severity, Label, Response Time$/);
  });

  it('is an error at the top when the file has no table', () => {
    const { levels, problems } = parseSeverityMatrix(
      '# Severity matrix\n\nSEV1 is an outage; SEV2 is a degradation.\n',
    );
    assert.equal(levels, undefined);
    assert.deepEqual(
      problems.map((p) => [p.severity, p.range.start.line]),
      [['error', 0]],
    );
    assert.match(problems[0].message, /^no severity table found/);
  });

  it('is an error at the row of a level given twice or without a definition', () => {
    const { levels, problems } = parseSeverityMatrix(
      '| Severity | Definition |\n|---|---|\n| SEV1 | Outage |\n| SEV-1 | Outage again |\n| SEV2 |  |\n',
    );
    assert.equal(levels, undefined);
    assert.deepEqual(
      problems.map((p) => p.range.start.line),
      [3, 4],
    );
    assert.match(problems[0].message, /SEV-1 is given twice .*first on line 3/);
    assert.match(problems[1].message, /SEV2 has no definition/);
  });
});

describe('applySeverityMatrix', () => {
  it("replaces the built-in levels with the matrix's, keeping what the matrix does not say of a level with the same id", () => {
    const agent = findProfile('agent') as Profile;
    const p1 = agent.severities.find((s) => s.id === 'P1');
    assert.equal(p1?.requiresPostmortem, true);
    const profile = applySeverityMatrix(agent, [
      { id: 'P1', label: 'Urgent', definition: 'Payments fail' },
      { id: 'P9', label: 'Noise', definition: 'Nothing to do' },
    ]);
    assert.deepEqual(
      profile.severities.map((s) => [s.id, s.label, s.definition, s.requiresPostmortem]),
      [
        ['P1', 'Urgent', 'Payments fail', true],
        ['P9', 'Noise', 'Nothing to do', undefined],
      ],
    );
    assert.notEqual(agent.severities[0].label, 'Urgent');
  });

  it('keeps the decision tree only when the matrix has every level it leads to', () => {
    assert.ok(harness.severityDecisionTree);
    const same = applySeverityMatrix(
      harness,
      harness.severities.map((s) => ({ ...s, definition: `${s.definition} (ours)` })),
    );
    assert.deepEqual(same.severityDecisionTree, harness.severityDecisionTree);
    const other = applySeverityMatrix(harness, [{ id: 'P0', label: 'Emergency', definition: 'Everything is down' }]);
    assert.equal(other.severityDecisionTree, undefined);
    assert.deepEqual(
      other.severities.map((s) => s.id),
      ['P0'],
    );
  });
});

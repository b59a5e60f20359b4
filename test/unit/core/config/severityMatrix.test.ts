import * as assert from 'node:assert/strict';
import { kindFromProfileFolders } from '../../../../src/core/lint/documentKind';
import { findProfile, type Profile } from '../../../../src/core/profiles';

const harness = findProfile('harness') as Profile;

describe('the severity matrix file (seed 000: docs/runbooks/severity-matrix.md)', () => {
  it('is the project\'s scale, not a runbook: it is not linted as one', () => {
    assert.equal(kindFromProfileFolders('docs/runbooks/severity-matrix.md', harness), undefined);
    assert.equal(kindFromProfileFolders('docs/runbooks/severity_matrix.md', harness), undefined);
    assert.equal(kindFromProfileFolders('docs/runbooks/user-service-severity-matrix-drift.md', harness), 'runbook');
  });
});

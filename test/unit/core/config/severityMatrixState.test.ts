import * as assert from 'node:assert/strict';
import { applySeverityMatrix, parseSeverityMatrix } from '../../../../src/core/config/severityMatrix';
import {
  MATRIX_BUILT_IN_NOTE,
  MATRIX_LAST_GOOD_NOTE,
  SeverityMatrixState,
} from '../../../../src/core/config/severityMatrixState';
import { findProfile, type Profile } from '../../../../src/core/profiles';

const harness = findProfile('harness') as Profile;
const prodcraft = findProfile('prodcraft') as Profile;

function matrix(...rows: string[]): string {
  return ['# Severity matrix', '', '| Severity | Label | Definition |', '|---|---|---|', ...rows, ''].join('\n');
}

const TWO = matrix('| SEV1 | Critical | Checkout is down |', '| SEV2 | Minor | A report is late |');
const THREE = matrix(
  '| SEV1 | Critical | Checkout is down |',
  '| SEV2 | Major | One region fails |',
  '| SEV3 | Minor | A report is late |',
);
/** Line 6 (0-based 5) has no definition. */
const BAD = matrix('| SEV1 | Critical | Checkout is down |', '| SEV2 | Minor | |');

const ids = (p: Profile) => p.severities.map((s) => s.id);

describe("SeverityMatrixState (the editor's view of a matrix file over time)", () => {
  it('leaves the profile alone until a matrix is read', () => {
    const state = new SeverityMatrixState();
    assert.equal(state.inForce, false);
    assert.equal(state.apply(harness, applySeverityMatrix), harness);
  });

  it('makes a good matrix the scale, giving the same profile object for the same base until the matrix changes', () => {
    const state = new SeverityMatrixState();
    assert.equal(state.read(parseSeverityMatrix(TWO)), true);
    const first = state.apply(harness, applySeverityMatrix);
    assert.deepEqual(ids(first), ['SEV1', 'SEV2']);
    assert.equal(state.apply(harness, applySeverityMatrix), first);
    assert.notEqual(state.apply(prodcraft, applySeverityMatrix), first);
    // The same table saved again (even with other surrounding text) changes nothing.
    assert.equal(state.read(parseSeverityMatrix(`Intro line.\n\n${TWO}`)), false);
    assert.equal(state.apply(harness, applySeverityMatrix), first);
    assert.equal(state.read(parseSeverityMatrix(THREE)), true);
    const second = state.apply(harness, applySeverityMatrix);
    assert.notEqual(second, first);
    assert.deepEqual(ids(second), ['SEV1', 'SEV2', 'SEV3']);
  });

  it("uses the profile's built-in scale for a matrix that was never valid, and says so in the error at the offending line", () => {
    const state = new SeverityMatrixState();
    assert.equal(state.read(parseSeverityMatrix(BAD)), false);
    assert.equal(state.inForce, false);
    assert.equal(state.apply(harness, applySeverityMatrix), harness);
    assert.equal(state.problems.length, 1);
    assert.equal(state.problems[0].range.start.line, 5);
    assert.equal(
      state.problems[0].message,
      `the level SEV2 has no definition in the severity table. ${MATRIX_BUILT_IN_NOTE}`,
    );
  });

  it('keeps the last valid matrix in force when an edit breaks it, and says so', () => {
    const state = new SeverityMatrixState();
    state.read(parseSeverityMatrix(THREE));
    const good = state.apply(harness, applySeverityMatrix);
    assert.equal(state.read(parseSeverityMatrix(BAD)), false);
    assert.equal(state.apply(harness, applySeverityMatrix), good);
    assert.deepEqual(ids(good), ['SEV1', 'SEV2', 'SEV3']);
    assert.equal(
      state.problems[0].message,
      `the level SEV2 has no definition in the severity table. ${MATRIX_LAST_GOOD_NOTE}`,
    );
    // Fixing it clears the problems.
    state.read(parseSeverityMatrix(TWO));
    assert.deepEqual(state.problems, []);
    assert.deepEqual(ids(state.apply(harness, applySeverityMatrix)), ['SEV1', 'SEV2']);
  });

  it('describes problems while typing without changing the scale in force', () => {
    const state = new SeverityMatrixState();
    state.read(parseSeverityMatrix(TWO));
    const good = state.apply(harness, applySeverityMatrix);
    const shown = state.describe(parseSeverityMatrix(BAD));
    assert.equal(shown.length, 1);
    assert.ok(shown[0].message.endsWith(MATRIX_LAST_GOOD_NOTE));
    assert.deepEqual(state.problems, []);
    assert.equal(state.apply(harness, applySeverityMatrix), good);
  });

  it("goes back to the profile's scale when the file is deleted, and forgets the old matrix", () => {
    const state = new SeverityMatrixState();
    state.read(parseSeverityMatrix(TWO));
    assert.equal(state.read(undefined), true);
    assert.equal(state.apply(harness, applySeverityMatrix), harness);
    assert.equal(state.read(undefined), false);
    state.read(parseSeverityMatrix(BAD));
    assert.ok(state.problems[0].message.endsWith(MATRIX_BUILT_IN_NOTE));
  });
});

import * as assert from 'node:assert/strict';
import { ruleLevel } from '../../../../src/core/lint/lint';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import { findRule } from '../../../../src/core/rules';

const level = (profile: string, id: string) => ruleLevel(findRule(id)!, findProfile(profile) as Profile);

describe("the seeds' gates are errors under their own profiles", () => {
  it('harness (seed 000): root cause statement, action item per factor, justified severity change', () => {
    assert.deepEqual(
      ['PM001', 'PM004', 'PM005', 'PM007', 'PM008', 'PM012'].map((id) => level('harness', id)),
      ['error', 'error', 'error', 'error', 'error', 'error'],
    );
  });

  it('agent (seed 001): no blame, a real user confirms the fix, a postmortem for every P1/P2', () => {
    assert.deepEqual(
      ['PM013', 'PM006', 'PM020', 'IN001'].map((id) => level('agent', id)),
      ['error', 'error', 'error', 'error'],
    );
  });

  it('prodcraft (seed 002): communication cadence and owner', () => {
    assert.deepEqual(
      ['PM017', 'PM011', 'PM004', 'IN001'].map((id) => level('prodcraft', id)),
      ['error', 'error', 'error', 'error'],
    );
  });

  it('heaptrace (seed 004): timestamps, blameless root cause, no AI references, status updates every 15 minutes', () => {
    assert.deepEqual(
      ['PM010', 'PM013', 'PM008', 'PM014', 'PM006', 'PM021'].map((id) => level('heaptrace', id)),
      ['error', 'error', 'error', 'error', 'error', 'error'],
    );
  });

  it('keeps them warnings where the seed does not call them gates (saas, google-sre)', () => {
    for (const p of ['saas', 'google-sre'])
      assert.deepEqual(
        ['PM007', 'PM008', 'PM012', 'PM013'].map((id) => level(p, id)),
        ['warning', 'warning', 'warning', 'warning'],
        p,
      );
  });
});

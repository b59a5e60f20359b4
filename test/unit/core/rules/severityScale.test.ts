import * as assert from 'node:assert/strict';
import { lintText } from '../../../../src/core/lint/lint';
import { findProfile, type Profile } from '../../../../src/core/profiles';

const harness = findProfile('harness') as Profile;
const agent = findProfile('agent') as Profile;

/** PM011's findings as `line:start message` (1-based lines). */
function pm011(text: string, profile: Profile = harness): string[] {
  return lintText(text, 'postmortem', profile)
    .findings.filter((f) => f.ruleId === 'PM011')
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character} ${f.message}`);
}

describe('PM011 reads the severity where teams write it', () => {
  it('accepts a severity stated only in the timeline or a sentence of the summary', () => {
    assert.deepEqual(pm011('# Outage\n\n## Timeline\n- 09:12 Sev 1 ticket raised by support\n- 09:40 resolved\n'), []);
    assert.deepEqual(pm011('# Outage\n\n## Summary\nThis was a SEV2 incident: exports failed for an hour.\n'), []);
    assert.deepEqual(pm011('# Outage\n\n## Summary\nWe declared a P2 incident when exports failed.\n', agent), []);
  });

  it('reports a severity named in a sentence that is not on the scale, where it is written', () => {
    assert.deepEqual(pm011('# Outage\n\n## Summary\nThis was a SEV2 incident.\n', agent), [
      '4:11 Severity "SEV2" is not in the agent profile\'s scale (P1, P2, P3, P4).',
    ]);
  });

  it('still reports a document that names no severity, a P-number in an action item not counting', () => {
    assert.deepEqual(pm011('# Outage\n\n## Action Items\n- [P1] Add an alert (owner: @a, due: 2026-05-01)\n'), [
      '1:0 The document states no severity; add a "Severity:" field with one of SEV1, SEV2, SEV3, SEV4.',
    ]);
  });
});

import * as assert from 'node:assert/strict';
import { lintText } from '../../../../src/core/lint/lint';
import { findProfile, type Profile } from '../../../../src/core/profiles';

const googleSre = findProfile('google-sre') as Profile;
const pm002 = (text: string) =>
  lintText(text, 'postmortem', googleSre)
    .findings.filter((f) => f.ruleId === 'PM002')
    .map((f) => f.message);

describe('PM002 on bold-label sections', () => {
  it("reads the value after a bold label as the section's content", () => {
    assert.deepEqual(pm002('# T\n\n**Impact:** most uploads failed for an hour.\n\n**Trigger**: a config push.\n'), []);
  });

  it('reports a bold label with nothing after it, not counting the label as content', () => {
    assert.deepEqual(pm002('# T\n\n**Impact:**\n\n**Trigger**: a config push.\n'), [
      'Section "Impact" has no content yet; write it, or remove the template text.',
    ]);
  });

  it('reads the paragraphs under a bold label alone on its line as its content', () => {
    assert.deepEqual(pm002('# T\n\n**Resolution**\n\nWe rolled back the push.\n'), []);
  });
});

import * as assert from 'node:assert/strict';
import { readDisableComments } from '../../../../src/core/lint/disableComments';
import { lintText } from '../../../../src/core/lint/lint';
import { findProfile, type Profile } from '../../../../src/core/profiles';

describe('inline disable comments', () => {
  it('disables a rule from a disable comment until the matching enable', () => {
    const at = readDisableComments([
      'a',
      '<!-- incident-workbench-disable PM013 -->',
      'b',
      '<!-- incident-workbench-enable PM013 -->',
      'c',
    ]);
    assert.equal(at('PM013', 0), false);
    assert.equal(at('PM013', 2), true);
    assert.equal(at('PM004', 2), false);
    assert.equal(at('PM013', 4), false);
  });

  it('disables every rule when no id is given, and only the next line with disable-next-line', () => {
    const at = readDisableComments(['<!-- incident-workbench-disable-next-line -->', 'x', 'y']);
    assert.equal(at('PM001', 1), true);
    assert.equal(at('PM001', 2), false);
  });

  it('takes a rule by its name as by its id (blame-language is PM013), next to ids and with the closing --> attached', () => {
    const at = readDisableComments([
      '<!-- incident-workbench-disable blame-language action-item-owner-->',
      'b',
      '<!-- incident-workbench-enable PM013 -->',
      'c',
    ]);
    assert.equal(at('PM013', 1), true);
    assert.equal(at('PM004', 1), true);
    assert.equal(at('PM013', 3), false);
    assert.equal(at('PM004', 3), true);
    assert.equal(at('PM005', 1), false);
  });

  it('lets disable-file silence PM001 on the title line', () => {
    const profile = findProfile('harness') as Profile;
    const text = '# T\n<!-- incident-workbench-disable-file PM001 -->\n';
    assert.deepEqual(
      lintText(text, 'postmortem', profile).findings.filter((f) => f.ruleId === 'PM001'),
      [],
    );
    assert.equal(
      lintText('# T\n<!-- incident-workbench-disable-file PM004 -->\n', 'postmortem', profile).findings.filter(
        (f) => f.ruleId === 'PM001',
      ).length,
      8,
    );
  });
});

import * as assert from 'node:assert/strict';
import { lintText } from '../../../../src/core/lint/lint';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import { parseSloFile } from '../../../../src/core/slo';
import { applyEdits, fixesFor } from '../../../../src/core/fixes/fixes';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { SLO_STARTER_TEMPLATE } from '../../../../src/core/fixes/sloTemplate';
import { CLEAN_POSTMORTEM } from '../../../fixtures/documents';

const harness = findProfile('harness') as Profile;

function pm016(text: string, sloFileMissing: boolean | undefined, profile: Profile = harness) {
  return lintText(text, 'postmortem', profile, { sloFileMissing }).findings.filter((f) => f.ruleId === 'PM016');
}

describe('PM016 slo-definitions-missing', () => {
  it('reports a workspace without slo.yaml once, on the Impact heading, as a harness warning (seed 000)', () => {
    const found = pm016(CLEAN_POSTMORTEM, true);
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.equal(found[0].range.start.line, CLEAN_POSTMORTEM.split('\n').indexOf('## Impact'));
    assert.match(
      found[0].message,
      /^No SLO definitions found \(the workspace has no slo\.yaml\).*add a P0 action item to establish baseline SLOs\. A starter template goes in docs\/runbooks\/slo-template\.yaml\.$/,
    );
  });

  it('is satisfied by a P0 action item that establishes SLOs, and silent when the workspace has an SLO file or is not known', () => {
    const withItem = CLEAN_POSTMORTEM.replace(
      '| 2 | Add circuit breaker',
      '| 3 | Define baseline SLOs for checkout | @sre | P0 | 2026-03-20 | Open |\n| 2 | Add circuit breaker',
    );
    assert.deepEqual(pm016(withItem, true), []);
    const p1Item = withItem.replace('| P0 |', '| P1 |');
    assert.equal(pm016(p1Item, true).length, 1);
    assert.deepEqual(pm016(CLEAN_POSTMORTEM, false), []);
    assert.deepEqual(pm016(CLEAN_POSTMORTEM, undefined), []);
  });

  it('is off under the profiles whose process names no SLO file', () => {
    for (const name of ['agent', 'prodcraft', 'saas', 'heaptrace', 'google-sre'])
      assert.deepEqual(pm016(CLEAN_POSTMORTEM, true, findProfile(name) as Profile), [], name);
  });

  it('offers a quick fix that creates the starter template in the runbook folder, a valid short-form slo.yaml, and edits nothing else', () => {
    const [finding] = pm016(CLEAN_POSTMORTEM, true);
    const fixes = fixesFor(finding, {
      doc: parseMarkdown(CLEAN_POSTMORTEM),
      kind: 'postmortem',
      profile: harness,
      today: '2026-03-16',
    });
    const create = fixes.find((f) => f.createFile);
    assert.ok(create);
    assert.equal(create.title, 'Create the SLO starter template (docs/runbooks/slo-template.yaml)');
    assert.equal(create.createFile?.path, 'docs/runbooks/slo-template.yaml');
    assert.equal(applyEdits(CLEAN_POSTMORTEM, create.edits), CLEAN_POSTMORTEM);
    const parsed = parseSloFile(SLO_STARTER_TEMPLATE, 'slo-template.yaml');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(
      parsed.slos.map((s) => [s.service, s.objective]),
      [['example-service', 99.9]],
    );
  });
});

import * as assert from 'node:assert/strict';
import { lintText } from '../../../../src/core/lint/lint';
import { findProfile } from '../../../../src/core/profiles';
import type { Profile } from '../../../../src/core/profiles';
import { completePostmortemChecks, readFixture } from './profileFixtures';

const pagerduty = findProfile('pagerduty') as Profile;

describe('pagerduty profile', () => {
  it('is registered, after google-sre, and keeps postmortems in docs/postmortems', () => {
    assert.ok(pagerduty);
    assert.equal(pagerduty.documents.postmortem?.folder, 'docs/postmortems');
  });

  it("requires the template's sections in its order, contributing factors and no root cause", () => {
    const required = pagerduty.documents.postmortem!.sections.filter((s) => s.required).map((s) => s.title);
    assert.deepEqual(required, [
      'Overview',
      'What Happened',
      'Contributing Factors',
      'Resolution',
      'Impact',
      'Responders',
      'Timeline',
      'What Went Well?',
      "What Didn't Go So Well?",
      'Action Items',
    ]);
    assert.equal(pagerduty.documents.postmortem!.sections.find((s) => s.id === 'root-cause')?.required, false);
  });

  it('accepts contributing factors without a Root Cause section, and checks a Root Cause section when one is written', () => {
    const text = readFixture('pagerduty', 'complete.md');
    assert.ok(!/^## Root Cause/m.test(text));
    assert.deepEqual(
      lintText(text, 'postmortem', pagerduty).findings.filter((f) => f.ruleId === 'PM001'),
      [],
    );
    const vague = text.replace('## Resolution', '## Root Cause\nHuman error.\n\n## Resolution');
    assert.deepEqual(lintText(vague, 'postmortem', pagerduty).findings.filter((f) => f.ruleId === 'PM008').length, 1);
  });

  it('reports a contributing factor with no action item for it (PM007 reads the causal analysis)', () => {
    const text = readFixture('pagerduty', 'complete.md').replace(
      '- The compaction job was moved',
      "- The load balancer health check ignored the broker's write errors entirely.\n- The compaction job was moved",
    );
    const before = lintText(readFixture('pagerduty', 'complete.md'), 'postmortem', pagerduty).findings.filter(
      (f) => f.ruleId === 'PM007',
    );
    const after = lintText(text, 'postmortem', pagerduty).findings.filter((f) => f.ruleId === 'PM007');
    assert.ok(after.length > before.length, JSON.stringify(after));
  });

  it('requires each action item to be a ticket with an owner', () => {
    assert.deepEqual(pagerduty.actionItems, { requiredColumns: ['Action Item', 'Owner', 'Ticket'], minimum: 1 });
  });

  describe('postmortem fixture (complete.md)', () => {
    completePostmortemChecks('pagerduty');
  });
});

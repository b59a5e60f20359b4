import * as assert from 'node:assert/strict';
import { lintText } from '../../../../src/core/lint/lint';
import { findProfile, type Profile } from '../../../../src/core/profiles';

const harness = findProfile('harness') as Profile;

/** The findings of one rule as `line message` (1-based lines). */
function run(ruleId: string, text: string, profile: Profile = harness): string[] {
  return lintText(text, 'postmortem', profile)
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => `${f.range.start.line + 1} ${f.message}`);
}

const postmortem = (...body: string[]) =>
  ['# Postmortem: Queue backlog', '', '**Severity:** SEV3', '', ...body, ''].join('\n');

describe('PM004 and PM005 on action items outside an "Action Items" heading', () => {
  it('report ownerless, undated items under "Planned actions" and "We will ..." sentences under "How we prevent this"', () => {
    const text = postmortem(
      '## Planned actions',
      '- Add a backlog alert on the queue',
      '',
      '## How we prevent this',
      'We will cap the batch size at 500 messages.',
      '',
    );
    assert.deepEqual(run('PM004', text), [
      '6 Action item "Add a backlog alert on the queue" has no owner; name a person or team.',
      '9 Action item "We will cap the batch size at 500 messages." has no owner; name a person or team.',
    ]);
    assert.deepEqual(run('PM005', text), [
      '6 Action item "Add a backlog alert on the queue" has no due date.',
      '9 Action item "We will cap the batch size at 500 messages." has no due date.',
    ]);
  });

  it('do not ask a done item for a due date, whichever way it is marked done', () => {
    const text = postmortem(
      '## Remediation',
      '- Drain the dead-letter queue (done) (owner: @ops)',
      '- ✅ Restart the consumers (owner: @ops)',
      '- ~~Raise the visibility timeout~~ (owner: @ops)',
      '- [x] Page the queue owners (owner: @ops)',
      '- Add a consumer lag dashboard (owner: @ops)',
    );
    assert.deepEqual(run('PM005', text), ['10 Action item "Add a consumer lag dashboard" has no due date.']);
    assert.deepEqual(run('PM004', text), []);
  });

  it('read an owner or due date written on a sub-bullet, and do not report sub-bullets or links as items', () => {
    const text = postmortem(
      '## Follow-ups',
      '- Split the queue per tenant',
      '  - Owner: @queue-team',
      '  - Due: 2026-06-01',
      '  - see [the design](https://example.com/design)',
      '- [tracking issue](https://example.com/issues/7)',
    );
    assert.deepEqual(run('PM004', text), []);
    assert.deepEqual(run('PM005', text), []);
  });
});

describe('PM006 counts action items as PM004 reads them', () => {
  it('counts the sub-items of a lead-in but not the details under an item', () => {
    const strict: Profile = { ...harness, actionItems: { ...harness.actionItems, minimum: 2 } };
    const details = postmortem(
      '## Action Items',
      '- Cap the batch size (owner: @a, due: 2026-06-01)',
      '  - measured at 500 messages',
      '  - see the load test',
    );
    assert.deepEqual(run('PM006', details, strict), [
      '5 "Action Items" lists 1 action item; the harness profile asks for at least 2.',
    ]);
    const leadIn = postmortem(
      '## Action Items',
      '- Before the next launch:',
      '  - Cap the batch size (owner: @a, due: 2026-06-01)',
      '  - Add a lag alert (owner: @b, due: 2026-06-08)',
    );
    assert.deepEqual(run('PM006', leadIn, strict), []);
  });
});

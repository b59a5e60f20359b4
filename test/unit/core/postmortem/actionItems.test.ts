import * as assert from 'node:assert/strict';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { isFollowUpHeading, isMarkedDone, type ActionItem } from '../../../../src/core/postmortem/actionItems';
import { readIncident } from '../../../../src/core/postmortem/model';
import { findProfile, type Profile } from '../../../../src/core/profiles';

const harness = findProfile('harness') as Profile;

/** The action items of a postmortem, as `line form action [owner] [due] [done]` (1-based lines). */
function items(text: string): string[] {
  const read = readIncident(parseMarkdown(text), 'postmortem', harness).actionItems;
  return (read?.items ?? []).map((i: ActionItem) =>
    [
      `${i.line + 1} ${i.form} ${i.action}`,
      i.fields.owner ? `owner=${i.fields.owner.text}` : '',
      i.fields.due ? `due=${i.fields.due.text}` : '',
      i.done ? 'done' : '',
    ]
      .filter(Boolean)
      .join(' | '),
  );
}

describe('action items wherever they are', () => {
  it('recognises the usual names of follow-up sections, and not those that tell what happened', () => {
    for (const heading of [
      'Action Items',
      'Next steps',
      'Planned actions',
      'Remediation',
      'Follow-ups',
      'Follow up items',
      'Review actions',
      'Long-term Improvements',
      'Short term fixes',
      'Corrective and preventive measures',
      'How we prevent this from happening again',
      "What we're doing about it",
      'What we will change',
      'Action items (tracked in Jira)',
      '4. Next Steps:',
    ]) {
      assert.equal(isFollowUpHeading(heading), true, heading);
    }
    for (const heading of [
      'Actions taken',
      'Lessons learned',
      'Takeaways',
      'Timeline',
      'Immediate actions taken during the incident',
      'Immediate actions',
      'Key changes',
      'Mitigation',
      'Call to action',
    ]) {
      assert.equal(isFollowUpHeading(heading), false, heading);
    }
  });

  it('reads items from every follow-up section, not only the one the profile names', () => {
    const text = [
      '# Cache outage',
      '',
      '## Summary',
      'The cache fell over.',
      '',
      '## Planned actions',
      '- Add a memory alert on the cache nodes',
      '',
      '## Long-term Improvements',
      '- Move sessions out of the cache (owner: @infra)',
      '',
      '## Lessons learned',
      '- Caches need limits',
      '',
    ].join('\n');
    assert.deepEqual(items(text), [
      '7 list Add a memory alert on the cache nodes',
      '10 list Move sessions out of the cache | owner=@infra',
    ]);
  });

  it('reads "We will ..." sentences of a follow-up section as items, and leaves other prose alone', () => {
    const text = [
      '# Cache outage',
      '',
      '## How we prevent this',
      'The cache is now sized for peak load. We will add an alert on evictions by 2026-05-01.',
      "We'll also review the other caches",
      'before the next launch.',
      'Thanks to everyone who helped.',
      '',
    ].join('\n');
    assert.deepEqual(items(text), [
      '4 sentence We will add an alert on evictions by 2026-05-01. | due=2026-05-01',
      "5 sentence We'll also review the other caches before the next launch.",
    ]);
  });

  it('reads the table or list right under a bold "Action Items:" label', () => {
    const text = [
      '# Search outage',
      '',
      '**Summary**: search was down.',
      '',
      '**Action Items**:',
      '',
      '| Action Item | Owner |',
      '|---|---|',
      '| Plug the file descriptor leak | dana |',
      '',
      '**Lessons**: many.',
      '',
    ].join('\n');
    assert.deepEqual(items(text), ['9 table Plug the file descriptor leak | owner=dana']);
  });

  it('reads the items under a bold follow-up label standing alone ("**Review actions**", "**Long-term Improvements**")', () => {
    assert.deepEqual(
      items(
        '# Outage\n\n## Lessons\nx\n\n**Review actions**\n- Add a canary — @mira\n\n**Long-term Improvements**\n\nWe will shard the queue.\n',
      ),
      ['7 list Add a canary — @mira | owner=@mira', '11 sentence We will shard the queue.'],
    );
    // A bold label that tells what happened is no follow-up section.
    assert.deepEqual(items('# Outage\n\n**What happened**\n- Add a canary — @mira\n'), []);
  });

  it('reads "Action point:" paragraphs anywhere, with a done note under them', () => {
    const text = [
      '# Fork',
      '',
      '## Lessons learned',
      '',
      'Action point: set up an announcement list for operators.',
      '- This has been done.',
      '',
      'Action point: alert on forks from the monitor.',
      '',
      '```',
      'Action point: in code, not an item',
      '```',
      '',
    ].join('\n');
    assert.deepEqual(items(text), [
      '5 sentence set up an announcement list for operators. | done',
      '8 sentence alert on forks from the monitor.',
    ]);
  });

  it('treats sub-bullets and links under an item as part of it, and the sub-items of a lead-in as items', () => {
    const text = [
      '# Deploy outage',
      '',
      '## Action Items',
      '- Add a canary stage to deploys',
      '  - it should hold for ten minutes',
      '  - owner: @release',
      '  - [tracking issue](https://example.com/issues/1)',
      '- Before the next migration:',
      '  - Test the loader against staging',
      '  - Lower the error alert threshold',
      '- https://example.com/issues/2',
      '',
    ].join('\n');
    assert.deepEqual(items(text), [
      '4 list Add a canary stage to deploys | owner=@release',
      '9 list Test the loader against staging',
      '10 list Lower the error alert threshold',
    ]);
  });

  it('reads the done markers: [x], (done), ✅, strikethrough, a Done status and a statement of what has been done', () => {
    const text = [
      '# Outage',
      '',
      '## Action Items',
      '- [x] Rotate the token',
      '- Rotate the other tokens (done)',
      '- ✅ Remove the bot account',
      '- ~~Pin the action version~~',
      '- Audit the workflows (status: done)',
      '- The automerge action has been disabled',
      '- Alert when the token has been used from a new address',
      '- Done: revoke the old keys',
      '- Add a done column to the tracker',
      '',
    ].join('\n');
    const done = items(text).map((i) => i.endsWith('| done'));
    assert.deepEqual(done, [true, true, true, true, true, true, false, true, false]);
    assert.equal(isMarkedDone('Fixed-width fonts for the status page'), false);
    assert.equal(isMarkedDone('Shard the queue [completed in #41]'), true);
  });

  it('reads a Status column with done words and check marks, and a struck-through action cell', () => {
    const text = [
      '# Outage',
      '',
      '## Follow-ups',
      '| Action | Owner | Status |',
      '|---|---|---|',
      '| Add alert | @a | ✅ |',
      '| Add test | @b | Completed 2026-03-02 |',
      '| ~~Drop the table~~ | @c | |',
      '| Add dashboard | @d | In progress |',
      '',
    ].join('\n');
    assert.deepEqual(
      items(text).map((i) => i.endsWith('| done')),
      [true, true, true, false],
    );
  });

  it('gives no action items to a document without any follow-up section or labelled item', () => {
    assert.equal(
      readIncident(parseMarkdown('# Outage\n\n## Summary\nWe will be more careful.\n'), 'postmortem', harness)
        .actionItems,
      undefined,
    );
  });
});

import * as assert from 'node:assert/strict';
import { kindFromPathWords, kindFromProfileFolders } from '../../../../src/core/lint/documentKind';
import { findProfile, type Profile } from '../../../../src/core/profiles';

const harness = findProfile('harness') as Profile;

describe('document kind', () => {
  it('takes the kind from the profile folder, in nested folders and with Windows separators', () => {
    assert.equal(kindFromProfileFolders('docs/postmortems/2026-03-15-x.md', harness), 'postmortem');
    assert.equal(kindFromProfileFolders('docs\\postmortems\\2026\\a.md', harness), 'postmortem');
    assert.equal(kindFromProfileFolders('./docs/runbooks/db-slow.md', harness), 'runbook');
    assert.equal(kindFromProfileFolders('services/x/docs/runbooks/db-slow.md', harness), 'runbook');
  });

  it('leaves out README, index and template files, non-Markdown files and other folders', () => {
    assert.equal(kindFromProfileFolders('docs/postmortems/README.md', harness), undefined);
    assert.equal(kindFromProfileFolders('docs/incidents/index.md', harness), undefined);
    assert.equal(kindFromProfileFolders('docs/postmortems/template.md', harness), undefined);
    assert.equal(kindFromProfileFolders('docs/postmortems/a.txt', harness), undefined);
    assert.equal(kindFromProfileFolders('docs/guides/a.md', harness), undefined);
    assert.equal(kindFromProfileFolders('docs/postmortems-old/a.md', harness), undefined);
  });

  it('guesses a kind from words in the path', () => {
    assert.equal(kindFromPathWords('ops/Runbooks/db.md'), 'runbook');
    assert.equal(kindFromPathWords('wiki/post-mortems/2020.md'), 'postmortem');
    assert.equal(kindFromPathWords('notes/incident-42.md'), 'incident');
    assert.equal(kindFromPathWords('notes/plan.md'), undefined);
  });
});

import * as assert from 'node:assert/strict';
import { draftHasInput, revisionOf } from '../../../../src/webview/draft';
import { emptyDraft } from '../../../../src/webview/protocol';

describe('whether a wizard draft holds input (src/webview/draft.ts)', () => {
  it('finds none in an empty draft, whatever its phase, and none in blank entries', () => {
    const draft = emptyDraft();
    assert.equal(draftHasInput(draft), false);
    draft.phase = 'improve';
    draft.investigate.whys = ['', '  '];
    assert.equal(draftHasInput(draft), false);
  });

  it('finds typed text, a decision-tree answer, a suspected commit or a runbook choice', () => {
    const withTitle = emptyDraft();
    withTitle.assess.title = 'Checkout down';
    assert.equal(draftHasInput(withTitle), true);
    const withAnswer = emptyDraft();
    withAnswer.assess.severityAnswers = [false];
    assert.equal(draftHasInput(withAnswer), true);
    const withCommit = emptyDraft();
    withCommit.investigate.suspectedCommits = ['abc1234'];
    assert.equal(draftHasInput(withCommit), true);
    const withRunbook = emptyDraft();
    withRunbook.document.runbooks = [{ service: 'checkout', failureMode: '', action: 'create' }];
    assert.equal(draftHasInput(withRunbook), true);
  });
});

describe('the edit count of a stored draft (revisionOf)', () => {
  it('keeps a non-negative safe integer and reads anything else as 0', () => {
    assert.deepEqual([revisionOf(7), revisionOf(0)], [7, 0]);
    assert.deepEqual(
      [revisionOf(-1), revisionOf(1.5), revisionOf('3'), revisionOf(undefined), revisionOf(2 ** 53)],
      [0, 0, 0, 0, 0],
    );
  });
});

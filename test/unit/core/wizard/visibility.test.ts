// Which findings the wizard shows: none on a form the user has not started, a field's own once it was touched, all after Finish.
import * as assert from 'node:assert/strict';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import { evaluateDraft } from '../../../../src/core/wizard';
import {
  filledFields,
  findingVisible,
  touchedFromState,
  visibleFindings,
} from '../../../../src/core/wizard/visibility';
import { emptyDraft, type WizardFinding } from '../../../../src/webview/protocol';
import { fullDraft } from './drafts';

const harness = findProfile('harness') as Profile;

const finding = (field: string | undefined, phase: WizardFinding['phase'] = 'assess'): WizardFinding => ({
  ruleId: 'PM999',
  severity: 'warning',
  message: `about ${field ?? 'nothing in particular'}`,
  phase,
  ...(field ? { field } : {}),
});

describe('wizard finding visibility', () => {
  const findings = [
    finding('assess.title'),
    finding('investigate.rootCause', 'investigate'),
    finding('improve.actionItems', 'improve'),
    finding('improve.actionItems.0.owner', 'improve'),
    finding(undefined, 'document'),
  ];
  const fieldsOf = (shown: readonly WizardFinding[]) => shown.map((f) => f.field ?? `(${f.phase})`);

  it('shows nothing on a form nobody has touched, and everything once Finish was pressed', () => {
    assert.deepEqual(visibleFindings(findings, [], false), []);
    assert.deepEqual(visibleFindings(findings, [], true), findings);
  });

  it('shows the findings of a touched field and of no other field', () => {
    assert.deepEqual(fieldsOf(visibleFindings(findings, ['investigate.rootCause'], false)), ['investigate.rootCause']);
    assert.deepEqual(fieldsOf(visibleFindings(findings, new Set(['assess.title', 'assess.whatIsBroken']), false)), [
      'assess.title',
    ]);
  });

  it('counts touching an entry of a list as touching the list, but not the list as touching each entry', () => {
    assert.deepEqual(fieldsOf(visibleFindings(findings, ['improve.actionItems.0.owner'], false)), [
      'improve.actionItems',
      'improve.actionItems.0.owner',
    ]);
    // Adding an action item touches the list: its own findings show, the new row's empty owner does not yet.
    assert.deepEqual(fieldsOf(visibleFindings(findings, ['improve.actionItems'], false)), ['improve.actionItems']);
    // A path that only shares a prefix of characters is another field.
    assert.equal(findingVisible(finding('assess.severity'), ['assess.severityAnswers'], false), false);
  });

  it('shows a finding on no field once some field of its phase was touched', () => {
    assert.deepEqual(fieldsOf(visibleFindings(findings, ['assess.title'], false)), ['assess.title']);
    assert.deepEqual(fieldsOf(visibleFindings(findings, ['document.summary'], false)), ['(document)']);
  });

  it('hides every finding of the real linter on a fresh wizard, and shows the root cause ones once that field is touched', () => {
    const all = evaluateDraft(harness, emptyDraft(), { date: '2026-03-15' }).findings;
    assert.ok(all.length > 0, 'an empty draft has findings to hide');
    assert.deepEqual(visibleFindings(all, filledFields(emptyDraft()), false), []);
    const rootCause = all.filter((f) => f.field === 'investigate.rootCause');
    assert.ok(rootCause.length > 0, 'the empty root cause has a finding');
    assert.deepEqual(
      visibleFindings(all, ['investigate.rootCause'], false).filter((f) =>
        f.field?.startsWith('investigate.rootCause'),
      ),
      rootCause,
    );
    assert.ok(visibleFindings(all, ['investigate.rootCause'], false).every((f) => f.phase === 'investigate'));
  });
});

describe('wizard touched fields', () => {
  it('finds no filled field in an empty draft (the one blank why and factor do not count)', () => {
    assert.deepEqual(filledFields(emptyDraft()), []);
  });

  it('counts every field of a resumed draft that holds text as touched', () => {
    const draft = emptyDraft();
    draft.assess.title = 'Disk full on db-1';
    draft.assess.whatIsBroken = '   ';
    draft.assess.services = ['db', 'api'];
    draft.assess.severityAnswers = [false];
    draft.investigate.whys = ['', 'Because the log rotation stopped.'];
    draft.investigate.suspectedCommits = ['a1b2c3d', 'e4f5a6b'];
    draft.document.otherSections = { 'lessons-learned': 'Alert on disk use.' };
    draft.improve.actionItems = [{ action: '', owner: 'Dana', priority: 'P1', due: '', type: '' }];
    assert.deepEqual(filledFields(draft).sort(), [
      'assess.services.0',
      'assess.services.1',
      'assess.severity',
      'assess.title',
      'document.otherSections.lessons-learned',
      'improve.actionItems.0.owner',
      'improve.actionItems.0.priority',
      'investigate.suspectedCommits',
      'investigate.whys.1',
    ]);
  });

  it('shows the findings of the filled fields of a resumed draft, such as a vague root cause', () => {
    const draft = fullDraft(harness);
    draft.investigate.rootCause = 'Human error.';
    const all = evaluateDraft(harness, draft, { date: '2026-03-15' }).findings;
    const rootCause = all.filter((f) => f.field === 'investigate.rootCause');
    assert.ok(rootCause.length > 0, 'the vague root cause has a finding');
    const shown = visibleFindings(all, filledFields(draft), false);
    for (const f of rootCause) assert.ok(shown.includes(f), `${f.ruleId} on the filled root cause is shown`);
  });

  it('reads the touched fields of the saved page state, and none from a state saved before the page kept them', () => {
    assert.deepEqual(touchedFromState(['assess.title', 'investigate.whys.0']), ['assess.title', 'investigate.whys.0']);
    assert.deepEqual(touchedFromState(undefined), []);
    assert.deepEqual(touchedFromState('assess.title'), []);
    assert.deepEqual(touchedFromState(['assess.title', 3, null, '']), ['assess.title']);
  });
});

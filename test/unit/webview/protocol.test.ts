import * as assert from 'node:assert/strict';
import {
  emptyDraft,
  hostMessageSchema,
  MAX_FIELD_CHARS,
  MAX_LIST_ENTRIES,
  parseMessage,
  webviewMessageSchema,
  wizardDraftSchema,
  type WizardDraft,
} from '../../../src/webview/protocol';
import { findProfile, type Profile } from '../../../src/core/profiles';
import { fullDraft } from '../core/wizard/drafts';

const harness = findProfile('harness') as Profile;

/** A deep copy of `draft` with the value at the dotted `path` replaced (or deleted when `value` is undefined): what a bad sender could post. */
function changed(draft: WizardDraft, path: string, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(draft)) as Record<string, unknown>;
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, copy);
  const last = keys[keys.length - 1];
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

describe('wizard message protocol', () => {
  describe('the draft schema', () => {
    it('accepts the empty draft and a fully filled one', () => {
      assert.ok(wizardDraftSchema.safeParse(emptyDraft()).success);
      const full = fullDraft(harness);
      const parsed = wizardDraftSchema.safeParse(full);
      assert.ok(parsed.success);
      assert.deepEqual(parsed.data, full);
    });

    it('reads a draft saved before the change got a time of its own as one whose change came at the start', () => {
      const saved = changed(fullDraft(harness), 'assess.changedAt', undefined);
      const parsed = wizardDraftSchema.safeParse(saved);
      assert.ok(parsed.success);
      assert.equal(parsed.data.assess.changedAt, '');
      assert.equal(
        wizardDraftSchema.safeParse(changed(fullDraft(harness), 'assess.changedAt', '14:05')).success,
        false,
      );
    });

    it('reads a draft saved before the wizard asked who confirmed the fix as one where nobody is named yet', () => {
      const parsed = wizardDraftSchema.safeParse(changed(fullDraft(harness), 'document.fixConfirmedBy', undefined));
      assert.ok(parsed.success);
      assert.equal(parsed.data.document.fixConfirmedBy, '');
      assert.equal(
        wizardDraftSchema.safeParse(changed(fullDraft(harness), 'document.fixConfirmedBy', 42)).success,
        false,
      );
    });

    const bad: Array<[string, string, unknown]> = [
      ['a number as the title', 'assess.title', 42],
      ['an unknown phase', 'phase', 'celebrate'],
      ['another version', 'version', 2],
      ['a title over 500 characters', 'assess.title', 'x'.repeat(501)],
      ['a root cause over the field limit', 'investigate.rootCause', 'x'.repeat(MAX_FIELD_CHARS + 1)],
      ['more whys than the list limit', 'investigate.whys', Array.from({ length: MAX_LIST_ENTRIES + 1 }, () => 'why')],
      ['a start time without the time', 'assess.started', '2026-03-15'],
      ['a start time with seconds and zone', 'assess.started', '2026-03-15T14:28:00Z'],
      ['a due date in another format', 'improve.actionItems.0.due', '15/03/2026'],
      ['an unknown action item type', 'improve.actionItems.0.type', 'magic'],
      ['a priority outside P0-P3', 'improve.actionItems.0.priority', 'P9'],
      ['an affected share that is not a number', 'assess.affectedPercent', 'most'],
      ['a suspected commit that is not a hash', 'investigate.suspectedCommits', ['HEAD~1']],
      ['an other-section id with a slash', 'document.otherSections', { '../etc': 'x' }],
      ['a runbook action other than create or update', 'document.runbooks.0.action', 'delete'],
      ['a missing phase object', 'improve', undefined],
    ];
    for (const [what, path, value] of bad) {
      it(`rejects ${what}`, () =>
        assert.equal(wizardDraftSchema.safeParse(changed(fullDraft(harness), path, value)).success, false));
    }
  });

  describe('messages', () => {
    it('accepts each webview message type with a valid payload', () => {
      const draft = fullDraft(harness);
      for (const message of [
        { type: 'ready' },
        { type: 'draftChanged', draft },
        { type: 'requestCommits', since: '2026-03-15T12:00', until: '2026-03-15T15:19' },
        { type: 'finish', draft },
        { type: 'cancel', dirty: true },
        { type: 'openLink', href: 'https://example.com/runbook' },
      ])
        assert.ok(webviewMessageSchema.safeParse(message).success, message.type);
    });

    it('accepts an evaluation from the host and rejects one with a finding in an unknown phase', () => {
      const evaluation = {
        type: 'evaluation',
        markdown: '# x\n',
        path: 'docs/postmortems/x.md',
        findings: [],
        timeToDetectMinutes: 4,
        timeToRecoverMinutes: null,
      };
      assert.ok(hostMessageSchema.safeParse(evaluation).success);
      const finding = { ruleId: 'PM008', severity: 'warning', message: 'Vague.', phase: 'celebrate' };
      assert.equal(hostMessageSchema.safeParse({ ...evaluation, findings: [finding] }).success, false);
    });

    it('accepts the trust change the host sends when trust is granted while the wizard is open, and nothing else under that type', () => {
      assert.ok(hostMessageSchema.safeParse({ type: 'trustChanged', canWrite: true }).success);
      assert.equal(hostMessageSchema.safeParse({ type: 'trustChanged' }).success, false);
      assert.equal(hostMessageSchema.safeParse({ type: 'trustChanged', canWrite: 'yes' }).success, false);
      // It goes from the host to the page only.
      assert.equal(webviewMessageSchema.safeParse({ type: 'trustChanged', canWrite: true }).success, false);
    });

    it('takes an edit count (revision) with a changed draft, optionally, as a whole number from 0', () => {
      const draft = fullDraft(harness);
      assert.ok(webviewMessageSchema.safeParse({ type: 'draftChanged', draft }).success, 'without one, as before');
      assert.ok(webviewMessageSchema.safeParse({ type: 'draftChanged', draft, revision: 12 }).success);
      assert.equal(webviewMessageSchema.safeParse({ type: 'draftChanged', draft, revision: -1 }).success, false);
      assert.equal(webviewMessageSchema.safeParse({ type: 'draftChanged', draft, revision: 1.5 }).success, false);
    });

    it('rejects unknown message types on both sides', () => {
      assert.equal(webviewMessageSchema.safeParse({ type: 'deleteEverything' }).success, false);
      assert.equal(hostMessageSchema.safeParse({ type: 'runCommand', command: 'rm' }).success, false);
      assert.equal(webviewMessageSchema.safeParse('ready').success, false);
    });
  });

  describe('parseMessage', () => {
    it('returns the parsed message when it is valid', () => {
      const result = parseMessage(webviewMessageSchema, { type: 'cancel', dirty: false });
      assert.deepEqual(result, { ok: true, message: { type: 'cancel', dirty: false } });
    });

    it('returns a sentence naming the bad field instead of throwing', () => {
      const result = parseMessage(webviewMessageSchema, { type: 'requestCommits', since: 'yesterday', until: '' });
      assert.equal(result.ok, false);
      if (!result.ok) {
        assert.match(
          result.error,
          /^Ignored a malformed wizard message \(since: must be YYYY-MM-DDTHH:MM or empty\)\.$/,
        );
      }
      const unknown = parseMessage(webviewMessageSchema, { type: 'nope' });
      assert.equal(unknown.ok, false);
      if (!unknown.ok) assert.match(unknown.error, /^Ignored a malformed wizard message \(type: .+\)\.$/);
    });
  });
});

import * as assert from 'node:assert/strict';
import { lintText } from '../../../../src/core/lint/lint';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import { readPeopleLanguage } from '../../../../src/core/rules/peopleLanguage';
import { CLEAN_POSTMORTEM } from '../../../fixtures/documents';

const harness = findProfile('harness') as Profile;
const phrases = (line: string) =>
  readPeopleLanguage(line).map((p) => `${p.kind} ${p.form} ${p.start}-${p.end} ${p.text}`);

describe('the people-language sentence reader', () => {
  it("finds the subject of a fault verb over an appositive and adverbs, with the phrase's columns", () => {
    assert.deepEqual(phrases('Then: the on-call engineer, Raj, ignored the page.'), [
      'blame fault-verb 28-40 Raj, ignored',
    ]);
    assert.deepEqual(phrases('Lena rushed the migration. Viktor accidentally deleted the namespace.'), [
      'blame fault-verb 0-11 Lena rushed',
      'blame fault-verb 27-54 Viktor accidentally deleted',
    ]);
  });

  it('reads several sentences and table cells on one line apart', () => {
    assert.deepEqual(
      phrases('| 14:02 | Lena rolled back | The intern forgot the flag |').map((p) =>
        p.split(' ').slice(0, 2).join(' '),
      ),
      ['blame fault-verb'],
    );
  });

  it('does not read quoted text, rejected blame, negated fault nouns or denied fault verbs', () => {
    assert.deepEqual(phrases('We do not write "Bob forgot"; we ask why.'), []);
    assert.deepEqual(phrases('Rather than blame the reviewer, we looked at the diff size.'), []);
    assert.deepEqual(phrases("This was not Priya's fault: the tool allowed it."), []);
    assert.deepEqual(phrases('The on-call engineer did not ignore the page.'), []);
  });

  it('tells people from teams, "we" and systems', () => {
    assert.deepEqual(phrases('We should have known.'), ['hindsight counterfactual 0-20 We should have known']);
    assert.deepEqual(phrases('Raj should have known.').sort(), [
      'blame counterfactual 0-21 Raj should have known',
      'hindsight counterfactual 0-21 Raj should have known',
    ]);
    assert.deepEqual(
      phrases('The retry should have backed off. Redis failed to evict keys. The cron job ignored the lock.'),
      [],
    );
  });

  it("does not take a wish for a counterfactual, a degree for hindsight, or an unknown tool's reply for an omission", () => {
    assert.deepEqual(phrases('We should have alerting on config load failures.'), []);
    assert.deepEqual(phrases('The audit showed that nothing was obviously compromised.'), []);
    assert.deepEqual(phrases('Prow did not respond to any events.'), []);
  });

  it('reads prose only: not headings, code spans or code blocks', () => {
    const text = CLEAN_POSTMORTEM.replace(
      '## Impact\n',
      '## Impact\n### Lena forgot the flag\n`Bob forgot` is a log line.\n```\nAlice forgot\n```\n',
    );
    assert.deepEqual(
      lintText(text, 'postmortem', harness).findings.filter((f) => f.ruleId === 'PM013' || f.ruleId === 'PM022'),
      [],
    );
  });

  it('gives PM022 findings the information level by default', () => {
    const text = CLEAN_POSTMORTEM.replace('## Impact\n', '## Impact\nIn hindsight, the warning was obvious.\n');
    assert.deepEqual(
      lintText(text, 'postmortem', harness)
        .findings.filter((f) => f.ruleId === 'PM022')
        .map((f) => `${f.severity} ${f.message}`),
      [
        'info "In hindsight" is hindsight; describe what was known at the time; what is obvious now was not then.',
        'info "obvious" is hindsight; describe what was known at the time; what is obvious now was not then.',
      ],
    );
  });
});

describe('the people-language reader on whole documents', () => {
  it('finds the same phrases, on the same lines, with LF, CRLF and lone CR line breaks', () => {
    const text = CLEAN_POSTMORTEM.replace(
      '## Impact\n',
      "## Impact\nLena rushed the migration.\n\nWe kept going.\nIt was Alice's error.\n",
    );
    const at = (t: string) =>
      lintText(t, 'postmortem', harness)
        .findings.filter((f) => f.ruleId === 'PM013')
        .map((f) => `${f.range.start.line}:${f.range.start.character}`);
    const lf = at(text);
    assert.equal(lf.length, 2);
    assert.deepEqual(at(text.replace(/\n/g, '\r\n')), lf);
    assert.deepEqual(at(text.replace(/\n/g, '\r')), lf);
  });
});

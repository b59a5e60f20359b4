import * as assert from 'node:assert/strict';
import { lintText } from '../../../../src/core/lint/lint';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { readIncident } from '../../../../src/core/postmortem/model';
import { BUILT_IN_PROFILES, findProfile, type DocumentKind, type Profile } from '../../../../src/core/profiles';
import { addDays, renderDocument } from '../../../../src/core/templates/templates';

const profile = (name: string) => findProfile(name) as Profile;
const render = (name: string, kind: DocumentKind, date = '2026-03-15') =>
  renderDocument(profile(name), kind, { title: 'Checkout errors', date });

/** The lines of the section headed `## title` in `text`, up to the next `## ` heading. */
function section(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(`## ${title}`);
  assert.ok(start >= 0, `the document has a "${title}" section`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end).filter((l) => l.trim());
}

const questions = (lines: string[]) => lines.filter((l) => /^\d+\. /.test(l));
const unchecked = (lines: string[]) => lines.filter((l) => l.startsWith('- [ ] '));

/** Each line matches the pattern at its position: the seed's items, in the seed's order. */
function assertItems(lines: string[], patterns: RegExp[]): void {
  assert.equal(lines.length, patterns.length, `${patterns.length} items expected:\n${lines.join('\n')}`);
  lines.forEach((line, i) => assert.match(line, patterns[i]));
}

describe("templates carry their seed's questions and checklists", () => {
  describe('heaptrace (seed 004) live incident record', () => {
    const text = render('heaptrace', 'incident');

    it('asks the five triage questions, the fifth whether the incident can be mitigated now, each with a blank for the answer', () => {
      const asked = questions(section(text, 'Triage'));
      assertItems(asked, [
        /^1\. What is broken\b.*feature, endpoint or page/i,
        /^2\. When did it start\b.*deploy.*errors spike/i,
        /^3\. Who is affected\b.*tenant.*role.*browser/i,
        /^4\. What changed\b.*deploy.*config.*migration.*third-party/i,
        /^5\. Can we mitigate immediately\b.*roll back.*feature flag.*traffic.*scale/i,
      ]);
      assert.ok(asked.every((q) => q.endsWith('<answer>')));
      assert.ok(!/getting worse/i.test(text), 'heaptrace asks no "is it getting worse" question (that is seed 003\'s)');
    });

    it('lists the six checks of the resolution checklist', () => {
      assertItems(unchecked(section(text, 'Resolution Checklist')), [
        /original error no longer occurs/,
        /users can complete the workflow/,
        /Error rates are back to baseline/,
        /no new errors/,
        /Monitoring confirms normal operation/,
        /deployed to production, not only to staging/,
      ]);
    });

    it('lists the eleven items of the completion checklist, the postmortem within 48 hours among them', () => {
      assertItems(unchecked(section(text, 'Completion Checklist')), [
        /Severity classified within 5 minutes/,
        /five triage questions answered/,
        /Blast radius documented/,
        /Root cause identified, not just the symptoms/,
        /minimal and targeted/,
        /tested in staging before production/,
        /Monitoring confirms the resolution/,
        /Status updates sent/,
        /Postmortem written within 48 hours/,
        /owners and deadlines/,
        /Postmortem shared with the team/,
      ]);
    });
  });

  describe('heaptrace (seed 004) postmortem', () => {
    it('dates the two-week follow-up review of the open action items under their table', () => {
      const items = section(render('heaptrace', 'postmortem'), 'Action Items');
      assert.equal(
        items[items.length - 1],
        'The items still open are reviewed on 2026-03-29, two weeks after the incident.',
      );
      assert.match(
        section(render('heaptrace', 'postmortem', '2026-12-25'), 'Action Items').join('\n'),
        /reviewed on 2027-01-08, two weeks after/,
      );
    });

    it('gets no finding from the follow-up line: the same findings as the template without it', () => {
      const heaptrace = profile('heaptrace');
      const text = render('heaptrace', 'postmortem');
      const without = text.replace(/\nThe items still open[^\n]*\n/, '');
      assert.notEqual(without, text);
      const findings = (t: string) =>
        lintText(t, 'postmortem', heaptrace)
          .findings.map((f) => `${f.ruleId} ${f.message}`)
          .sort();
      assert.deepEqual(findings(text), findings(without));
    });

    it('writes no follow-up line for a profile whose process sets no review date', () => {
      for (const name of ['harness', 'agent', 'prodcraft', 'saas', 'google-sre'])
        assert.ok(!/items still open are reviewed/.test(render(name, 'postmortem')), name);
    });
  });

  describe('saas (seed 003) live incident record', () => {
    const text = render('saas', 'incident');

    it('asks the five impact-assessment questions', () => {
      assertItems(questions(section(text, 'Impact Assessment')), [
        /^1\. Which tenants are affected/,
        /^2\. What functionality is broken/,
        /^3\. When did it start/,
        /^4\. Is it getting worse\b.*15 minutes/,
        /^5\. Is there a workaround/,
      ]);
    });

    it('lists the five items of the fix checklist, with no blank left to fill', () => {
      const items = section(text, 'Fix Checklist');
      assertItems(unchecked(items), [
        /minimal and targeted/,
        /root cause, not just the symptom/,
        /test suite passes/,
        /tested in staging/,
        /rollback plan is documented/,
      ]);
      assert.ok(items.every((l) => !/<[^>]+>/.test(l)));
    });

    it('lists the seven items of the deployment checklist, with the watch period per severity', () => {
      assertItems(unchecked(section(text, 'Deployment Checklist')), [
        /deployed to production/,
        /Enhanced monitoring.*error rate and latency/,
        /at least 15 minutes for SEV-1 and SEV-2, 5 minutes for SEV-3 and SEV-4/,
        /Error rate back to baseline/,
        /Latency back to baseline/,
        /No new error types/,
        /Affected tenants verified working/,
      ]);
    });
  });

  it('agent (seed 001): the evidence section asks the six triage questions', () => {
    assertItems(questions(section(render('agent', 'incident'), 'Evidence')), [
      /user-visible symptom/,
      /When did it start\b.*monitoring/,
      /What changed recently\b.*deploy.*config.*dependency/,
      /error log\b.*stack traces/,
      /all users or a subset/,
      /automated alert.*user report/,
    ]);
  });

  it('prodcraft (seed 002): the boundary asks the four first facts and recovery lists the four checks before resolving', () => {
    const text = render('prodcraft', 'incident');
    assertItems(questions(section(text, 'Current Boundary')), [
      /user-facing behaviour is failing/,
      /relative to the last deploy/,
      /unsupported flow, a coexistence seam or a rollout boundary/,
      /mitigation levers.*rollback.*read-only mode.*failover/,
    ]);
    assertItems(unchecked(section(text, 'Recovery Verification')), [
      /symptoms have cleared/,
      /fail-closed behaviour or fallback path is still active/,
      /guardrails.*documented/,
      /handed off/,
    ]);
    assert.match(
      section(text, 'Communication Plan').join('\n'),
      /every <minutes> minutes, sent by the Communications Lead/,
    );
  });

  describe('the live incident record of every profile', () => {
    for (const p of BUILT_IN_PROFILES) {
      if (!p.documents.incident) continue;
      it(`${p.name}: has a timeline section, and a new record's timeline is read from it`, () => {
        assert.ok(p.documents.incident?.sections.some((s) => s.id === 'timeline'));
        const model = readIncident(
          parseMarkdown(
            renderDocument(p, 'incident', { title: 'x', date: '2026-03-15', start: '2026-03-15T09:40:00Z' }),
          ),
          'incident',
          p,
        );
        assert.deepEqual(
          model.timeline?.map((e) => `${e.timeText} ${e.text}`),
          ['09:40 Incident started:'],
        );
      });
    }
  });

  it('adds days across months and years, and refuses a date it cannot read', () => {
    assert.deepEqual(
      [addDays('2026-03-15', 14), addDays('2026-02-20', 14), addDays('2026-12-25', 14), addDays('15 March', 14)],
      ['2026-03-29', '2026-03-06', '2027-01-08', undefined],
    );
  });
});

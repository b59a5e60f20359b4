// Where each answer of the wizard lands in the postmortem: what broke and what changed, the timeline's events, the commander, the runbooks.
import * as assert from 'node:assert/strict';
import { summarizeIncident } from '../../../../src/core/incident/summary';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { readIncident, sectionByRole, type IncidentModel } from '../../../../src/core/postmortem/model';
import { BUILT_IN_PROFILES, findProfile, type Profile } from '../../../../src/core/profiles';
import { evaluateDraft, renderWizardPostmortem, wizardPostmortemPath } from '../../../../src/core/wizard';
import { eventText } from '../../../../src/core/wizard/render';
import { emptyDraft, type WizardDraft } from '../../../../src/webview/protocol';
import { fullDraft } from './drafts';

const profile = (name: string) => findProfile(name) as Profile;
const context = { date: '2026-03-16' };
const BROKEN = "Orders placed in the EU region stayed in 'pending' for up to 40 minutes.";
const CHANGED = 'Deploy of order-consumer 4.2 with a new prefetch setting.';

/** The full draft of the tests with the answers of the issue's user in Assess. */
function issueDraft(p: Profile, edit: (d: WizardDraft) => void = () => undefined): WizardDraft {
  const draft = fullDraft(p);
  draft.assess.whatIsBroken = BROKEN;
  draft.assess.whatChanged = CHANGED;
  draft.document.detection = 'Queue-depth alert fired. The on-call engineer was paged two minutes later.';
  edit(draft);
  return draft;
}

function modelOf(p: Profile, markdown: string): IncidentModel {
  return readIncident(parseMarkdown(markdown), 'postmortem', p);
}

function sectionText(model: IncidentModel, ids: readonly string[]): string {
  const section = sectionByRole(model, ids);
  return section ? model.doc.lines.slice(section.bodyStartLine, section.endLine).join('\n') : '';
}

/** The timeline's rows as [time, event]. */
function timelineRows(markdown: string): string[][] {
  const start = markdown.indexOf('| Time (UTC) | Event |');
  const lines = markdown.slice(start).split('\n').slice(2);
  return lines
    .slice(
      0,
      lines.findIndex((l) => !l.startsWith('|')),
    )
    .map((l) => l.split(' | ').map((c) => c.replace(/^\| | \|$/g, '')));
}

describe('where the wizard writes each answer', () => {
  describe('what broke and what changed', () => {
    for (const p of BUILT_IN_PROFILES) {
      it(`are both in the ${p.name} postmortem, which the linter still reports clean`, () => {
        const result = evaluateDraft(p, issueDraft(p), context);
        assert.ok(result.markdown.includes(BROKEN), 'what is broken');
        assert.ok(result.markdown.includes(CHANGED), 'what changed');
        assert.deepEqual(
          result.findings.filter((f) => f.severity !== 'info'),
          [],
          result.markdown,
        );
        const summary = sectionText(modelOf(p, result.markdown), ['summary']);
        assert.match(summary.trim(), /^From 14:28 to 15:19 UTC checkout requests/, "the user's summary comes first");
        assert.ok(summary.includes(`**What broke:** ${BROKEN}`), summary);
      });
    }

    it('puts what changed in the Trigger section next to its own text when the profile has one (google-sre), else in the summary', () => {
      const google = profile('google-sre');
      const model = modelOf(google, renderWizardPostmortem(google, issueDraft(google), context));
      assert.equal(
        sectionText(model, ['trigger']).trim(),
        `The team wrote this part of the trigger with real content.\n\n**What changed:** ${CHANGED}`,
      );
      assert.ok(!sectionText(model, ['summary']).includes(CHANGED), 'not twice');
      const harness = profile('harness');
      assert.ok(
        sectionText(modelOf(harness, renderWizardPostmortem(harness, issueDraft(harness), context)), [
          'summary',
        ]).includes(`**What changed:** ${CHANGED}`),
      );
    });

    it("writes what changed into a Trigger header field when a profile of the user's has one", () => {
      const harness = profile('harness');
      const postmortem = harness.documents.postmortem as NonNullable<Profile['documents']['postmortem']>;
      const withField: Profile = {
        ...harness,
        documents: {
          ...harness.documents,
          postmortem: { ...postmortem, headerFields: ['Date', 'Severity', 'Trigger'] },
        },
      };
      const markdown = renderWizardPostmortem(withField, issueDraft(withField), context);
      assert.match(markdown, new RegExp(`\\*\\*Trigger:\\*\\* ${CHANGED.replace(/\./g, '\\.')}\n`));
      assert.ok(!sectionText(modelOf(withField, markdown), ['summary']).includes(CHANGED), 'not twice');
    });

    it('writes what changed alone as the trigger when the Document phase left the trigger empty', () => {
      const google = profile('google-sre');
      const model = modelOf(
        google,
        renderWizardPostmortem(
          google,
          issueDraft(google, (d) => {
            d.document.otherSections.trigger = '';
          }),
          context,
        ),
      );
      assert.equal(sectionText(model, ['trigger']).trim(), CHANGED);
    });

    it('makes what broke the summary when the user wrote none, and does not repeat text the summary already holds', () => {
      const harness = profile('harness');
      const alone = modelOf(
        harness,
        renderWizardPostmortem(
          harness,
          issueDraft(harness, (d) => {
            d.document.summary = '';
          }),
          context,
        ),
      );
      assert.equal(sectionText(alone, ['summary']).trim(), `${BROKEN}\n\n**What changed:** ${CHANGED}`);
      const pasted = issueDraft(harness, (d) => {
        d.document.summary = `${BROKEN}\n${CHANGED} A rollback ended it.`;
      });
      const summary = sectionText(modelOf(harness, renderWizardPostmortem(harness, pasted, context)), ['summary']);
      assert.equal(summary.trim(), `${BROKEN}\n${CHANGED} A rollback ended it.`);
    });

    it('keeps who is affected with the impact, in the summary when the profile has no Impact section (agent)', () => {
      const agent = profile('agent');
      const summary = sectionText(modelOf(agent, renderWizardPostmortem(agent, fullDraft(agent), context)), [
        'summary',
      ]);
      assert.match(
        summary,
        /- Users affected: All customers checking out in the EU region\n- Tenants affected: eu-1, eu-2\n- Share of users or requests affected: 40%/,
      );
    });
  });

  describe('the timeline', () => {
    it('reads like events: the change at the start, the alert at detection, the mitigation, who confirmed the fix at the resolution, each with its milestone marker', () => {
      const p = profile('harness');
      assert.deepEqual(timelineRows(renderWizardPostmortem(p, issueDraft(p), context)), [
        ['2026-03-15 14:28', `[start] ${CHANGED}`],
        ['2026-03-15 14:32', '[detected] Queue-depth alert fired.'],
        ['2026-03-15 14:50', '[mitigated] The on-call engineer rolled back deploy 4812, and errors stopped at 14:50.'],
        [
          '2026-03-15 15:19',
          '[resolved] Incident resolved; fix confirmed by the customer who reported it, who placed an order at 15:19.',
        ],
      ]);
    });

    it('writes who confirmed the fix in full at the resolution, without repeating "confirmed by", and a plain resolution when nobody is named', () => {
      const p = profile('harness');
      const resolution = (text: string) =>
        timelineRows(
          renderWizardPostmortem(
            p,
            issueDraft(p, (d) => {
              d.document.fixConfirmedBy = text;
            }),
            context,
          ),
        ).at(-1);
      assert.deepEqual(resolution('Confirmed by two affected users.\nBoth placed orders. One | paid by card.'), [
        '2026-03-15 15:19',
        '[resolved] Incident resolved; fix confirmed by two affected users. Both placed orders. One \\| paid by card.',
      ]);
      assert.deepEqual(resolution('  \n '), ['2026-03-15 15:19', '[resolved] Incident resolved']);
      const untimed = emptyDraft();
      untimed.document.fixConfirmedBy = 'the reporter, who retried the upload';
      assert.deepEqual(timelineRows(renderWizardPostmortem(p, untimed, context)).at(-1), [
        '<YYYY-MM-DD HH:MM>',
        'Incident resolved; fix confirmed by the reporter, who retried the upload.',
      ]);
    });

    it('gives the change a row of its own at its own time, in time order, and starts with what broke', () => {
      const p = profile('harness');
      const rows = timelineRows(
        renderWizardPostmortem(
          p,
          issueDraft(p, (d) => {
            d.assess.changedAt = '2026-03-15T14:05';
          }),
          context,
        ),
      );
      assert.deepEqual(rows.slice(0, 2), [
        ['2026-03-15 14:05', CHANGED],
        ['2026-03-15 14:28', `[start] ${BROKEN}`],
      ]);
      const late = timelineRows(
        renderWizardPostmortem(
          p,
          issueDraft(p, (d) => {
            d.assess.changedAt = '2026-03-15T14:40';
          }),
          context,
        ),
      );
      assert.deepEqual(
        late.map((r) => r[0]),
        ['2026-03-15 14:28', '2026-03-15 14:32', '2026-03-15 14:40', '2026-03-15 14:50', '2026-03-15 15:19'],
      );
    });

    it('keeps what the user described on a row whose time is still blank (unmarked, so PM010 asks for the time), and the prompts where nothing is known', () => {
      const p = profile('harness');
      const draft = emptyDraft();
      draft.assess.whatChanged = CHANGED;
      assert.deepEqual(timelineRows(renderWizardPostmortem(p, draft, context)), [
        ['<YYYY-MM-DD HH:MM>', CHANGED],
        ['<YYYY-MM-DD HH:MM>', 'Detected: <alert fired or first report>'],
        ['<YYYY-MM-DD HH:MM>', 'Mitigation started: <rollback, failover, ...>'],
        ['<YYYY-MM-DD HH:MM>', 'Resolved: <how recovery was confirmed>'],
      ]);
    });

    it('takes the first sentence of a long answer as the event, cut at a word', () => {
      assert.equal(eventText('Queue-depth alert fired.\nThen the pager went off. More.'), 'Queue-depth alert fired.');
      assert.equal(
        eventText('Deploy of order-consumer 4.2 went out. It set prefetch to 500.'),
        'Deploy of order-consumer 4.2 went out.',
      );
      const long = eventText(`${'word '.repeat(60)}end.`);
      assert.ok(long.length <= 160 && long.endsWith('word…'), long);
    });

    // The metrics read the written file: the markers decide the milestones even when other rows use their words.
    for (const p of BUILT_IN_PROFILES) {
      it(`lets the metrics find the milestones in the written ${p.name} postmortem, with the wizard's live figures`, () => {
        const draft = issueDraft(p, (d) => {
          d.assess.whatChanged =
            'Disabled the queue alert and rolled back the old consumer; the incident started from there.';
          d.assess.changedAt = '2026-03-15T14:05';
          d.document.detection = 'Customers reported stuck orders; the alert had been disabled.';
          d.document.mitigation = 'Resolved the backlog by restarting the consumer.';
        });
        const live = evaluateDraft(p, draft, context);
        const written = renderWizardPostmortem(p, draft, context);
        assert.equal(written, live.markdown);
        const metrics = summarizeIncident({
          path: wizardPostmortemPath(p, draft, context.date),
          text: written,
          profile: p,
        }).metrics;
        // 14:28 → 14:32 and 14:32 → 15:19, as the Assess phase's times say.
        assert.equal(metrics.timeToDetect.minutes, 4);
        assert.equal(metrics.timeToRecover.minutes, 47);
        assert.equal(live.timeToDetectMinutes, metrics.timeToDetect.minutes);
        assert.equal(live.timeToRecoverMinutes, metrics.timeToRecover.minutes);
      });
    }
  });

  describe('the header, the investigation and the runbooks', () => {
    it('names the incident commander in a field of its own when the header names only authors (git gave another one)', () => {
      const harness = profile('harness');
      const markdown = renderWizardPostmortem(harness, fullDraft(harness), { ...context, author: 'Sam Lee' });
      assert.match(markdown, /\*\*Authors:\*\* Sam Lee\n/);
      assert.match(markdown, /\*\*Incident Commander:\*\* Dana Smith\n/);
      const heaptrace = profile('heaptrace');
      assert.equal(
        renderWizardPostmortem(heaptrace, fullDraft(heaptrace), context).match(/Incident Commander:/g)?.length,
        1,
        'not twice where the header has the field',
      );
    });

    it('lists the chosen runbooks under the action items, linked to the file created or updated', () => {
      const harness = profile('harness');
      const draft = fullDraft(harness);
      draft.document.runbooks.push({
        service: 'orders',
        failureMode: 'stuck queue',
        action: 'update',
        path: 'docs/runbooks/orders queue.md',
      });
      const markdown = renderWizardPostmortem(harness, draft, context);
      const actions = sectionText(modelOf(harness, markdown), ['action-items']);
      assert.ok(
        actions
          .trimEnd()
          .endsWith(
            [
              'Runbooks to create or update:',
              '',
              '- Create the runbook for checkout-api (pool exhaustion): [docs/runbooks/checkout-api-pool-exhaustion.md](../runbooks/checkout-api-pool-exhaustion.md)',
              '- Update the runbook for orders (stuck queue): [docs/runbooks/orders queue.md](../runbooks/orders%20queue.md)',
            ].join('\n'),
          ),
        actions,
      );
      assert.equal(
        modelOf(harness, markdown).actionItems?.items.length,
        2,
        'the runbooks are not read as action items',
      );
    });
  });
});

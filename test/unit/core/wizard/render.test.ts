import * as assert from 'node:assert/strict';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import {
  readIncident,
  sectionById,
  sectionByRole,
  SECTION_ROLES,
  type IncidentModel,
} from '../../../../src/core/postmortem/model';
import { BUILT_IN_PROFILES, findProfile, type Profile } from '../../../../src/core/profiles';
import { parseSloFile } from '../../../../src/core/slo/parse';
import {
  evaluateDraft,
  renderWizardPostmortem,
  wizardOtherSections,
  wizardPostmortemPath,
} from '../../../../src/core/wizard';
import { emptyDraft, wizardFindingSchema, type WizardDraft } from '../../../../src/webview/protocol';
import { fullDraft } from './drafts';

const profile = (name: string) => findProfile(name) as Profile;
const commits = [
  { shortHash: 'a1b2c3d', date: '2026-03-15T14:02:00Z', subject: 'Lower the checkout pool size', author: 'Sam Lee' },
];
const context = { date: '2026-03-16', commits };

function modelOf(p: Profile, markdown: string): IncidentModel {
  return readIncident(parseMarkdown(markdown), 'postmortem', p);
}

function sectionText(model: IncidentModel, ids: readonly string[]): string {
  const section = sectionByRole(model, ids);
  return section ? model.doc.lines.slice(section.bodyStartLine, section.endLine).join('\n') : '';
}

function edited(draft: WizardDraft, edit: (d: WizardDraft) => void): WizardDraft {
  edit(draft);
  return draft;
}

describe('the wizard postmortem', () => {
  for (const p of BUILT_IN_PROFILES) {
    describe(`under the ${p.name} profile`, () => {
      it('renders a fully filled draft that the linter reports clean', () => {
        const result = evaluateDraft(p, fullDraft(p), context);
        const problems = result.findings.filter((f) => f.severity !== 'info');
        assert.deepEqual(problems, [], result.markdown);
        assert.equal(result.timeToDetectMinutes, 4);
        assert.equal(result.timeToRecoverMinutes, 47);
      });

      it('renders an empty draft with findings tied to the phases whose input fixes them', () => {
        const result = evaluateDraft(p, emptyDraft(), context);
        for (const f of result.findings) assert.ok(wizardFindingSchema.safeParse(f).success, JSON.stringify(f));
        const at = (ruleId: string) => result.findings.filter((f) => f.ruleId === ruleId);
        // Where the causal analysis is the contributing factors (pagerduty), an empty root cause is allowed and they are reported instead.
        const causal =
          p.documents.postmortem?.sections.find((s) => s.id === 'root-cause' || s.id === 'root-causes')?.required ===
          false
            ? 'investigate.contributingFactors'
            : 'investigate.rootCause';
        assert.ok(
          at('PM002').some((f) => f.field === causal && f.phase === 'investigate'),
          'empty causal analysis',
        );
        assert.ok(
          at('PM004').length > 0 &&
            at('PM004').every((f) => f.field === 'improve.actionItems' && f.phase === 'improve'),
          'owner',
        );
        assert.ok(
          at('PM005').every((f) => f.field === 'improve.actionItems'),
          'due date',
        );
        assert.deepEqual(
          at('PM010').map((f) => f.field),
          ['assess.started'],
        );
        assert.ok(
          result.findings.some((f) => f.ruleId === 'PM003' && f.field === 'assess.title'),
          'title blank',
        );
        for (const f of at('PM011')) assert.equal(f.field, 'assess.severity');
        for (const other of wizardOtherSections(p).filter(
          (s) => p.documents.postmortem?.sections.find((x) => x.id === s.id)?.required,
        )) {
          assert.ok(
            at('PM002').some((f) => f.field === `document.otherSections.${other.id}` && f.phase === 'document'),
            other.id,
          );
        }
        assert.equal(result.timeToDetectMinutes, null);
        assert.equal(result.timeToRecoverMinutes, null);
        assert.ok(
          result.findings.every((f) => f.field !== undefined),
          'every finding names its field',
        );
      });

      it('writes what core reads back: root cause, action items, severity and contributing factors', () => {
        const draft = fullDraft(p);
        const model = modelOf(p, renderWizardPostmortem(p, draft, context));
        assert.match(sectionText(model, ['root-cause', 'root-causes']), /pool size from 50 to 5, so under normal load/);
        const items = model.actionItems?.items ?? [];
        assert.deepEqual(
          items.map((i) => [i.action, i.fields.owner?.text, i.fields.due?.text, i.done]),
          draft.improve.actionItems.map((a) => [a.action, a.owner, a.due, false]),
        );
        assert.equal(model.severity?.id, draft.assess.severity);
        // A profile without the section gets one of that title after the root cause, outside the root cause PM008 judges.
        const factorsSection =
          sectionById(model, 'contributing-factors') ??
          model.doc.sections.find((s) => s.heading.text === 'Contributing Factors');
        assert.ok(factorsSection);
        const factors = model.doc.listItems
          .filter((li) => li.line >= factorsSection.bodyStartLine && li.line < factorsSection.endLine)
          .map((li) => li.text);
        assert.deepEqual(factors, draft.investigate.contributingFactors);
        assert.ok(!sectionText(model, SECTION_ROLES.rootCause).includes(factors[0]));
      });

      it('lists the suspected commits in the investigation section and the 5 Whys as a numbered list', () => {
        const markdown = renderWizardPostmortem(p, fullDraft(p), context);
        assert.match(
          markdown,
          /### Suspected changes\n\n- `a1b2c3d` 2026-03-15 14:02 Lower the checkout pool size \(Sam Lee\)/,
        );
        assert.match(
          markdown,
          /\n1\. Why did checkout fail\? Because requests timed out[^\n]*\n2\. Why were no connections free\?[^\n]*\n3\. Why was the pool lowered\?/,
        );
      });
    });
  }

  it('asks for the sections beyond the fixed fields, required first', () => {
    assert.deepEqual(wizardOtherSections(profile('harness')), []);
    assert.deepEqual(
      wizardOtherSections(profile('prodcraft')).map((s) => s.id),
      ['containment', 'went-well', 'went-poorly', 'evidence'],
    );
    const google = wizardOtherSections(profile('google-sre'));
    assert.deepEqual(
      google.map((s) => s.id),
      ['trigger', 'lessons-learned', 'went-well', 'went-wrong', 'got-lucky', 'supporting-information'],
    );
    assert.equal(google[0].prompt, 'The event that set the failure off.');
    assert.equal(google[2].title, 'What Went Well');
  });

  it('writes the mitigation into the section of another name (google-sre Resolution) and what changed as the trigger', () => {
    const p = profile('google-sre');
    const draft = edited(fullDraft(p), (d) => {
      delete d.document.otherSections.trigger;
    });
    const model = modelOf(p, renderWizardPostmortem(p, draft, context));
    assert.match(sectionText(model, ['resolution']), /rolled back deploy 4812/);
    assert.match(sectionText(model, ['trigger']), /Deploy 4812 lowered the database connection pool size/);
  });

  it('keeps impact, detection and mitigation text in the summary when the profile has no section for them (agent)', () => {
    const p = profile('agent');
    const model = modelOf(p, renderWizardPostmortem(p, fullDraft(p), context));
    const summary = sectionText(model, ['summary']);
    assert.match(summary, /\*\*Impact:\*\* About 40% of checkout requests failed/);
    assert.match(summary, /\*\*Detection:\*\* The checkout error-rate alert fired/);
    assert.match(summary, /\*\*Mitigation:\*\* The on-call engineer rolled back/);
  });

  describe('findings and times', () => {
    const harness = profile('harness');

    it('under the agent profile, asks who confirmed the fix (PM020) at its field until a user is named, and under others never', () => {
      const agent = findProfile('agent') as Profile;
      const unconfirmed = evaluateDraft(
        agent,
        edited(fullDraft(agent), (d) => {
          d.document.fixConfirmedBy = '';
        }),
        context,
      );
      assert.deepEqual(
        unconfirmed.findings.filter((f) => f.ruleId === 'PM020').map((f) => [f.severity, f.phase, f.field]),
        [['error', 'document', 'document.fixConfirmedBy']],
      );
      const byEngineer = evaluateDraft(
        agent,
        edited(fullDraft(agent), (d) => {
          d.document.fixConfirmedBy = 'the on-call engineer, on the dashboards';
        }),
        context,
      );
      assert.deepEqual(
        byEngineer.findings.filter((f) => f.ruleId === 'PM020').map((f) => f.field),
        ['document.fixConfirmedBy'],
      );
      const byUser = evaluateDraft(agent, fullDraft(agent), context);
      assert.deepEqual(
        byUser.findings.filter((f) => f.ruleId === 'PM020'),
        [],
      );
      assert.deepEqual(
        evaluateDraft(
          harness,
          edited(fullDraft(harness), (d) => {
            d.document.fixConfirmedBy = '';
          }),
          context,
        ).findings.filter((f) => f.ruleId === 'PM020'),
        [],
      );
    });

    it('points a missing mitigation time at the mitigated field', () => {
      const result = evaluateDraft(
        harness,
        edited(fullDraft(harness), (d) => {
          d.assess.mitigated = '';
        }),
        context,
      );
      const pm010 = result.findings.filter((f) => f.ruleId === 'PM010');
      assert.deepEqual(
        pm010.map((f) => [f.phase, f.field]),
        [['assess', 'assess.mitigated']],
      );
      assert.equal(result.timeToDetectMinutes, 4);
    });

    it('points times out of order at the field of the later row', () => {
      const result = evaluateDraft(
        harness,
        edited(fullDraft(harness), (d) => {
          d.assess.detected = '2026-03-15T14:20';
        }),
        context,
      );
      assert.deepEqual(
        result.findings.filter((f) => f.ruleId === 'PM009').map((f) => f.field),
        ['assess.detected'],
      );
    });

    it('computes time to detect across midnight', () => {
      const result = evaluateDraft(
        harness,
        edited(fullDraft(harness), (d) => {
          Object.assign(d.assess, {
            started: '2026-03-15T23:50',
            detected: '2026-03-16T00:10',
            mitigated: '2026-03-16T00:30',
            resolved: '2026-03-16T01:00',
          });
        }),
        context,
      );
      assert.equal(result.timeToDetectMinutes, 20);
      assert.equal(result.timeToRecoverMinutes, 50);
      assert.deepEqual(
        result.findings.filter((f) => f.severity !== 'info'),
        [],
      );
    });

    it('shows a vague root cause (PM008) on the root cause field', () => {
      const result = evaluateDraft(
        harness,
        edited(fullDraft(harness), (d) => {
          d.investigate.rootCause = 'Human error.';
        }),
        context,
      );
      const pm008 = result.findings.filter((f) => f.ruleId === 'PM008');
      assert.equal(pm008.length, 1);
      assert.equal(pm008[0].field, 'investigate.rootCause');
      assert.equal(pm008[0].phase, 'investigate');
    });

    it('asks for an action item per contributing factor (PM007) in the Improve phase', () => {
      const result = evaluateDraft(
        harness,
        edited(fullDraft(harness), (d) => {
          d.investigate.contributingFactors.push('Runbook lacked rollback instructions');
        }),
        context,
      );
      const pm007 = result.findings.filter((f) => f.ruleId === 'PM007');
      assert.equal(pm007.length, 1);
      assert.deepEqual([pm007[0].phase, pm007[0].field], ['improve', 'improve.actionItems']);
      assert.match(pm007[0].message, /Runbook lacked rollback/);
    });

    it('points a blank owner at the action items and a blank other section at its id', () => {
      const p = profile('prodcraft');
      const result = evaluateDraft(
        p,
        edited(fullDraft(p), (d) => {
          d.improve.actionItems[0].owner = '';
          d.document.otherSections.containment = '';
        }),
        context,
      );
      assert.ok(result.findings.some((f) => f.ruleId === 'PM004' && f.field === 'improve.actionItems'));
      assert.ok(
        result.findings.some(
          (f) => f.ruleId === 'PM002' && f.field === 'document.otherSections.containment' && f.phase === 'document',
        ),
      );
    });

    it('says what share of the error budget the incident used when SLOs are given', () => {
      const slos = parseSloFile('slos:\n  - {service: checkout-api, objective: 99.9, window: 30d}\n').slos;
      const result = evaluateDraft(harness, fullDraft(harness), { ...context, slos });
      // 51 minutes × 40% = 20.4 minutes of a 43.2-minute budget.
      assert.equal(
        result.sloImpact,
        'This incident used 47.2% of the error budget of checkout-api (20.4 min against 99.9% over 30 days (rolling)).',
      );
      assert.deepEqual(
        result.findings.filter((f) => f.severity !== 'info'),
        [],
        'a P0 action item satisfies PM015',
      );
      const withoutP0 = evaluateDraft(
        harness,
        edited(fullDraft(harness), (d) => {
          d.improve.actionItems[1].priority = 'P1';
        }),
        { ...context, slos },
      );
      assert.deepEqual(
        withoutP0.findings.filter((f) => f.ruleId === 'PM015').map((f) => f.field),
        ['improve.actionItems'],
      );
      const other = evaluateDraft(
        harness,
        edited(fullDraft(harness), (d) => {
          d.assess.services = ['search'];
        }),
        { ...context, slos },
      );
      assert.match(other.sloImpact ?? '', /^No SLO covers the affected services yet/);
      assert.equal(evaluateDraft(harness, fullDraft(harness), context).sloImpact, undefined);
    });
  });

  describe('escaping user text', () => {
    const harness = profile('harness');

    it('keeps pipes and line breaks in action items inside their cells', () => {
      const draft = edited(fullDraft(harness), (d) => {
        d.improve.actionItems[0].action = 'Split the pool | cache config\nand review it (CF1)';
        d.improve.actionItems[1].owner = 'ops|sre';
      });
      const result = evaluateDraft(harness, draft, context);
      const items = modelOf(harness, result.markdown).actionItems?.items ?? [];
      assert.equal(items.length, 2);
      assert.equal(items[0].action, 'Split the pool | cache config and review it (CF1)');
      assert.equal(items[0].fields.due?.text, '2026-04-01');
      assert.equal(items[1].fields.owner?.text, 'ops|sre');
      assert.deepEqual(
        result.findings.filter((f) => f.severity !== 'info'),
        [],
      );
    });

    it('does not let a paragraph line become a heading, or an open fence or comment swallow the rest', () => {
      const clean = modelOf(harness, renderWizardPostmortem(harness, fullDraft(harness), context));
      const draft = edited(fullDraft(harness), (d) => {
        d.document.summary = '# Not a heading\nA line\n===\n```\nunclosed fence <!-- and a comment';
        d.investigate.contributingFactors[0] = '## The config template default changed without review';
      });
      const markdown = renderWizardPostmortem(harness, draft, context);
      const model = modelOf(harness, markdown);
      assert.deepEqual(
        model.doc.headings.map((h) => h.text),
        clean.doc.headings.map((h) => h.text),
      );
      assert.equal(model.actionItems?.items.length, 2);
      assert.match(markdown, /\n\\# Not a heading\nA line\n\\===\n/);
      assert.deepEqual(
        evaluateDraft(harness, draft, context).findings.filter((f) => f.severity !== 'info'),
        [],
      );
    });

    it('keeps a balanced code block as code', () => {
      const draft = edited(fullDraft(harness), (d) => {
        d.document.mitigation = 'Rolled back:\n\n```\nkubectl rollout undo deploy/checkout\n```';
      });
      const model = modelOf(harness, renderWizardPostmortem(harness, draft, context));
      assert.deepEqual(
        model.doc.codeBlocks.map((b) => b.content.trim()),
        ['kubectl rollout undo deploy/checkout'],
      );
    });
  });

  describe('wizardPostmortemPath', () => {
    it('uses the day the incident started and the title, in the profile folder', () => {
      assert.equal(
        wizardPostmortemPath(profile('saas'), fullDraft(profile('saas')), '2026-04-01'),
        'docs/spec/.llm/completed/postmortem-2026-03-15-checkout-api-errors-after-connection-pool-change.md',
      );
      assert.equal(
        wizardPostmortemPath(profile('agent'), emptyDraft(), '2026-04-01'),
        '.agent/incidents/INC-2026-04-01-incident.md',
      );
    });

    it('cannot climb out of the folder whatever the title', () => {
      const draft = edited(emptyDraft(), (d) => {
        d.assess.title = '../../etc/passwd';
      });
      assert.equal(
        wizardPostmortemPath(profile('harness'), draft, '2026-04-01'),
        'docs/postmortems/2026-04-01-etc-passwd.md',
      );
    });
  });
});

import * as assert from 'node:assert/strict';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import {
  describeMatch,
  explainSections,
  matchSections,
  type SectionMatch,
} from '../../../../src/core/postmortem/sections';
import { findProfile, type Profile, type SectionSpec } from '../../../../src/core/profiles';

const googleSre = findProfile('google-sre') as Profile;
const harness = findProfile('harness') as Profile;
const sreSpecs = googleSre.documents.postmortem!.sections;
const harnessSpecs = harness.documents.postmortem!.sections;
const runbookSpecs = harness.documents.runbook!.sections;

/** The matches of `body` (under a title) against `specs`, keyed by spec id. */
function matches(body: string, specs: readonly SectionSpec[] = sreSpecs): Map<string, SectionMatch> {
  const doc = parseMarkdown(`# Outage of the upload service\n\n${body}\n`);
  return new Map(matchSections(doc, specs).map((m) => [m.spec.id, m]));
}

/** Spec id → [heading text, how] for every matched spec. */
function found(body: string, specs: readonly SectionSpec[] = sreSpecs): Record<string, [string, string]> {
  const out: Record<string, [string, string]> = {};
  for (const [id, m] of matches(body, specs)) if (m.section) out[id] = [m.section.heading.text, m.how as string];
  return out;
}

describe('matchSections: sections by meaning', () => {
  describe('head noun with qualifiers', () => {
    it('reads a qualifier before the head noun as the same section', () => {
      assert.deepEqual(found('## Incident Impact\nx\n## Potential Impact\ny').impact, ['Incident Impact', 'head noun']);
    });

    it('reads a prepositional qualifier after the head noun as the same section', () => {
      const f = found('## Impact on users\nx\n## Root cause of the outage\ny');
      assert.deepEqual(f.impact, ['Impact on users', 'head noun']);
      assert.deepEqual(f['root-causes'], ['Root cause of the outage', 'head noun']);
    });

    it('reads past a container noun to what it contains ("Impact Analysis", "Details of Fix")', () => {
      const f = found('## Impact Analysis\nx\n## Details of Resolution\ny');
      assert.deepEqual(f.impact, ['Impact Analysis', 'head noun']);
      assert.deepEqual(f.resolution, ['Details of Resolution', 'head noun']);
    });

    it('takes the last noun as the head: "Response Timeline" is the timeline, not the response', () => {
      const f = found('## Response timeline\nx');
      assert.deepEqual(f.timeline, ['Response timeline', 'head noun']);
      assert.equal(f.resolution, undefined);
    });

    it('does not read "Detection improvements" as Detection, nor "Call to action" as Action Items', () => {
      const f = found('## Detection improvements\nx\n## Call to action\ny');
      assert.equal(f.detection, undefined);
      assert.equal(f['action-items'], undefined);
    });

    it('drops footnote marks a converter leaves after the heading text', () => {
      assert.deepEqual(found('Timeline [[12]](https://example.com/notes#12)\n---------\n\n- 10:00 start').timeline, [
        'Timeline [12]',
        'qualified',
      ]);
    });
  });

  describe('combined and question headings', () => {
    it('lets one combined heading satisfy both sections it names', () => {
      const f = found('## Recovery and Lessons Learned\nx');
      assert.deepEqual(f.resolution, ['Recovery and Lessons Learned', 'combined']);
      assert.deepEqual(f['lessons-learned'], ['Recovery and Lessons Learned', 'combined']);
    });

    it('reads question headings as the section they ask for', () => {
      const f = found(
        [
          '## What was impacted?',
          'x',
          '## How did this happen?',
          'x',
          '## How was it detected?',
          'x',
          '## How are we preventing it from happening again?',
          'x',
          '## How’d we do?',
          'x',
        ].join('\n'),
      );
      assert.deepEqual(f.impact, ['What was impacted?', 'question']);
      assert.deepEqual(f['root-causes'], ['How did this happen?', 'question']);
      assert.deepEqual(f.detection, ['How was it detected?', 'question']);
      assert.deepEqual(f['action-items'], ['How are we preventing it from happening again?', 'question']);
      assert.deepEqual(f['lessons-learned'], ['How’d we do?', 'question']);
    });

    it('reads "What was the root cause?" by the noun it names', () => {
      assert.deepEqual(found('## What was the root cause?\nx')['root-causes'], [
        'What was the root cause?',
        'question',
      ]);
    });

    it('ignores an intensifier: "What didn’t go so well" is What Went Wrong', () => {
      assert.deepEqual(found('## What didn’t go so well?\nx')['went-wrong'], ['What didn’t go so well?', 'head noun']);
    });
  });

  describe('meaning does not buy matches that change it', () => {
    it('does not read "Impact" as Root Causes', () => {
      assert.equal(found('## Impact\nx')['root-causes'], undefined);
    });

    it('does not read "What Went Well" as What Went Wrong, nor the reverse', () => {
      const f = found('## What Went Well\nx');
      assert.equal(f['went-wrong'], undefined);
      assert.equal(found('## What went wrong\nx')['went-well'], undefined);
    });

    it("keeps a heading that is exactly one section's name for that section only", () => {
      // Harness names "Contributing Causes" as Contributing Factors; its root cause is named "Causes" too.
      const f = found('## Contributing Causes\nx', harnessSpecs);
      assert.deepEqual(f['contributing-factors'], ['Contributing Causes', 'synonym']);
      assert.equal(f['root-cause'], undefined);
    });

    it('prefers a heading named for the section over a looser reading elsewhere', () => {
      const f = found('## Impact on the build farm\nx\n## Impact\ny');
      assert.deepEqual(f.impact, ['Impact', 'title']);
    });

    it('finds nothing in a document that truly lacks the section', () => {
      const f = found('## Summary\nx\n## Lessons Learned\ny\n## Timeline\n- 10:00 z');
      assert.equal(f['action-items'], undefined);
      assert.equal(f.trigger, undefined);
    });
  });

  describe('headings at any level and bold-label paragraphs', () => {
    it('accepts numbered and emoji headings at level 1 after the title and at level 5', () => {
      const f = found('# 2. Impact 🔥\nx\n##### Trigger\ny');
      assert.deepEqual(f.impact, ['2. Impact 🔥', 'title']);
      assert.deepEqual(f.trigger, ['Trigger', 'title']);
    });

    it('reads `**Impact**`, `**Impact:** text` and `**Impact**: text` paragraphs as sections', () => {
      const f = found(
        '**Impact**: most uploads failed for an hour.\n\n**Trigger:** a config push.\n\n**Resolution**\n\nWe rolled back.',
      );
      assert.deepEqual(f.impact, ['Impact', 'bold label']);
      assert.deepEqual(f.trigger, ['Trigger', 'bold label']);
      assert.deepEqual(f.resolution, ['Resolution', 'bold label']);
    });

    it('runs a bold-label section to the next label or heading, and gives where its value starts', () => {
      const m = matches(
        '## Summary\n\nIt broke.\n\n**Impact:** uploads failed.\nMore on that.\n\n**Trigger**: a push.\n\n## Timeline\n- 10:00 x',
      );
      const impact = m.get('impact')!;
      assert.equal(impact.section!.heading.line, 6);
      assert.equal(impact.section!.endLine, 9);
      assert.equal(impact.labelEnd, '**Impact:** '.length);
      assert.equal(impact.section!.heading.level, 3);
    });

    it('counts a bold pseudo-heading inside the summary as that section', () => {
      assert.deepEqual(found('## Summary\n\nUploads failed.\n\n**Root cause**\n\nAn expired token.')['root-causes'], [
        'Root cause',
        'bold label',
      ]);
    });

    it('does not read bold labels in list items, bold sentences or bold text inside a paragraph as sections', () => {
      const f = found(
        [
          '* **Impact:** what the template asks you to write here.',
          '',
          '**No impact on users was measured.**',
          '',
          'We looked at the **Trigger** first.',
        ].join('\n'),
      );
      assert.deepEqual(f, {});
    });
  });

  describe('runbook steps by their verbs', () => {
    it('reads numbered step headings with commands as diagnosis and mitigation', () => {
      const f = found(
        [
          '## Symptoms',
          'Queue backs up.',
          '## 1. Check the worker logs',
          '```',
          'journalctl -u worker --since -1h',
          '```',
          '## 2. Restart the worker',
          '```',
          'systemctl restart worker',
          '```',
          '## 3. Confirm the queue drains',
          '`queuectl depth --watch`',
        ].join('\n'),
        runbookSpecs,
      );
      assert.deepEqual(f.diagnosis, ['1. Check the worker logs', 'step']);
      assert.deepEqual(f.mitigation, ['2. Restart the worker', 'step']);
      assert.deepEqual(f.verification, ['3. Confirm the queue drains', 'step']);
    });

    it('reads numbered list steps with inline commands, including "re-check" as verification', () => {
      const f = found(
        [
          '## Steps',
          '1. Check status: `svc status api`',
          '2. Restart it: `svc restart api`',
          '3. Re-check: `svc status api`',
        ].join('\n'),
        runbookSpecs,
      );
      assert.equal(f.diagnosis[1], 'step');
      assert.equal(f.verification[0], 'Re-check: `svc status api`');
    });

    it('needs a command: a step that only says what to do does not count', () => {
      const f = found('## Overview\n1. Check the dashboards.\n2. Restart the service if it looks stuck.', runbookSpecs);
      assert.equal(f.diagnosis, undefined);
      assert.equal(f.mitigation, undefined);
    });

    it('reads steps only for sections with step verbs (postmortem sections never)', () => {
      const f = found('## Notes\n1. Restart the worker: `systemctl restart worker`');
      assert.equal(f.resolution, undefined);
    });
  });

  describe('explanations', () => {
    it('lists which heading satisfied which section, 1-based, in profile order', () => {
      const doc = parseMarkdown('# T\n\n## Incident Impact\nx\n\n**Trigger:** a push\n');
      const explained = explainSections(matchSections(doc, sreSpecs));
      assert.deepEqual(explained, [
        { id: 'impact', section: 'Impact', heading: 'Incident Impact', line: 3, how: 'head noun', name: 'impact' },
        { id: 'trigger', section: 'Trigger', heading: 'Trigger', line: 6, how: 'bold label', name: 'trigger' },
      ]);
    });

    it('says in one sentence how a heading satisfies a section', () => {
      const m = matches('## Incident Impact\nx').get('impact')!;
      assert.equal(describeMatch(m), 'Satisfies the profile\'s "Impact" section (head noun "impact").');
      assert.equal(describeMatch(matches('## Other\nx').get('impact')!), undefined);
    });
  });
});

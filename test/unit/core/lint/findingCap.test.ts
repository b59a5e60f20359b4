import * as assert from 'node:assert/strict';
import { lintText, MAX_FINDINGS_PER_RULE } from '../../../../src/core/lint/lint';
import { findProfile, type Profile } from '../../../../src/core/profiles';

const harness = findProfile('harness') as Profile;

/** `HH:MM` for minutes after midnight. */
function hm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Timeline lines of pairs (a step, then a check ten minutes later), so every step after the first
 * is listed after a later check: `pairs` pairs give `pairs - 1` PM009 findings, one per step.
 */
function shuffledTimeline(pairs: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < pairs; i++) {
    lines.push(`- 2026-02-02 ${hm(300 + 4 * i)} step ${i}`);
    lines.push(`- 2026-02-02 ${hm(310 + 4 * i)} check ${i}`);
  }
  return lines;
}

function postmortem(timeline: string[]): string {
  return `# Incident\n\n**Date:** 2026-02-02\n\n## Timeline\n${timeline.join('\n')}\n`;
}

function pm009(text: string) {
  return lintText(text, 'postmortem', harness).findings.filter((f) => f.ruleId === 'PM009');
}

describe('at most 50 findings per rule per document', () => {
  it('lists 50 of 120 out-of-order timeline entries, then one finding that counts the other 70', () => {
    const findings = pm009(postmortem(shuffledTimeline(121)));
    assert.equal(MAX_FINDINGS_PER_RULE, 50);
    assert.equal(findings.length, 51);
    const listed = findings.slice(0, 50);
    assert.ok(listed.every((f) => f.message.startsWith('Timeline event at ')));
    const summary = findings[50];
    assert.equal(summary.message, '… and 70 more PM009 findings in this document, not listed (at most 50 per rule).');
    assert.equal(summary.severity, listed[0].severity);
    assert.ok(
      summary.range.start.line > listed[49].range.start.line,
      'the summary sits where the 51st finding would be',
    );
  });

  it('lists every finding when there are no more than 50', () => {
    const findings = pm009(postmortem(shuffledTimeline(51)));
    assert.equal(findings.length, 50);
    assert.ok(findings.every((f) => !f.message.includes('not listed')));
  });

  it('applies disable comments before counting: a disabled timeline gives no findings at all', () => {
    const text = postmortem(['<!-- incident-workbench-disable PM009 -->', ...shuffledTimeline(121)]);
    assert.deepEqual(pm009(text), []);
  });

  it('counts only what the disable comments leave: disabled entries are neither listed nor counted', () => {
    const timeline = shuffledTimeline(121);
    // The first 120 lines hold steps 0-59; steps 1-59 are 59 of the 120 findings, so 61 are left.
    const text = postmortem([
      '<!-- incident-workbench-disable PM009 -->',
      ...timeline.slice(0, 120),
      '<!-- incident-workbench-enable PM009 -->',
      ...timeline.slice(120),
    ]);
    const findings = pm009(text);
    assert.equal(findings.length, 51);
    assert.ok(findings[0].range.start.line > 5 + 120, 'the first listed finding is after the enable comment');
    assert.equal(
      findings[50].message,
      '… and 11 more PM009 findings in this document, not listed (at most 50 per rule).',
    );
  });
});

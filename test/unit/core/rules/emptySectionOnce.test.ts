import * as assert from 'node:assert/strict';
import { lintText } from '../../../../src/core/lint/lint';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import { findPlaceholders } from '../../../../src/core/rules/placeholders';
import { renderDocument } from '../../../../src/core/templates/templates';
import { CLEAN_POSTMORTEM, CLEAN_RUNBOOK, replaceSection } from '../../../fixtures/documents';

const harness = findProfile('harness') as Profile;

/** `profile` with its rules overridden. */
function withRules(profile: Profile, rules: Record<string, 'off' | 'error' | 'warning'>): Profile {
  return { ...profile, rules: { ...profile.rules, ...rules } };
}

describe('each template placeholder is reported once', () => {
  it('a fresh postmortem: placeholders of a section reported empty are in that one PM002 finding, every other placeholder gets one PM003 finding', () => {
    const text = renderDocument(harness, 'postmortem', { title: 'Checkout outage', date: '2026-03-15' });
    const lines = text.split('\n');
    const findings = lintText(text, 'postmortem', harness).findings;
    const empty = findings.filter((f) => f.ruleId === 'PM002').map((f) => f.range.start.line);
    const pm003 = findings.filter((f) => f.ruleId === 'PM003');
    // The section of a line: the last `## ` heading at or above it.
    const sectionOf = (line: number) =>
      lines
        .slice(0, line + 1)
        .map((l, i) => (l.startsWith('## ') ? i : -1))
        .filter((i) => i >= 0)
        .at(-1);
    assert.ok(empty.length >= 5, 'the untouched sections are reported empty');
    assert.deepEqual(
      pm003.filter((f) => empty.includes(sectionOf(f.range.start.line) as number)),
      [],
      'no PM003 inside a section PM002 reports',
    );
    const outside = lines.flatMap((l, i) =>
      empty.includes(sectionOf(i) as number) ? [] : findPlaceholders(l).map((h) => `${i}:${h.start}`),
    );
    assert.deepEqual(
      pm003.map((f) => `${f.range.start.line}:${f.range.start.character}`),
      outside,
    );
    assert.ok(pm003.length > 0, 'the header and timeline blanks are still pointed at');
  });

  it('keeps PM003 on a template-only section when the profile turns PM002 off', () => {
    const text = replaceSection(CLEAN_POSTMORTEM, 'Impact', '## Impact\n<Who was affected, for how long>\n\n');
    const pm003 = (profile: Profile) =>
      lintText(text, 'postmortem', profile)
        .findings.filter((f) => f.ruleId === 'PM003')
        .map((f) => f.message);
    assert.deepEqual(pm003(harness), []);
    assert.deepEqual(pm003(withRules(harness, { PM002: 'off' })), [
      'Placeholder "<Who was affected, for how long>" is still in the document; replace it with the real value.',
    ]);
  });

  it('keeps PM003 on a placeholder in a section that has content', () => {
    const text = replaceSection(
      CLEAN_POSTMORTEM,
      'Impact',
      '## Impact\nCheckout failed for 40% of users for TBD minutes.\n\n',
    );
    const findings = lintText(text, 'postmortem', harness).findings;
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['PM003'],
    );
  });

  it('lets `incident-workbench-disable PM002` still silence the empty section on a postmortem', () => {
    const text = replaceSection(
      CLEAN_POSTMORTEM,
      'Impact',
      '<!-- incident-workbench-disable-next-line PM002 -->\n## Impact\n\n',
    );
    assert.deepEqual(lintText(text, 'postmortem', harness).findings, []);
  });
});

describe('RB003 runbook-empty-section', () => {
  it("reports a runbook's empty required section under RB003, not PM002, and its placeholder once", () => {
    const text = replaceSection(CLEAN_RUNBOOK, 'Symptoms', '## Symptoms\n<What the on-call engineer sees>\n\n');
    const findings = lintText(text, 'runbook', harness).findings;
    const line = text.split('\n').indexOf('## Symptoms');
    assert.deepEqual(
      findings.map((f) => `${f.range.start.line} ${f.ruleId} ${f.severity} ${f.message}`),
      [`${line} RB003 error Section "Symptoms" has no content yet; write it, or remove the template text.`],
    );
  });

  it('is silenced by its own id, in a disable comment or the profile', () => {
    const text = replaceSection(
      CLEAN_RUNBOOK,
      'Symptoms',
      '<!-- incident-workbench-disable-next-line RB003 -->\n## Symptoms\n\n',
    );
    assert.deepEqual(lintText(text, 'runbook', harness).findings, []);
    const blank = replaceSection(CLEAN_RUNBOOK, 'Symptoms', '## Symptoms\n\n');
    assert.deepEqual(lintText(blank, 'runbook', withRules(harness, { RB003: 'off' })).findings, []);
  });
});

import * as assert from 'node:assert/strict';
import { lintText } from '../../../../src/core/lint/lint';
import { findProfile } from '../../../../src/core/profiles';
import type { Profile } from '../../../../src/core/profiles';

const pm001 = (text: string, profile: Profile = harness, kind: 'postmortem' | 'runbook' = 'postmortem') =>
  lintText(text, kind, profile).findings.filter((f) => f.ruleId === 'PM001' || f.ruleId === 'RB001');

const harness = findProfile('harness') as Profile;

const complete = [
  '# Postmortem: Checkout errors',
  '',
  '## Summary', 'x', '## Timeline', 'x', '## Root Cause', 'x', '## Contributing Factors', 'x',
  '## Impact', 'x', '## Detection', 'x', '## Mitigation', 'x', '## Action Items', 'x',
].join('\n');

describe('PM001 missing-section (harness)', () => {
  it('reports nothing for a postmortem with every section', () => {
    assert.deepEqual(pm001(complete), []);
  });

  it('reports a missing Root Cause section on the title line, naming it', () => {
    const text = complete.replace('## Root Cause\nx\n', '');
    const findings = pm001(text);
    assert.deepEqual(findings, [{
      ruleId: 'PM001',
      severity: 'error',
      message: 'Missing required section "Root Cause".',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 29 } },
    }]);
  });

  it('names each missing section once, in the profile order', () => {
    const findings = pm001('# T\n\n## Summary\nx\n');
    assert.deepEqual(findings.map((f) => f.message), [
      'Missing required section "Timeline".',
      'Missing required section "Root Cause".',
      'Missing required section "Contributing Factors".',
      'Missing required section "Impact".',
      'Missing required section "Detection".',
      'Missing required section "Mitigation".',
      'Missing required section "Action Items".',
    ]);
  });

  it('accepts numbered, emoji, synonym and qualified headings at any level', () => {
    const text = [
      '# Incident', '## 1. Executive Summary', '## 2) Timeline (all times UTC)', '### 3. Root Cause Analysis',
      '## 🧩 Contributing Factors', '## Customer Impact', '## Detection:', '## Resolution', '## Follow-up Actions',
    ].join('\n');
    assert.deepEqual(pm001(text), []);
  });

  it('does not count the title as a section, nor a heading inside a code fence', () => {
    const text = complete.replace('## Summary\nx\n', '').replace('# Postmortem: Checkout errors', '# Summary') + '\n```\n## Summary\n```\n';
    const messages = pm001(text).map((f) => f.message);
    assert.deepEqual(messages, ['Missing required section "Summary".']);
  });

  it('reports on the first text line after front matter when there is no title', () => {
    const findings = pm001('---\na: 1\n---\n\nSome text\n');
    assert.equal(findings[0].range.start.line, 4);
    assert.equal(findings[0].range.end.character, 9);
  });

  it('uses the severity the profile sets for the rule, and skips the rule when off', () => {
    const warn: Profile = { ...harness, rules: { PM001: 'warning' } };
    assert.equal(pm001('# T', warn)[0].severity, 'warning');
    const off: Profile = { ...harness, rules: { PM001: 'off' } };
    assert.deepEqual(pm001('# T', off), []);
  });

  it('does not apply postmortem sections to runbooks (RB001 checks runbook sections instead)', () => {
    const findings = pm001('# Runbook\n## Symptoms\n## Diagnosis\n## Mitigation\n## Escalation\n', harness, 'runbook');
    assert.deepEqual(findings.map((f) => [f.ruleId, f.message]), [['RB001', 'Missing required section "Recovery Verification".']]);
  });
});

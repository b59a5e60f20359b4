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
  '## Summary',
  'x',
  '## Timeline',
  'x',
  '## Root Cause',
  'x',
  '## Contributing Factors',
  'x',
  '## Impact',
  'x',
  '## Detection',
  'x',
  '## Mitigation',
  'x',
  '## Action Items',
  'x',
].join('\n');

describe('PM001 missing-section (harness)', () => {
  it('reports nothing for a postmortem with every section', () => {
    assert.deepEqual(pm001(complete), []);
  });

  it('reports a missing Root Cause section on the title line, naming it', () => {
    const text = complete.replace('## Root Cause\nx\n', '');
    const findings = pm001(text);
    assert.deepEqual(findings, [
      {
        ruleId: 'PM001',
        severity: 'error',
        message: 'Missing required section "Root Cause".',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 29 } },
      },
    ]);
  });

  it('names each missing section once, in the profile order', () => {
    const findings = pm001('# T\n\n## Summary\nx\n');
    assert.deepEqual(
      findings.map((f) => f.message),
      [
        'Missing required section "Timeline".',
        'Missing required section "Root Cause".',
        'Missing required section "Contributing Factors".',
        'Missing required section "Impact".',
        'Missing required section "Detection".',
        'Missing required section "Mitigation".',
        'Missing required section "Action Items".',
      ],
    );
  });

  it('accepts numbered, emoji, synonym and qualified headings at any level', () => {
    const text = [
      '# Incident',
      '## 1. Executive Summary',
      '## 2) Timeline (all times UTC)',
      '### 3. Root Cause Analysis',
      '## 🧩 Contributing Factors',
      '## Customer Impact',
      '## Detection:',
      '## Resolution',
      '## Follow-up Actions',
    ].join('\n');
    assert.deepEqual(pm001(text), []);
  });

  it('does not count the title as a section, nor a heading inside a code fence', () => {
    const text =
      complete.replace('## Summary\nx\n', '').replace('# Postmortem: Checkout errors', '# Summary') +
      '\n```\n## Summary\n```\n';
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
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.message]),
      [['RB001', 'Missing required section "Recovery Verification".']],
    );
  });
});

describe('RB001: alert and procedure runbooks', () => {
  const rb001 = (text: string) => pm001(text, harness, 'runbook').map((f) => f.message);

  it('asks a procedure runbook only for its steps and a check that they worked', () => {
    const procedure = [
      '## Background',
      'Why someone needs access.',
      '## Steps',
      '1. Add the user: `acl add <user>`',
      '## Testing Access',
      'Log in as them: `ssh <user>@bastion`',
    ].join('\n');
    assert.deepEqual(rb001(procedure), []);
  });

  it('says a procedure runbook needs the verification it lacks', () => {
    assert.deepEqual(rb001('## Prerequisites\nAn admin account.\n## Steps\n1. Add the user: `acl add <user>`\n'), [
      'Missing required section "Recovery Verification" (a procedure runbook needs it).',
    ]);
  });

  it('asks an alert runbook (named for its alert) for every section, reading "Meaning" as its symptoms', () => {
    const alert = [
      '# DiskAlmostFull',
      '## Meaning',
      'The disk is over 90%.',
      '## Diagnosis',
      '`df -h /data`',
      '## Mitigation',
      '`logrotate -f /etc/logrotate.conf`',
    ].join('\n');
    assert.deepEqual(rb001(alert), [
      'Missing required section "Escalation Path".',
      'Missing required section "Recovery Verification".',
    ]);
  });

  it("reads a title that opens with a task's verb as a procedure runbook, and a symptom's name as none", () => {
    const steps =
      '1. Check the key: `vault read secret/k`\n2. Restart the API: `kubectl rollout restart deploy/api`\n3. Confirm it is served: `curl -s https://k.example.test`\n';
    assert.deepEqual(rb001(`# Rotate the signing key\n\n${steps}`), []);
    assert.deepEqual(rb001(`# Runbook: Renew the TLS certificate\n\n${steps}`), []);
    // "Add" inside a title that does not open with it, or a symptom, says nothing of the kind: every section is asked for.
    assert.deepEqual(rb001(`# Disk fills up after we add nodes\n\n${steps}`), [
      'Missing required section "Symptoms".',
      'Missing required section "Escalation Path".',
    ]);
  });

  it('keeps reporting what an alert runbook truly lacks when its steps are numbered', () => {
    const steps = [
      '# Worker is down',
      '## Symptoms',
      'Alert WorkerDown fires.',
      '1. Check status: `svc status worker`',
      '2. Restart: `svc restart worker`',
      '3. Re-check: `svc status worker`',
    ].join('\n');
    assert.deepEqual(rb001(steps), ['Missing required section "Escalation Path".']);
  });
});

describe('PM001: action items written where they arise', () => {
  it('reports no missing Action Items when labelled action items stand under other sections', () => {
    const text = complete.replace(
      '## Action Items\nx',
      '## Lessons\n\nThe alert came late.\n\nAction point: page on webhook errors.',
    );
    const messages = pm001(text).map((f) => f.message);
    assert.equal(messages.includes('Missing required section "Action Items".'), false);
  });

  it('still reports a postmortem that has no action items anywhere', () => {
    const text = complete.replace('## Action Items\nx', '## Lessons\n\nThe alert came late.');
    assert.deepEqual(
      pm001(text).map((f) => f.message),
      ['Missing required section "Action Items".'],
    );
  });
});

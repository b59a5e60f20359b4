// Issue #17's "What to build" list, item by item, each proved end to end through the linter on text of our own
// writing (no corpus text). The finer tests of each item live next to its code; the CLI items (no silent pass,
// `--format json` sections, `index --format json` milestones) are proved in test/unit/cli/main.test.ts and
// test/unit/cli/index.test.ts.
import * as assert from 'node:assert/strict';
import { summarizeIncident } from '../../../src/core/incident/summary';
import { lintText } from '../../../src/core/lint/lint';
import { parseMarkdown } from '../../../src/core/markdown/model';
import { timelineMetricsMarkdown } from '../../../src/core/metrics/hover';
import { describeMatch, explainSections, matchSections } from '../../../src/core/postmortem/sections';
import { findProfile, type Profile } from '../../../src/core/profiles';

const harness = findProfile('harness') as Profile;

/** `rule line` (1-based) of each finding of the listed rules. */
function findings(text: string, rules: readonly string[], kind: 'postmortem' | 'runbook' = 'postmortem'): string[] {
  return lintText(text, kind, harness)
    .findings.filter((f) => rules.includes(f.ruleId))
    .map((f) => `${f.ruleId} ${f.range.start.line + 1}`);
}

/** A harness postmortem whose sections are written as teams write them, none under its profile title. */
const SECTIONS_BY_MEANING = `# 1. Image resizer outage

**Severity:** SEV2 · **Date:** 2026-06-09

**TL;DR:** Thumbnails failed to render for 40 minutes after a library upgrade.

## 🕒 Response Timeline
- 14:02 UTC: resizer v3.1 deployed
- 14:05 UTC: thumbnail errors start
- 14:09 UTC: error-rate alert pages the media on-call
- 14:20 UTC: rolled back to v3.0
- 14:45 UTC: thumbnails render again; resolved

### What caused it?
The new image library rejects progressive JPEGs with an exception the resizer did not catch.

**Contributing factors:** the canary set holds no progressive JPEGs.

##### Impact on users
About 12% of product pages showed broken thumbnails.

## How was it detected?
The error-rate alert on the resizer.

# Recovery and Lessons Learned
Rolling back restored the old library.

**Review actions**
- [ ] Add progressive JPEGs to the canary set — owner: @mira, due 2026-06-20
`;

describe('issue #17, "What to build", item by item', () => {
  it('1. sections by meaning: qualifiers, combined, question, emoji, numbered, any level, bold labels; each match explained', () => {
    // Nothing of the harness postmortem is missing: every section is there under another heading.
    assert.deepEqual(findings(SECTIONS_BY_MEANING, ['PM001']), []);
    const explained = explainSections(
      matchSections(parseMarkdown(SECTIONS_BY_MEANING), harness.documents.postmortem!.sections),
    );
    assert.deepEqual(
      explained.map((e) => [e.section, e.heading, e.line, e.how]),
      [
        ['Summary', 'TL;DR', 5, 'bold label'],
        ['Timeline', '🕒 Response Timeline', 7, 'head noun'],
        ['Root Cause', 'What caused it?', 14, 'question'],
        ['Contributing Factors', 'Contributing factors', 17, 'bold label'],
        ['Impact', 'Impact on users', 19, 'head noun'],
        ['Detection', 'How was it detected?', 22, 'question'],
        ['Mitigation', 'Recovery and Lessons Learned', 25, 'combined'],
      ],
    );
    // Action Items is satisfied by the items under the follow-up label `**Review actions**` (item 5's reader).
    assert.equal(
      lintText(SECTIONS_BY_MEANING, 'postmortem', harness).findings.filter((f) => f.ruleId === 'PM004').length,
      0,
    );
    // The sentence the hover shows (and `--format json` gives per file: test/unit/cli/main.test.ts).
    const combined = matchSections(parseMarkdown(SECTIONS_BY_MEANING), harness.documents.postmortem!.sections).find(
      (m) => m.spec.id === 'mitigation',
    )!;
    assert.match(
      describeMatch(combined) ?? '',
      /^Satisfies the profile's "Mitigation" section \(.*combined heading\)\.$/,
    );
  });

  it('1b. a truly missing section is still reported', () => {
    const withoutRootCause = SECTIONS_BY_MEANING.replace(/### What caused it\?\n.*\n/, '');
    assert.deepEqual(findings(withoutRootCause, ['PM001']), ['PM001 1']);
  });

  it('2. runbooks as teams write them: numbered steps with commands; alert and procedure runbooks asked for what each needs', () => {
    const procedure =
      '# Rotate the API signing key\n\n1. Check the current key: `vault read secret/api/signing`\n2. Restart the API pods: `kubectl rollout restart deploy/api`\n3. Confirm the new key is served: `curl -s https://api.example.test/.well-known/jwks.json`\n';
    assert.deepEqual(findings(procedure, ['RB001'], 'runbook'), []);
    // The same steps without the check that they worked: a procedure runbook is asked for its verification only.
    const unchecked = procedure.replace(/3\. Confirm.*\n/, '');
    assert.deepEqual(
      lintText(unchecked, 'runbook', harness)
        .findings.filter((f) => f.ruleId === 'RB001')
        .map((f) => f.message.includes('erification')),
      [true],
    );
    // An alert runbook (named for its alert) is asked for every section, not only steps.
    const alert =
      '# Alert: QueueDepthHigh\n\n1. Inspect the queue: `rabbitmqctl list_queues`\n2. Restart the consumer: `systemctl restart consumer`\n';
    assert.ok(findings(alert, ['RB001'], 'runbook').length >= 1);
  });

  it('3. times as teams write them, and "could not be read" with an example line instead of "no timed events"', () => {
    const shapes: ReadonlyArray<[string, string]> = [
      ['HH:MM', '- 14:05 errors start\n- 14:09 alert fires\n- 14:20 rolled back\n- 14:45 resolved'],
      [
        'HHMM',
        '- 2026-06-09 1405: errors start\n- 2026-06-09 1409: alert fires\n- 2026-06-09 1420: rolled back\n- 2026-06-09 1445: resolved',
      ],
      ['HH:MM:SS', '- 14:05:10 errors start\n- 14:09:40 alert fires\n- 14:20:00 rolled back\n- 14:45:30 resolved'],
      ['12-hour', '- 2:05 PM errors start\n- 2:09 PM alert fires\n- 2:20 PM rolled back\n- 2:45 PM resolved'],
      [
        'Jan 14, 10:18 AM rows',
        '| When | Event |\n|---|---|\n| Jun 9, 2:05 PM | errors start |\n| Jun 9, 2:09 PM | alert fires |\n| Jun 9, 2:20 PM | rolled back |\n| Jun 9, 2:45 PM | resolved |',
      ],
      ['backticks', '- `14:05` errors start\n- `14:09` alert fires\n- `14:20` rolled back\n- `14:45` resolved'],
      [
        'bold date, times below',
        '**June 9, 2026**\n\n- 14:05 errors start\n- 14:09 alert fires\n- 14:20 rolled back\n- 14:45 resolved',
      ],
      [
        'date heading, times below',
        '### 2026-06-09\n\n- 14:05 errors start\n- 14:09 alert fires\n- 14:20 rolled back\n- 14:45 resolved',
      ],
      [
        'zones and offsets',
        '- 07:05 PDT errors start\n- 14:09 UTC alert fires\n- 16:20 +02:00 rolled back\n- 14:45Z resolved',
      ],
      ['T+15m', '- T+0 errors start\n- T+4m alert fires\n- T+15m rolled back\n- T+40m resolved'],
    ];
    for (const [shape, timeline] of shapes) {
      const text = `# Resizer outage\n\n**Date:** 2026-06-09\n\n## Timeline\n${timeline}\n`;
      const m = summarizeIncident({ text, path: 'pm.md', profile: harness, kind: 'postmortem' }).metrics;
      assert.deepEqual([shape, m.timeToDetect.minutes, m.timeToRecover.minutes], [shape, 4, 36]);
      assert.deepEqual([shape, findings(text, ['PM010'])], [shape, []]);
    }
    const unreadable = '# Resizer outage\n\n## Timeline\n- 14.05 errors start\n- 14.09 alert fires\n- 14.45 resolved\n';
    const [message] = lintText(unreadable, 'postmortem', harness)
      .findings.filter((f) => f.ruleId === 'PM010')
      .map((f) => f.message);
    assert.match(message, /^The timeline's times could not be read \(line 4: "- 14.05 errors start"\)/);
    assert.doesNotMatch(message, /no timed events/);
  });

  it('4. milestones a reviewer would pick, shown with the choice in the metrics hover', () => {
    const text = `# Resizer outage\n\n**Date:** 2026-06-09\n\n## Timeline\n- 07:40 UTC: resizer v3.1 deployed\n- 07:48 UTC: users notice broken thumbnails on product pages\n- 07:55 UTC: support escalates; on-call paged\n- 08:10 UTC: rolled back to v3.0\n- 08:30 UTC: banner posted on the status page\n- 08:31 UTC: thumbnails render again; resolved\n`;
    const summary = summarizeIncident({ text, path: 'pm.md', profile: harness, kind: 'postmortem' });
    // Users noticing is the first report (detection), not the banner posted for them later; with no event of
    // impact before it, the last change before it (the deploy) starts the incident.
    assert.equal(summary.metrics.timeToDetect.minutes, 8);
    assert.equal(summary.metrics.timeToRecover.minutes, 43);
    const hover = timelineMetricsMarkdown(summary);
    assert.match(hover, /\*\*Milestones\*\*/);
    assert.match(hover, /- start: 07:40 UTC resizer v3\.1 deployed \\\(the last change before the detection\\\)/);
    assert.match(hover, /- detection: 07:48 UTC users notice broken thumbnails/);
    assert.match(hover, /- resolution: 08:31 UTC thumbnails render again/);
    assert.doesNotMatch(hover, /detection: 08:30/);
  });

  it('5. action items wherever they are, "We will" sentences, done markers excusing a due date, sub-bullets not items', () => {
    const text = `# Resizer outage\n\n## Long-term Improvements\nWe will add progressive JPEGs to the canary set.\n\n- [x] Pin the image library version — owner: @mira\n- Alert on thumbnail error rate (done) — owner: @li\n- ✅ Roll back runbook updated — owner: @li\n- ~~Rewrite the resizer~~ — owner: @li\n- Add a resizer dashboard — owner: @tomas\n  - https://dashboards.example.test/resizer\n  - see the design note\n`;
    const found = lintText(text, 'postmortem', harness).findings.filter((f) => ['PM004', 'PM005'].includes(f.ruleId));
    // The "We will" sentence has neither owner nor due date; the dashboard item has no due date; done items need none.
    assert.deepEqual(
      found.map((f) => `${f.ruleId} ${f.range.start.line + 1}`),
      ['PM004 4', 'PM005 4', 'PM005 10'],
    );
  });

  it('6. severity as teams write it: a ticket in the timeline, a sentence, a table row, front matter', () => {
    const bare = '# Resizer outage\n\n## Summary\nThumbnails failed.\n';
    assert.deepEqual(findings(bare, ['PM011']), ['PM011 1']);
    for (const written of [
      '## Timeline\n- 14:09 Sev 1 ticket raised by support\n',
      '## Summary\nThis was a SEV2 incident for the media team.\n',
      '| Field | Value |\n|---|---|\n| Severity | SEV-3 |\n',
      '## Summary\nWe treated it as severity: critical.\n',
    ]) {
      assert.deepEqual([written, findings(`# Resizer outage\n\n${written}`, ['PM011'])], [written, []]);
    }
    assert.deepEqual(findings(`---\nseverity: SEV1\n---\n${bare}`, ['PM011']), []);
  });

  it('8. template-engine tags (ERB, Jinja, Go templates) are not placeholders', () => {
    const runbook =
      '# Restart the worker\n\n## Mitigation\n1. Restart: `systemctl restart <%= @service %>`\n2. Then `kubectl -n {{ .Namespace }} get pods`\n3. And `echo {{ host }}` and `{% if prod %}`\n';
    assert.deepEqual(findings(runbook, ['PM003'], 'runbook'), []);
    assert.deepEqual(findings(`${runbook}4. Page <ON-CALL NAME> if it fails\n`, ['PM003'], 'runbook'), ['PM003 7']);
  });
});

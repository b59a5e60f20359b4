import * as assert from 'node:assert/strict';
import { lintText } from '../../../../src/core/lint/lint';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import type { DocumentKind } from '../../../../src/core/profiles';
import { CLEAN_POSTMORTEM, CLEAN_RUNBOOK, replaceSection } from '../../../fixtures/documents';

const harness = findProfile('harness') as Profile;

/** The findings of one rule as `line:start-end message` strings (1-based lines, 0-based characters). */
function run(ruleId: string, text: string, kind: DocumentKind = 'postmortem', profile: Profile = harness): string[] {
  return lintText(text, kind, profile)
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character}-${f.range.end.character} ${f.message}`);
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('the clean fixtures', () => {
  it('give no finding of any rule', () => {
    assert.deepEqual(lintText(CLEAN_POSTMORTEM, 'postmortem', harness).findings, []);
    assert.deepEqual(lintText(CLEAN_RUNBOOK, 'runbook', harness).findings, []);
  });
});

describe('PM002 empty-section', () => {
  it('reports a section with only a template prompt at its heading', () => {
    const text = replaceSection(
      CLEAN_POSTMORTEM,
      'Impact',
      '## Impact\n<User-facing impact, data impact, SLO impact>\n\n',
    );
    const line = lineOf(text, '## Impact');
    assert.deepEqual(run('PM002', text), [
      `${line}:0-9 Section "Impact" has no content yet; write it, or remove the template text.`,
    ]);
  });

  it('reports a section holding only an HTML comment or a table header', () => {
    const text = replaceSection(CLEAN_POSTMORTEM, 'Detection', '## Detection\n<!-- How was it detected? -->\n\n');
    assert.equal(run('PM002', text).length, 1);
    const table = replaceSection(CLEAN_POSTMORTEM, 'Timeline', '## Timeline\n| Time (UTC) | Event |\n|---|---|\n\n');
    assert.match(run('PM002', table)[0], /Section "Timeline" has no content yet/);
  });

  it('accepts a section whose only content is a code block or a subsection with text', () => {
    assert.deepEqual(run('RB003', CLEAN_RUNBOOK, 'runbook'), []);
    const text = replaceSection(
      CLEAN_POSTMORTEM,
      'Impact',
      '## Impact\n### Customers\nCheckout failed for 40% of users.\n\n',
    );
    assert.deepEqual(run('PM002', text), []);
  });
});

describe('PM003 placeholder-left', () => {
  it('reports each placeholder with its exact range', () => {
    const text = CLEAN_POSTMORTEM.replace(
      '**Status:** Resolved',
      '**Status:** <status> since YYYY-MM-DD at HH:MM, lasting X hours Y minutes, owner [Name], TODO',
    );
    const line = lineOf(text, '**Status:**');
    assert.deepEqual(run('PM003', text), [
      `${line}:12-20 Placeholder "<status>" is still in the document; replace it with the real value.`,
      `${line}:27-37 Placeholder "YYYY-MM-DD" is still in the document; replace it with the real value.`,
      `${line}:41-46 Placeholder "HH:MM" is still in the document; replace it with the real value.`,
      `${line}:56-73 Placeholder "X hours Y minutes" is still in the document; replace it with the real value.`,
      `${line}:81-87 Placeholder "[Name]" is still in the document; replace it with the real value.`,
      `${line}:89-93 Placeholder "TODO" is still in the document; replace it with the real value.`,
    ]);
  });

  it('ignores HTML tags, autolinks, links, reference links, code and comments', () => {
    const extra = [
      'Accounts are named <user>-db and hosts <region>.example.com.',
      'Line<br>break and <https://example.com> and <ops@example.com> and [the dashboard](https://x) and [hook].',
      '`<name>` in code, <!-- TODO in a comment -->, task [x] done.',
      '```',
      'echo <name> YYYY-MM-DD',
      '```',
      '[hook]: https://example.com/hook',
    ].join('\n');
    assert.deepEqual(run('PM003', `${CLEAN_POSTMORTEM}\n${extra}\n`), []);
  });
});

describe('PM004 action-item-owner and PM005 action-item-due-date', () => {
  const table = (rows: string) =>
    replaceSection(
      CLEAN_POSTMORTEM,
      'Action Items',
      `## Action Items\n| Action | Owner | Due Date | Status |\n|---|---|---|---|\n${rows}\n`,
    );

  it('reports an empty or placeholder owner cell at the cell', () => {
    const text = table(
      '| Add query test for preferences endpoint |  | 2026-03-22 | Open |\n| Add circuit breaker | <name> | 2026-03-29 | Open |',
    );
    const l1 = lineOf(text, 'Add query test');
    const l2 = lineOf(text, 'Add circuit breaker');
    assert.deepEqual(run('PM004', text), [
      `${l1}:45-45 Action item "Add query test for preferences endpoint" has no owner; name a person or team.`,
      `${l2}:24-30 Action item "Add circuit breaker" has no owner; name a person or team.`,
    ]);
  });

  it('reports a table without an Owner column once, on its header', () => {
    const text = replaceSection(
      CLEAN_POSTMORTEM,
      'Action Items',
      '## Action Items\n| Action | Due Date |\n|---|---|\n| Add query test for preferences endpoint | 2026-03-22 |\n',
    );
    const line = lineOf(text, '| Action | Due Date |');
    assert.deepEqual(run('PM004', text), [
      `${line}:2-19 The action items table has no "Owner" column; every action item needs one.`,
    ]);
  });

  it('reports a missing, impossible or non-date due date, and accepts real dates in several forms', () => {
    const text = table(
      [
        '| Add query test for preferences endpoint | @a | 2026-02-30 | Open |',
        '| Add circuit breaker | @b | next sprint | Open |',
        '| Add alert on preferences latency | @c |  | Open |',
        '| Remove the old query path | @d |  | Done |',
        '| Document the preferences service | @e | March 30, 2026 | Open |',
        '| Review index coverage | @f | 30 Mar 2026 | Open |',
      ].join('\n'),
    );
    assert.deepEqual(
      run('PM005', text).map((f) => f.replace(/^\d+:\d+-\d+ /, '')),
      [
        'Due date "2026-02-30" of action item "Add query test for preferences endpoint" is not a real date.',
        'Due date "next sprint" of action item "Add circuit breaker" is not a date; write it as YYYY-MM-DD.',
        'Action item "Add alert on preferences latency" has no due date.',
      ],
    );
  });

  it('reads action items written as a list with inline owner and due date', () => {
    const text = replaceSection(
      CLEAN_POSTMORTEM,
      'Action Items',
      [
        '## Action Items',
        '1. [P0] Add query performance test for preferences endpoint (owner: @backend, due: 2026-03-16)',
        '2. [P1] Add circuit breaker between gateway and user service — @platform by 2026-03-22',
        '3. Add an alert on checkout latency',
        '',
      ].join('\n'),
    );
    const line = lineOf(text, '3. Add an alert');
    assert.deepEqual(run('PM004', text), [
      `${line}:0-35 Action item "Add an alert on checkout latency" has no owner; name a person or team.`,
    ]);
    assert.deepEqual(run('PM005', text), [
      `${line}:0-35 Action item "Add an alert on checkout latency" has no due date.`,
    ]);
  });
});

describe('PM006 action-item-minimum', () => {
  it('reports fewer items than the profile minimum at the section heading', () => {
    const strict: Profile = { ...harness, actionItems: { ...harness.actionItems, minimum: 3 } };
    const line = lineOf(CLEAN_POSTMORTEM, '## Action Items');
    assert.deepEqual(run('PM006', CLEAN_POSTMORTEM, 'postmortem', strict), [
      `${line}:0-15 "Action Items" lists 2 action items; the harness profile asks for at least 3.`,
    ]);
    assert.deepEqual(run('PM006', CLEAN_POSTMORTEM), []);
  });
});

describe('PM007 factor-without-action', () => {
  it('reports a factor that no action item shares a significant word with', () => {
    const text = CLEAN_POSTMORTEM.replace(
      '- No circuit breaker between the gateway and the user service',
      '- No circuit breaker between the gateway and the user service\n- Deploys skipped the canary stage',
    );
    const line = lineOf(text, 'Deploys skipped');
    assert.deepEqual(run('PM007', text), [
      `${line}:0-34 Contributing factor "Deploys skipped the canary stage" has no action item that addresses it (3 contributing factors, 2 action items); add one that names it (or refers to it as CF3).`,
    ]);
  });

  it('accepts an action that refers to the factor by number', () => {
    const text = CLEAN_POSTMORTEM.replace(
      '- No circuit breaker between the gateway and the user service',
      '- No circuit breaker between the gateway and the user service\n- Deploys skipped the canary stage',
    ).replace(
      '| 2 | Add circuit breaker',
      '| 3 | Gate releases on a staged rollout (CF3) | @release | P1 | 2026-03-29 | Open |\n| 2 | Add circuit breaker',
    );
    assert.deepEqual(run('PM007', text), []);
  });
});

describe('PM008 vague-root-cause', () => {
  const withCause = (cause: string) => replaceSection(CLEAN_POSTMORTEM, 'Root Cause', `## Root Cause\n${cause}\n\n`);
  const line = lineOf(CLEAN_POSTMORTEM, '## Root Cause');

  it('reports "human error", "the system failed", a bare "unknown" and a too-short statement', () => {
    assert.deepEqual(run('PM008', withCause('Human error: an engineer pushed a bad config.')), [
      `${line}:0-13 The root cause stops at human error; name the condition in the system that let the mistake reach production.`,
    ]);
    assert.match(run('PM008', withCause('The system failed.'))[0], /says only that the system failed/);
    assert.match(
      run('PM008', withCause('Unknown.'))[0],
      /says the cause is unknown without saying what was investigated/,
    );
    assert.match(run('PM008', withCause('Bad deploy.'))[0], /names only a kind of cause \("Bad deploy"\)/);
    assert.match(run('PM008', withCause('Fixed it.'))[0], /is 2 words long/);
  });

  it('accepts an unknown cause that says what was investigated and ruled out', () => {
    assert.deepEqual(
      run(
        'PM008',
        withCause(
          'Unknown. We investigated the load balancer and ruled out the database; we need packet captures from the edge.',
        ),
      ),
      [],
    );
  });
});

describe('PM009 timeline-order', () => {
  it('reports an event listed after a later one', () => {
    const text = CLEAN_POSTMORTEM.replace('| 14:40 | Rolled back', '| 14:30 | Rolled back');
    const line = lineOf(text, '| 14:30 |');
    assert.deepEqual(run('PM009', text), [
      `${line}:0-46 Timeline event at 14:30 is listed after the event at 14:32 (line ${line - 1}) but happened earlier; keep the timeline in time order.`,
    ]);
  });

  it('names the dates when an event is listed under the wrong day', () => {
    const text = replaceSection(
      CLEAN_POSTMORTEM,
      'Timeline',
      '## Timeline\n_All times are UTC._\n### 2026-03-15 14:28\nErrors started.\n### 2026-03-14 14:40\nRolled back.\n\n',
    );
    assert.match(
      run('PM009', text)[0],
      /Timeline event at 14:40 is listed after the event at 14:28 \(line \d+\) but happened earlier \(on 2026-03-14, before 2026-03-15\)/,
    );
  });

  it('reads a list timeline across midnight and across dates as ordered', () => {
    const text = replaceSection(
      CLEAN_POSTMORTEM,
      'Timeline',
      [
        '## Timeline',
        '- 23:50 UTC — first errors started',
        '- 23:58 UTC — alert fired, on-call paged',
        '- 00:20 UTC — rolled back the deploy',
        '- 2026-03-16 09:00 UTC — incident resolved',
        '',
      ].join('\n'),
    );
    assert.deepEqual(run('PM009', text), []);
    assert.deepEqual(run('PM010', text), []);
  });
});

describe('PM010 timeline-milestones', () => {
  it('names the milestones the timeline lacks', () => {
    const text = replaceSection(
      CLEAN_POSTMORTEM,
      'Timeline',
      '## Timeline\n- 14:28 first errors in logs\n- 14:50 we looked at dashboards\n\n',
    );
    const line = lineOf(text, '## Timeline');
    assert.deepEqual(run('PM010', text), [
      `${line}:0-11 The timeline has no detection, mitigation and resolution event, so time to detect, time to mitigate, time to recover and duration cannot be computed; add the event with its time (see the rule's page for the words it looks for).`,
    ]);
  });

  it('asks for times when no event has one', () => {
    const text = replaceSection(CLEAN_POSTMORTEM, 'Timeline', '## Timeline\n- errors began\n- we fixed it\n\n');
    assert.match(run('PM010', text)[0], /None of the timeline's events has a time/);
  });
});

describe('PM011 severity', () => {
  it('reports a missing severity on the title line and an unknown one at its value', () => {
    assert.deepEqual(run('PM011', CLEAN_POSTMORTEM.replace('**Severity:** SEV2\n', '')), [
      '1:0-30 The document states no severity; add a "Severity:" field with one of SEV1, SEV2, SEV3, SEV4.',
    ]);
    const text = CLEAN_POSTMORTEM.replace('**Severity:** SEV2', '**Severity:** P2');
    assert.deepEqual(run('PM011', text), [
      `${lineOf(text, 'Severity')}:14-16 Severity "P2" is not in the harness profile's scale (SEV1, SEV2, SEV3, SEV4).`,
    ]);
  });

  it('accepts the severity in front matter, a summary table or with decoration', () => {
    assert.deepEqual(
      run('PM011', `---\nseverity: sev-2\n---\n${CLEAN_POSTMORTEM.replace('**Severity:** SEV2\n', '')}`),
      [],
    );
    assert.deepEqual(
      run(
        'PM011',
        CLEAN_POSTMORTEM.replace('**Severity:** SEV2', '| Field | Value |\n|---|---|\n| Severity | SEV 2 (major) |'),
      ),
      [],
    );
  });
});

describe('PM012 severity-change-reason', () => {
  it('reports a downgrade in the timeline without a reason, and accepts one with a reason', () => {
    const text = CLEAN_POSTMORTEM.replace(
      '| 14:40 | Rolled back the deploy to mitigate |',
      '| 14:40 | Rolled back the deploy to mitigate; downgraded to SEV3 |',
    );
    assert.deepEqual(run('PM012', text), [
      `${lineOf(text, 'downgraded')}:0-66 The severity changes here without a reason; say why (e.g. "downgraded to SEV3 because the error rate fell below 1%").`,
    ]);
    const ok = CLEAN_POSTMORTEM.replace(
      '| 14:40 | Rolled back the deploy to mitigate |',
      '| 14:40 | Rolled back; downgraded to SEV3 because errors fell below 1% |',
    );
    assert.deepEqual(run('PM012', ok), []);
  });
});

describe('PM013 blame-language', () => {
  it('reports a person named as the cause', () => {
    const text = CLEAN_POSTMORTEM.replace(
      '## Impact\n',
      "## Impact\nThe outage was caused by @jdoe. It was Alice's mistake. Bob forgot to run the migration.\n",
    );
    const line = lineOf(text, 'caused by @jdoe');
    assert.deepEqual(
      run('PM013', text).map((f) => f.split(' "')[0]),
      [`${line}:15-30`, `${line}:39-54`, `${line}:56-66`],
    );
  });

  it('does not report systems, teams or people named as responders', () => {
    const text = CLEAN_POSTMORTEM.replace(
      '## Impact\n',
      "## Impact\nThe outage was caused by Redis eviction. Kubernetes failed to reschedule pods. @jdoe rolled back the deploy. Alice's fix restored service.\n",
    );
    assert.deepEqual(run('PM013', text), []);
  });
});

describe('PM014 ai-reference', () => {
  it('is off by default and reports AI tool names where a profile turns it on', () => {
    const text = CLEAN_POSTMORTEM.replace('## Impact\n', '## Impact\nThis summary was drafted with ChatGPT.\n');
    assert.deepEqual(run('PM014', text), []);
    const strict: Profile = { ...harness, rules: { PM014: 'error' } };
    assert.deepEqual(run('PM014', text, 'postmortem', strict), [
      `${lineOf(text, 'ChatGPT')}:30-37 "ChatGPT" refers to an AI tool; the harness profile keeps reports free of AI tool references.`,
    ]);
  });
});

describe('RB002 runbook-command', () => {
  it('reports a runbook whose diagnosis and mitigation steps are prose only', () => {
    const text = CLEAN_RUNBOOK.replace(/```bash\n[^`]*```/, 'Look at the logs.').replace(
      'Roll back with `kubectl rollout undo deploy/user-service`.',
      'Roll back the deploy.',
    );
    const line = lineOf(text, '## Diagnosis Steps');
    assert.deepEqual(run('RB002', text, 'runbook'), [
      `${line}:0-18 "Diagnosis Steps" and "Mitigation Steps" hold no concrete command or query; add the exact commands to run (a code block or inline code).`,
    ]);
    assert.deepEqual(run('RB002', CLEAN_RUNBOOK, 'runbook'), []);
  });
});

describe('regressions from reading real documents', () => {
  const withActions = (list: string) => replaceSection(CLEAN_POSTMORTEM, 'Action Items', `## Action Items\n${list}\n`);

  it('PM005 does not read "by <word>" as a due date, and reads "due: April 1st, 2026" in a list', () => {
    assert.deepEqual(
      run(
        'PM005',
        withActions(
          '- Cut checkout load by sharding the preferences queue (owner: @bob, due: 2026-04-01)\n- Add circuit breaker between gateway and user service (owner: @a, due: April 1st, 2026)',
        ),
      ),
      [],
    );
  });

  it('PM008 reads "None of the replicas ..." and "Not human error: ..." as specific statements', () => {
    const cause = (c: string) => replaceSection(CLEAN_POSTMORTEM, 'Root Cause', `## Root Cause\n${c}\n\n`);
    assert.deepEqual(
      run(
        'PM008',
        cause('None of the three replicas had the new certificate, so TLS handshakes failed after rotation.'),
      ),
      [],
    );
    assert.deepEqual(
      run(
        'PM008',
        cause('Not human error: the deploy script skipped the canary stage because its config defaulted to 0%.'),
      ),
      [],
    );
    assert.match(run('PM008', cause('The cause remains unknown for now, sadly, after a long day.'))[0], /unknown/);
  });

  it('PM010 knows "first occurrence", "mitigate" and "users reports"', () => {
    const text = replaceSection(
      CLEAN_POSTMORTEM,
      'Timeline',
      '## Timeline\n- 10:00 first occurrence in logs\n- 10:05 users reports arrive\n- 10:10 we mitigate by failing over\n- 10:30 resolved\n\n',
    );
    assert.deepEqual(run('PM010', text), []);
  });

  it('PM011 prefers a Severity field over a Priority label in an action item, and accepts a level label', () => {
    const text = CLEAN_POSTMORTEM.replace('**Severity:** SEV2', 'Severity: SEV2').replace(
      '## Action Items\n',
      '## Action Items\n**Priority:** P1\n',
    );
    assert.deepEqual(run('PM011', text), []);
    assert.deepEqual(run('PM011', CLEAN_POSTMORTEM.replace('**Severity:** SEV2', '**Severity:** Critical')), []);
  });

  it('PM012 does not read "error rate increased; SEV2 declared" as a severity change', () => {
    assert.deepEqual(
      run(
        'PM012',
        CLEAN_POSTMORTEM.replace(
          '| 14:32 | Latency alert fired and paged on-call |',
          '| 14:32 | Error rate increased; SEV2 declared, on-call paged |',
        ),
      ),
      [],
    );
    assert.equal(
      run(
        'PM012',
        CLEAN_POSTMORTEM.replace(
          '| 14:40 | Rolled back the deploy to mitigate |',
          '| 14:40 | Rolled back; severity lowered to SEV3 |',
        ),
      ).length,
      1,
    );
  });

  it('PM013 ignores "Kafka\'s error rate" and "Engineers forgot", and catches "Caused by @bob." at a sentence start', () => {
    const text = (s: string) => CLEAN_POSTMORTEM.replace('## Impact\n', `## Impact\n${s}\n`);
    assert.deepEqual(run('PM013', text("Kafka's error rate climbed. Engineers forgot nothing.")), []);
    assert.equal(run('PM013', text('Caused by @bob.')).length, 1);
  });

  it('PM014 ignores the first names Devin and Claude, and catches lower-case chatgpt and LLMs', () => {
    const strict: Profile = { ...harness, rules: { PM014: 'error' } };
    const text = (s: string) => CLEAN_POSTMORTEM.replace('## Impact\n', `## Impact\n${s}\n`);
    assert.deepEqual(run('PM014', text('Devin restarted the broker and Claude confirmed.'), 'postmortem', strict), []);
    assert.equal(run('PM014', text('Drafted with chatgpt and other LLMs.'), 'postmortem', strict).length, 2);
  });

  it('PM007 matches "caches" to "cache" and ignores owners', () => {
    const text = CLEAN_POSTMORTEM.replace(
      '- No circuit breaker between the gateway and the user service',
      '- No circuit breaker between the gateway and the user service\n- The cache had no expiry',
    ).replace(
      '| 2 | Add circuit breaker',
      '| 3 | Set a TTL on all caches | @cache-team | P1 | 2026-03-29 | Open |\n| 2 | Add circuit breaker',
    );
    assert.deepEqual(run('PM007', text), []);
  });

  it('RB002 does not count a name in backticks as a command, and RB003 counts inline code as content', () => {
    const text = CLEAN_RUNBOOK.replace(/```bash\n[^`]*```/, 'Open the `user-service` dashboard.').replace(
      'Roll back with `kubectl rollout undo deploy/user-service`.',
      'Roll back the `user-service` deploy.',
    );
    assert.equal(run('RB002', text, 'runbook').length, 1);
    assert.deepEqual(
      run('RB003', CLEAN_RUNBOOK.replace(/```bash\n[^`]*```/, '`kubectl rollout undo deploy/x`'), 'runbook'),
      [],
    );
  });
});

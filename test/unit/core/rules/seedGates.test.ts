// Each seed's gates, one fixture per gate: the document that fails it (one finding, of one rule, at its line, at the
// seed's level) and the document that passes (the profile's complete fixture, or the clean harness postmortem).
import * as assert from 'node:assert/strict';
import { lintText } from '../../../../src/core/lint/lint';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { findProfile, type DocumentKind, type Profile } from '../../../../src/core/profiles';
import { CLEAN_POSTMORTEM } from '../../../fixtures/documents';
import { readFixture } from '../profiles/profileFixtures';

type Gate = { readonly rule: string; readonly line: number; readonly severity: string; readonly message: string };

/** The findings `failing` has that `passing` has not, as rule, 1-based line, severity and message. */
function newFindings(profileName: string, kind: DocumentKind, passing: string, failing: string): Gate[] {
  const profile = findProfile(profileName) as Profile;
  const key = (f: Gate) => `${f.rule} ${f.message}`;
  const read = (text: string) =>
    lintText(text, kind, profile).findings.map((f) => ({
      rule: f.ruleId,
      line: f.range.start.line + 1,
      severity: f.severity,
      message: f.message,
    }));
  const before = new Set(read(passing).map(key));
  return read(failing).filter((f) => !before.has(key(f)));
}

/** `text` with the body of the section headed `heading` (up to the next heading of its level or higher) replaced by `body`. */
function withBody(text: string, heading: string, body: string): string {
  const doc = parseMarkdown(text);
  const section = doc.sections.find((s) => s.heading.text === heading);
  if (!section) throw new Error(`no section "${heading}"`);
  const lines = text.split('\n');
  lines.splice(section.bodyStartLine, section.endLine - section.bodyStartLine, ...body.split('\n'), '');
  return lines.join('\n');
}

const lineOf = (text: string, line: string) => text.split('\n').indexOf(line) + 1;

/**
 * The heaptrace postmortem fixture with its one-sentence root cause moved above the Five Whys, so the ladder alone is the
 * Five Whys section; `level` is the ladder's heading (`###` under the root cause, `##` a section of its own).
 */
function heaptraceWhysApart(level: string): string {
  const fixture = readFixture('heaptrace', 'complete.md');
  const sentence = fixture.split('\n').find((l) => l.startsWith('**In one sentence**'))!;
  return fixture.replace(`${sentence}\n`, '').replace('### The Five Whys', `${sentence}\n\n${level} The Five Whys`);
}

/** What a new postmortem writes under its root cause: the template's prompt and the commits of the incident window. */
const UNSTATED = (
  level: string,
) => `<A specific, falsifiable statement: which change or condition failed, and how it caused the outage.>

${level} Changes in the incident window

- \`3f2a9c1\` 2026-03-15 13:58 Move the payment provider URL into the shared config (Dana Reyes)`;

describe('seed gate: a root cause statement (PM002 reads only the statement, not the evidence under it)', () => {
  const cases: Array<{ profile: string; passing: string; heading: string; level: string }> = [
    { profile: 'harness', passing: CLEAN_POSTMORTEM, heading: 'Root Cause', level: '###' },
    { profile: 'agent', passing: readFixture('agent', 'complete.md'), heading: 'Root Cause', level: '###' },
    { profile: 'saas', passing: readFixture('saas', 'complete.md'), heading: 'Root Cause', level: '####' },
    { profile: 'heaptrace', passing: heaptraceWhysApart('##'), heading: 'Root Cause Analysis', level: '###' },
  ];
  for (const { profile, passing, heading, level } of cases) {
    it(`${profile}: the complete postmortem passes; its root cause with only the incident window's commits fails, an error at the heading`, () => {
      assert.deepEqual(
        lintText(passing, 'postmortem', findProfile(profile) as Profile).findings.filter(
          (f) => f.ruleId === 'PM002' || f.ruleId === 'PM008',
        ),
        [],
      );
      const failing = withBody(passing, heading, UNSTATED(level));
      const line = failing.split('\n').findIndex((l) => /^#+ /.test(l) && l.replace(/^#+ /, '') === heading) + 1;
      assert.deepEqual(
        newFindings(profile, 'postmortem', passing, failing).filter((f) => f.rule !== 'PM003'),
        [
          {
            rule: 'PM002',
            line,
            severity: 'error',
            message: `Section "${heading}" states no root cause yet (what is listed under it is evidence); write which change or condition failed and how, or what was investigated, ruled out and is still needed.`,
          },
        ],
      );
    });
  }

  it('harness: a statement above the commits passes', () => {
    const text = withBody(
      CLEAN_POSTMORTEM,
      'Root Cause',
      UNSTATED('###').replace(
        /^<.*>$/m,
        'The shared config had no payment provider URL after the move, so every charge request failed.',
      ),
    );
    assert.deepEqual(newFindings('harness', 'postmortem', CLEAN_POSTMORTEM, text), []);
  });

  it('harness: a root cause told in sub-sections of its own (trigger, underlying cause) passes', () => {
    const text = withBody(
      CLEAN_POSTMORTEM,
      'Root Cause',
      '### Trigger\n\nA config push moved the provider URL.\n\n### Underlying cause\n\nThe config schema does not require the URL, so its absence passed validation.',
    );
    assert.deepEqual(newFindings('harness', 'postmortem', CLEAN_POSTMORTEM, text), []);
  });
});

describe('seed 004 gate: the five triage questions answered (heaptrace incident record)', () => {
  const passing = readFixture('heaptrace', 'incident.md');
  const questions = (findProfile('heaptrace') as Profile).documents.incident!.sections.find(
    (s) => s.id === 'triage',
  )!.questions!;

  it('fails with every question left with its blank: one PM002 error at the Triage heading', () => {
    const failing = withBody(passing, 'Triage', questions.map((q, i) => `${i + 1}. ${q} <answer>`).join('\n'));
    assert.deepEqual(
      newFindings('heaptrace', 'incident', passing, failing).filter((f) => f.rule !== 'PM003'),
      [
        {
          rule: 'PM002',
          line: lineOf(failing, '## Triage'),
          severity: 'error',
          message: 'Section "Triage" answers none of its questions yet; write the answers after them.',
        },
      ],
    );
  });

  it('fails with the questions alone, no blank after them', () => {
    const failing = withBody(passing, 'Triage', questions.map((q, i) => `${i + 1}. ${q}`).join('\n'));
    assert.deepEqual(
      newFindings('heaptrace', 'incident', passing, failing).map((f) => f.rule),
      ['PM002'],
    );
  });

  it('passes once one question has an answer after it', () => {
    const text = withBody(
      passing,
      'Triage',
      questions
        .map((q, i) => `${i + 1}. ${q} ${i === 0 ? 'The analytics dashboard times out.' : '<answer>'}`)
        .join('\n'),
    );
    assert.deepEqual(
      newFindings('heaptrace', 'incident', passing, text).filter((f) => f.rule !== 'PM003'),
      [],
    );
  });
});

describe('seed 004 gate: the Five Whys answered (heaptrace postmortem)', () => {
  const passing = heaptraceWhysApart('###');
  const rungs = passing.split('\n').filter((l) => /^\d\. \*\*(?:What happened|Why)\?\*\*/.test(l));
  /** `passing` with its five rungs replaced by `ladder`. */
  const withLadder = (ladder: string) => passing.replace(rungs.join('\n'), ladder);
  const untouched = [
    '1. Why <did users see the failure>? Because <...>.',
    ...[2, 3, 4, 5].map((n) => `${n}. Why <...>? Because <...>.`),
  ].join('\n');

  it("fails with the template's ladder untouched: one PM002 error at the Five Whys heading", () => {
    const failing = withLadder(untouched);
    assert.deepEqual(
      newFindings('heaptrace', 'postmortem', passing, failing).filter((f) => f.rule !== 'PM003'),
      [
        {
          rule: 'PM002',
          line: lineOf(failing, '### The Five Whys'),
          severity: 'error',
          message: 'Section "The Five Whys" answers none of its whys yet; write each why and its because.',
        },
      ],
    );
  });

  it('fails with bare rungs ("Why? Because") and passes once a rung is written', () => {
    assert.deepEqual(
      newFindings('heaptrace', 'postmortem', passing, withLadder('1. Why?\n2. Why? Because\n3. Why? ...')).map(
        (f) => f.rule,
      ),
      ['PM002'],
    );
    assert.deepEqual(
      newFindings(
        'heaptrace',
        'postmortem',
        passing,
        withLadder('1. Why did resets fail? Because the mailer could not render the template.\n2. Why? Because'),
      ),
      [],
    );
  });
});

describe('seed 004 gate: the resolution checklist ticked once the incident is resolved (heaptrace incident record)', () => {
  const checklist = (findProfile('heaptrace') as Profile).documents.incident!.sections.find(
    (s) => s.id === 'verification',
  )!.checklist!;
  const base = readFixture('heaptrace', 'incident.md').replace('**Status:** Identified', '**Status:** Resolved');
  const passing = `${base.trimEnd()}\n\n## Resolution Checklist\n\n${checklist.map((c, i) => `- [${i < 2 ? 'x' : ' '}] ${c}`).join('\n')}\n`;

  it("fails with every box unticked: one PM002 error at the checklist's heading", () => {
    const failing = passing.replace(/- \[x\]/g, '- [ ]');
    assert.deepEqual(newFindings('heaptrace', 'incident', passing, failing), [
      {
        rule: 'PM002',
        line: lineOf(failing, '## Resolution Checklist'),
        severity: 'error',
        message: 'Section "Resolution Checklist" has no item ticked yet; tick what is done ([x]) or write what is not.',
      },
    ]);
  });

  it('passes with every box unticked while the incident is still open (the checklist is optional until then)', () => {
    const open = passing.replace(/- \[x\]/g, '- [ ]').replace('**Status:** Resolved', '**Status:** Identified');
    assert.deepEqual(
      lintText(open, 'incident', findProfile('heaptrace') as Profile).findings.filter((f) => f.ruleId === 'PM002'),
      [],
    );
  });
});

describe('seed 000 gate: a cause stated as unknown says what was investigated, ruled out and is still needed (PM008)', () => {
  const unknown = (statement: string) =>
    withBody(CLEAN_POSTMORTEM, 'Root Cause', `${statement}\n\n${UNSTATED('###').split('\n').slice(2).join('\n')}`);

  it('fails, an error at the Root Cause heading, when it says only that the cause is unknown (the commits under it do not count)', () => {
    const failing = unknown('The root cause is unknown.');
    assert.deepEqual(newFindings('harness', 'postmortem', CLEAN_POSTMORTEM, failing), [
      {
        rule: 'PM008',
        line: lineOf(failing, '## Root Cause'),
        severity: 'error',
        message:
          'The root cause says the cause is unknown without saying what was investigated, what was ruled out and what data is still needed.',
      },
    ]);
  });

  it('fails when it names what was investigated but not what is still needed, and the other way round', () => {
    assert.deepEqual(
      newFindings(
        'harness',
        'postmortem',
        CLEAN_POSTMORTEM,
        unknown('The cause is unknown: we investigated the load balancer and ruled out the database.'),
      ).map((f) => f.message),
      ['The root cause says the cause is unknown without saying what data is still needed to find it.'],
    );
    assert.deepEqual(
      newFindings(
        'harness',
        'postmortem',
        CLEAN_POSTMORTEM,
        unknown('The cause is unknown; we need packet captures from the edge to find it.'),
      ).map((f) => f.message),
      ['The root cause says the cause is unknown without saying what was investigated and what was ruled out.'],
    );
  });

  it('passes with what was investigated, ruled out and is still needed', () => {
    const passing = unknown(
      'The cause is still unknown. We investigated the load balancer and ruled out the database; we need packet captures from the edge.',
    );
    assert.deepEqual(newFindings('harness', 'postmortem', CLEAN_POSTMORTEM, passing), []);
  });
});

describe("seed 004 gate: blame the system, not the person (PM013 on the seed's own counter-example)", () => {
  const passing = readFixture('heaptrace', 'complete.md');
  const withSentence = (sentence: string) =>
    passing.replace('## What Went Wrong\n', `## What Went Wrong\n- ${sentence}\n`);

  it('fails on "Bob deployed without testing": one error on its line, at the words', () => {
    const failing = withSentence('Bob deployed without testing.');
    assert.deepEqual(newFindings('heaptrace', 'postmortem', passing, failing), [
      {
        rule: 'PM013',
        line: lineOf(failing, '- Bob deployed without testing.'),
        severity: 'error',
        message:
          '"Bob deployed without testing" names a person as the cause; describe what the person did and what in the system let it through (a missing check, a misleading tool, an unclear runbook).',
      },
    ]);
  });

  it('finds the same shape with a handle, a full name, an object and a skipped review or approval', () => {
    for (const sentence of [
      '@dana merged the config change without review.',
      'Marco Rossi pushed v5.0 to production without running the tests.',
      'Aisha shipped the migration without approval.',
    ]) {
      assert.deepEqual(
        newFindings('heaptrace', 'postmortem', passing, withSentence(sentence)).map((f) => f.rule),
        ['PM013'],
        sentence,
      );
    }
  });

  it('passes on what a system did without a person skipping a safeguard', () => {
    for (const sentence of [
      'The job deployed without downtime.',
      'Kubernetes restarted the pods without downtime.',
      'We deployed the fix without testing it in staging first, because the outage was total.',
      'The pipeline deployed without tests, because the test stage was skipped on hotfix branches.',
      'Bob deployed the fix without downtime.',
    ]) {
      assert.deepEqual(newFindings('heaptrace', 'postmortem', passing, withSentence(sentence)), [], sentence);
    }
  });
});

describe('seed 004 gate: action items with deadlines as the seed writes them (PM005 reads "Mar 30" in the incident\'s year)', () => {
  const passing = readFixture('heaptrace', 'complete.md');

  it('passes "Mar 30", "March 30th" and "30 Mar" as due dates of a 2026 incident', () => {
    for (const due of ['Mar 30', 'March 30th', '30 Mar']) {
      assert.deepEqual(
        newFindings('heaptrace', 'postmortem', passing, passing.replace('| 2026-03-20 |', `| ${due} |`)),
        [],
        due,
      );
    }
  });

  it('fails "Feb 30": one error at the cell, not a real date', () => {
    const failing = passing.replace('| 2026-03-20 |', '| Feb 30 |');
    assert.deepEqual(
      newFindings('heaptrace', 'postmortem', passing, failing).map((f) => [f.rule, f.line, f.severity]),
      [
        [
          'PM005',
          lineOf(
            failing,
            failing.split('\n').find((l) => l.includes('Feb 30'))!,
          ),
          'error',
        ],
      ],
    );
  });
});

describe('seed 004 gate: action items with a tracked status (PM018, where the profile requires Status)', () => {
  const passing = readFixture('heaptrace', 'complete.md');

  it('passes the complete postmortem, whose items stand at "TODO" and "In progress"', () => {
    assert.deepEqual(
      lintText(passing, 'postmortem', findProfile('heaptrace') as Profile).findings.filter((f) => f.ruleId === 'PM018'),
      [],
    );
  });

  it('fails an item whose Status cell is empty: one error at the cell', () => {
    const failing = passing.replace('| 2026-03-16 | In progress |', '| 2026-03-16 |  |');
    assert.deepEqual(newFindings('heaptrace', 'postmortem', passing, failing), [
      {
        rule: 'PM018',
        line: lineOf(
          failing,
          failing.split('\n').find((l) => l.includes('| 2026-03-16 |  |'))!,
        ),
        severity: 'error',
        message:
          'Action item "Alert on mailer rendering errors above 1%" has no status; write where it stands (Open, In progress, Done).',
      },
    ]);
  });

  it('fails a table without a Status column once, at its header', () => {
    const failing = passing
      .replace('| Deadline | Status |', '| Deadline | Notes |')
      .replace(/\| TODO \|/g, '| Tracked in the board |');
    assert.deepEqual(
      newFindings('heaptrace', 'postmortem', passing, failing).map((f) => [f.rule, f.message]),
      [['PM018', 'The action items table has no "Status" column; every action item needs one.']],
    );
  });

  it('asks nothing of a profile that requires neither status nor priority (agent)', () => {
    const agent = readFixture('agent', 'complete.md');
    assert.deepEqual(
      lintText(agent, 'postmortem', findProfile('agent') as Profile).findings.filter((f) => f.ruleId === 'PM018'),
      [],
    );
  });
});

describe('seed 004 gate: every row of the postmortem summary table (PM019, an error under heaptrace)', () => {
  const passing = readFixture('heaptrace', 'complete.md');
  const tableLine = lineOf(passing, '| Field | Value |');

  it('passes the complete postmortem, whose summary table has every row', () => {
    assert.deepEqual(
      lintText(passing, 'postmortem', findProfile('heaptrace') as Profile).findings.filter((f) => f.ruleId === 'PM019'),
      [],
    );
  });

  // The Severity row is PM011's (missing, empty or off the scale).
  for (const row of [
    '| Date | 2026-03-09 |',
    '| Duration | 1 hour 20 minutes |',
    '| Affected Systems | auth-service, mailer |',
    '| Affected Users | About 1,900 users who requested a password reset |',
    '| Incident Commander | Jonas Berg |',
  ]) {
    const name = row.split('|')[1].trim();
    it(`fails the table without its ${name} row: one error at the table`, () => {
      const failing = passing.replace(`${row}\n`, '');
      assert.deepEqual(newFindings('heaptrace', 'postmortem', passing, failing), [
        {
          rule: 'PM019',
          line: tableLine,
          severity: 'error',
          message: `The summary table has no ${name} row; add "| ${name} | <value> |".`,
        },
      ]);
    });
  }

  it('fails a row with nothing in it: one error at the row', () => {
    const failing = passing.replace('| Duration | 1 hour 20 minutes |', '| Duration | - |');
    assert.deepEqual(newFindings('heaptrace', 'postmortem', passing, failing), [
      {
        rule: 'PM019',
        line: lineOf(failing, '| Duration | - |'),
        severity: 'error',
        message: 'The Duration field is empty; write the duration.',
      },
    ]);
  });

  it('reads the fields under other names and from bold labels (Affected Services, IC)', () => {
    const text = passing
      .replace('| Affected Systems |', '| Affected Services |')
      .replace('| Incident Commander | Jonas Berg |\n', '')
      .replace('## Impact', '**IC:** Jonas Berg\n\n## Impact');
    assert.deepEqual(
      newFindings('heaptrace', 'postmortem', passing, text).filter((f) => f.rule === 'PM019'),
      [],
    );
  });
});

describe('seed 003 gate: the post-mortem header (PM019, an error under saas)', () => {
  const passing = readFixture('saas', 'complete.md');

  it('passes the complete post-mortem (Date, Severity, Duration, Author)', () => {
    assert.deepEqual(
      lintText(passing, 'postmortem', findProfile('saas') as Profile).findings.filter((f) => f.ruleId === 'PM019'),
      [],
    );
  });

  for (const line of ['### Author: Mira Castellanos', '### Date: 2026-01-27']) {
    const name = line.slice(4, line.indexOf(':'));
    it(`fails a header without its ${name}: one error at the title`, () => {
      const failing = passing.replace(`${line}\n`, '');
      assert.deepEqual(newFindings('saas', 'postmortem', passing, failing), [
        {
          rule: 'PM019',
          line: 1,
          severity: 'error',
          message: `The document has no ${name}; write it under the title as "**${name}:** <value>" (or a "${name}" front-matter key, or a row of the summary table).`,
        },
      ]);
    });
  }
  it('reads the Duration the Impact section states ("**Duration**: 07:10 to 09:45 UTC") when the header has none', () => {
    const text = passing.replace('### Duration: 2 hours 35 minutes\n', '');
    assert.deepEqual(
      newFindings('saas', 'postmortem', passing, text).filter((f) => f.rule === 'PM019'),
      [],
    );
  });
});

describe('seed 002 gate: the roles are explicit (PM019, an error under prodcraft)', () => {
  const passing = readFixture('prodcraft', 'incident.md');

  it('passes the incident record that names its Incident Commander and Communications Lead', () => {
    assert.deepEqual(
      lintText(passing, 'incident', findProfile('prodcraft') as Profile).findings.filter((f) => f.ruleId === 'PM019'),
      [],
    );
  });

  it('fails an incident record without a Communications Lead: one error at the title', () => {
    const failing = passing.replace('**Communications Lead:** Sam Ortiz\n', '');
    assert.deepEqual(
      newFindings('prodcraft', 'incident', passing, failing).filter((f) => f.rule === 'PM019'),
      [
        {
          rule: 'PM019',
          line: 1,
          severity: 'error',
          message:
            'The document has no Communications Lead; write it under the title as "**Communications Lead:** <value>" (or a "Communications Lead" front-matter key, or a row of the summary table).',
        },
      ],
    );
  });
});

describe('header fields where no seed makes them a gate (PM019)', () => {
  it('agent: an incident record without its Incident Commander is a warning', () => {
    const passing = readFixture('agent', 'incident.md');
    const failing = passing.replace('**Incident Commander:** Lena Okafor\n', '');
    assert.deepEqual(
      newFindings('agent', 'incident', passing, failing).map((f) => [f.rule, f.line, f.severity]),
      [['PM019', 1, 'warning']],
    );
  });

  it('google-sre: off, a postmortem without Authors and Status has no PM019', () => {
    const passing = readFixture('google-sre', 'complete.md');
    const failing = passing.replace(/^\*\*(?:Authors|Status):\*\*.*\n/gm, '');
    assert.notEqual(failing, passing);
    assert.deepEqual(
      newFindings('google-sre', 'postmortem', passing, failing).filter((f) => f.rule === 'PM019'),
      [],
    );
  });

  it('harness: its postmortem lists no header fields, so none is asked for', () => {
    const failing = CLEAN_POSTMORTEM.replace(/^\*\*[A-Za-z ]+:\*\*.*\n/gm, '');
    assert.deepEqual(
      newFindings('harness', 'postmortem', CLEAN_POSTMORTEM, failing).filter((f) => f.rule === 'PM019'),
      [],
    );
  });
});

describe('seed 000: action items have owners, priorities and due dates (PM018 checks the priority, a warning under harness)', () => {
  it('passes the clean harness postmortem, whose items have a priority', () => {
    assert.deepEqual(
      lintText(CLEAN_POSTMORTEM, 'postmortem', findProfile('harness') as Profile).findings.filter(
        (f) => f.ruleId === 'PM018',
      ),
      [],
    );
  });

  it('fails an item whose Priority cell is empty: one warning at the cell', () => {
    const failing = CLEAN_POSTMORTEM.replace('| @platform | P1 |', '| @platform |  |');
    assert.deepEqual(newFindings('harness', 'postmortem', CLEAN_POSTMORTEM, failing), [
      {
        rule: 'PM018',
        line: lineOf(
          failing,
          failing.split('\n').find((l) => l.includes('| @platform |  |'))!,
        ),
        severity: 'warning',
        message:
          'Action item "Add circuit breaker between gateway and user service" has no priority; write one (P0, P1, P2, ...).',
      },
    ]);
  });

  it('reads a list item\'s priority as seed 000 writes it ("[P0] ... (owner: @backend, due: 2026-03-16)")', () => {
    const text = withBody(
      CLEAN_POSTMORTEM,
      'Action Items',
      '1. [P1] Add query performance test for preferences endpoint (owner: @backend, due: 2026-03-22)\n2. [P1] Add circuit breaker between gateway and user service (owner: @platform, due: 2026-03-29)',
    );
    assert.deepEqual(
      newFindings('harness', 'postmortem', CLEAN_POSTMORTEM, text).filter((f) => f.rule === 'PM018'),
      [],
    );
  });
});

describe('seed 002 step 6: recovery verified before a prodcraft record declares the incident resolved (PM002)', () => {
  const passing = readFixture('prodcraft', 'incident.md');
  const resolvedRow = '| 09:05 | Incident resolved |';
  const resolved = passing.replace('| 08:31 | Rollback complete |', `| 08:31 | Rollback complete |\n${resolvedRow}`);
  const recovery = (boxes: string) => `${resolved.trimEnd()}\n\n## Recovery Verification\n${boxes}\n`;

  it('asks nothing of a record that is still open', () => {
    assert.deepEqual(
      lintText(passing, 'incident', findProfile('prodcraft') as Profile).findings.filter((f) => f.ruleId === 'PM002'),
      [],
    );
  });

  it('fails a record whose timeline declares it resolved without a Recovery Verification section: one error at that event', () => {
    assert.deepEqual(newFindings('prodcraft', 'incident', passing, resolved), [
      {
        rule: 'PM002',
        line: lineOf(resolved, resolvedRow),
        severity: 'error',
        message:
          'The record declares the incident resolved but has no "Recovery Verification" section; write what was confirmed before declaring it so.',
      },
    ]);
  });

  it('fails a resolved record whose recovery checks are all unticked: one error at the section', () => {
    const failing = recovery(
      '- [ ] Alerts and customer-visible symptoms have cleared\n- [ ] The rollback, fail-closed behaviour or fallback path is still active as intended',
    );
    assert.deepEqual(newFindings('prodcraft', 'incident', passing, failing), [
      {
        rule: 'PM002',
        line: lineOf(failing, '## Recovery Verification'),
        severity: 'error',
        message:
          'Section "Recovery Verification" has no item ticked yet; tick what is done ([x]) or write what is not.',
      },
    ]);
  });

  it('passes a resolved record whose recovery checks are done', () => {
    const text = recovery(
      '- [x] Alerts and customer-visible symptoms have cleared\n- [x] The rollback is still active; the rotation route stays disabled until 4.3 ships',
    );
    assert.deepEqual(newFindings('prodcraft', 'incident', passing, text), []);
  });

  it('reads a Status field, where the record has one, before the timeline', () => {
    const open = resolved.replace(
      '**Communications Lead:** Sam Ortiz',
      '**Communications Lead:** Sam Ortiz\n**Status:** Monitoring',
    );
    assert.deepEqual(newFindings('prodcraft', 'incident', passing, open), []);
    const closed = open.replace('**Status:** Monitoring', '**Status:** Resolved');
    assert.deepEqual(
      newFindings('prodcraft', 'incident', passing, closed).map((f) => [f.rule, f.line]),
      [['PM002', lineOf(closed, '**Status:** Resolved')]],
    );
  });
});

describe('seed 001 rule 4: a real user confirms the fix (PM020, an error under agent)', () => {
  const passing = readFixture('agent', 'complete.md');
  const confirmed =
    '| 10:50 | Error rate back at baseline; the customer who reported it confirmed checkout works again; incident resolved |';
  const unconfirmed = passing.replace(confirmed, '| 10:50 | Error rate back at baseline; incident resolved |');
  const message =
    'The postmortem does not say that a real user confirmed the fix; write who confirmed it and how (e.g. "14:52 the reporting customer confirmed checkout works"), or keep the incident open until one does.';

  it('passes the complete postmortem, whose resolution names the customer who confirmed the fix', () => {
    assert.deepEqual(
      lintText(passing, 'postmortem', findProfile('agent') as Profile).findings.filter((f) => f.ruleId === 'PM020'),
      [],
    );
  });

  it('fails the postmortem whose resolution is only a metric: one error at the Timeline heading', () => {
    assert.deepEqual(newFindings('agent', 'postmortem', passing, unconfirmed), [
      { rule: 'PM020', line: lineOf(unconfirmed, '## Timeline'), severity: 'error', message },
    ]);
  });

  it('does not take a planned action item for a confirmation', () => {
    const planned = unconfirmed.replace(
      '## Action Items',
      '## Action Items\n\nNext time, a customer confirms the fix before we close.',
    );
    assert.deepEqual(
      newFindings('agent', 'postmortem', passing, planned).map((f) => f.rule),
      ['PM020'],
    );
  });

  it('asks nothing of another profile (harness)', () => {
    assert.deepEqual(
      lintText(unconfirmed, 'postmortem', findProfile('harness') as Profile).findings.filter(
        (f) => f.ruleId === 'PM020',
      ),
      [],
    );
  });

  describe('on a live incident record', () => {
    const record = readFixture('agent', 'incident.md');
    const closed = record.replace('**Status:** Investigating', '**Status:** Resolved');

    it('asks nothing while it is open', () => {
      assert.deepEqual(
        lintText(record, 'incident', findProfile('agent') as Profile).findings.filter((f) => f.ruleId === 'PM020'),
        [],
      );
    });

    it("fails it once its Status says Resolved without a user's confirmation: one error at the Status", () => {
      assert.deepEqual(newFindings('agent', 'incident', record, closed), [
        {
          rule: 'PM020',
          line: lineOf(closed, '**Status:** Resolved'),
          severity: 'error',
          message:
            'The record declares the incident resolved but does not say that a real user confirmed the fix; write who confirmed it and how (e.g. "14:52 the reporting customer confirmed checkout works"), or keep the incident open until one does.',
        },
      ]);
    });

    it('passes it with the confirmation written anywhere but the action items', () => {
      const text = `${closed.trimEnd()}\n- 17:05 Verified with two affected users: checkout completes.\n`;
      assert.deepEqual(newFindings('agent', 'incident', record, text), []);
    });
  });
});

describe('seed 004 rule 2: status updates every 15 minutes while the incident is open (PM021, an error under heaptrace)', () => {
  const passing = readFixture('heaptrace', 'incident.md');
  const late = '- 10:55 Fixing: rebuild rescheduled for the night; next update 11:10.';
  const failing = `${passing.trimEnd()}\n${late}\n`;

  it('passes the record whose updates are 15 minutes apart', () => {
    assert.deepEqual(
      lintText(passing, 'incident', findProfile('heaptrace') as Profile).findings.filter((f) => f.ruleId === 'PM021'),
      [],
    );
  });

  it('fails an update 25 minutes after the one before: one error at the later update', () => {
    assert.deepEqual(newFindings('heaptrace', 'incident', passing, failing), [
      {
        rule: 'PM021',
        line: lineOf(failing, late),
        severity: 'error',
        message:
          'The status updates at 10:30 and 10:55 are 25 minutes apart; a SEV-3 incident updates stakeholders every 15 minutes while it is open (list the updates sent in between).',
      },
    ]);
  });

  it('fails a first update more than 5 minutes after the detection: one error at that update', () => {
    const first = '- 10:20 Investigating: analytics dashboard slow or timing out; next update 10:30.';
    const slow = passing.replace(/- 10:15 .*/, first);
    assert.deepEqual(newFindings('heaptrace', 'incident', passing, slow), [
      {
        rule: 'PM021',
        line: lineOf(slow, first),
        severity: 'error',
        message:
          'The first status update, at 10:20, is 8 minutes after the detection at 10:12; a SEV-3 incident posts its first status within 5 minutes of detection.',
      },
    ]);
  });

  it("reads the INCIDENT UPDATE messages Copy Status Update writes, and the timeline's update events", () => {
    const messages = passing.replace(
      /## Status Updates[\s\S]*$/,
      '## Status Updates\nINCIDENT UPDATE — 10:15 UTC\nStatus: Investigating\n\nINCIDENT UPDATE — 10:50 UTC\nStatus: Fixing\n',
    );
    assert.deepEqual(
      newFindings('heaptrace', 'incident', passing, messages).map((f) => [f.rule, f.line, f.message.slice(0, 60)]),
      [
        [
          'PM021',
          lineOf(messages, 'INCIDENT UPDATE — 10:50 UTC'),
          'The status updates at 10:15 and 10:50 are 35 minutes apart; ',
        ],
      ],
    );
    const row = '| 10:48 | Status update posted to #analytics |';
    const events = passing
      .replace(
        '| 10:12 | SEV-3 declared |',
        '| 10:12 | SEV-3 declared |\n| 10:14 | Status update posted to #analytics |',
      )
      .replace(
        '| 10:20 | Rebuild paused; cached dashboards enabled |',
        `| 10:20 | Rebuild paused; cached dashboards enabled |\n${row}`,
      )
      .replace(/## Status Updates[\s\S]*$/, '');
    assert.deepEqual(
      newFindings('heaptrace', 'incident', passing, events).map((f) => [f.rule, f.line, f.message.slice(0, 60)]),
      [['PM021', lineOf(events, row), 'The status updates at 10:14 and 10:48 are 34 minutes apart; ']],
    );
  });

  it('asks nothing of a record that lists one update, of a SEV-4 (no cadence), or under a profile that leaves the rule off (saas)', () => {
    const one = passing.replace(/- 10:30 .*\n/, '');
    assert.deepEqual(
      newFindings('heaptrace', 'incident', passing, `${one.trimEnd()}\n`).filter((f) => f.rule === 'PM021'),
      [],
    );
    assert.deepEqual(
      newFindings(
        'heaptrace',
        'incident',
        passing,
        failing.replace('**Severity:** SEV-3', '**Severity:** SEV-4'),
      ).filter((f) => f.rule === 'PM021'),
      [],
    );
    assert.deepEqual(
      lintText(failing.replace('SEV-3', 'SEV-1'), 'incident', findProfile('saas') as Profile).findings.filter(
        (f) => f.ruleId === 'PM021',
      ),
      [],
    );
  });
});

describe('seed 002 gates 2 and 3 on the live record: containment decision, timeline and evidence sources captured (IN002, an error under prodcraft)', () => {
  const passing = readFixture('prodcraft', 'incident.md');
  const without = (heading: string) => {
    const lines = passing.split('\n');
    const from = lines.indexOf(heading);
    const to = lines.findIndex((l, i) => i > from && l.startsWith('## '));
    return [...lines.slice(0, from), ...lines.slice(to)].join('\n');
  };

  it('passes the complete record', () => {
    assert.deepEqual(
      lintText(passing, 'incident', findProfile('prodcraft') as Profile).findings.filter((f) => f.ruleId === 'IN002'),
      [],
    );
  });

  for (const [heading, title] of [
    ['## Evidence Sources', 'Evidence Sources'],
    ['## Containment Decision', 'Containment Decision'],
    ['## Timeline', 'Timeline'],
  ]) {
    it(`fails the record without its ${title}: one error at the title`, () => {
      const failing = without(heading);
      assert.deepEqual(
        newFindings('prodcraft', 'incident', passing, failing).filter((f) => f.rule === 'IN002'),
        [{ rule: 'IN002', line: 1, severity: 'error', message: `Missing required section "${title}".` }],
      );
    });
  }

  it("warns under a profile whose seed does not make the record's sections a gate (heaptrace)", () => {
    const heaptrace = readFixture('heaptrace', 'incident.md');
    const lines = heaptrace.split('\n');
    const from = lines.indexOf('## Triage');
    const failing = [...lines.slice(0, from), ...lines.slice(lines.indexOf('## Timeline'))].join('\n');
    assert.deepEqual(newFindings('heaptrace', 'incident', heaptrace, failing), [
      { rule: 'IN002', line: 1, severity: 'warning', message: 'Missing required section "Triage".' },
    ]);
  });
});

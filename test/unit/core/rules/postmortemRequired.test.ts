import * as assert from 'node:assert/strict';
import { lintText } from '../../../../src/core/lint/lint';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import {
  missingPostmortems,
  slugWords,
  workspaceFacts,
  type WorkspaceDocument,
} from '../../../../src/core/rules/postmortemRequired';

const agent = findProfile('agent') as Profile;
const prodcraft = findProfile('prodcraft') as Profile;
const harness = findProfile('harness') as Profile;

const RECORD = '.agent/incidents/INC-2026-03-15-db-timeout.md';

function record(severity: string, status: string, extra = ''): string {
  return `# Incident: Database timeouts on checkout\n\n**Date:** 2026-03-15 14:20 UTC\n**Severity:** ${severity}\n**Status:** ${status}\n${extra}**Incident Commander:** Ana Lima\n\n## Evidence\n- Checkout queries timed out from 14:20 UTC.\n`;
}

const POSTMORTEM =
  '# Post-Mortem: Database timeouts on checkout\n\n## Summary\nCheckout queries timed out for 40 minutes.\n';

/** The IN001 findings of the record at `path` among `others`, checked at `now`, as `line severity message` (1-based lines). */
function in001(
  text: string,
  others: ReadonlyArray<[string, string]>,
  now: string,
  profile: Profile = agent,
  path = RECORD,
): string[] {
  const documents: WorkspaceDocument[] = others.map(([p, t]) => ({
    path: p,
    doc: parseMarkdown(t),
    kind: 'postmortem',
  }));
  const workspace = workspaceFacts(documents, profile, Date.parse(now));
  return lintText(text, 'incident', profile, { path, workspace })
    .findings.filter((f) => f.ruleId === 'IN001')
    .map((f) => `${f.range.start.line + 1} ${f.severity} ${f.message}`);
}

describe('IN001 postmortem-required', () => {
  it('reports a resolved P1 record with no postmortem 24 hours after it was resolved (seed 001), at its severity, as an error', () => {
    const text = record('P1', 'Resolved', '**Resolved:** 2026-03-15 15:00 UTC\n');
    assert.deepEqual(in001(text, [], '2026-03-16T15:00:00Z'), [
      '4 error This P1 incident was resolved 2026-03-15 15:00 UTC and has no postmortem in .agent/incidents; the agent process requires one for P1 within 24 hours (by 2026-03-16 15:00 UTC). Write it with the same date and slug in its file name, or link it from this record.',
    ]);
  });

  it('says nothing before the deadline, while the incident is open, or for a level that requires no postmortem (P3)', () => {
    const resolved = record('P1', 'Resolved', '**Resolved:** 2026-03-15 15:00 UTC\n');
    assert.deepEqual(in001(resolved, [], '2026-03-16T14:59:00Z'), []);
    assert.deepEqual(in001(record('P1', 'Investigating'), [], '2026-04-30T00:00:00Z'), []);
    assert.deepEqual(in001(record('P3', 'Resolved'), [], '2026-04-30T00:00:00Z'), []);
  });

  it('takes the end of the incident day when no resolution time is given, and says so', () => {
    assert.match(
      in001(record('P2', 'Resolved'), [], '2026-03-17T00:00:00Z')[0],
      /resolved on 2026-03-15 \(no time given, so the end of that day is taken\)/,
    );
    assert.deepEqual(in001(record('P2', 'Resolved'), [], '2026-03-16T23:59:00Z'), []);
  });

  it('finds the postmortem by date and slug, or by a link either way', () => {
    const late = '2026-04-30T00:00:00Z';
    const text = record('P1', 'Resolved');
    assert.deepEqual(in001(text, [['.agent/incidents/INC-2026-03-15-db-timeout-postmortem.md', POSTMORTEM]], late), []);
    // Another day, or another slug, is another incident.
    assert.equal(
      in001(text, [['.agent/incidents/INC-2026-03-16-db-timeout-postmortem.md', POSTMORTEM]], late).length,
      1,
    );
    assert.equal(in001(text, [['.agent/incidents/INC-2026-03-15-cache-stampede.md', POSTMORTEM]], late).length, 1);
    // A link from the record, or from the postmortem, pairs them whatever the names.
    assert.deepEqual(
      in001(
        `${text}\nPostmortem: [review](review-of-march.md)\n`,
        [['.agent/incidents/review-of-march.md', POSTMORTEM]],
        late,
      ),
      [],
    );
    assert.deepEqual(
      in001(
        text,
        [['.agent/incidents/review-of-march.md', `${POSTMORTEM}\nRecord: [INC](INC-2026-03-15-db-timeout.md)\n`]],
        late,
      ),
      [],
    );
  });

  it('gives prodcraft 48 hours for every severity (seed 002), and checks nothing under harness, whose process sets no deadline', () => {
    const text = record('SEV4', 'Resolved', '**Resolved:** 2026-03-15 15:00 UTC\n');
    const path = 'docs/incidents/2026-03-15-db-timeout.md';
    assert.deepEqual(in001(text, [], '2026-03-17T14:59:00Z', prodcraft, path), []);
    assert.match(
      in001(text, [], '2026-03-17T15:00:00Z', prodcraft, path)[0],
      /^4 error This SEV4 incident .* within 48 hours/,
    );
    assert.deepEqual(in001(record('SEV1', 'Resolved'), [], '2030-01-01T00:00:00Z', harness, path), []);
  });

  it('says nothing about a record linted alone (the workspace not known)', () => {
    assert.deepEqual(
      lintText(record('P1', 'Resolved'), 'incident', agent, { path: RECORD }).findings.filter(
        (f) => f.ruleId === 'IN001',
      ),
      [],
    );
  });

  it('lists the overdue records of a workspace for the index', () => {
    const documents: WorkspaceDocument[] = [
      { path: RECORD, doc: parseMarkdown(record('P1', 'Resolved')), kind: 'incident' },
      {
        path: '.agent/incidents/INC-2026-03-20-login.md',
        doc: parseMarkdown(record('P2', 'Closed').replace('2026-03-15', '2026-03-20')),
        kind: 'incident',
      },
      {
        path: '.agent/incidents/INC-2026-03-20-login-postmortem.md',
        doc: parseMarkdown(POSTMORTEM),
        kind: 'postmortem',
      },
    ];
    const missing = missingPostmortems(
      documents,
      agent,
      workspaceFacts(documents, agent, Date.parse('2026-04-01T00:00:00Z')),
    );
    assert.deepEqual(
      missing.map((m) => [m.path, m.line]),
      [[RECORD, 3]],
    );
  });

  it('compares slugs without dates and words such as INC or postmortem', () => {
    assert.deepEqual(slugWords('docs/spec/.llm/completed/postmortem-2026-03-15-db-timeout.md'), ['db', 'timeout']);
  });
});

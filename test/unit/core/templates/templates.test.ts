import * as assert from 'node:assert/strict';
import { lintText } from '../../../../src/core/lint/lint';
import { kindFromProfileFolders } from '../../../../src/core/lint/documentKind';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { BUILT_IN_PROFILES, DOCUMENT_KINDS, type Profile } from '../../../../src/core/profiles';
import { documentPath } from '../../../../src/core/templates/paths';
import {
  firstBlankLine,
  formatDuration,
  minutesBetween,
  renderDocument,
} from '../../../../src/core/templates/templates';

/** Fills every blank the way an author would, so the document should lint clean. */
function fill(text: string, profile: Profile): string {
  let hour = 10;
  return text
    .replace(/<Add the exact command or query here, as a code block\.>/g, '```bash\nkubectl -n shop get pods\n```')
    .replace(/<HH:MM>/g, () => `${String(hour++).padStart(2, '0')}:15`)
    .replace(/<owner>/g, '@checkout-team')
    .replace(/<due date>/g, '2026-04-01')
    .replace(/<severity>/g, profile.severities[1].id)
    .replace(/<duration>/g, '47 minutes')
    .replace(/<name>/g, 'Dana Lee')
    .replace(/<priority>/g, 'P1')
    .replace(/<minutes>/g, '20')
    .replace(/<[^<>\n]+>/g, 'the checkout deploy skipped the canary stage, so the unindexed query reached production');
}

describe('document templates', () => {
  for (const profile of BUILT_IN_PROFILES) {
    for (const kind of DOCUMENT_KINDS) {
      if (!profile.documents[kind]) continue;
      it(`renders a ${profile.name} ${kind} that lints clean once its blanks are filled`, () => {
        const text = renderDocument(profile, kind, {
          title: 'Checkout outage',
          date: '2026-03-15',
          service: 'checkout',
          failureMode: 'slow queries',
        });
        const blanks = lintText(text, kind, profile).findings;
        // A blank is pointed at by PM003, or, when its section holds nothing else, once by PM002 (RB003 on runbooks) at the section.
        assert.ok(
          blanks.some((f) => f.ruleId === 'PM003' || f.ruleId === 'PM002' || f.ruleId === 'RB003'),
          'the blanks are pointed at before filling',
        );
        assert.deepEqual(
          blanks.filter((f) => f.ruleId === 'PM001' || f.ruleId === 'RB001'),
          [],
          'no section is missing even before filling',
        );
        const findings = lintText(fill(text, profile), kind, profile).findings.map(
          (f) => `${f.range.start.line + 1} ${f.ruleId} ${f.message}`,
        );
        assert.deepEqual(findings, []);
      });

      it(`writes a ${profile.name} ${kind} at a path the profile reads back as a ${kind}`, () => {
        const path = documentPath(profile, kind, {
          date: '2026-03-15',
          slug: 'Checkout outage',
          service: 'checkout',
          failureMode: 'slow queries',
        });
        const text = renderDocument(profile, kind, { title: 'Checkout outage', date: '2026-03-15' });
        assert.equal(kindFromProfileFolders(path, profile, parseMarkdown(text)), kind);
      });
    }
  }

  it('pre-fills severity, duration and the start and end of the timeline, and lists the commits under the root cause', () => {
    const harness = BUILT_IN_PROFILES[0];
    const text = renderDocument(harness, 'postmortem', {
      title: 'Checkout outage',
      date: '2026-03-15',
      severity: 'SEV2',
      start: '2026-03-15T14:28:00Z',
      end: '2026-03-15T15:19:00Z',
      commits: [
        { shortHash: 'abc1234', date: '2026-03-15T14:25:00Z', subject: 'Add user preferences join', author: 'Dana' },
      ],
    });
    const lines = text.split('\n');
    assert.ok(lines.includes('**Severity:** SEV2'));
    assert.ok(lines.includes('| 14:28 | Incident started: <first error or symptom> |'));
    assert.ok(lines.includes('| 15:19 | Resolved: <how recovery was confirmed> |'));
    const rootCause = lines.indexOf('## Root Cause');
    const commit = lines.indexOf('- `abc1234` 2026-03-15 14:25 Add user preferences join (Dana)');
    assert.ok(rootCause > 0 && commit > rootCause && commit < lines.indexOf('## Contributing Factors'));
    assert.equal(lines[firstBlankLine(text)], '<One paragraph: what happened, who was affected, for how long.>');
  });

  it('says why commits are missing when git could not be asked', () => {
    const text = renderDocument(BUILT_IN_PROFILES[0], 'postmortem', {
      title: 'x',
      date: '2026-03-15',
      commitsUnavailable: 'This folder is not inside a git repository.',
    });
    assert.match(text, /Commit correlation was not available: This folder is not inside a git repository\./);
  });

  it('computes durations across the hour and refuses an end before the start', () => {
    assert.equal(minutesBetween('14:28', '15:19'), 51);
    assert.equal(minutesBetween('2026-03-15T23:50:00Z', '2026-03-16T00:20:00Z'), 30);
    assert.equal(minutesBetween('15:19', '14:28'), undefined);
    assert.deepEqual(
      [formatDuration(47), formatDuration(60), formatDuration(125), formatDuration(1)],
      ['47 minutes', '1 hour', '2 hours 5 minutes', '1 minute'],
    );
  });
});

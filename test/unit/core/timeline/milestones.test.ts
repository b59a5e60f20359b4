import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { readIncident } from '../../../../src/core/postmortem/model';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import { EVENT_WORDS } from '../../../../src/core/timeline/milestones';
import {
  classifyMilestones,
  MILESTONE_MARKERS,
  MILESTONE_PATTERNS,
  MILESTONE_WORDS,
  MILESTONES,
  milestones,
} from '../../../../src/core/timeline/timeline';

const harness = findProfile('harness') as Profile;

function hits(lines: string[]): Record<string, string> {
  const doc = parseMarkdown(`# Incident\n\n**Date:** 2026-03-15\n\n## Timeline\n${lines.join('\n')}\n`);
  const found = classifyMilestones(readIncident(doc, 'postmortem', harness).timeline ?? []);
  return Object.fromEntries(Object.entries(found).map(([m, h]) => [m, `${h.entry.timeText} ${h.how}`]));
}

describe('classifyMilestones', () => {
  it('finds each milestone by its words, in time order', () => {
    assert.deepEqual(
      hits([
        '- 14:25 Deploy of v2 completes',
        '- 14:28 First 504 responses from the gateway',
        '- 14:32 Latency monitor fires and pages on-call',
        '- 14:40 Mitigation starts: index build begins',
        '- 15:19 Incident resolved',
      ]),
      { start: '14:28 keyword', detection: '14:32 keyword', mitigation: '14:40 keyword', resolution: '15:19 keyword' },
    );
  });

  it('does not take "starts" after the first detection as the start, and falls back to the first timed event', () => {
    assert.deepEqual(
      hits([
        '- 09:00 Queue depth grows',
        '- 09:10 Alert fired',
        '- 09:15 Team starts to investigate',
        '- 09:20 Restarted the consumers',
      ]),
      {
        start: '09:00 first-entry',
        detection: '09:10 keyword',
        mitigation: '09:20 keyword',
      },
    );
  });

  it('lets an explicit marker win over an earlier keyword', () => {
    assert.deepEqual(
      hits([
        '- 10:00 [start] Bad config pushed',
        '- 10:05 Alert fired',
        '- 10:07 Rolled back the wrong service',
        '- 10:12 [mitigation] Config restored from backup',
        '- 10:30 [resolved] Traffic normal',
      ]),
      { start: '10:00 marker', detection: '10:05 keyword', mitigation: '10:12 marker', resolution: '10:30 marker' },
    );
  });

  it('does not read a resolution before the mitigation, nor "restarting" as a restart', () => {
    assert.deepEqual(
      hits([
        '- 08:00 First errors; pods start restarting',
        '- 08:02 Alert fired',
        '- 08:03 Errors resolved for a minute',
        '- 08:10 Failed over to the standby',
        '- 08:30 All clear',
      ]),
      {
        start: '08:00 keyword',
        detection: '08:02 keyword',
        mitigation: '08:10 keyword',
        resolution: '08:30 keyword',
      },
    );
  });

  it('takes the last change before the first alert as the start when no event shows impact before it', () => {
    assert.deepEqual(
      hits([
        '- 09:00 Staging deployed with the new certificates',
        '- 12:15 Production deployed with the new certificates',
        '- 19:00 Error tracker began sending alerts: TLS errors from the scraper',
        '- 19:30 Certificates updated on the load balancers; services are restored',
      ]),
      {
        start: '12:15 trigger',
        detection: '19:00 keyword',
        mitigation: '19:30 resolution',
        resolution: '19:30 keyword',
      },
    );
  });

  it('takes the first change after the detection as the fix when no event says it fixed anything', () => {
    assert.deepEqual(
      hits([
        '- 22:51 Gateway certificate expires; card payments start failing',
        '- 23:04 Payment-failure alarm pages the payments on-call',
        '- 23:47 Renewal of the certificate pushed to the gateway',
        '- 23:59 Card payments succeeding again',
      ]),
      { start: '22:51 impact', detection: '23:04 keyword', mitigation: '23:47 trigger', resolution: '23:59 keyword' },
    );
  });

  it('reads a support ticket as the detection, a job starting as a change, and "back to" a figure as the recovery', () => {
    assert.deepEqual(
      hits([
        '- 23:48 Backup job starts on the primary database',
        '- 23:55 API requests begin timing out',
        '- 00:20 Customer support raises a Sev 1 ticket',
        '- 00:41 Backup job killed',
        '- 00:44 p99 latency back to 180 ms',
      ]),
      { start: '23:55 impact', detection: '00:20 keyword', mitigation: '00:41 keyword', resolution: '00:44 keyword' },
    );
  });

  it('does not read "reports" as a noun as a report, and reads "all ... generated" as the recovery', () => {
    assert.deepEqual(
      hits([
        '- 23:40 New cron schedule rolled out',
        '- 23:58 Nightly run skipped; no reports generated; deliveries fall behind',
        '- 07:45 Customers report that the daily reports are missing',
        '- 08:05 Report generator re-run by hand',
        '- 08:50 All reports generated and delivered',
      ]),
      { start: '23:58 impact', detection: '07:45 keyword', mitigation: '08:05 keyword', resolution: '08:50 keyword' },
    );
  });

  it('never takes a message to others (a banner, a mailing list) as the detection', () => {
    assert.deepEqual(
      hits([
        '- 07:40 Checkout errors start for card payments',
        '- 07:55 Users report failed payments to support',
        '- 11:20 Banner posted on the status page; teams notified',
        '- 11:30 Payment provider failed over',
        '- 11:45 Payments back to normal',
      ]),
      { start: '07:40 keyword', detection: '07:55 keyword', mitigation: '11:30 keyword', resolution: '11:45 keyword' },
    );
  });

  it('takes the first response as the detection when no alert or report comes before it, not a later notice', () => {
    assert.deepEqual(
      hits([
        '- 2026-03-11 08:00 Sync jobs failing for the EU tenants',
        '- 2026-03-11 09:30 Engineers started investigating the failed jobs',
        '- 2026-03-15 10:00 Affected teams notified by email',
        '- 2026-03-15 12:00 Sync jobs restarted; backlog restored',
      ]),
      { start: '08:00 impact', detection: '09:30 response', mitigation: '12:00 keyword', resolution: '12:00 keyword' },
    );
  });

  it('lets an event that shows impact earlier win over a later "first report"', () => {
    assert.deepEqual(
      hits([
        '- 04:49 A user sees the bot unresponsive',
        '- 07:18 On-call pinged',
        '- 08:02 First report that 503s are served to webhooks',
        '- 08:12 Config reverted',
        '- 08:27 Resolved',
      ]),
      { start: '04:49 impact', detection: '07:18 keyword', mitigation: '08:12 keyword', resolution: '08:27 keyword' },
    );
  });

  it('can start at a date-only event, read as the start of its day', () => {
    const doc = parseMarkdown(
      '# I\n\n## Timeline\n- 2026-01-10: image pushed containing the deploy token\n- 2026-03-02 09:00 UTC: a researcher reports the token\n- 2026-03-02 09:20 UTC: token revoked\n',
    );
    const found = classifyMilestones(readIncident(doc, 'postmortem', harness).timeline ?? []);
    assert.deepEqual(
      [found.start?.entry.timeText, found.start?.entry.dayStart, found.detection?.entry.timeText],
      ['2026-01-10', Date.UTC(2026, 0, 10) / 60_000, '09:00 UTC'],
    );
  });

  it('reads a block of events under a mistaken earlier date on the day of the events above it', () => {
    const found = classifyMilestones(
      readIncident(
        parseMarkdown(
          [
            '# I',
            '',
            '## Timeline',
            '### 2026-06-28 13:59',
            'Error alerts posted to chat.',
            '### 2026-06-11 14:15',
            'Error rate confirmed on the dashboard.',
            '### 2026-06-11 14:24',
            'Deployed a revert; errors drop to zero.',
            '',
          ].join('\n'),
        ),
        'postmortem',
        harness,
      ).timeline ?? [],
    );
    assert.deepEqual(
      [found.detection?.entry.timeText, found.resolution?.entry.timeText, found.resolution?.entry.slipDays],
      ['13:59', '14:24', 17],
    );
    assert.equal((found.resolution?.entry.minutes as number) - (found.detection?.entry.minutes as number), 25);
  });

  it('keeps the milestones() shape the rules use', () => {
    const doc = parseMarkdown('# I\n\n## Timeline\n- 09:00 errors began\n- 09:05 alert\n');
    const found = milestones(readIncident(doc, 'postmortem', harness).timeline ?? []);
    assert.deepEqual(Object.keys(found), ['start', 'detection']);
  });

  it('starts every marker with "[" (classifyMilestones skips the marker search when no event holds one)', () => {
    for (const m of MILESTONES)
      for (const marker of MILESTONE_MARKERS[m]) assert.ok(marker.startsWith('['), `${m}: ${marker}`);
  });

  it('matches phrases as whole words, hyphen or space alike', () => {
    assert.match('on-call notified via chat', MILESTONE_PATTERNS.detection);
    assert.match('we did a roll-back', MILESTONE_PATTERNS.mitigation);
    assert.match('rolled the deploy back', MILESTONE_PATTERNS.mitigation);
    assert.doesNotMatch('the restarting pods', MILESTONE_PATTERNS.mitigation);
    assert.doesNotMatch('a status page update', MILESTONE_PATTERNS.detection);
  });
});

describe('docs/metrics.md', () => {
  it('lists the words of every kind of event in its row', () => {
    const docs = readFileSync(path.resolve(__dirname, '../../../../..', 'docs', 'metrics.md'), 'utf8');
    for (const [kind, words] of Object.entries(EVENT_WORDS)) {
      const row = docs.split('\n').find((l) => l.startsWith(`| ${kind} |`)) ?? '';
      assert.deepEqual(
        [...row.matchAll(/`([^`]+)`/g)].map((x) => x[1]),
        [...words],
        `row of ${kind}`,
      );
    }
  });

  it("lists every milestone word and marker in the milestone's row", () => {
    const docs = readFileSync(path.resolve(__dirname, '../../../../..', 'docs', 'metrics.md'), 'utf8');
    for (const m of MILESTONES) {
      const row = docs.split('\n').find((l) => l.startsWith(`| ${m} |`)) ?? '';
      const listed = [...row.matchAll(/`([^`]+)`/g)].map((x) => x[1]);
      assert.deepEqual(listed, [...MILESTONE_WORDS[m], ...MILESTONE_MARKERS[m]], `row of ${m}`);
    }
  });
});

import * as assert from 'node:assert/strict';
import {
  incidentTrends,
  indexEntries,
  monthRange,
  renderIndexBlock,
  trendCharts,
  trendsJson,
} from '../../../../src/core/incidentIndex';
import { summarizeIncident, type IncidentSummary } from '../../../../src/core/incident/summary';
import { findProfile, type Profile } from '../../../../src/core/profiles';

const harness = findProfile('harness') as Profile;

/** A postmortem with a Date, a Severity and a timeline: start, detection `ttd` minutes later, resolution `ttr` after that. */
function postmortem(date: string, severity: string, ttd: number, ttr: number): IncidentSummary {
  const at = (m: number) => `${String(10 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const text = [
    `# Postmortem: outage ${date}`,
    '',
    `**Date:** ${date}`,
    `**Severity:** ${severity}`,
    '',
    '## Timeline',
    '',
    `- ${at(0)} Error rate starts climbing`,
    `- ${at(ttd)} Alert fires and pages the on-call engineer`,
    `- ${at(ttd + ttr)} Incident resolved, error rate back to normal`,
    '',
  ].join('\n');
  return summarizeIncident({ path: `docs/postmortems/${date}-outage-${severity}.md`, text, profile: harness });
}

/** Five incidents over January to April 2026 (none in February), one of them undated. */
function incidents(): IncidentSummary[] {
  return [
    postmortem('2026-01-05', 'SEV1', 4, 30),
    postmortem('2026-01-20', 'SEV2', 10, 60),
    postmortem('2026-01-28', 'SEV2', 6, 20),
    postmortem('2026-04-02', 'SEV3', 2, 15),
    summarizeIncident({
      path: 'docs/postmortems/notes.md',
      text: '# Queue stall\n\n**Severity:** SEV2\n\n## Timeline\n- errors began\n',
      profile: harness,
    }),
  ];
}

describe('incident trends', () => {
  it('counts every month from the first incident to the last, with zero for a month without incidents', () => {
    const t = incidentTrends(incidents());
    assert.deepEqual(
      t.months.map((m) => [m.month, m.incidents]),
      [
        ['2026-01', 3],
        ['2026-02', 0],
        ['2026-03', 0],
        ['2026-04', 1],
      ],
    );
    assert.deepEqual(t.severities, ['SEV1', 'SEV2', 'SEV3']);
    assert.deepEqual(t.months[0].bySeverity, { SEV1: 1, SEV2: 2, SEV3: 0 });
    assert.equal(t.undated, 1);
  });

  it('takes the medians per month from the same values as the index rows', () => {
    const entries = indexEntries(incidents());
    const january = entries.filter((e) => e.date?.startsWith('2026-01'));
    // TTR 30, 60, 20 → median 30; TTD 4, 10, 6 → median 6.
    assert.deepEqual(
      january.map((e) => e.ttrMinutes),
      [30, 60, 20],
    );
    assert.deepEqual(
      january.map((e) => e.ttdMinutes),
      [4, 10, 6],
    );
    const json = trendsJson(incidentTrends(incidents()));
    assert.deepEqual(json.months[0], {
      month: '2026-01',
      incidents: 3,
      bySeverity: { SEV1: 1, SEV2: 2, SEV3: 0 },
      medianTtdMinutes: 6,
      medianTtrMinutes: 30,
      ttdCount: 3,
      ttrCount: 3,
    });
    assert.deepEqual(json.months[1], {
      month: '2026-02',
      incidents: 0,
      bySeverity: { SEV1: 0, SEV2: 0, SEV3: 0 },
      medianTtdMinutes: null,
      medianTtrMinutes: null,
      ttdCount: 0,
      ttrCount: 0,
    });
    assert.equal(json.months[3].medianTtrMinutes, 15);
  });

  it('draws the median charts over the months that have a value, and the incident chart over every month', () => {
    const [ttr, ttd, count] = trendCharts(incidentTrends(incidents()));
    assert.deepEqual(
      [ttr.xLabels, ttr.bars],
      [
        ['2026-01', '2026-04'],
        [30, 15],
      ],
    );
    assert.deepEqual(
      [ttd.xLabels, ttd.bars],
      [
        ['2026-01', '2026-04'],
        [6, 2],
      ],
    );
    assert.deepEqual(
      [count.xLabels, count.bars],
      [
        ['2026-01', '2026-02', '2026-03', '2026-04'],
        [3, 0, 0, 1],
      ],
    );
  });

  it('puts the charts and the month table inside the index block, numbers matching the rows', () => {
    const block = renderIndexBlock(incidents(), 'docs/incidents/index.md');
    assert.match(
      block,
      /```mermaid\nxychart-beta\n {2}title "Time to recover, median per month \(minutes\)"\n {2}x-axis \["2026-01", "2026-04"\]\n {2}y-axis "Minutes" 0 --> 30\n {2}bar \[30, 15\]\n```/,
    );
    assert.match(
      block,
      /x-axis \["2026-01", "2026-02", "2026-03", "2026-04"\]\n {2}y-axis "Incidents" 0 --> 3\n {2}bar \[3, 0, 0, 1\]/,
    );
    assert.match(block, /\| 2026-01 \| 3 \| 1 \| 2 \| 0 \| 6 min \(3\) \| 30 min \(3\) \|/);
    assert.match(block, /\| 2026-02 \| 0 \| 0 \| 0 \| 0 \| — \| — \|/);
    assert.match(block, /1 undated incident is in no month\./);
    assert.ok(block.indexOf('**Trends**') < block.indexOf('<!-- incident-workbench:index:end'));
  });

  it('adds no trends when no incident is dated', () => {
    const undated = summarizeIncident({ path: 'docs/postmortems/notes.md', text: '# Queue stall\n', profile: harness });
    assert.equal(incidentTrends([undated]).months.length, 0);
    assert.doesNotMatch(renderIndexBlock([undated], 'docs/incidents/index.md'), /mermaid|Trends/);
  });

  it('lists the months across a year boundary', () => {
    assert.deepEqual(monthRange(['2026-02', '2025-11']), ['2025-11', '2025-12', '2026-01', '2026-02']);
    assert.deepEqual(monthRange([]), []);
  });
});

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  budgetViews,
  chartFigureHtml,
  chartSvg,
  trendViews,
  viewFromXyChart,
  type ChartView,
} from '../../../../src/core/charts';
import {
  incidentTrends,
  indexEntries,
  INDEX_BEGIN,
  INDEX_END,
  isIndexMarker,
  renderIndexBlock,
  trendCharts,
} from '../../../../src/core/incidentIndex';
import { summarizeIncident } from '../../../../src/core/incident/summary';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import { budgetReport, parseSloFile } from '../../../../src/core/slo';

const harness = findProfile('harness') as Profile;
const SAMPLE = path.resolve(__dirname, '../../../../..', 'examples', 'acme-shop');
const PATHS = [
  'docs/postmortems/2026-03-15-user-service-timeout.md',
  'docs/postmortems/2026-03-20-payment-service-crashloop.md',
];
const sample = () =>
  PATHS.map((p) => summarizeIncident({ path: p, text: readFileSync(path.join(SAMPLE, p), 'utf8'), profile: harness }));

describe('chart views', () => {
  it('draws the trends of the sample with the numbers of the index rows', () => {
    const [ttr, ttd, count] = trendViews(sample());
    const rows = indexEntries(sample());
    // Medians of the rows: TTR (47 + 23) / 2, TTD (4 + 2) / 2.
    const median = (xs: number[]) => (xs[0] + xs[1]) / 2;
    assert.deepEqual(ttr.series[0].points, [{ x: 0, y: median(rows.map((r) => r.ttrMinutes as number)) }]);
    assert.deepEqual(ttd.series[0].points, [{ x: 0, y: median(rows.map((r) => r.ttdMinutes as number)) }]);
    assert.deepEqual(ttr.table.rows, [['2026-03', '35 min', '2']]);
    assert.deepEqual(count.table, {
      caption: 'Incidents per month by severity',
      headers: ['Month', 'SEV1', 'SEV2', 'Total'],
      rows: [['2026-03', '1', '1', '2']],
    });
    assert.deepEqual(
      count.series.map((s) => [s.name, s.points]),
      [
        ['SEV1', [{ x: 0, y: 1 }]],
        ['SEV2', [{ x: 0, y: 1 }]],
      ],
    );
  });

  it('draws each SLO budget as a step down per incident, matching the text report', () => {
    const slos = parseSloFile(readFileSync(path.join(SAMPLE, 'slo.yaml'), 'utf8'), 'slo.yaml').slos;
    const [user, payment] = budgetViews(budgetReport(sample(), slos, { now: 0 }));
    assert.equal(user.title, 'user-service: 99.9% over 30 days (rolling)');
    // 43.2 min budget, 51 min × 10% = 5.1 consumed at 14:28 on 2026-03-15.
    const start = Date.parse('2026-03-15T14:28:00Z') / 60_000;
    assert.equal(user.series[0].points[0].x, user.x.kind === 'time' ? user.x.start : NaN);
    assert.ok(Math.abs((user.series[0].points[0].y as number) - 43.2) < 1e-9);
    assert.equal(user.series[0].points[1].x, start);
    assert.ok(Math.abs((user.series[0].points[1].y as number) - 38.1) < 1e-9);
    assert.deepEqual(
      user.table.rows.map((r) => [r[0], r[2], r[3]]),
      [
        ['window start', '—', '43.2 min'],
        [PATHS[0], '5.1 min', '38.1 min'],
      ],
    );
    // 21.6 min budget, 25 consumed: the axis goes below zero and the page says the budget is exhausted.
    assert.deepEqual(
      payment.table.rows.map((r) => r[3]),
      ['21.6 min', '-3.4 min'],
    );
    assert.equal(payment.yFloor, Math.min(0, payment.series[0].points[1].y as number));
    assert.match(payment.notes.join(' '), /Budget exhausted: freeze features for payment-service/);
    assert.equal(payment.markers?.length, 1);
  });
});

describe('chart SVG for the Markdown preview', () => {
  const hostile: ChartView = {
    ...trendViews(sample())[2],
    title: '<script>alert(1)</script>',
    summary: '"onload="x',
    series: [{ name: '<img src=x onerror=alert(1)>', kind: 'bar', points: [{ x: 0, y: 2 }] }],
    table: { caption: '</table><script>', headers: ['Month', '<b>'], rows: [['2026-03', '"quoted" & <tag>']] },
  };

  it('escapes every text and attribute, so user text cannot become markup', () => {
    const html = chartFigureHtml(hostile);
    assert.doesNotMatch(html, /<script|<img|<b>|onerror=alert\(1\)>|"onload="/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /<td>&quot;quoted&quot; &amp; &lt;tag&gt;<\/td>/);
  });

  it('names the picture with its summary and keeps the table beside it', () => {
    const view = trendViews(sample())[0];
    const svg = chartSvg(view);
    assert.match(
      svg,
      /^<svg class="iw-chart" role="img" aria-label="Time to recover, median per month: bars per month, 1 months from 2026-03 to 2026-03\." viewBox="0 0 640 260"/,
    );
    assert.match(
      chartFigureHtml(view),
      /<\/svg><div class="iw-chart-data"><table class="iw-chart-table"><caption>Time to recover, median per month<\/caption>/,
    );
  });
});

describe('the index charts read back for the preview', () => {
  it('reads the Mermaid charts the index writes into the same numbers, with a table', () => {
    const block = renderIndexBlock(sample(), 'docs/incidents/index.md');
    const fences = [...block.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
    assert.equal(fences.length, 3);
    const views = fences.map((f, i) => viewFromXyChart(f, `c${i}`) as ChartView);
    const charts = trendCharts(incidentTrends(sample()));
    assert.deepEqual(
      views.map((v) => v.series[0].points.map((p) => p.y)),
      charts.map((c) => c.bars),
    );
    assert.deepEqual(
      views.map((v) => v.title),
      ['Time to recover, median per month', 'Time to detect, median per month', 'Incidents per month'],
    );
    assert.deepEqual(views[0].table.rows, [['2026-03', '35 min']]);
    assert.deepEqual(views[2].table.rows, [['2026-03', '2']]);
    assert.equal(views[2].formatY, 'count');
  });

  it('leaves alone what is not an xychart with as many values as labels', () => {
    assert.equal(viewFromXyChart('graph TD\n  A --> B\n', 'x'), undefined);
    assert.equal(viewFromXyChart('xychart-beta\n  x-axis ["a", "b"]\n  bar [1]\n', 'x'), undefined);
    assert.equal(viewFromXyChart('xychart-beta\n  x-axis ["a"]\n  bar [oops]\n', 'x'), undefined);
  });

  it('finds the generated block by its markers', () => {
    assert.ok(isIndexMarker(`${INDEX_BEGIN}\n`, 'begin'));
    assert.ok(isIndexMarker(INDEX_END, 'end'));
    assert.ok(!isIndexMarker('<!-- something else -->', 'begin'));
  });
});

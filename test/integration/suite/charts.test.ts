// Integration: "Show Trends" and "Show Error Budget" draw their charts in a webview (SVG, data tables, CSP nonce), and the index's Markdown preview draws its trend charts, in a real VS Code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findProfile, type Profile } from '../../../src/core';
import { renderIndexBlock } from '../../../src/core/incidentIndex';
import { summarizeIncident } from '../../../src/core/incident/summary';
import { eventually, workspaceUri } from './workspace';
import { hasUiBridge, inWebview, screenshot } from './uiBridge';

const TRENDS = 'incident-trends';
const BUDGET = 'incident-budget';

/** The page a chart command showed, as the command resolves it. */
interface Page {
  readonly kind: string;
  readonly title: string;
  readonly text?: string;
  readonly views: ReadonlyArray<{
    readonly id: string;
    readonly title: string;
    readonly series: ReadonlyArray<{
      readonly name: string;
      readonly points: ReadonlyArray<{ readonly x: number; readonly y: number | null }>;
    }>;
    readonly table: { readonly rows: ReadonlyArray<readonly string[]> };
  }>;
}

describe('Trend charts', function () {
  this.timeout(120_000);

  before(async () => {
    const ext = vscode.extensions.getExtension('incident-workbench.incident-workbench');
    assert.ok(ext);
    await ext.activate();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('"Show Trends" draws the index\'s trends: medians and incidents per month from the postmortems', async () => {
    const page = await vscode.commands.executeCommand<Page>('incidentWorkbench.showTrends');
    assert.ok(page, 'the command resolves with the page it shows');
    assert.equal(page.kind, 'trends');
    assert.deepEqual(
      page.views.map((v) => v.id),
      ['time-to-recover', 'time-to-detect', 'incidents-per-month'],
    );
    // TTR 47 and 23 → 35; TTD 4 and 2 → 3; one SEV1 and one SEV2 in March 2026.
    assert.deepEqual(page.views[0].series[0].points, [{ x: 0, y: 35 }]);
    assert.deepEqual(page.views[1].series[0].points, [{ x: 0, y: 3 }]);
    assert.deepEqual(page.views[2].table.rows, [['2026-03', '1', '1', '2']]);
    await eventually('the trends tab to open', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('incidentWorkbench.charts'))
        ? true
        : undefined,
    );
  });

  it('draws SVG with DOM calls beside a keyboard-reachable table, under the nonce-only CSP (screenshot: test-results/trend-charts.png)', async function () {
    if (!hasUiBridge()) this.skip();
    const [, json] = await inWebview(TRENDS, [
      { waitFor: 'svg.iw-chart rect.iw-bar' },
      {
        evaluate: `(() => ({
        charts: document.querySelectorAll('svg.iw-chart').length,
        bars: document.querySelectorAll('svg.iw-chart rect.iw-bar').length,
        labels: [...document.querySelectorAll('svg.iw-chart')].map((s) => s.getAttribute('aria-label')),
        tables: [...document.querySelectorAll('.iw-chart-data[tabindex="0"] table caption')].map((c) => c.textContent),
        firstRow: [...document.querySelectorAll('.iw-chart-data table tbody tr')][0]?.textContent,
        ours: [...document.scripts].filter((s) => s.src.endsWith('/media/charts.js')).map((s) => Boolean(s.nonce)),
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
        barFill: getComputedStyle(document.querySelector('svg.iw-chart rect.iw-bar')).fill,
      }))()`,
      },
    ]);
    const dom = JSON.parse(json as string) as {
      charts: number;
      bars: number;
      labels: string[];
      tables: string[];
      firstRow: string;
      ours: boolean[];
      csp: string;
      barFill: string;
    };
    assert.equal(dom.charts, 3);
    // One bar for each median chart, two stacked (SEV1, SEV2) plus two legend swatches in the third.
    assert.equal(dom.bars, 6);
    assert.match(dom.labels[0], /^Time to recover, median per month: bars per month/);
    assert.deepEqual(dom.tables, [
      'Time to recover, median per month',
      'Time to detect, median per month',
      'Incidents per month by severity',
    ]);
    assert.equal(dom.firstRow, '2026-0335 min2');
    assert.deepEqual(dom.ours, [true], 'the page script, with a nonce');
    assert.match(dom.csp, /^default-src 'none'; .*script-src 'nonce-/);
    assert.notEqual(dom.barFill, 'rgb(0, 0, 0)', 'bars take a theme colour');
    await screenshot('trend-charts');
  });

  it('"Show Error Budget" draws each SLO\'s budget as steps, with the text report beside it and "Open as Text"', async function () {
    const json = await vscode.commands.executeCommand<{ slos: Array<{ service: string; remainingMinutes: number }> }>(
      'incidentWorkbench.showErrorBudget',
    );
    assert.deepEqual(
      json?.slos.map((s) => [s.service, s.remainingMinutes]),
      [
        ['user-service', 38.1],
        ['payment-service', -3.4],
      ],
    );
    if (!hasUiBridge()) return;
    const [, text] = await inWebview(BUDGET, [{ waitFor: 'svg.iw-chart polyline.iw-line' }, { text: 'pre.iw-report' }]);
    assert.match(text ?? '', /Consumed: 25 min \(115\.7%\)\. Remaining: -3\.4 min\./);
    const [, rows] = await inWebview(BUDGET, [
      { waitFor: '.iw-chart-data table' },
      {
        evaluate: `[...document.querySelectorAll('.iw-chart-data table tbody tr')].map((r) => [...r.children].map((c) => c.textContent)).map((r) => r[0] + ' ' + r[3])`,
      },
    ]);
    assert.deepEqual(JSON.parse(rows as string), [
      'window start 43.2 min',
      'docs/postmortems/2026-03-15-user-service-timeout.md 38.1 min',
      'window start 21.6 min',
      'docs/postmortems/2026-03-20-payment-service-crashloop.md -3.4 min',
    ]);
    await screenshot('error-budget-chart');
    await inWebview(BUDGET, [{ click: 'Open as Text' }]);
    const deadline = Date.now() + 10_000;
    while (
      !vscode.window.visibleTextEditors.some((e) => e.document.uri.scheme === 'incident-workbench-report') &&
      Date.now() < deadline
    )
      await new Promise((r) => setTimeout(r, 200));
    const report = vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'incident-workbench-report');
    assert.ok(report, 'Open as Text opens the report in an editor');
    assert.match(report.document.getText(), /Remaining: -3\.4 min\./);
  });

  it("draws the index's Mermaid trend charts as SVG and a table in the Markdown preview", async () => {
    // The generated block as "Update Incident Index" writes it, rendered without writing the index (the metrics suite writes it later).
    const harness = findProfile('harness') as Profile;
    const paths = [
      'docs/postmortems/2026-03-15-user-service-timeout.md',
      'docs/postmortems/2026-03-20-payment-service-crashloop.md',
    ];
    const incidents = await Promise.all(
      paths.map(async (p) =>
        summarizeIncident({
          path: p,
          text: new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(p))),
          profile: harness,
        }),
      ),
    );
    const block = renderIndexBlock(incidents, 'docs/incidents/index.md');
    assert.match(block, /```mermaid\nxychart-beta\n {2}title "Time to recover, median per month \(minutes\)"/);
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', `# Incident index\n\n${block}\n`);
    assert.equal((html.match(/<svg class="iw-chart" role="img"/g) ?? []).length, 3);
    assert.match(
      html,
      /<caption>Time to recover, median per month<\/caption><thead><tr><th scope="col"><\/th><th scope="col">Minutes<\/th><\/tr><\/thead><tbody><tr><th scope="row">2026-03<\/th><td>35 min<\/td><\/tr>/,
    );
    assert.doesNotMatch(html, /xychart-beta/);
  });
});

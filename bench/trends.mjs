// Times the index trends (#23) on 1,000 generated postmortems over 66 months: the per-month numbers, the whole generated block with its Mermaid charts, and the preview's SVG.
// Usage: npx tsc -p . && node bench/trends.mjs   (prints one JSON line)
/* global console, performance */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { summarizeIncident } = require('../out/src/core/metrics');
const { findProfile } = require('../out/src/core/profiles');
const { renderIndexBlock, incidentTrends } = require('../out/src/core/incidentIndex');
const { trendViews, chartFigureHtml } = require('../out/src/core/charts');

const harness = findProfile('harness');
const incidents = [];
for (let i = 0; i < 1000; i++) {
  const date = new Date(Date.UTC(2020, 0, 1) + i * 2 * 86_400_000).toISOString().slice(0, 10);
  const text = `# Postmortem: outage ${i}\n\n**Date:** ${date}\n**Severity:** SEV${1 + (i % 4)}\n\n## Timeline\n\n- 10:00 Error rate starts climbing\n- 10:0${i % 10} Alert fires and pages the on-call engineer\n- 11:${String(10 + (i % 50)).padStart(2, '0')} Incident resolved\n`;
  incidents.push(summarizeIncident(`docs/postmortems/${date}-outage-${i}.md`, text, harness));
}
const time = (f) => {
  const t = performance.now();
  const value = f();
  return [value, Math.round((performance.now() - t) * 10) / 10];
};
const [trends, trendsMs] = time(() => incidentTrends(incidents));
const [, indexBlockMs] = time(() => renderIndexBlock(incidents, 'docs/incidents/index.md'));
const [html, svgHtmlMs] = time(() => trendViews(incidents).map(chartFigureHtml).join(''));
console.log(
  JSON.stringify({
    incidents: incidents.length,
    months: trends.months.length,
    trendsMs,
    indexBlockMs,
    svgHtmlMs,
    svgHtmlKB: Math.round(html.length / 102.4) / 10,
  }),
);

// Figures of the one incident summary (#18) over the corpus postmortems (../shared/corpus): how many are dated, by
// which source, how many the old field-or-title reader dated, and what summarising costs. Run `npx tsc -p .` first.
// Usage: node scripts/summaryFigures.mjs [profile]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = (rel) => {
  const file = path.join(root, 'out', rel);
  if (!existsSync(file)) throw new Error(`${file} is missing; compile first with \`npx tsc -p .\`.`);
  return require(file);
};
const { summarizeIncident } = out('src/core/incident/summary.js');
const { parseMarkdown } = out('src/core/markdown/model.js');
const { readIncident } = out('src/core/postmortem/model.js');
const { findProfile } = out('src/core/profiles/index.js');

const profile = findProfile(process.argv[2] ?? 'harness');
const dir = path.resolve(root, '..', 'shared', 'corpus', 'postmortems');
if (!existsSync(dir)) throw new Error(`${dir} is missing: the corpus is read from ../shared/corpus.`);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => ({ path: `docs/postmortems/${f}`, text: readFileSync(path.join(dir, f), 'utf8') }));
let t = performance.now();
const docs = files.map((f) => ({ ...f, doc: parseMarkdown(f.text) }));
const parseMs = performance.now() - t;
t = performance.now();
const summaries = docs.map((d) => summarizeIncident({ path: d.path, doc: d.doc, profile }));
const firstSummaryMs = performance.now() - t;
t = performance.now();
for (let i = 0; i < 100; i++) for (const d of docs) summarizeIncident({ path: d.path, doc: d.doc, profile });
const cachedPassMs = (performance.now() - t) / 100;
const bySource = {};
for (const s of summaries) bySource[s.dateSource ?? 'none'] = (bySource[s.dateSource ?? 'none'] ?? 0) + 1;
console.log(
  JSON.stringify(
    {
      profile: profile.name,
      documents: docs.length,
      dated: summaries.filter((s) => s.date).length,
      datedByFieldOrTitleOnly: docs.filter((d) => readIncident(d.doc, 'postmortem', profile).date).length,
      dateSources: bySource,
      withSeverity: summaries.filter((s) => s.severity).length,
      parseMs: Math.round(parseMs * 10) / 10,
      firstSummaryMs: Math.round(firstSummaryMs * 10) / 10,
      cachedSummaryPassMs: Math.round(cachedPassMs * 1000) / 1000,
    },
    null,
    2,
  ),
);

// What each rule costs in the lint of the 50 KB postmortem, measured by leaving it out: the lint with
// every rule and the lint without one, in rotation with markdown-it's parse (as run.mjs times the
// lint), each difference given as a share of one parse. A CPU profile of the lint alone keeps every
// rule's code and data in the caches; beside the parse a rule costs two to five times as much.
// Rules that share a view (the prose lines, the incident model) leave its cost to the others, so
// the rows do not add up to the total; the last row leaves every rule out.
//
// Usage: node bench/rule-costs.mjs [--size BYTES] [--rounds N] [--seed N] [--profile NAME] [--rules ID,ID]
// Needs the compiled code (`npx tsc -p .` → out/src).
/* global console, performance */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generatePostmortem } from './generate.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { values: opts } = parseArgs({
  options: {
    size: { type: 'string', default: '50000' },
    rounds: { type: 'string', default: '300' },
    seed: { type: 'string', default: '42' },
    profile: { type: 'string', default: 'harness' },
    rules: { type: 'string' },
  },
});

const out = (rel) => require(join(repoRoot, 'out', 'src', rel));
const { lintModel } = out('core/lint/lint.js');
const { markdownParser, parseMarkdown } = out('core/markdown/model.js');
const { findProfile } = out('core/profiles/index.js');
const { ALL_RULES } = out('core/rules/index.js');

const text = generatePostmortem(Number(opts.size), Number(opts.seed));
const profile = findProfile(opts.profile);
if (!profile) throw new Error(`no built-in profile named ${opts.profile}`);
const md = markdownParser();
const rules = ALL_RULES.filter((r) => r.kinds.includes('postmortem'));
const rounds = Number(opts.rounds);
const lintWith = (list) => () => lintModel(parseMarkdown(text), 'postmortem', profile, {}, list);

function median(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Medians of `fns` run in rotation, after as many warm-up rounds as timed ones. */
function rotation(fns) {
  const names = Object.keys(fns);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < 2 * rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      const started = performance.now();
      fns[name]();
      const ms = performance.now() - started;
      if (round >= rounds) samples[name].push(ms);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n])]));
}

const all = lintWith(rules);
const rows = [];
const asked = opts.rules ? opts.rules.split(',') : undefined;
for (const left of asked ? asked.map((id) => [id]) : [...rules.map((r) => [r.id]), rules.map((r) => r.id)]) {
  const t = rotation({
    parse: () => md.parse(text, {}),
    all,
    without: lintWith(rules.filter((r) => !left.includes(r.id))),
  });
  const label = left.length === rules.length ? 'every rule' : left[0];
  rows.push({ label, share: (t.all - t.without) / t.parse, lintVsParse: t.all / t.parse });
  console.error(`${label}: ${((t.all - t.without) / t.parse).toFixed(3)} of a parse`);
}
console.log(
  `\nLeft out of the ${profile.name} lint of a ${text.length}-character postmortem (${rounds} rounds after ${rounds} warm-ups, in rotation with the parse):`,
);
console.log('rule        lint drops by (share of one parse)   lint ÷ parse with every rule in that rotation');
for (const r of rows.sort((a, b) => b.share - a.share)) {
  console.log(`${r.label.padEnd(12)}${r.share.toFixed(3).padStart(8)}${' '.repeat(32)}${r.lintVsParse.toFixed(3)}`);
}

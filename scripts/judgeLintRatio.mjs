// The one speed figure the prose rules must keep (issue #19): lintVsParse50k of `npm run bench`, measured
// alone, the same way: our lint against markdown-it's parse of the 50 KB synthetic postmortem (seed 42),
// side by side in rotating order, 2.5 s of warm-up then 40 timed rounds (the bench's full mode); prints the
// median ratio and, with --per-rule, each rule's median time on that document. Budget: <= 1.0x.
//
// Usage: node scripts/judgeLintRatio.mjs [--rounds N] [--repeat N] [--per-rule]
// Needs the compiled code (`npx tsc -p .`).
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { generatePostmortem } from '../bench/generate.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { values: opts } = parseArgs({
  options: {
    rounds: { type: 'string', default: '40' },
    repeat: { type: 'string', default: '1' },
    'per-rule': { type: 'boolean', default: false },
  },
});
const { lintText } = require(join(repoRoot, 'out/src/core/lint/lint.js'));
const { markdownParser, parseMarkdown } = require(join(repoRoot, 'out/src/core/markdown/model.js'));
const { findProfile } = require(join(repoRoot, 'out/src/core/profiles/index.js'));
const { ALL_RULES } = require(join(repoRoot, 'out/src/core/rules/index.js'));

const profile = findProfile('harness');
const text = generatePostmortem(50000, 42);
const md = markdownParser();
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (let r = 0; r < Number(opts.repeat); r++) {
  const fns = { parse: () => md.parse(text, {}), lint: () => lintText(text, 'postmortem', profile) };
  const names = Object.keys(fns);
  const samples = { parse: [], lint: [] };
  let spent = 0;
  let timedFrom;
  for (let round = 0; ; round++) {
    if (timedFrom === undefined && round >= 30 && spent >= 2500) timedFrom = round;
    if (timedFrom !== undefined && round >= timedFrom + Number(opts.rounds)) break;
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      const t = performance.now();
      fns[name]();
      const ms = performance.now() - t;
      samples[name].push(ms);
      spent += ms;
    }
  }
  const p = median(samples.parse.slice(timedFrom));
  const l = median(samples.lint.slice(timedFrom));
  console.log(
    `lintVsParse50k ${(l / p).toFixed(3)}x (lint ${l.toFixed(2)} ms / parse ${p.toFixed(2)} ms, ${text.length} chars, ${lintText(text, 'postmortem', profile).findings.length} findings)`,
  );
}

if (opts['per-rule']) {
  const doc = parseMarkdown(text);
  const lint = lintText(text, 'postmortem', profile);
  void lint;
  for (const rule of ALL_RULES.filter((x) => x.kinds.includes('postmortem'))) {
    const times = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      try {
        rule.check({ doc, kind: 'postmortem', profile });
      } catch {
        /* a rule needing more context */
      }
      times.push(performance.now() - t);
    }
    console.log(`  ${rule.id} ${median(times.slice(100)).toFixed(3)} ms`);
  }
}

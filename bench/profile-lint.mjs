// CPU profile of our lint of the 50 KB synthetic postmortem: runs the lint in a child `node --cpu-prof`
// and prints the functions with the most self time (and the share of markdown-it's parse).
//
// Usage: node bench/profile-lint.mjs [--size BYTES] [--iterations N] [--top N] [--dir DIR]
// The .cpuprofile stays in DIR (default: a folder under os.tmpdir()) to open in Chrome DevTools or VS Code.
/* global process, console */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generatePostmortem } from './generate.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    child: { type: 'boolean', default: false },
    size: { type: 'string', default: '50000' },
    iterations: { type: 'string', default: '300' },
    top: { type: 'string', default: '25' },
    seed: { type: 'string', default: '42' },
    dir: { type: 'string', default: join(tmpdir(), 'incident-workbench-bench', 'profiles') },
  },
});

if (opts.child) {
  const require = createRequire(import.meta.url);
  const { lintText } = require(join(repoRoot, 'out/src/core/lint/lint.js'));
  const { findProfile } = require(join(repoRoot, 'out/src/core/profiles/index.js'));
  const text = generatePostmortem(Number(opts.size), Number(opts.seed));
  const profile = findProfile('harness');
  for (let i = 0; i < Number(opts.iterations); i++) lintText(text, 'postmortem', profile);
  process.exit(0);
}

const dir = resolve(opts.dir, String(Date.now()));
mkdirSync(dir, { recursive: true });
const child = spawnSync(
  process.execPath,
  [
    '--cpu-prof',
    '--cpu-prof-dir',
    dir,
    fileURLToPath(import.meta.url),
    '--child',
    '--size',
    opts.size,
    '--iterations',
    opts.iterations,
    '--seed',
    opts.seed,
  ],
  { stdio: 'inherit' },
);
if (child.status !== 0) process.exit(child.status ?? 1);
const file = join(
  dir,
  readdirSync(dir).find((f) => f.endsWith('.cpuprofile')),
);
const prof = JSON.parse(readFileSync(file, 'utf8'));

// Self time per node from the samples, then summed per function (name + url + line).
const dt = new Map();
for (let i = 0; i < prof.samples.length; i++)
  dt.set(prof.samples[i], (dt.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
const total = [...dt.values()].reduce((a, b) => a + b, 0);
const byFn = new Map();
const byFile = new Map();
for (const node of prof.nodes) {
  const t = dt.get(node.id) ?? 0;
  if (!t) continue;
  const cf = node.callFrame;
  const url = cf.url.replace(`file://${repoRoot}/`, '').replace(/^.*node_modules\//, 'node_modules/');
  const key = `${cf.functionName || '(anonymous)'}  ${url || '(native)'}:${cf.lineNumber + 1}`;
  byFn.set(key, (byFn.get(key) ?? 0) + t);
  const area = url.startsWith('node_modules/') ? url.split('/').slice(0, 2).join('/') : url || cf.functionName;
  byFile.set(area, (byFile.get(area) ?? 0) + t);
}
const pct = (t) => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
console.log(
  `profile: ${file}\n${opts.iterations} lints of a ${opts.size}-byte postmortem, ${(total / 1000).toFixed(0)} ms sampled\n`,
);
console.log('hottest functions (self time):');
for (const [k, t] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, Number(opts.top))) console.log(`  ${pct(t)}  ${k}`);
console.log('\nby file or package (self time):');
for (const [k, t] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${pct(t)}  ${k}`);

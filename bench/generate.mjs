// Seeded, reproducible generators for the benchmarks: synthetic postmortems and a synthetic source tree.
// The same seed and generator version always give byte-identical output.
/* global process, Buffer */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Bump when a generator's output changes, so cached trees are regenerated. */
export const GENERATOR_VERSION = 1;

/** mulberry32: a small, fast, seeded PRNG. Returns a function giving floats in [0, 1). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (r, list) => list[Math.floor(r() * list.length)];
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
const pad = (n) => String(n).padStart(2, '0');

// ---------------------------------------------------------------- postmortems

const SERVICES = [
  'checkout',
  'payments',
  'user-service',
  'search',
  'inventory',
  'notifications',
  'gateway',
  'billing',
  'auth',
  'ledger',
];
const TEAMS = ['@backend', '@platform', '@sre', '@payments-team', '@data', '@frontend', '@security'];
const NOUNS = [
  'connection pool',
  'retry budget',
  'cache',
  'database replica',
  'queue consumer',
  'load balancer',
  'feature flag',
  'TLS certificate',
  'DNS record',
  'rate limiter',
  'index',
  'deploy pipeline',
  'config map',
  'circuit breaker',
];
const VERBS = [
  'saturated',
  'expired',
  'was misconfigured',
  'fell behind',
  'returned stale data',
  'timed out',
  'restarted in a loop',
  'dropped requests',
  'leaked memory',
  'rejected writes',
];
const EVENTS = [
  'Latency alert fired and paged on-call',
  'On-call acknowledged the page',
  'Incident declared in #inc channel',
  'Error rate rose above 5%',
  'Rolled back the deploy',
  'Scaled the consumer group from 4 to 12 replicas',
  'Failed over to the secondary region',
  'Customer support reported checkout failures',
  'Status page updated',
  'Identified the slow query in the database dashboard',
  'Disabled the feature flag',
  'Error rate back to normal',
  'Restarted the stuck pods',
  'Opened a ticket with the cloud provider',
  'Added the missing index',
];
const ACTIONS = [
  'Add query performance test for the {s} endpoint',
  'Add a circuit breaker between gateway and {s}',
  'Alert on {n} saturation for {s}',
  'Document the rollback procedure for {s} in the runbook',
  'Load test {s} at twice peak traffic',
  'Rotate and monitor the {n} expiry for {s}',
  'Add a canary stage to the {s} deploy',
];
const WORDS = (
  'the a request service latency error users traffic deploy rollback database query cache replica region ' +
  'alert page on-call dashboard metric p99 budget retry timeout connection pool memory cpu disk queue consumer ' +
  'customer checkout payment upstream downstream dependency config flag canary change window mitigation impact'
).split(' ');

function sentence(r, min = 8, max = 22) {
  const n = int(r, min, max);
  const words = [];
  for (let i = 0; i < n; i++) {
    const x = r();
    if (x < 0.04) words.push(`\`${pick(r, SERVICES)}\``);
    else if (x < 0.07) words.push(`**${pick(r, WORDS)}**`);
    else if (x < 0.09) words.push(`[${pick(r, WORDS)}](https://example.com/${pick(r, SERVICES)}/${int(r, 1, 9999)})`);
    else words.push(pick(r, WORDS));
  }
  const s = words.join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
}
const paragraph = (r, n = int(r, 2, 5)) => Array.from({ length: n }, () => sentence(r)).join(' ');

/**
 * A harness-style postmortem of about `targetBytes` bytes (never less): front fields, Summary,
 * Timeline table, Root Cause, Contributing Factors, Impact, Detection, Mitigation, Action Items
 * table, Lessons Learned, and investigation notes (subsections, lists, code blocks) that grow
 * with the size, as do the timeline and the action items.
 */
export function generatePostmortem(targetBytes, seed) {
  const r = rng(seed);
  const service = pick(r, SERVICES);
  const year = 2025 + int(r, 0, 1);
  const month = int(r, 1, 12);
  const day = int(r, 1, 28);
  const date = `${year}-${pad(month)}-${pad(day)}`;
  // Shares of the extra size: timeline rows, action items, notes.
  const scale = Math.max(1, targetBytes / 6000);
  const timelineRows = Math.round(8 * scale);
  const actionRows = Math.max(3, Math.round(3 * scale));
  let minute = int(r, 0, 600);
  const time = () => {
    minute += int(r, 1, 6);
    return `${pad(Math.floor(minute / 60) % 24)}:${pad(minute % 60)}`;
  };
  const out = [];
  out.push(`# Postmortem: ${service} ${pick(r, NOUNS)} ${pick(r, VERBS)}`, '');
  out.push(
    `**Date:** ${date}`,
    `**Severity:** SEV${int(r, 1, 3)}`,
    '**Status:** Resolved',
    `**Authors:** ${pick(r, TEAMS)}, ${pick(r, TEAMS)}`,
    '',
  );
  out.push('## Summary', paragraph(r, 3), '');
  out.push('## Timeline', '| Time (UTC) | Event |', '|---|---|');
  for (let i = 0; i < timelineRows; i++)
    out.push(`| ${time()} | ${pick(r, EVENTS)}${r() < 0.4 ? ` (${sentence(r, 3, 8).slice(0, -1)})` : ''} |`);
  out.push('');
  out.push(
    '## Root Cause',
    `The ${pick(r, NOUNS)} of ${service} ${pick(r, VERBS)} after commit ${Math.floor(r() * 0xffffff).toString(16)}. ${paragraph(r, 2)}`,
    '',
  );
  out.push('## Contributing Factors');
  for (let i = 0; i < int(r, 2, 5); i++) out.push(`- ${sentence(r, 6, 14)}`);
  out.push('');
  out.push(
    '## Impact',
    `${int(r, 2, 60)}% of ${service} requests failed for ${int(r, 10, 180)} minutes. ${paragraph(r, 2)}`,
    '',
  );
  out.push('## Detection', paragraph(r, 2), '');
  out.push('## Mitigation', paragraph(r, 2), '');
  out.push('## Action Items', '| # | Action | Owner | Priority | Due Date | Status |', '|---|---|---|---|---|---|');
  for (let i = 1; i <= actionRows; i++) {
    const action = pick(r, ACTIONS).replace('{s}', pick(r, SERVICES)).replace('{n}', pick(r, NOUNS));
    out.push(
      `| ${i} | ${action} | ${pick(r, TEAMS)} | P${int(r, 1, 3)} | ${year}-${pad(Math.min(12, month + 1))}-${pad(int(r, 1, 28))} | ${pick(r, ['Open', 'In progress', 'Done'])} |`,
    );
  }
  out.push('');
  out.push('## Lessons Learned', '### What went well');
  for (let i = 0; i < 3; i++) out.push(`- ${sentence(r, 5, 12)}`);
  out.push('', '### What went wrong');
  for (let i = 0; i < 3; i++) out.push(`- ${sentence(r, 5, 12)}`);
  out.push('');
  out.push('## Investigation Notes', '');
  let text = out.join('\n');
  let note = 1;
  // The size is kept as it grows: measuring the whole text each round made a 20 MB document take many minutes.
  let bytes = Buffer.byteLength(text, 'utf8');
  while (bytes < targetBytes) {
    const block = [`### Note ${note++}: ${pick(r, NOUNS)} on ${pick(r, SERVICES)}`, paragraph(r), ''];
    const x = r();
    if (x < 0.35) {
      block.push(
        '```bash',
        `kubectl -n ${pick(r, SERVICES)} logs deploy/${pick(r, SERVICES)} --since=${int(r, 5, 60)}m | grep -c ERROR`,
        `kubectl -n ${pick(r, SERVICES)} rollout status deploy/${pick(r, SERVICES)}`,
        '```',
        '',
      );
    } else if (x < 0.6) {
      for (let i = 0; i < int(r, 2, 5); i++) block.push(`${i + 1}. ${sentence(r, 5, 14)}`);
      block.push('');
    } else if (x < 0.8) {
      block.push('| Metric | Before | During | After |', '|---|---|---|---|');
      for (let i = 0; i < int(r, 2, 5); i++)
        block.push(
          `| ${pick(r, WORDS)} ${pick(r, WORDS)} | ${int(r, 1, 99)} ms | ${int(r, 100, 9999)} ms | ${int(r, 1, 99)} ms |`,
        );
      block.push('');
    } else {
      for (let i = 0; i < int(r, 2, 4); i++) block.push(`- ${sentence(r, 5, 14)}`);
      block.push('', `> ${sentence(r)}`, '');
    }
    const added = `${block.join('\n')}\n`;
    text += added;
    bytes += Buffer.byteLength(added, 'utf8');
  }
  return text;
}

// ---------------------------------------------------------------- source tree

/** Languages of the tree: extension, line-comment start (and end), and a few code lines. */
const LANGS = [
  {
    ext: 'ts',
    weight: 22,
    comment: ['// ', ''],
    lines: [
      'export function handle(req: Request): Response {',
      '  const value = await client.get(key);',
      '  if (!value) return undefined;',
      '}',
      'const retries = 3;',
      "import { Logger } from './logger';",
    ],
  },
  {
    ext: 'js',
    weight: 12,
    comment: ['// ', ''],
    lines: [
      'function handle(req, res) {',
      '  const value = cache.get(key);',
      '  return res.json(value);',
      '}',
      'module.exports = { handle };',
    ],
  },
  {
    ext: 'py',
    weight: 14,
    comment: ['# ', ''],
    lines: [
      'def handle(request):',
      '    value = client.get(key)',
      '    if value is None:',
      '        return None',
      'import logging',
      'RETRIES = 3',
    ],
  },
  {
    ext: 'go',
    weight: 10,
    comment: ['// ', ''],
    lines: [
      'func Handle(ctx context.Context, req *Request) error {',
      '\tvalue, err := client.Get(ctx, key)',
      '\tif err != nil {',
      '\t\treturn err',
      '\t}',
      '}',
    ],
  },
  {
    ext: 'java',
    weight: 8,
    comment: ['// ', ''],
    lines: [
      'public final class Handler {',
      '    private final Client client;',
      '    public Value handle(Request req) {',
      '        return client.get(req.key());',
      '    }',
      '}',
    ],
  },
  {
    ext: 'rs',
    weight: 5,
    comment: ['// ', ''],
    lines: [
      'pub fn handle(req: &Request) -> Result<Value> {',
      '    let value = client.get(&req.key)?;',
      '    Ok(value)',
      '}',
    ],
  },
  {
    ext: 'rb',
    weight: 4,
    comment: ['# ', ''],
    lines: ['def handle(request)', '  value = client.get(key)', '  value || default', 'end'],
  },
  {
    ext: 'c',
    weight: 3,
    comment: ['/* ', ' */'],
    lines: ['int handle(struct request *req) {', '    int rc = client_get(req->key);', '    return rc;', '}'],
  },
  {
    ext: 'sql',
    weight: 3,
    comment: ['-- ', ''],
    lines: ['SELECT id, user_id FROM preferences', 'WHERE user_id = $1', 'ORDER BY created_at DESC;'],
  },
  {
    ext: 'yaml',
    weight: 5,
    comment: ['# ', ''],
    lines: ['replicas: 3', 'resources:', '  limits:', '    memory: 512Mi', 'timeoutSeconds: 30'],
  },
  {
    ext: 'sh',
    weight: 2,
    comment: ['# ', ''],
    lines: ['set -euo pipefail', 'kubectl rollout status deploy/"$SERVICE"', 'echo "done"'],
  },
  {
    ext: 'css',
    weight: 3,
    comment: ['/* ', ' */'],
    lines: ['.button { color: #333; }', '.panel > .title { margin: 0 4px; }'],
  },
  {
    ext: 'html',
    weight: 2,
    comment: ['<!-- ', ' -->'],
    lines: ['<div class="panel">', '  <span class="title">Checkout</span>', '</div>'],
  },
  {
    ext: 'md',
    weight: 4,
    comment: ['<!-- ', ' -->'],
    lines: ['## Usage', 'Run the service with `make run`.', '- retries: 3', ''],
  },
  {
    ext: 'json',
    weight: 3,
    comment: null,
    lines: ['  "name": "service",', '  "version": "1.0.0",', '  "private": true,'],
  },
];
const TOTAL_WEIGHT = LANGS.reduce((s, l) => s + l.weight, 0);
function pickLang(r) {
  let x = r() * TOTAL_WEIGHT;
  for (const l of LANGS) if ((x -= l.weight) < 0) return l;
  return LANGS[0];
}

/** A file size in bytes: mostly 0.3–6 KB, some 6–40 KB, a few 40–200 KB (about 7 KB on average). */
function fileSize(r) {
  const x = r();
  if (x < 0.85) return int(r, 300, 6000);
  if (x < 0.99) return int(r, 6000, 40000);
  return int(r, 40000, 200000);
}

function codeText(r, lang, bytes) {
  const parts = [];
  let size = 0;
  while (size < bytes) {
    const line =
      r() < 0.1 && lang.comment ? `${lang.comment[0]}${sentence(r, 4, 10)}${lang.comment[1]}` : pick(r, lang.lines);
    parts.push(line);
    size += line.length + 1;
  }
  return parts;
}

function tagLine(r, lang, index) {
  const date = `20${pad(int(r, 22, 26))}-${pad(int(r, 1, 12))}-${pad(int(r, 1, 28))}`;
  const slug = r() < 0.5 ? ` ${pick(r, SERVICES)}-${pick(r, ['outage', 'latency', 'errors', 'timeout'])}` : '';
  return `${lang.comment[0]}INCIDENT-${date}${slug}: ${sentence(r, 4, 10).slice(0, -1)} (#${index})${lang.comment[1]}`;
}

const GITIGNORE = ['node_modules/', 'dist/', 'build/', 'coverage/', '*.log', '/tmp/', '.env', ''].join('\n');

/**
 * Writes a source tree under `root`: `files` scanned files in packages/ and services/ (a mix of
 * languages and sizes, a few binary files and a few files over 1 MiB), `tags` INCIDENT tags in
 * comments spread over them, and ignored content that holds tags too (node_modules/, dist/,
 * build/, *.log, tmp/), with a root .gitignore. Returns a manifest.
 */
export function generateTree(root, { files = 20000, tags = 200, ignoredFiles = 4000, seed = 1 } = {}) {
  const r = rng(seed ^ 0x9e3779b9);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, '.gitignore'), GITIGNORE);
  const write = (rel, content) => {
    const file = join(root, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  };
  // Which of the scanned text files get a tag.
  const tagged = new Set();
  while (tagged.size < Math.min(tags, files)) tagged.add(int(r, 0, files - 1));
  const packages = Math.max(1, Math.round(files / 400));
  let bytes = 0;
  let taggedFiles = 0;
  let tagCount = 0;
  let binary = 0;
  let large = 0;
  for (let i = 0; i < files; i++) {
    const top = i % 5 === 0 ? 'services' : 'packages';
    const pkg = `${top === 'services' ? 'svc' : 'pkg'}-${pad(i % packages)}`;
    const dir = `${top}/${pkg}/${pick(r, ['src', 'src/lib', 'src/handlers', 'test', 'src/internal/store', 'scripts', 'config'])}`;
    if (!tagged.has(i) && r() < 0.004) {
      // A binary file: NUL bytes, skipped by the scanners.
      const buf = Buffer.alloc(int(r, 2000, 20000));
      for (let b = 0; b < buf.length; b++) buf[b] = Math.floor(r() * 256);
      buf[10] = 0;
      write(`${dir}/asset-${i}.png`, buf);
      binary++;
      bytes += buf.length;
      continue;
    }
    let lang = pickLang(r);
    if (tagged.has(i)) while (!lang.comment) lang = pickLang(r);
    const isLarge = !tagged.has(i) && r() < 0.0005;
    const lines = codeText(r, lang, isLarge ? int(r, 1100000, 1600000) : fileSize(r));
    if (isLarge) large++;
    if (tagged.has(i)) {
      const n = r() < 0.1 ? 2 : 1;
      for (let k = 0; k < n; k++) lines.splice(int(r, 0, lines.length), 0, tagLine(r, lang, tagCount++));
      taggedFiles++;
    }
    const text = `${lines.join('\n')}\n`;
    bytes += text.length;
    write(`${dir}/file-${i}.${lang.ext}`, text);
  }
  // Ignored content: dependencies, build output, logs. Some of it holds tags that no scan should report.
  const ignoredDirs = [
    'node_modules/left-pad/lib',
    'node_modules/@scope/client/dist',
    'node_modules/express/lib/router',
    'dist',
    'build/assets',
    'packages/pkg-00/node_modules/lodash',
    'tmp',
  ];
  for (let i = 0; i < ignoredFiles; i++) {
    const lang = LANGS[i % 2 === 0 ? 1 : 0];
    const lines = codeText(r, lang, fileSize(r) / 2);
    if (i % 200 === 0) lines.push(tagLine(r, lang, -1));
    write(`${pick(r, ignoredDirs)}/mod-${i}.${lang.ext}`, `${lines.join('\n')}\n`);
  }
  for (let i = 0; i < 20; i++) write(`logs/run-${i}.log`, `INCIDENT-2025-01-0${(i % 9) + 1}: a log line, ignored\n`);
  const manifest = {
    generatorVersion: GENERATOR_VERSION,
    seed,
    files,
    scannedTextFiles: files - binary - large,
    binary,
    large,
    ignoredFiles: ignoredFiles + 20,
    taggedFiles,
    tags: tagCount,
    bytes,
  };
  writeFileSync(join(root, '.bench-manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * The tree for `seed` and `files`, generated once into a cache folder under os.tmpdir() keyed by
 * the generator version, the seed and the size; reused while its manifest is there.
 */
export function cachedTree({ files, tags, ignoredFiles, seed }, log = () => {}) {
  const root = join(tmpdir(), `incident-workbench-bench`, `tree-v${GENERATOR_VERSION}-seed${seed}-${files}`);
  const manifestFile = join(root, '.bench-manifest.json');
  if (existsSync(manifestFile)) return { root, manifest: JSON.parse(readFileSync(manifestFile, 'utf8')), cached: true };
  log(`generating a ${files}-file tree in ${root} ...`);
  const started = process.hrtime.bigint();
  const manifest = generateTree(root, { files, tags, ignoredFiles, seed });
  log(`  done in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
  return { root, manifest, cached: false };
}

/**
 * `count` postmortems of 3–12 KB in <cache>/docs/postmortems/, for the CLI benchmark, cached
 * like the tree.
 */
export function cachedPostmortemCorpus({ count, seed }) {
  const root = join(tmpdir(), `incident-workbench-bench`, `corpus-v${GENERATOR_VERSION}-seed${seed}-${count}`);
  const done = join(root, '.complete');
  if (existsSync(done)) return root;
  rmSync(root, { recursive: true, force: true });
  const dir = join(root, 'docs', 'postmortems');
  mkdirSync(dir, { recursive: true });
  const r = rng(seed ^ 0x5bd1e995);
  for (let i = 0; i < count; i++) {
    const text = generatePostmortem(int(r, 3000, 12000), seed * 100003 + i);
    writeFileSync(join(dir, `2025-01-01-incident-${String(i).padStart(4, '0')}.md`), text);
  }
  writeFileSync(done, '');
  return root;
}

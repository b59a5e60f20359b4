// The timeline-import benchmark: a seeded Slack workspace export of N messages (100,000 by default) imported
// as the CLI does (read, convert, milestones, the Markdown table), against reading and JSON.parse of the
// same files in the same run. Issue 23's budget: a 100,000-message export imports in under 5 s.
//
// Usage: node bench/import.mjs [--messages N] [--runs N] [--seed N]   (needs `npx tsc -p .` → out/src)
//   bench/run.mjs calls benchImport() for its timelineImport100kMs metric.
/* global process, console, performance */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { rng } from './generate.mjs';
import { requireOut } from './out.mjs';

/** Bump when the generated export changes, so a cached one is written again. */
const EXPORT_VERSION = 1;
const CHANNEL = 'inc-2026-03-15-checkout';
const PER_DAY = 1000;

const WORDS = [
  'checkout',
  'latency',
  'gateway',
  'the pool',
  'p99',
  'the replica',
  'rollback',
  'deploy 7f3a',
  'the dashboard',
  'queue depth',
  'error rate',
  'the index',
  'pods',
  'the consumer',
];
const VERBS = ['looking at', 'checking', 'restarting', 'scaling', 'watching', 'draining', 'comparing', 'graphing'];

/**
 * A Slack export of `messages` messages in one incident channel (plus a small second channel),
 * 1,000 a day: people mentioning each other and linking dashboards, thread replies, bot alerts
 * with attachments, joins, edits and edit events. Cached under the temporary folder.
 */
export function cachedSlackExport({ messages, seed }) {
  const root = join(tmpdir(), 'incident-workbench-bench', `slack-v${EXPORT_VERSION}-seed${seed}-${messages}`);
  const done = join(root, '.complete');
  if (existsSync(done)) return root;
  rmSync(root, { recursive: true, force: true });
  const r = rng(seed ^ 0x2c1b3c6d);
  const users = Array.from({ length: 40 }, (_, i) => ({
    id: `U${String(i).padStart(8, '0')}`,
    name: `user${i}`,
    real_name: `User ${i}`,
    profile: { display_name: i % 3 ? `user${i}` : '', real_name: `User ${i}` },
  }));
  const channels = [
    { id: 'C00000001', name: CHANNEL },
    { id: 'C00000002', name: 'general' },
  ];
  mkdirSync(join(root, CHANNEL), { recursive: true });
  mkdirSync(join(root, 'general'), { recursive: true });
  writeFileSync(join(root, 'users.json'), JSON.stringify(users, null, 2));
  writeFileSync(join(root, 'channels.json'), JSON.stringify(channels, null, 2));
  writeFileSync(
    join(root, 'general', '2026-03-15.json'),
    JSON.stringify([{ type: 'message', user: users[0].id, text: 'hello', ts: '1773576000.000100' }]),
  );
  const start = Date.UTC(2026, 2, 15) / 1000;
  const pick = (list) => list[Math.floor(r() * list.length)];
  let written = 0;
  for (let day = 0; written < messages; day++) {
    const list = [];
    let lastParent;
    for (let i = 0; i < PER_DAY && written < messages; i++, written++) {
      const ts = `${start + day * 86400 + Math.floor((i * 86400) / PER_DAY)}.${String(Math.floor(r() * 1e6)).padStart(6, '0')}`;
      const user = pick(users).id;
      const k = r();
      if (k < 0.03)
        list.push({ type: 'message', subtype: 'channel_join', user, text: `<@${user}> has joined the channel`, ts });
      else if (k < 0.08)
        list.push({
          type: 'message',
          subtype: 'bot_message',
          bot_id: 'B0000001',
          username: 'Datadog',
          text: '',
          ts,
          attachments: [{ fallback: `Triggered: ${pick(WORDS)} above threshold`, title: pick(WORDS) }],
        });
      else if (k < 0.1 && lastParent) {
        list.push({
          type: 'message',
          subtype: 'message_changed',
          hidden: true,
          ts,
          message: {
            type: 'message',
            user: lastParent.user,
            text: `${lastParent.text} (edited)`,
            ts: lastParent.ts,
            edited: { user: lastParent.user, ts },
          },
        });
      } else {
        const text = `${pick(VERBS)} ${pick(WORDS)}, <@${pick(users).id}> see <https://grafana.example.com/d/${Math.floor(r() * 1000)}|${pick(WORDS)} board> &amp; <#C00000001|${CHANNEL}>`;
        const msg = {
          type: 'message',
          user,
          text,
          ts,
          ...(k < 0.4 && lastParent ? { thread_ts: lastParent.ts, parent_user_id: lastParent.user } : {}),
        };
        list.push(msg);
        if (k > 0.9) lastParent = msg;
      }
    }
    const date = new Date((start + day * 86400) * 1000).toISOString().slice(0, 10);
    writeFileSync(join(root, CHANNEL, `${date}.json`), JSON.stringify(list, null, 2));
  }
  writeFileSync(done, '');
  return root;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (n, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/**
 * Times the import of a `messages`-message export `runs` times (after one warm-up), each time
 * beside reading and JSON.parse of the same files, in alternating order. Returns the medians
 * in ms, the ratio, and how many events the import gave.
 */
export async function benchImport({ messages = 100_000, runs = 5, seed = 42, log = () => {} } = {}) {
  const { readExports } = requireOut('services/timelineImportService.js');
  const { renderTable } = requireOut('core/timeline/import/index.js');
  log(`timeline import: a ${messages}-message Slack export ...`);
  const root = cachedSlackExport({ messages, seed });
  const folder = join(root, CHANNEL);
  const files = readdirSync(folder)
    .filter((n) => n.endsWith('.json'))
    .map((n) => join(folder, n));
  const parseOnly = async () => {
    const { readFile } = await import('node:fs/promises');
    const parsed = await Promise.all(
      [join(root, 'channels.json'), join(root, 'users.json'), ...files].map(async (f) =>
        JSON.parse(await readFile(f, 'utf8')),
      ),
    );
    return parsed.length;
  };
  let events = 0;
  const ours = async () => {
    const { events: list } = await readExports([root], { channel: CHANNEL, window: {} });
    events = list.length;
    return renderTable(list).length;
  };
  await ours();
  await parseOnly();
  const oursMs = [];
  const parseMs = [];
  for (let i = 0; i < runs; i++) {
    for (const [fn, into] of i % 2
      ? [
          [parseOnly, parseMs],
          [ours, oursMs],
        ]
      : [
          [ours, oursMs],
          [parseOnly, parseMs],
        ]) {
      const t = performance.now();
      await fn();
      into.push(performance.now() - t);
    }
  }
  const result = {
    messages,
    dayFiles: files.length,
    bytes: files.reduce((n, f) => n + readFileSync(f).length, 0),
    events,
    runs,
    importMs: { median: round(median(oursMs)), min: round(Math.min(...oursMs)), max: round(Math.max(...oursMs)) },
    readParseMs: { median: round(median(parseMs)), min: round(Math.min(...parseMs)), max: round(Math.max(...parseMs)) },
  };
  return { ...result, importVsReadParse: round(result.importMs.median / result.readParseMs.median, 2) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      messages: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '5' },
      seed: { type: 'string', default: '42' },
    },
  });
  const r = await benchImport({
    messages: Number(values.messages),
    runs: Number(values.runs),
    seed: Number(values.seed),
    log: (m) => console.error(m),
  });
  console.log(JSON.stringify(r, null, 2));
  console.log(
    `timeline import of ${r.messages} messages (${r.events} events): ${r.importMs.median} ms median; read + JSON.parse ${r.readParseMs.median} ms; ${r.importVsReadParse}×; budget < 5000 ms: ${r.importMs.median < 5000 ? 'PASS' : 'FAIL'}`,
  );
}

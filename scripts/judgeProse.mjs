// Judgement on our labelled prose (issue #19, test/fixtures/judgement): places each sentence and root cause
// of the set in a clean harness postmortem, lints it through the compiled core, and prints precision and
// recall per rule (PM013 blame-language, PM022 hindsight-language, PM008 vague-root-cause) for the tuning
// part and the hold-out part separately, with the targets and PASS or FAIL.
// `npm run judge` prints this section first; this script prints it alone.
//
// Usage: node scripts/judgeProse.mjs [--rule PM013|PM022|PM008]... [--check]
//   --rule ID   also list each wrong (reported, not expected) and missed item of rule ID, with file and line
//   --check     exit 1 when a target is missed on the tuning or the hold-out part
// Needs the compiled code (`npx tsc -p .`).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Scores the set; returns the tallies. */
export function scoreProse() {
  const file = join(repoRoot, 'out', 'test', 'judged', 'prose.js');
  if (!existsSync(file))
    throw new Error(`${file} is missing; compile first with \`npx tsc -p .\` (or run \`npm run judge\`).`);
  const prose = require(file);
  const items = prose.loadProseSet(repoRoot);
  const tallies = prose.tallyProse(prose.judgeProse(items));
  return { prose, items, tallies };
}

/**
 * Prints the prose section; `rules` are the rule ids to list wrong and missed items of. Returns the
 * tallies and the ones that miss their rule's target (tuning and hold-out parts).
 */
export function printProse(rules = [], log = console.log) {
  const { prose, items, tallies } = scoreProse();
  const pct = (v) => (v === undefined ? '—' : `${Math.round(v * 100)}%`);
  const pad = (s, n) => String(s).padEnd(n);
  const lpad = (s, n) => String(s).padStart(n);
  const count = (part) => items.filter((i) => i.part === part).length;
  log(
    `Judgement on our labelled prose (${join('test', 'fixtures', 'judgement')}): ${items.length} items, ${count('tuning')} tuning, ${count('hold-out')} hold-out`,
  );
  log(
    'Each sentence is placed in the Impact section, each root cause as the Root Cause section, of a clean harness postmortem.',
  );
  log('The hold-out part is never used to tune a rule.');
  for (const part of ['tuning', 'hold-out']) {
    log(`\n${part} part`);
    log(
      `${pad('rule', 6)}${pad('name', 20)}${lpad('items', 6)}${lpad('expected', 9)}${lpad('reported', 9)}${lpad('right', 7)}${lpad('wrong', 7)}${lpad('missed', 7)}${lpad('precision', 11)}${lpad('recall', 8)}  target`,
    );
    for (const t of tallies.filter((x) => x.part === part)) {
      const name = prose.PROSE_RULES.find((r) => r.rule === t.rule).name;
      const target = prose.PROSE_TARGETS[t.rule];
      const verdict = prose.meetsTarget(t) ? 'PASS' : 'FAIL';
      log(
        `${pad(t.rule, 6)}${pad(name, 20)}${lpad(t.items, 6)}${lpad(t.expected, 9)}${lpad(t.right + t.wrong.length, 9)}${lpad(t.right, 7)}${lpad(t.wrong.length, 7)}${lpad(t.missed.length, 7)}${lpad(pct(t.precision), 11)}${lpad(pct(t.recall), 8)}  P>=${pct(target.precision)} R>=${pct(target.recall)} ${verdict}`,
      );
    }
  }
  for (const wanted of rules) {
    const rule = wanted.toUpperCase();
    if (!prose.PROSE_RULES.some((r) => r.rule === rule)) continue;
    log(`\nProse details: ${rule}`);
    for (const t of tallies.filter((x) => x.rule === rule && x.part !== 'all')) {
      const tag = t.part === 'hold-out' ? ' [hold-out]' : '';
      for (const v of t.wrong)
        log(`  WRONG  ${v.item.where}${tag} ${v.item.text}\n         -> ${v.messages.join(' | ')}`);
      for (const v of t.missed) log(`  MISSED ${v.item.where}${tag} ${v.item.text}`);
    }
  }
  return { tallies, failing: tallies.filter((t) => t.part !== 'all' && !prose.meetsTarget(t)) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let opts;
  try {
    ({ values: opts } = parseArgs({
      options: {
        rule: { type: 'string', multiple: true, default: [] },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    console.error(`judgeProse: ${e.message}. Run with --help for the options.`);
    process.exit(2);
  }
  if (opts.help) {
    const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
    console.log(
      lines
        .slice(
          0,
          lines.findIndex((l) => !l.startsWith('//')),
        )
        .map((l) => l.slice(3))
        .join('\n'),
    );
    process.exit(0);
  }
  let failing;
  try {
    ({ failing } = printProse(opts.rule));
  } catch (e) {
    console.error(`judgeProse: ${e.message}`);
    process.exit(2);
  }
  if (opts.check && failing.length) {
    console.error(
      `judgeProse: ${failing.length} target(s) missed: ${failing.map((t) => `${t.rule} ${t.part}`).join(', ')}`,
    );
    process.exit(1);
  }
}

// Judgement on real documents (issue #17): lints the documents of the judged set (test/judged/labels.yaml)
// in-process through the compiled core, scores each rule's findings against the labels (precision and
// recall, for the tuning part, the hold-out part and all), compares the time to detect and to recover the
// product computes with the hand-computed ones, and prints the targets with PASS or FAIL.
//
// First it prints the prose section (issue #19, scripts/judgeProse.mjs): precision and recall of PM013,
// PM022 and PM008 on our labelled sentences and root causes (test/fixtures/judgement), tuning and hold-out.
//
// Then it prints the timeline set (test/judged/timelines/timelines.yaml, our own writing): PM009, PM010 and
// the times to detect and recover, precision and recall, tuning and hold-out apart, and which event was
// taken for each milestone against the one labelled.
//
// Usage: node scripts/judge.mjs [--corpus DIR] [--labels FILE] [--timelines FILE] [--tuning-only]
//                               [--rule ID|times]... [--json FILE] [--check] [--prose-only]
//   --prose-only    print only the prose section (no corpus needed)
//   --corpus DIR    the real documents (default ../shared/corpus, relative to the repository root)
//   --labels FILE   the labels (default test/judged/labels.yaml)
//   --timelines FILE  the timeline set (default test/judged/timelines/timelines.yaml)
//   --tuning-only   print only the tuning part (the part rules may be tuned on)
//   --rule ID       also list each wrong, missed and debatable finding of rule ID with document and line
//                   (for PM013, PM022 and PM008 also each wrong and missed item of the prose set);
//                   `--rule times` lists each document's measures, `--rule milestones` each timeline of the
//                   timeline set whose milestones differ from the labels; may be repeated
//   --json FILE     write the figures as JSON
//   --check         exit 1 when a target is missed on all documents (without it, targets are reported only)
// Needs the compiled code (`npx tsc -p .`); `npm run judge` compiles first.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { printProse } from './judgeProse.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function fail(message) {
  console.error(`judge: ${message}`);
  process.exit(2);
}

let opts;
try {
  ({ values: opts } = parseArgs({
    options: {
      corpus: { type: 'string', default: join(repoRoot, '..', 'shared', 'corpus') },
      labels: { type: 'string', default: join(repoRoot, 'test', 'judged', 'labels.yaml') },
      timelines: { type: 'string', default: join(repoRoot, 'test', 'judged', 'timelines', 'timelines.yaml') },
      'tuning-only': { type: 'boolean', default: false },
      rule: { type: 'string', multiple: true, default: [] },
      json: { type: 'string' },
      check: { type: 'boolean', default: false },
      'prose-only': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }));
} catch (e) {
  fail(`${e.message}. Run with --help for the options.`);
}
if (opts.help) {
  const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
  const head = lines.slice(
    0,
    lines.findIndex((l) => !l.startsWith('//')),
  );
  console.log(head.map((l) => l.slice(3)).join('\n'));
  process.exit(0);
}

// ------------------------------------------------------------------ the prose section (issue #19), first

let proseFailing = [];
try {
  ({ failing: proseFailing } = printProse(opts.rule));
} catch (e) {
  fail(e.message);
}
if (opts['prose-only']) {
  if (opts.check && proseFailing.length) {
    console.error(
      `judge: ${proseFailing.length} prose target(s) missed: ${proseFailing.map((t) => `${t.rule} ${t.part}`).join(', ')}`,
    );
    process.exit(1);
  }
  process.exit(0);
}
console.log('');

function requireOut(rel) {
  const file = join(repoRoot, 'out', rel);
  if (!existsSync(file)) fail(`${file} is missing; compile first with \`npx tsc -p .\` (or run \`npm run judge\`).`);
  return require(file);
}
const { lintText } = requireOut('src/core/lint/lint.js');
const { findProfile } = requireOut('src/core/profiles/index.js');
const { ALL_RULES } = requireOut('src/core/rules/index.js');
const { summarizeIncident } = requireOut('src/core/incident/summary.js');
const { parseLabels, checkLabels, keyKind, HOLDOUT_PATHS } = requireOut('test/judged/labels.js');
const score = requireOut('test/judged/score.js');

const corpus = resolve(opts.corpus);
if (!existsSync(corpus) || !statSync(corpus).isDirectory()) {
  fail(
    `the corpus directory ${corpus} does not exist. The judged set lints the real documents of issue #17, ` +
      'expected at ../shared/corpus next to the repository; pass --corpus DIR to point elsewhere.',
  );
}
if (!existsSync(opts.labels)) fail(`the labels file ${opts.labels} does not exist.`);

// ------------------------------------------------------------------ labels

const parsed = parseLabels(readFileSync(opts.labels, 'utf8'));
const texts = new Map();
const textOf = (path) => {
  if (!texts.has(path)) {
    const file = join(corpus, path);
    texts.set(path, existsSync(file) && statSync(file).isFile() ? readFileSync(file, 'utf8') : undefined);
  }
  return texts.get(path);
};
const labelErrors = [
  ...parsed.errors,
  ...checkLabels(parsed.documents, {
    lineCount: (path) => textOf(path)?.split('\n').length,
    sectionIds: (name, kind) => findProfile(name)?.documents[kind]?.sections.map((s) => s.id),
    ruleIds: new Set(ALL_RULES.map((r) => r.id)),
    holdout: HOLDOUT_PATHS,
  }),
];
if (labelErrors.length) fail(`the labels in ${opts.labels} are not usable:\n  ${labelErrors.join('\n  ')}`);

// ------------------------------------------------------------------ lint and judge each document

const results = parsed.documents.map((doc) => {
  const text = textOf(doc.path);
  const profile = findProfile(doc.profile);
  const sections = profile.documents[doc.kind]?.sections ?? [];
  let findings;
  try {
    findings = lintText(text, doc.kind, profile, { path: doc.path }).findings;
  } catch (e) {
    fail(`linting ${doc.path} threw: ${e.stack ?? e}`);
  }
  const reported = findings.map((f) => ({
    rule: f.ruleId,
    line: f.range.start.line + 1,
    message: f.message,
    ...(keyKind(f.ruleId) === 'section' ? { section: score.sectionFromMessage(f.message, sections) } : {}),
  }));
  const outcomes = score.judgeDocument(doc, reported);
  let times;
  if (doc.times && doc.times !== 'unreadable') {
    const m = summarizeIncident({ path: doc.path, text, profile, kind: doc.kind }).metrics;
    const actual = { detect: m.timeToDetect.minutes, recover: m.timeToRecover.minutes };
    times = {
      ...score.judgeTimes(doc.times, actual),
      reasons: { detect: m.timeToDetect.reason, recover: m.timeToRecover.reason },
    };
  }
  return { doc, outcomes, times };
});

function part(name, rows) {
  const timed = rows.filter((r) => r.times);
  return {
    name,
    documents: rows.length,
    rules: score.tally(rows.map((r) => r.outcomes)),
    times: { documents: timed.length, within: timed.filter((r) => r.times.ok).length },
  };
}
const parts = [
  part(
    'tuning',
    results.filter((r) => !r.doc.holdout),
  ),
  part(
    'hold-out',
    results.filter((r) => r.doc.holdout),
  ),
  part('all', results),
];
const shown = opts['tuning-only'] ? parts.slice(0, 1) : parts;

// ------------------------------------------------------------------ print

const pct = (v) => (v === undefined ? '—' : `${Math.round(v * 100)}%`);
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

console.log(`Judgement on real documents: ${parsed.documents.length} labelled documents of ${corpus}`);
console.log('Precision: share of reported findings that are right. Recall: share of expected findings reported.');
console.log('Debatable findings (labelled so) are neither right nor wrong and are left out of both.');
console.log(
  `The hold-out part (${results.filter((r) => r.doc.holdout).length} documents) is never used to tune a rule; its figures are printed apart.`,
);
for (const p of shown) {
  console.log(`\n${p.name} part: ${p.documents} documents`);
  console.log(
    `${pad('rule', 6)}${lpad('docs', 5)}${lpad('expected', 9)}${lpad('reported', 9)}${lpad('right', 7)}${lpad('wrong', 7)}${lpad('missed', 7)}${lpad('debatable', 10)}${lpad('precision', 11)}${lpad('recall', 8)}`,
  );
  for (const t of p.rules) {
    const reported = t.right + t.wrong + t.debatable;
    console.log(
      `${pad(t.rule, 6)}${lpad(t.documents, 5)}${lpad(t.expected, 9)}${lpad(reported, 9)}${lpad(t.right, 7)}${lpad(t.wrong, 7)}${lpad(t.missed, 7)}${lpad(t.debatable, 10)}${lpad(pct(score.precision(t)), 11)}${lpad(pct(score.recall(t)), 8)}`,
    );
  }
  const { documents, within } = p.times;
  console.log(
    `Times to detect and recover within 20% (or ${score.TIME_TOLERANCE.minutes} min) of the hand-computed ones: ${within} of ${documents} documents with a readable timeline (${pct(score.ratio(within, documents))})`,
  );
}

console.log('\nTargets (issue #17)');
for (const t of score.TARGETS) {
  const cells = shown.map((p) => `${p.name} ${pct(t.value(p))} ${score.meets(t, p) ? 'PASS' : 'FAIL'}`);
  console.log(`  ${pad(`${t.label} >= ${Math.round(t.min * 100)}%`, 58)} ${cells.join('   ')}`);
}

for (const wanted of opts.rule) {
  const rule = wanted.toUpperCase();
  console.log(`\nDetails: ${wanted}`);
  for (const r of results) {
    if (opts['tuning-only'] && r.doc.holdout) continue;
    const tag = r.doc.holdout ? ' [hold-out]' : '';
    if (rule === 'TIMES') {
      if (r.times) {
        for (const c of r.times.checks) {
          const why = c.actual === null ? ` (${r.times.reasons[c.metric]})` : '';
          console.log(
            `  ${c.ok ? 'ok  ' : 'MISS'} ${r.doc.path}${tag}: time to ${c.metric} ${c.actual === null ? 'not computed' : `${c.actual} min`}, hand-computed ${c.expected} min${why}`,
          );
        }
      } else if (r.doc.times === 'unreadable') {
        console.log(`  --   ${r.doc.path}${tag}: unreadable (${r.doc.timesNote})`);
      }
      continue;
    }
    const o = r.outcomes.find((x) => x.rule === rule);
    if (!o) continue;
    for (const f of o.wrong) console.log(`  WRONG    ${r.doc.path}:${f.line}${tag} ${f.message}`);
    for (const l of o.missed)
      console.log(
        `  MISSED   ${r.doc.path}${l.line ? `:${l.line}` : ''}${tag} ${l.section ? `section ${l.section}: ` : ''}${l.why}`,
      );
    for (const f of o.debatable) console.log(`  debatable ${r.doc.path}:${f.line}${tag} ${f.message}`);
  }
}

// ------------------------------------------------------------------ the timeline set (our own writing)

const { parseTimelines, asJudgedDocument, TIMELINE_MILESTONES } = requireOut('test/judged/timelines.js');
if (!existsSync(opts.timelines)) fail(`the timeline set ${opts.timelines} does not exist.`);
const timelineSet = parseTimelines(readFileSync(opts.timelines, 'utf8'));
if (timelineSet.errors.length)
  fail(`the timeline set in ${opts.timelines} is not usable:\n  ${timelineSet.errors.join('\n  ')}`);
const agent = findProfile('agent');
const timelineResults = timelineSet.timelines.map((t) => {
  const doc = asJudgedDocument(t);
  let findings;
  try {
    findings = lintText(t.text, 'postmortem', agent, { path: doc.path }).findings;
  } catch (e) {
    fail(`linting timeline ${t.id} threw: ${e.stack ?? e}`);
  }
  const reported = findings.map((f) => ({ rule: f.ruleId, line: f.range.start.line + 1, message: f.message }));
  const outcomes = score.judgeDocument(doc, reported);
  const m = summarizeIncident({ path: doc.path, text: t.text, profile: agent, kind: 'postmortem' }).metrics;
  let times;
  if (doc.times) {
    const actual = { detect: m.timeToDetect.minutes, recover: m.timeToRecover.minutes };
    times = {
      ...score.judgeTimes(doc.times, actual),
      reasons: { detect: m.timeToDetect.reason, recover: m.timeToRecover.reason },
    };
  }
  // The event taken for each milestone against the labelled one (1-based lines; null: none).
  const picks = Object.fromEntries(
    TIMELINE_MILESTONES.map((name) => {
      const hit = m.milestones[name];
      const line = hit ? hit.entry.line + 1 : null;
      return [name, { expected: t.milestones[name], actual: line, ok: line === t.milestones[name] }];
    }),
  );
  return { t, doc, outcomes, times, picks, explanation: m.explanation };
});

function timelinePart(name, rows) {
  const timed = rows.filter((r) => r.times);
  const checks = timed.flatMap((r) => r.times.checks);
  return {
    name,
    documents: rows.length,
    rules: score.tally(rows.map((r) => r.outcomes)),
    times: { documents: timed.length, within: timed.filter((r) => r.times.ok).length },
    // Per measure: computed at all, and within the tolerance (precision: within / computed; recall: within / labelled).
    measures: {
      labelled: checks.length,
      computed: checks.filter((c) => c.actual !== null).length,
      within: checks.filter((c) => c.ok).length,
    },
    milestones: Object.fromEntries(
      TIMELINE_MILESTONES.map((name) => [name, rows.filter((r) => r.picks[name].ok).length]),
    ),
  };
}
const timelineParts = [
  timelinePart(
    'tuning',
    timelineResults.filter((r) => !r.t.holdout),
  ),
  timelinePart(
    'hold-out',
    timelineResults.filter((r) => r.t.holdout),
  ),
];
const timelineShown = opts['tuning-only'] ? timelineParts.slice(0, 1) : timelineParts;

console.log(
  `\nTimeline set: ${timelineSet.timelines.length} labelled timelines of our own writing (${opts.timelines}), ${timelineSet.holdout.length} held out`,
);
console.log(
  'PM009 and PM010 as above; times: precision = measures computed within 20% (or 2 min) / measures computed,',
);
console.log(
  'recall = measures within / measures labelled; a document counts when all its labelled measures are within.',
);
for (const p of timelineShown) {
  console.log(`\ntimeline set, ${p.name} part: ${p.documents} timelines`);
  console.log(
    `${pad('rule', 6)}${lpad('docs', 5)}${lpad('expected', 9)}${lpad('reported', 9)}${lpad('right', 7)}${lpad('wrong', 7)}${lpad('missed', 7)}${lpad('debatable', 10)}${lpad('precision', 11)}${lpad('recall', 8)}`,
  );
  for (const t of p.rules) {
    const reported = t.right + t.wrong + t.debatable;
    console.log(
      `${pad(t.rule, 6)}${lpad(t.documents, 5)}${lpad(t.expected, 9)}${lpad(reported, 9)}${lpad(t.right, 7)}${lpad(t.wrong, 7)}${lpad(t.missed, 7)}${lpad(t.debatable, 10)}${lpad(pct(score.precision(t)), 11)}${lpad(pct(score.recall(t)), 8)}`,
    );
  }
  const ms = p.measures;
  console.log(
    `${pad('times', 6)}${lpad(p.times.documents, 5)}${lpad(ms.labelled, 9)}${lpad(ms.computed, 9)}${lpad(ms.within, 7)}${lpad(ms.computed - ms.within, 7)}${lpad(ms.labelled - ms.within, 7)}${lpad('', 10)}${lpad(pct(score.ratio(ms.within, ms.computed)), 11)}${lpad(pct(score.ratio(ms.within, ms.labelled)), 8)}`,
  );
  console.log(
    `Times to detect and recover within tolerance: ${p.times.within} of ${p.times.documents} documents with a readable timeline (${pct(score.ratio(p.times.within, p.times.documents))})`,
  );
  console.log(
    `Milestone taken as labelled: ${TIMELINE_MILESTONES.map((name) => `${name} ${p.milestones[name]}/${p.documents}`).join(', ')}`,
  );
}
console.log('\nTargets (issue #17) on the timeline set');
for (const t of score.TARGETS.filter((x) => /PM010|Times/.test(x.label))) {
  const cells = timelineShown.map((p) => `${p.name} ${pct(t.value(p))} ${score.meets(t, p) ? 'PASS' : 'FAIL'}`);
  console.log(`  ${pad(`${t.label} >= ${Math.round(t.min * 100)}%`, 58)} ${cells.join('   ')}`);
}

for (const wanted of opts.rule) {
  const rule = wanted.toUpperCase();
  console.log(`\nDetails on the timeline set: ${wanted}`);
  for (const r of timelineResults) {
    if (opts['tuning-only'] && r.t.holdout) continue;
    const tag = r.t.holdout ? ' [hold-out]' : '';
    if (rule === 'TIMES' || rule === 'MILESTONES') {
      if (rule === 'TIMES' && r.times) {
        for (const c of r.times.checks) {
          const why = c.actual === null ? ` (${r.times.reasons[c.metric]})` : '';
          console.log(
            `  ${c.ok ? 'ok  ' : 'MISS'} ${r.t.id}${tag} (${r.t.shape}): time to ${c.metric} ${c.actual === null ? 'not computed' : `${c.actual} min`}, hand-computed ${c.expected} min${why}`,
          );
        }
      }
      if (rule === 'MILESTONES') {
        const wrong = TIMELINE_MILESTONES.filter((name) => !r.picks[name].ok);
        if (wrong.length === 0) continue;
        console.log(
          `  ${r.t.id}${tag} (${r.t.shape}): ${wrong.map((name) => `${name} line ${r.picks[name].actual ?? 'none'}, labelled ${r.picks[name].expected ?? 'none'}`).join('; ')}`,
        );
        for (const line of r.explanation) console.log(`      ${line}`);
      }
      continue;
    }
    const o = r.outcomes.find((x) => x.rule === rule);
    if (!o) continue;
    for (const f of o.wrong) console.log(`  WRONG    ${r.t.id}:${f.line}${tag} ${f.message}`);
    for (const l of o.missed) console.log(`  MISSED   ${r.t.id}${l.line ? `:${l.line}` : ''}${tag} ${l.why}`);
    for (const f of o.debatable) console.log(`  debatable ${r.t.id}:${f.line}${tag} ${f.message}`);
  }
}

if (opts.json) {
  const figures = (p) => ({
    documents: p.documents,
    rules: Object.fromEntries(
      p.rules.map((t) => [t.rule, { ...t, precision: score.precision(t) ?? null, recall: score.recall(t) ?? null }]),
    ),
    times: { ...p.times, share: score.ratio(p.times.within, p.times.documents) ?? null },
    targets: score.TARGETS.map((t) => ({
      target: t.label,
      min: t.min,
      value: t.value(p) ?? null,
      met: score.meets(t, p),
    })),
  });
  const out = {
    date: new Date().toISOString(),
    node: process.version,
    corpus,
    labels: opts.labels,
    tolerance: score.TIME_TOLERANCE,
    parts: Object.fromEntries(shown.map((p) => [p.name, figures(p)])),
    timelines: {
      file: opts.timelines,
      parts: Object.fromEntries(
        timelineShown.map((p) => [p.name, { ...figures(p), measures: p.measures, milestones: p.milestones }]),
      ),
      documents: timelineResults
        .filter((r) => !(opts['tuning-only'] && r.t.holdout))
        .map((r) => ({
          id: r.t.id,
          holdout: r.t.holdout,
          shape: r.t.shape,
          times: r.times ? r.times.checks : null,
          milestones: r.picks,
        })),
    },
    documents: results
      .filter((r) => !(opts['tuning-only'] && r.doc.holdout))
      .map((r) => ({
        path: r.doc.path,
        holdout: r.doc.holdout,
        wrong: r.outcomes.flatMap((o) => o.wrong.map((f) => ({ rule: f.rule, line: f.line, message: f.message }))),
        missed: r.outcomes.flatMap((o) =>
          o.missed.map((l) => ({ rule: l.rule, line: l.line ?? null, section: l.section ?? null })),
        ),
        times: r.times ? r.times.checks : null,
      })),
  };
  writeFileSync(opts.json, JSON.stringify(out, null, 2) + '\n');
  console.log(`\nWrote ${opts.json}`);
}

if (opts.check) {
  const all = parts[2];
  const missed = score.TARGETS.filter((t) => !score.meets(t, all));
  if (proseFailing.length)
    console.error(
      `judge: ${proseFailing.length} prose target(s) missed: ${proseFailing.map((t) => `${t.rule} ${t.part}`).join(', ')}`,
    );
  if (missed.length || proseFailing.length) {
    console.error(
      `judge: ${missed.length} target(s) missed on all documents: ${missed.map((t) => t.label).join('; ')}`,
    );
    process.exit(1);
  }
}

// Shared fast-check arbitraries and range checks for the property tests: hostile text built from
// Markdown, YAML and comment fragments, mixed line endings, BOM, NUL and lone surrogates.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Range } from '../../../src/core/markdown/position';

/** Runs per property: enough to find shallow crashes, small enough for the whole suite to take seconds. */
export const RUNS = 200;

/** Lines the way every parser under test splits them. */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Single UTF-16 code units, so lone surrogates and controls appear. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

/** Odd characters worth mixing in by hand. */
const oddChar = fc.constantFrom(
  '\uFEFF',
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\u202E',
  '\u0301',
  '\t',
  '\u00A0',
  '\u2028',
  '\r',
  '\n',
  '\r\n',
  '😀',
  '|',
  '`',
  '*',
  '#',
  '-',
  ':',
  '\\',
);

const lineEnding = fc.constantFrom('\n', '\r\n', '\r');

/** Mostly-ordinary text with odd characters now and then. */
export const word = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 6 }) },
  { weight: 1, arbitrary: oddChar },
);

const time = fc
  .tuple(
    fc.integer({ min: 0, max: 29 }),
    fc.integer({ min: 0, max: 69 }),
    fc.constantFrom('', ' UTC', ' PST', ' pm', 'Z', ' +05:30', ' Europe/Berlin', '~'),
  )
  .map(([h, m, z]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}${z}`);
const date = fc
  .tuple(
    fc.integer({ min: 0, max: 10000 }),
    fc.integer({ min: 0, max: 14 }),
    fc.integer({ min: 0, max: 33 }),
    fc.constantFrom('-', '/', '.'),
  )
  .map(([y, m, d, s]) => `${y}${s}${String(m).padStart(2, '0')}${s}${String(d).padStart(2, '0')}`);

const HEADINGS = [
  'Summary',
  'Impact',
  'Timeline',
  'Timeline (UTC)',
  'Root Cause',
  'Root Causes',
  'Action Items',
  'Detection',
  'Resolution',
  'Lessons Learned',
  'Steps',
  'Rollback',
  'Contributing Factors',
  'Status',
];
const heading = fc
  .tuple(fc.integer({ min: 1, max: 7 }), fc.oneof(fc.constantFrom(...HEADINGS), word))
  .map(([n, t]) => `${'#'.repeat(n)} ${t}`);

/** One Markdown-flavoured line (or a few), as found in incident documents and in broken ones. */
export const markdownLine: fc.Arbitrary<string> = fc.oneof(
  heading,
  word,
  fc.tuple(time, word).map(([t, w]) => `- ${t} ${w}`),
  fc.tuple(date, time, word).map(([d, t, w]) => `- **${d} ${t}** ${w}`),
  fc.tuple(date, word).map(([d, w]) => `### ${d} ${w}`),
  fc.array(word, { maxLength: 5 }).map((cells) => `| ${cells.join(' | ')} |`),
  fc.constantFrom('| Time | Event |', '|---|---|', '| --- | :-: | ---: |', '| Date | Time (PST) | What |', '|', '||'),
  fc
    .tuple(fc.constantFrom('- ', '* ', '1. ', '  - ', '    - ', '> ', '> > ', '- [ ] ', '- [x] '), word)
    .map(([m, w]) => m + w),
  fc.constantFrom(
    '```',
    '```bash',
    '~~~',
    '    indented code',
    '---',
    '===',
    '<!-- incident-workbench-disable PM001 -->',
    '<!-- incident-workbench-disable-next-line -->',
    '<div>',
    '</div>',
    '**Severity:** SEV2',
    '**Status**: resolved',
    '**Date:** 2026-03-20',
    'All times are UTC on 2026-03-20',
    'TODO',
    '[TBD]',
    '<placeholder>',
    'Owner: @alice',
    'blame Bob',
    'human error',
    'INCIDENT-2026-03-15 x: y',
    'title: "x"',
  ),
  fc
    .tuple(fc.constantFrom('Severity', 'Owner', 'Due', 'Status', 'SLO', 'Date'), word)
    .map(([k, v]) => `**${k}:** ${v}`),
);

/** A whole document: optional BOM and front matter, lines joined by mixed line endings. */
export const markdownText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', '\uFEFF'),
    fc.constantFrom('', '---\ntitle: x\n---\n', '---\r\nseverity: SEV1\r\n', '---\n---\n'),
    fc.array(fc.tuple(markdownLine, lineEnding), { maxLength: 60 }),
  )
  .map(([bom, fm, parts]) => bom + fm + parts.map(([l, e]) => l + e).join(''));

/** Any string at all: Markdown-like, random code units, or random graphemes. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: markdownText },
  { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
);

/** Asserts `r` is well-formed and lies inside `lines` (line < lines.length, character ≤ that line's length). */
export function assertRangeInside(r: Range, lines: readonly string[], what: string): void {
  for (const p of [r.start, r.end]) {
    assert.ok(
      Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length,
      `${what}: line ${p.line} outside 0..${lines.length - 1}`,
    );
    assert.ok(
      Number.isInteger(p.character) && p.character >= 0 && p.character <= lines[p.line].length,
      `${what}: character ${p.character} outside line ${p.line} of length ${lines[p.line].length}`,
    );
  }
  assert.ok(
    r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character),
    `${what}: start after end`,
  );
}

/** Asserts `r` starts no later than it ends and both its lines are lines of the document (characters not checked). */
export function assertLinesInside(r: Range, lines: readonly string[], what: string): void {
  assertLineInside(r.start.line, lines, `${what} start`);
  assertLineInside(r.end.line, lines, `${what} end`);
  assert.ok(
    r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character),
    `${what}: start after end`,
  );
}

/** Asserts a 0-based line number is a line of the document. */
export function assertLineInside(line: number, lines: readonly string[], what: string): void {
  assert.ok(
    Number.isInteger(line) && line >= 0 && line < lines.length,
    `${what}: line ${line} outside 0..${lines.length - 1}`,
  );
}

/** Asserts an exclusive end line is within 0..lines.length and not before `start`. */
export function assertEndLine(start: number, end: number, lines: readonly string[], what: string): void {
  assert.ok(
    Number.isInteger(end) && end >= start && end <= lines.length,
    `${what}: end line ${end} not in ${start}..${lines.length}`,
  );
}

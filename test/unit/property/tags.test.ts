// Property tests for the INCIDENT tag grammar: findTagsInFile never throws and tag ranges lie inside the text.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findTagsInFile } from '../../../src/core/tags/grammar';
import { assertRangeInside, linesOf, RUNS, word } from './arbitraries';

const FILES = [
  'a.ts',
  'a.py',
  'a.rb',
  'a.go',
  'a.sql',
  'a.html',
  'a.css',
  'a.sh',
  'a.yaml',
  'a.lua',
  'a.hs',
  'Makefile',
  'Dockerfile',
  'a.unknown',
  'noext',
  'a.md',
  'a.c',
  'a.rs',
  'a.ps1',
  'a.vue',
];
const tagLike = fc
  .tuple(
    fc.constantFrom(
      'INCIDENT-2026-03-15',
      'INCIDENT-2026-02-30',
      'INCIDENT-26-3-5',
      'INCIDENT-2026/03/15',
      'INCIDENT-',
      'INCIDENT-9999-99-99',
      'INCIDENT-2026-03-15x',
    ),
    fc.constantFrom('', ' slug', ' a.b-c_d', ' -bad-', '\t'),
    fc.constantFrom(':', '', ': ', ' :'),
    word,
  )
  .map((p) => p.join(''));
const piece = fc.oneof(
  tagLike,
  word,
  fc.constantFrom(
    '//',
    '# ',
    '/*',
    '*/',
    ' * ',
    '"""',
    "'''",
    '--',
    '<!--',
    '-->',
    '{-',
    '-}',
    '--[[',
    ']]',
    '"',
    "'",
    '`',
    '\\',
    'r"',
    '#{',
    '=begin',
    '=end',
    'REM ',
    ';',
    '%',
  ),
);
const lineEnding = fc.constantFrom('\n', '\r\n', '\r', '');
const source = fc
  .array(fc.tuple(piece, lineEnding), { maxLength: 60 })
  .map((parts) => parts.map(([p, e]) => p + e).join(''));

describe('property: findTagsInFile', () => {
  it('never throws and keeps tag and problem ranges inside the text, for every language', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FILES),
        fc.oneof(
          { weight: 4, arbitrary: source },
          { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
        ),
        (path, text) => {
          const scan = findTagsInFile(path, text);
          const lines = linesOf(text);
          for (const tag of scan.tags) {
            assertRangeInside(tag.range, lines, 'tag');
            assertRangeInside(tag.headRange, lines, 'tag head');
            assertRangeInside(tag.descriptionRange, lines, 'tag description');
            if (tag.slugRange) assertRangeInside(tag.slugRange, lines, 'tag slug');
            assert.ok(
              lines[tag.range.start.line].slice(tag.range.start.character).startsWith('INCIDENT-'),
              'a tag range starts at INCIDENT-',
            );
            assert.match(tag.dateText, /^\d{4}-\d{2}-\d{2}$/);
          }
          for (const p of scan.problems) assertRangeInside(p.range, lines, `tag problem ${p.code}`);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it('reads a minified one-line file with many tags quickly and within range', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `x${i}();/* INCIDENT-2026-03-15 s${i}: d */`).join('');
    const started = Date.now();
    const scan = findTagsInFile('min.js', text);
    for (const tag of scan.tags) assertRangeInside(tag.range, [text], 'tag');
    assert.ok(Date.now() - started < 5000, 'scan took more than 5 s');
  });
});

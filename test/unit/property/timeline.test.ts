// Property tests for the timeline reader: readTimeline never throws on arbitrary timeline sections and its entries stay in the section.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseMarkdown } from '../../../src/core/markdown/model';
import { parseEntry, readTimeline } from '../../../src/core/timeline/timeline';
import { assertRangeInside, markdownLine, RUNS, word } from './arbitraries';

const lineEnding = fc.constantFrom('\n', '\r\n', '\r');
const section = fc
  .tuple(
    fc.constantFrom('## Timeline', '## Timeline (UTC)', '## Timeline (PST)', '# Timeline', 'Timeline\n--------'),
    fc.array(fc.tuple(markdownLine, lineEnding), { maxLength: 40 }),
  )
  .map(([h, body]) => `# Incident\n\n${h}\n${body.map(([l, e]) => l + e).join('')}`);
/** Dates as callers pass them: parsed from `YYYY-MM-DD` text (front matter, header fields, file names), so four-digit years. */
const documentDate = fc.option(
  fc.record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  }),
  { nil: undefined },
);

describe('property: readTimeline', () => {
  it('never throws on any section and keeps entries inside the section', () => {
    fc.assert(
      fc.property(section, documentDate, (text, date) => {
        const doc = parseMarkdown(text);
        for (const s of doc.sections) {
          for (const e of readTimeline(doc, s, date)) {
            assert.ok(
              e.line >= s.bodyStartLine && e.line < s.endLine,
              `entry line ${e.line} outside section ${s.bodyStartLine}..${s.endLine}`,
            );
            assertRangeInside(e.range, doc.lines, 'timeline entry');
            if (e.minutes !== undefined) assert.ok(Number.isFinite(e.minutes), `minutes ${e.minutes} not finite`);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('parseEntry never throws on any line', () => {
    fc.assert(
      fc.property(
        fc.oneof(markdownLine, word, fc.string({ unit: 'binary', maxLength: 80 })),
        fc.option(fc.integer({ min: -1e6, max: 1e6 }), { nil: undefined }),
        (raw, year) => {
          parseEntry(raw, year);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

// Property tests for the Markdown model: parseMarkdown never throws and every range it returns lies inside the document.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseMarkdown, type MarkdownDocument } from '../../../src/core/markdown/model';
import { anyText, assertEndLine, assertLineInside, assertRangeInside, markdownText, RUNS } from './arbitraries';

/** Every line number and range of the model lies inside `doc.lines`. */
export function assertModelInside(doc: MarkdownDocument): void {
  const { lines } = doc;
  assert.ok(lines.length >= 1, 'a document has at least one line');
  for (const h of doc.headings) {
    assert.ok(h.level >= 1 && h.level <= 6, `heading level ${h.level}`);
    assertLineInside(h.line, lines, 'heading');
    assertRangeInside(h.range, lines, 'heading range');
  }
  for (const s of doc.sections) {
    assertLineInside(s.heading.line, lines, 'section heading');
    assert.ok(
      s.heading.line < s.bodyStartLine,
      `section body ${s.bodyStartLine} not after its heading ${s.heading.line}`,
    );
    assert.ok(s.bodyStartLine <= s.endLine, `section bodyStartLine ${s.bodyStartLine} > endLine ${s.endLine}`);
    assertEndLine(s.bodyStartLine, s.endLine, lines, 'section');
  }
  for (const t of doc.tables) {
    assertLineInside(t.startLine, lines, 'table');
    assertEndLine(t.startLine, t.endLine, lines, 'table');
    for (const row of [t.header, ...t.rows]) {
      assertLineInside(row.line, lines, 'table row');
      for (const c of row.cells) assertRangeInside(c.range, lines, 'table cell');
    }
  }
  for (const item of doc.listItems) {
    assertLineInside(item.line, lines, 'list item');
    assertEndLine(item.line, item.endLine, lines, 'list item');
  }
  for (const b of doc.codeBlocks) {
    assertLineInside(b.startLine, lines, 'code block');
    assertEndLine(b.startLine, b.endLine, lines, 'code block');
  }
  for (const c of doc.inlineCode) assertLineInside(c.line, lines, 'inline code');
  for (const l of doc.labels) {
    assertLineInside(l.line, lines, 'label');
    assertRangeInside(l.valueRange, lines, 'label value');
  }
  if (doc.frontMatter) assert.ok(doc.frontMatter.endLine < lines.length, 'front matter ends inside the document');
}

describe('property: parseMarkdown', () => {
  it('never throws and keeps every range inside the document, for Markdown-like and arbitrary strings', () => {
    fc.assert(
      fc.property(anyText, (text) => assertModelInside(parseMarkdown(text))),
      { numRuns: RUNS * 2 },
    );
  });

  it('keeps the same lines whatever the line endings (LF, CRLF, CR)', () => {
    fc.assert(
      fc.property(markdownText, (text) => {
        const lf = text.replace(/\r\n|\r/g, '\n');
        const crlf = lf.replace(/\n/g, '\r\n');
        const a = parseMarkdown(lf);
        const b = parseMarkdown(crlf);
        assert.deepEqual(b.lines, a.lines);
        assert.deepEqual(b.headings, a.headings);
        assert.deepEqual(b.sections, a.sections);
        assert.deepEqual(b.tables, a.tables);
      }),
      { numRuns: RUNS },
    );
  });

  it('drops a BOM without shifting columns', () => {
    fc.assert(
      fc.property(markdownText, (text) => {
        const plain = text.replace(/^\uFEFF/, '');
        assert.deepEqual(parseMarkdown(`\uFEFF${plain}`).headings, parseMarkdown(plain).headings);
      }),
      { numRuns: RUNS },
    );
  });

  it('handles 10,000 headings and deep nesting within the document', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `${'#'.repeat((i % 6) + 1)} H${i}\r\nbody\r`).join('\n');
    const doc = parseMarkdown(many);
    assert.equal(doc.headings.length, 10_000);
    assertModelInside(doc);
    const nested =
      Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n') +
      '\n' +
      '> '.repeat(200) +
      'quote\n';
    assertModelInside(parseMarkdown(nested));
  });
});

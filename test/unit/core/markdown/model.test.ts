import * as assert from 'node:assert/strict';
import { documentIncludes, documentView, parseMarkdown } from '../../../../src/core/markdown/model';
import { normalizeHeading } from '../../../../src/core/markdown/headingText';

describe('parseMarkdown', () => {
  it('reads ATX and setext headings with 0-based lines and the title', () => {
    const doc = parseMarkdown('# Title\n\nIntro\n\nSummary\n-------\n\ntext\n\n### Deep\n');
    assert.deepEqual(
      doc.headings.map((h) => [h.level, h.text, h.line]),
      [
        [1, 'Title', 0],
        [2, 'Summary', 4],
        [3, 'Deep', 9],
      ],
    );
    assert.equal(doc.title?.line, 0);
    assert.deepEqual(doc.headings[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } });
  });

  it('ends a section at the next heading of the same or a higher level and starts its body after a setext underline', () => {
    const doc = parseMarkdown('# T\n## A\na\n### A1\nx\n## B\nb\n');
    const [, a, a1, b] = doc.sections;
    assert.deepEqual([a.bodyStartLine, a.endLine], [2, 5]);
    assert.deepEqual([a1.bodyStartLine, a1.endLine], [4, 5]);
    assert.deepEqual([b.bodyStartLine, b.endLine], [6, 8]);
    const setext = parseMarkdown('Title\n=====\nbody\n');
    assert.equal(setext.sections[0].bodyStartLine, 2);
  });

  it('strips Markdown marks from heading text', () => {
    const doc = parseMarkdown('## 3. **Root** `Cause`\n');
    assert.equal(doc.headings[0].text, '3. Root Cause');
  });

  it('gives each table cell its exact range on the row line, including rows without outer pipes', () => {
    const doc = parseMarkdown('| Action | Owner |\n|---|---|\n| Add index | @backend |\nFix it | `a\\|b`\n');
    const table = doc.tables[0];
    assert.deepEqual(
      table.header.cells.map((c) => c.text),
      ['Action', 'Owner'],
    );
    assert.equal(table.rows.length, 2);
    assert.deepEqual(table.rows[0].cells[1].range, {
      start: { line: 2, character: 14 },
      end: { line: 2, character: 22 },
    });
    assert.deepEqual(
      table.rows[1].cells.map((c) => c.text),
      ['Fix it', 'a|b'],
    );
    assert.deepEqual(table.rows[1].cells[0].range, {
      start: { line: 3, character: 0 },
      end: { line: 3, character: 6 },
    });
  });

  it('pads a short table row with an empty cell at the end of the line', () => {
    const doc = parseMarkdown('| a | b |\n|---|---|\n| 1 |\n');
    const cell = doc.tables[0].rows[0].cells[1];
    assert.equal(cell.text, '');
    assert.deepEqual(cell.range.start, { line: 2, character: 5 });
  });

  it('keeps line numbers after front matter and parses it', () => {
    const doc = parseMarkdown('---\nseverity: SEV2\ntitle: x\n---\n# Heading\n');
    assert.deepEqual(doc.frontMatter?.data, { severity: 'SEV2', title: 'x' });
    assert.equal(doc.frontMatter?.endLine, 3);
    assert.equal(doc.title?.line, 4);
    assert.equal(doc.headings.length, 1);
  });

  it('reports invalid front matter YAML with its document line', () => {
    const doc = parseMarkdown('---\na: 1\nb: [unclosed\n---\n# H\n');
    assert.equal(doc.frontMatter?.data, undefined);
    assert.ok(doc.frontMatter?.error);
    assert.ok(doc.frontMatter.error.line >= 1);
  });

  it('counts lines the same for CRLF, CR and LF and ignores a BOM', () => {
    const lf = parseMarkdown('# T\n## A\nx\n');
    const crlf = parseMarkdown('\uFEFF# T\r\n## A\r\nx\r\n');
    assert.deepEqual(crlf.headings, lf.headings);
    assert.equal(crlf.lines[0], '# T');
  });

  it('does not take headings inside code fences', () => {
    const doc = parseMarkdown('# T\n```md\n## Root Cause\n```\n');
    assert.equal(doc.headings.length, 1);
    assert.deepEqual(
      doc.codeBlocks.map((c) => [c.startLine, c.endLine, c.info]),
      [[1, 4, 'md']],
    );
  });

  it('reads list items with depth and task state', () => {
    const doc = parseMarkdown('- [x] done\n- [ ] open\n  1. nested\n');
    assert.deepEqual(
      doc.listItems.map((i) => [i.line, i.depth, i.ordered, i.checked, i.text]),
      [
        [0, 0, false, true, 'done'],
        [1, 0, false, false, 'open'],
        [2, 1, true, undefined, 'nested'],
      ],
    );
  });

  it('collects inline code spans with their lines', () => {
    const doc = parseMarkdown('Run `kubectl get pods`\nthen\n`psql -c "select 1"`.\n');
    assert.deepEqual(
      doc.inlineCode.map((c) => [c.line, c.content]),
      [
        [0, 'kubectl get pods'],
        [2, 'psql -c "select 1"'],
      ],
    );
  });

  it('keeps inlineCode an enumerable property that a copy of the document carries', () => {
    const doc = parseMarkdown('Run `a` then `b`.\n');
    assert.deepEqual(Object.keys(doc), [
      'lines',
      'frontMatter',
      'title',
      'headings',
      'sections',
      'tables',
      'listItems',
      'codeBlocks',
      'inlineCode',
      'labels',
    ]);
    assert.deepEqual(
      { ...doc }.inlineCode.map((c) => c.content),
      ['a', 'b'],
    );
    assert.equal(doc.inlineCode, doc.inlineCode);
  });

  it('reads CRLF, CR and LF line ends alike', () => {
    for (const end of ['\r\n', '\r', '\n']) {
      const doc = parseMarkdown(['# T', '', '## A', 'text', '| a | b |', '|---|---|', '| 1 | 2 |'].join(end));
      assert.deepEqual(doc.lines, ['# T', '', '## A', 'text', '| a | b |', '|---|---|', '| 1 | 2 |']);
      assert.deepEqual(
        doc.sections.map((s) => [s.heading.text, s.bodyStartLine]),
        [
          ['T', 1],
          ['A', 3],
        ],
      );
      assert.deepEqual(
        doc.tables[0].rows[0].cells.map((c) => [c.text, c.range.start.character, c.range.end.character]),
        [
          ['1', 2, 3],
          ['2', 6, 7],
        ],
      );
    }
  });
});

describe('normalizeHeading', () => {
  const cases: Array<[string, string]> = [
    ['Root Cause', 'root cause'],
    ['3. Root Cause Analysis', 'root cause analysis'],
    ['3) Root Cause:', 'root cause'],
    ['🔍 Root Cause', 'root cause'],
    ['IV. Impact', 'impact'],
    ['Step 2: Diagnosis', 'diagnosis'],
    ['What Went Well & Poorly', 'what went well and poorly'],
    ['  Action   Items  ', 'action items'],
    ["What We've Learned", 'what weve learned'],
    ['Impact', 'impact'],
  ];
  for (const [input, expected] of cases) {
    it(`normalises "${input}" to "${expected}"`, () => assert.equal(normalizeHeading(input), expected));
  }
});

describe('documentView', () => {
  it('computes a view once per document and key, also for a document not made by parseMarkdown', () => {
    let calls = 0;
    const count = () => ++calls;
    const doc = parseMarkdown('# T\n');
    assert.equal(documentView(doc, 'x', count), 1);
    assert.equal(documentView(doc, 'x', count), 1);
    assert.equal(documentView(doc, 'y', count), 2);
    assert.equal(documentView(parseMarkdown('# T\n'), 'x', count), 3);
    const handMade = { ...doc };
    assert.equal(documentView(handMade, 'x', count), 4);
    assert.equal(documentView(handMade, 'x', count), 4);
  });
});

describe('documentIncludes', () => {
  it('finds a marker on any line, also in a document not made by parseMarkdown', () => {
    const doc = parseMarkdown('\uFEFF# T\r\n\r\ntext <!-- c -->\r\n');
    assert.equal(documentIncludes(doc, '<!--'), true);
    assert.equal(documentIncludes(doc, '`'), false);
    const handMade = { ...doc, lines: ['# T', 'a `b`'] };
    assert.equal(documentIncludes(handMade, '`'), true);
    assert.equal(documentIncludes(handMade, '<!--'), false);
  });

  it('leaves a NUL read as U+FFFD and CR line ends as LF, as markdown-it does', () => {
    const doc = parseMarkdown('# A\u0000B\r\rtext\r');
    assert.equal(doc.headings[0].text, 'A\uFFFDB');
    assert.deepEqual(
      doc.sections.map((s) => [s.heading.text, s.bodyStartLine, s.endLine]),
      [['A\uFFFDB', 1, 4]],
    );
  });
});

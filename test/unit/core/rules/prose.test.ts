// The prose view rules search: code spans, comments and link destinations blanked, columns kept.
import * as assert from 'node:assert/strict';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { proseLines } from '../../../../src/core/rules/prose';

/** The prose of a one-line paragraph. */
function prose(line: string): string {
  return proseLines(parseMarkdown(`${line}\n`))[0];
}

describe('proseLines', () => {
  it('blanks code spans of any backtick run, as CommonMark pairs them', () => {
    assert.equal(prose('a `b` c'), 'a     c');
    assert.equal(prose('x ``a ` b`` y'), 'x           y');
    // A run without a closing run of its length is text, but a backtick inside it can still open a span.
    assert.equal(prose('``a` b'), '`    b');
    assert.equal(prose('`` ` no close'), '`    no close');
    assert.equal(prose('a `` b'), 'a `` b');
    assert.equal(prose('`a``b`'), '      ');
  });

  it('blanks link destinations without white space, keeping the brackets', () => {
    assert.equal(prose('see [docs](http://x/y) and [t](a b)'), 'see [docs](          ) and [t](a b)');
    assert.equal(prose('[a](x)[b](yy)'), '[a]( )[b](  )');
  });

  it('keeps every line its length', () => {
    const doc = parseMarkdown('# T\n\nText `code` [l](u) <!-- c -->\n\n```\nblock\n```\n');
    const lines = proseLines(doc);
    assert.deepEqual(
      lines.map((l) => l.length),
      doc.lines.map((l) => l.length),
    );
    assert.equal(lines[2], 'Text        [l]( )           ');
    assert.equal(lines[5], '     ');
  });
});

import * as assert from 'node:assert/strict';
import { escapeListItem, escapeParagraphs, escapeTableCell } from '../../../../src/core/wizard';

describe('escaping wizard text for Markdown', () => {
  it('keeps paragraphs but stops headings, setext underlines, open fences and comments', () => {
    assert.equal(escapeParagraphs('# Title\nText\n---\n\n\n\nMore'), '\\# Title\nText\n\\---\n\nMore');
    assert.equal(escapeParagraphs('```\nopen'), '\\```\nopen');
    assert.equal(escapeParagraphs('```\nkubectl get pods\n```'), '```\nkubectl get pods\n```');
    assert.equal(
      escapeParagraphs('see <!-- incident-workbench-disable PM003 -->'),
      'see &lt;!-- incident-workbench-disable PM003 -->',
    );
    assert.equal(escapeParagraphs('#hashtag is fine'), '#hashtag is fine');
  });

  it('keeps a list item on one line, not a heading, a nested list or a task box', () => {
    assert.equal(escapeListItem('## Big\nfactor'), '\\## Big factor');
    assert.equal(escapeListItem('- nested'), '\\- nested');
    assert.equal(escapeListItem('2. second'), '2\\. second');
    assert.equal(escapeListItem('[x] done'), '\\[x] done');
  });

  it('keeps a table cell on one line with its pipes escaped once', () => {
    assert.equal(escapeTableCell('a | b\nc'), 'a \\| b c');
    assert.equal(escapeTableCell('already \\| escaped'), 'already \\| escaped');
  });
});

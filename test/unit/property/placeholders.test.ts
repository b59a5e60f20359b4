// Property test for the document-level placeholder search: the searches of the whole source that
// skip lines must never skip a placeholder that the per-line search of the prose finds.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseMarkdown } from '../../../src/core/markdown/model';
import { documentPlaceholders, documentReferenceLabels, findPlaceholders } from '../../../src/core/rules/placeholders';
import { proseLines } from '../../../src/core/rules/prose';
import { anyText, RUNS } from './arbitraries';

/** Pieces that placeholders, code spans, comments and links are made of, so they meet in every order. */
const piece: fc.Arbitrary<string> = fc.constantFrom(
  'X',
  'Y',
  'N',
  ' ',
  '%',
  '`',
  '``',
  '<!--',
  '-->',
  '](u)',
  '](a b)',
  '[Name]',
  '[link]: http://x',
  '<name>',
  '<b>',
  'TODO',
  'TBD',
  'YYYY',
  'HH:MM',
  'MM/DD',
  '???',
  'hours',
  'users',
  'a',
  '_',
  '\t',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '\r\n',
  '\n',
  '```\n',
  '    ',
);
const fewPieces = fc.array(piece, { maxLength: 5 }).map((parts) => parts.join(''));
const manyPieces = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

function perLine(text: string): string[] {
  const doc = parseMarkdown(text);
  const refs = documentReferenceLabels(doc);
  return proseLines(doc).map((line) => JSON.stringify(findPlaceholders(line, refs)));
}

describe('property: documentPlaceholders', () => {
  for (const [name, arbitrary] of [
    ['a few placeholder pieces', fewPieces],
    ['many placeholder pieces', manyPieces],
    ['hostile text', anyText],
  ] as const) {
    it(`finds on each prose line what findPlaceholders finds there (${name})`, () => {
      fc.assert(
        fc.property(arbitrary, (text) => {
          const found = documentPlaceholders(parseMarkdown(text)).map((hits) => JSON.stringify(hits));
          assert.deepEqual(found, perLine(text));
        }),
        { numRuns: RUNS * 5 },
      );
    });
  }

  it('finds each form alone in a document (the source search must not rule it out)', () => {
    for (const form of [
      'YYYY-MM-DD',
      'HH:MM',
      'MM/DD',
      'DD/MM',
      'X hours',
      'N users',
      'X%',
      'TODO',
      'TBD',
      'TBC',
      'FIXME',
      'XXX',
      '???',
      '<name>',
      '[Name]',
    ]) {
      assert.deepEqual(
        documentPlaceholders(parseMarkdown(`Left: ${form} now\n`))[0].map((h) => h.text),
        [form],
        form,
      );
    }
  });

  it('finds placeholders next to code spans and comments (the source search must not rule them out)', () => {
    const doc = parseMarkdown('# T\n\nTook X `code` hours, TODO<!-- c --> and [Name]`x`.\n');
    assert.deepEqual(
      documentPlaceholders(doc)[2].map((h) => h.text),
      ['TODO', '[Name]'],
    );
  });
});

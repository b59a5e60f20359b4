// The crash and range corpus found by the property tests: every file in test/fixtures/regressions must
// go through every reader without throwing, and the named inputs below pin the bugs found.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig } from '../../../src/core/config';
import { lintText } from '../../../src/core/lint/lint';
import { parseMarkdown } from '../../../src/core/markdown/model';
import { BUILT_IN_PROFILES } from '../../../src/core/profiles';
import { DOCUMENT_KINDS } from '../../../src/core/profiles/types';
import { parseSloFile } from '../../../src/core/slo';
import { findTagsInFile } from '../../../src/core/tags/grammar';
import { assertRangeInside, linesOf } from './arbitraries';

const CORPUS = path.resolve(__dirname, '../../../..', 'test', 'fixtures', 'regressions');

function problemLines(text: string): string[] {
  return linesOf(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

describe('property regressions', () => {
  describe('corpus: every reader takes every kept input without throwing', () => {
    const files = fs.readdirSync(CORPUS).filter((f) => f !== 'README.md');
    it('has inputs', () => assert.ok(files.length > 0));
    for (const file of files) {
      it(file, () => {
        const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
        parseMarkdown(text);
        for (const profile of BUILT_IN_PROFILES) for (const kind of DOCUMENT_KINDS) lintText(text, kind, profile);
        findTagsInFile(file, text);
        parseConfig(text, file);
        parseSloFile(text, file);
      });
    }
  });

  // BUG (src/core/config/locate.ts, SourceMap.firstLine): it looks for '\n' only, so in a CRLF file a
  // range that runs to the end of a line includes the '\r' (end character = line length + 1).
  // Shared by parseConfig and parseSloFile. Unskip when fixed.
  it('BUG crlf-firstline-slo-empty: parseSloFile("---\\r\\n") reports its warning inside line 0 (end 4 > length 3)', () => {
    const text = '---\r\n';
    for (const p of parseSloFile(text).problems) assertRangeInside(p.range, problemLines(text), p.message);
  });

  it('BUG crlf-firstline-slo-top: parseSloFile of a CRLF short-form file keeps its problems inside their lines', () => {
    const text = fs.readFileSync(path.join(CORPUS, 'slo-crlf-top.yaml'), 'utf8');
    for (const p of parseSloFile(text).problems) assertRangeInside(p.range, problemLines(text), p.message);
  });

  // BUG (src/core/config/parse.ts and src/core/slo/parse.ts with the yaml package): a lone CR is not a
  // line break for `yaml` (nor for its LineCounter), but it is for VS Code and for parseMarkdown. A
  // CR-only file is read as a single line: "---\r" is a document whose value is "\r", and every range
  // lands on line 0 past its end. Unskip when CR is normalised (or rejected with a clear message).
  it('BUG cr-only-config: parseConfig("---\\r") keeps its problem inside line 0 (character 4 > length 3)', () => {
    const text = '---\r';
    for (const p of parseConfig(text, 'c.yaml').problems) assertRangeInside(p.range, problemLines(text), p.message);
  });

  it('BUG cr-only-config-flow: parseConfig("extends: harness\\rrules: [\\r") reads the lone CRs as line breaks, like the same file with LF', () => {
    const text = 'extends: harness\rrules: [\r';
    const { problems } = parseConfig(text, 'c.yaml');
    for (const p of problems) assertRangeInside(p.range, problemLines(text), p.message);
    assert.deepEqual(problems, parseConfig(text.replace(/\r/g, '\n'), 'c.yaml').problems);
    assert.ok(
      problems.length > 0 && problems.every((p) => p.range.start.line >= 1),
      'the unclosed list is reported after line 0, where it starts',
    );
  });

  // Was a bug (src/core/config/locate.ts, SourceMap used yaml's LineCounter; it now counts lines itself): when the yaml lexer swallows a
  // line inside an error token, LineCounter never records that line's start, so every later position
  // is reported one line too high, at a character past that line's end. Found with LF-only text.
  it('BUG linecounter-missed-line-slo: parseSloFile("- \\n$!\\nextends: \\n") reports the ":" on line 2, not line 1 character 10', () => {
    const text = '- \n$!\nextends: \n';
    const { problems } = parseSloFile(text);
    for (const p of problems) assertRangeInside(p.range, problemLines(text), p.message);
    assert.ok(problems.some((p) => p.range.start.line === 2 && p.range.start.character === 7));
  });

  it('BUG linecounter-missed-line-config: parseConfig("\\t- tab\\n!!binary x\\nextends: \\n") keeps every problem inside its line', () => {
    const text = '\t- tab\n!!binary x\nextends: \n';
    for (const p of parseConfig(text, 'c.yaml').problems) assertRangeInside(p.range, problemLines(text), p.message);
  });

  it('CRLF config value ranges are right today (only line-end ranges overshoot)', () => {
    const { problems } = parseConfig('extends: nope\r\nrules:\r\n  PM001: loud\r\n', 'c.yaml');
    assert.deepEqual(
      problems.map((p) => p.range),
      [
        { start: { line: 0, character: 9 }, end: { line: 0, character: 13 } },
        { start: { line: 2, character: 9 }, end: { line: 2, character: 13 } },
      ],
    );
  });

  // Found by the property test: `!!binary` makes a Uint8Array, which was taken for a mapping and
  // crashed parseConfig ("Cannot delete property '0'") instead of reporting the wrong type.
  it('parseConfig and parseSloFile report a !!binary value instead of throwing', () => {
    const text = '!!binary x\n\t- tab\n';
    const { problems, profile } = parseConfig(text, 'c.yaml');
    assert.equal(profile, undefined);
    assert.ok(problems.length > 0);
    for (const p of problems) assertRangeInside(p.range, problemLines(text), p.message);
    for (const p of parseSloFile(text).problems) assertRangeInside(p.range, problemLines(text), p.message);
  });
});

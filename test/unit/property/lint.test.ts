// Property tests for the linter: lintText never throws, under every built-in profile and kind, and its findings are in range and sorted.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintText } from '../../../src/core/lint/lint';
import { parseMarkdown } from '../../../src/core/markdown/model';
import { BUILT_IN_PROFILES } from '../../../src/core/profiles';
import { DOCUMENT_KINDS } from '../../../src/core/profiles/types';
import { anyText, assertRangeInside, RUNS } from './arbitraries';

describe('property: lintText', () => {
  for (const profile of BUILT_IN_PROFILES) {
    for (const kind of DOCUMENT_KINDS) {
      it(`never throws and keeps findings in range and sorted (${profile.name}, ${kind})`, () => {
        fc.assert(
          fc.property(anyText, (text) => {
            const { findings } = lintText(text, kind, profile);
            const lines = parseMarkdown(text).lines;
            for (const f of findings) {
              assertRangeInside(f.range, lines, `${f.ruleId} "${f.message}"`);
              assert.ok(f.message.length > 0, `${f.ruleId} has an empty message`);
            }
            for (let i = 1; i < findings.length; i++) {
              const a = findings[i - 1].range.start;
              const b = findings[i].range.start;
              assert.ok(
                a.line < b.line || (a.line === b.line && a.character <= b.character),
                `findings ${i - 1} and ${i} out of order`,
              );
            }
          }),
          { numRuns: Math.ceil(RUNS / 4) },
        );
      });
    }
  }
});

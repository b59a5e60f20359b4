// Property tests for file names: slugify always gives a single safe path segment, documentPath never leaves the profile folder.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { BUILT_IN_PROFILES } from '../../../src/core/profiles';
import { DOCUMENT_KINDS } from '../../../src/core/profiles/types';
import { assertSafeRelativePath, documentPath } from '../../../src/core/templates/paths';
import { MAX_SLUG_LENGTH, slugify } from '../../../src/core/templates/slug';
import { RUNS } from './arbitraries';

const DEVICE = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?$/i;
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
const title = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: codeUnit, maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '../../etc/passwd',
    '..\\..\\windows',
    '/abs/path',
    'C:\\x',
    'CON',
    'con.txt',
    'Nul',
    'COM1',
    'lpt9',
    'a\u0000b',
    '\u202Eevil',
    'Ωμέγα',
    'Straße',
    '事故',
    '🔥🔥',
    'é'.repeat(300),
    `${'a'.repeat(59)}-b`,
    '.',
    '..',
    '',
    ' ',
  ),
  fc
    .tuple(
      fc.constantFrom('con', 'prn', 'aux', 'nul', 'com1', 'lpt1', '..', '/', '\\'),
      fc.constantFrom('', ' ', '.', '-', '!', '.md'),
    )
    .map(([a, b]) => a + b),
);

describe('property: slugify and documentPath', () => {
  it('slugify always gives a non-empty safe single segment, at most 60 characters (+ "-doc"), never a device name', () => {
    fc.assert(
      fc.property(title, (t) => {
        const slug = slugify(t);
        assert.match(slug, /^[a-z0-9][a-z0-9-]*$/);
        assert.ok(slug.length <= MAX_SLUG_LENGTH + '-doc'.length, `slug of ${slug.length} characters`);
        assert.ok(!DEVICE.test(slug), `device name ${slug}`);
        assert.ok(!slug.endsWith('-') || slug.endsWith('-doc'), 'slug ends with a hyphen');
        assert.equal(slugify(t), slug, 'slugify is deterministic');
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('documentPath for any title, service and failure mode stays a safe path inside the profile folder', () => {
    const pairs = BUILT_IN_PROFILES.flatMap((p) =>
      DOCUMENT_KINDS.filter((k) => p.documents[k]).map((k) => [p, k] as const),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...pairs),
        title,
        title,
        title,
        fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        ([profile, kind], slug, service, failureMode, d) => {
          const date = d.toISOString().slice(0, 10);
          const path = documentPath(profile, kind, { date, slug, service, failureMode });
          assert.doesNotThrow(() => assertSafeRelativePath(path));
          const folder = profile.documents[kind]!.folder.replace(/\/+$/, '');
          assert.ok(path.startsWith(`${folder}/`), `${path} is not in ${folder}/`);
          assert.ok(
            !path
              .slice(folder.length + 1)
              .split('/')
              .some((s) => s === '..' || s === '.' || s === ''),
            `${path} climbs out`,
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});

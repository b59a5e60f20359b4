import * as assert from 'node:assert/strict';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import {
  assertSafeRelativePath,
  documentPath,
  nextFreePath,
  UnsafePathError,
} from '../../../../src/core/templates/paths';
import { MAX_SLUG_LENGTH, slugify } from '../../../../src/core/templates/slug';

const harness = findProfile('harness') as Profile;

describe('slugify', () => {
  const cases: Array<[string, string]> = [
    ['User service timeout', 'user-service-timeout'],
    ['Zürich DC: Straße gesperrt!', 'zurich-dc-strasse-gesperrt'],
    ['  --Payments // crash loop--  ', 'payments-crash-loop'],
    ['../../etc/passwd', 'etc-passwd'],
    ['C:\\Windows\\System32', 'c-windows-system32'],
    ['CON', 'con-doc'],
    ['nul', 'nul-doc'],
    ['a\u0000b', 'a-b'],
    ['Ærø œuvre', 'aero-oeuvre'],
    ['e\u0301te\u0301', 'ete'],
  ];
  for (const [title, slug] of cases)
    it(`makes "${title.split('\u0000').join('\\0')}" into "${slug}"`, () => assert.equal(slugify(title), slug));

  it('gives titles with no Latin letters a stable hashed slug', () => {
    assert.match(slugify('Сбой платежей'), /^incident-[0-9a-f]{8}$/);
    assert.equal(slugify('Сбой платежей'), slugify('Сбой платежей'));
    assert.notEqual(slugify('Сбой платежей'), slugify('支付故障'));
    assert.match(slugify('🔥🔥'), /^incident-[0-9a-f]{8}$/);
    assert.match(slugify('\u202Eevil\u202C'), /^evil$/);
  });

  it('cuts long titles at a word boundary within the limit', () => {
    const slug = slugify('the quick brown fox jumps over the lazy dog '.repeat(5));
    assert.ok(slug.length <= MAX_SLUG_LENGTH);
    assert.ok(!slug.endsWith('-'));
    assert.ok('the quick brown fox jumps over the lazy dog the quick brown fox'.replace(/ /g, '-').startsWith(slug));
  });
});

describe('documentPath', () => {
  it('fills the profile patterns', () => {
    assert.equal(
      documentPath(harness, 'postmortem', { date: '2026-03-15', slug: 'User service timeout' }),
      'docs/postmortems/2026-03-15-user-service-timeout.md',
    );
    assert.equal(
      documentPath(harness, 'runbook', { date: '2026-03-15', service: 'User Service', failureMode: 'DB slow query' }),
      'docs/runbooks/user-service-db-slow-query.md',
    );
    assert.equal(
      documentPath(findProfile('agent') as Profile, 'incident', { date: '2026-03-15', slug: 'x' }),
      '.agent/incidents/INC-2026-03-15-x.md',
    );
    assert.equal(
      documentPath(findProfile('saas') as Profile, 'postmortem', { date: '2026-03-15', slug: 'x' }),
      'docs/spec/.llm/completed/postmortem-2026-03-15-x.md',
    );
  });

  it('never lets a hostile value leave the folder', () => {
    for (const hostile of [
      '../../../etc/passwd',
      '/etc/passwd',
      '..\\..\\boot.ini',
      'a/../../b',
      '\u0000',
      'CON',
      '....//....//x',
    ]) {
      const path = documentPath(harness, 'postmortem', { date: '2026-03-15', slug: hostile });
      assert.ok(path.startsWith('docs/postmortems/2026-03-15-'), path);
      assert.equal(path.split('/').length, 3, path);
      assertSafeRelativePath(path);
    }
  });

  it('refuses a date that is not YYYY-MM-DD and unsafe paths', () => {
    assert.throws(() => documentPath(harness, 'postmortem', { date: '../2026', slug: 'x' }), UnsafePathError);
    for (const bad of ['/abs.md', 'a/../b.md', 'a//b.md', 'a\\b.md', 'C:/x.md', 'docs/CON.md', 'docs/a?.md', '']) {
      assert.throws(() => assertSafeRelativePath(bad), UnsafePathError, bad);
    }
  });

  it('finds the next free name with -2, -3', () => {
    const taken = new Set(['docs/a.md', 'docs/a-2.md']);
    assert.equal(
      nextFreePath('docs/a.md', (p) => taken.has(p)),
      'docs/a-3.md',
    );
    assert.equal(
      nextFreePath('docs/b.md', (p) => taken.has(p)),
      'docs/b.md',
    );
  });
});

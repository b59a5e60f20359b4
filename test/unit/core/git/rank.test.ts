import * as assert from 'node:assert/strict';
import { rankCommits, toWords, type Commit } from '../../../../src/core/git';

let n = 0;
function commit(subject: string, files: string[] = []): Commit {
  n++;
  const hash = n.toString(16).padStart(40, '0');
  return {
    hash,
    shortHash: hash.slice(0, 7),
    parents: ['f'.repeat(40)],
    authorName: 'A',
    authorDate: '2026-03-15T00:00:00.000Z',
    committerDate: '2026-03-15T00:00:00.000Z',
    subject,
    files,
    changes: files.map((path) => ({ status: 'modified' as const, path })),
  };
}
const order = (ranked: ReturnType<typeof rankCommits>) => ranked.map((r) => r.commit.subject);

describe('rankCommits', () => {
  const newest = commit('Bump lodash', ['package.json']);
  const tagged = commit('Tune retries', ['services/payments/retry.ts']);
  const service = commit('Raise pool size', ['services/payments-api/pool.ts']);
  const bySubject = commit('payments api: log slow queries', ['lib/db.ts']);
  const oldest = commit('Fix typo', ['README.md']);
  const inOrder = [newest, tagged, service, bySubject, oldest];

  it('puts commits touching a file with an INCIDENT tag first, then those naming a service, then the rest', () => {
    const ranked = rankCommits(inOrder, { taggedFiles: ['services/payments/retry.ts'], services: ['Payments API'] });
    assert.deepEqual(order(ranked), [
      'Tune retries',
      'Raise pool size',
      'payments api: log slow queries',
      'Bump lodash',
      'Fix typo',
    ]);
    assert.deepEqual(
      ranked.map((r) => r.score),
      [2, 1, 1, 0, 0],
    );
  });

  it('says why each commit was ranked up', () => {
    const ranked = rankCommits(inOrder, { taggedFiles: ['./services/payments/retry.ts'], services: ['payments-api'] });
    assert.deepEqual(ranked[0].reasons, [{ kind: 'tagged-file', file: 'services/payments/retry.ts' }]);
    assert.deepEqual(ranked[1].reasons, [
      { kind: 'service-path', service: 'payments-api', file: 'services/payments-api/pool.ts' },
    ]);
    assert.deepEqual(ranked[2].reasons, [{ kind: 'service-subject', service: 'payments-api' }]);
    assert.deepEqual(ranked[3].reasons, []);
  });

  it('ranks a commit that touches a tagged file and names a service above one that does only one', () => {
    const both = commit('payments-api: retry less', ['services/payments/retry.ts']);
    const ranked = rankCommits([tagged, both], {
      taggedFiles: ['services/payments/retry.ts'],
      services: ['payments-api'],
    });
    assert.deepEqual(order(ranked), ['payments-api: retry less', 'Tune retries']);
    assert.equal(ranked[0].score, 3);
  });

  it('keeps the input order (newest first) when nothing ties commits to the incident', () => {
    assert.deepEqual(
      order(rankCommits(inOrder, { taggedFiles: [], services: [] })),
      inOrder.map((c) => c.subject),
    );
  });

  it('is stable among commits of the same score', () => {
    const a = commit('payments: one', ['x']);
    const b = commit('payments: two', ['y']);
    const c = commit('payments: three', ['z']);
    assert.deepEqual(order(rankCommits([a, newest, b, c], { taggedFiles: [], services: ['payments'] })), [
      'payments: one',
      'payments: two',
      'payments: three',
      'Bump lodash',
    ]);
  });

  it('matches services by whole words, so "pay" does not match "payments" and "api" does not match "rapid"', () => {
    const ranked = rankCommits(
      [commit('rapid fix', ['src/rapid.ts']), commit('payments change', ['services/payments/x.ts'])],
      { taggedFiles: [], services: ['pay', 'api'] },
    );
    assert.deepEqual(
      ranked.map((r) => r.score),
      [0, 0],
    );
  });

  it('matches a file named after the service and the old path of a rename', () => {
    const renamed: Commit = {
      ...commit('Move it', ['old/checkout.ts', 'new/place.ts']),
      changes: [{ status: 'renamed', path: 'new/place.ts', oldPath: 'old/checkout.ts' }],
    };
    const ranked = rankCommits([newest, renamed], { taggedFiles: ['old/checkout.ts'], services: ['checkout'] });
    assert.equal(ranked[0].commit, renamed);
    assert.equal(ranked[0].score, 3);
  });

  it('ignores empty and one-letter service names and windows-style tagged paths still match', () => {
    const ranked = rankCommits([newest, tagged], {
      taggedFiles: ['services\\payments\\retry.ts'],
      services: ['', ' ', 'a'],
    });
    assert.deepEqual(order(ranked), ['Tune retries', 'Bump lodash']);
  });

  it('returns nothing for no commits', () => {
    assert.deepEqual(rankCommits([], { taggedFiles: ['a'], services: ['b'] }), []);
  });
});

describe('toWords', () => {
  it('lower-cases, drops accents and joins words with hyphens', () => {
    assert.equal(toWords('Payments API'), 'payments-api');
    assert.equal(toWords('payments_api.v2'), 'payments-api-v2');
    assert.equal(toWords('  Café  Service '), 'cafe-service');
    assert.equal(toWords('---'), '');
  });
});

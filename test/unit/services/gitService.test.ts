import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { diffUriInfo } from '../../../src/core/git';
import { GitService, type CommitsFound, type CommitsResult } from '../../../src/services/gitService';
import { GitRepository, incidentTagLine, tempFolder } from '../../fixtures/git/gitRepository';

const service = new GitService();
const window = (since: string, until: string) => ({ since: new Date(since), until: new Date(until) });
const found = (result: CommitsResult): CommitsFound => {
  assert.ok(result.available, `expected commits, got: ${result.available ? '' : `${result.code}: ${result.reason}`}`);
  return result;
};
const subjects = (result: CommitsResult) => found(result).commits.map((c) => c.subject);

describe('gitService', () => {
  const cleanup: Array<() => void> = [];
  afterEach(() => {
    cleanup.splice(0).forEach((f) => f());
  });
  const track = <T extends { dispose(): void }>(x: T): T => {
    cleanup.push(() => x.dispose());
    return x;
  };
  const folder = (prefix?: string) => {
    const dir = tempFolder(prefix);
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };

  /** Four commits around an incident on 2026-03-15, one a day. */
  const incidentRepository = () =>
    track(
      GitRepository.withCommits([
        {
          message: 'Add payments service',
          date: '2026-03-13T10:00:00Z',
          files: { 'services/payments/app.ts': 'export {};\n' },
        },
        {
          message: 'Raise connection pool size',
          date: '2026-03-14T09:00:00Z',
          files: { 'services/payments/pool.ts': 'export const size = 50;\n' },
        },
        {
          message: 'Retry failed charges',
          date: '2026-03-15T14:00:00Z',
          author: 'Dana Oncall',
          files: {
            'services/payments/retry.ts': `${incidentTagLine('2026-03-15', 'retries multiplied load')}\nexport {};\n`,
            'README.md': 'payments\n',
          },
        },
        {
          message: 'Write the postmortem',
          date: '2026-03-16T08:00:00Z',
          files: { 'docs/postmortems/2026-03-15-payments.md': '# Postmortem\n' },
        },
      ]),
    );

  describe('commitsInWindow', () => {
    it('lists the commits inside the window, newest first, with hash, author, date, subject and files', async () => {
      const repo = incidentRepository();
      const result = found(
        await service.commitsInWindow(repo.dir, window('2026-03-14T00:00:00Z', '2026-03-15T23:59:59Z')),
      );
      assert.deepEqual(
        result.commits.map((c) => c.subject),
        ['Retry failed charges', 'Raise connection pool size'],
      );
      const [retry] = result.commits;
      assert.equal(retry.hash, repo.git(['rev-parse', 'HEAD~1']).trim());
      assert.equal(retry.shortHash, retry.hash.slice(0, retry.shortHash.length));
      assert.ok(retry.shortHash.length >= 7);
      assert.equal(retry.authorName, 'Dana Oncall');
      assert.equal(retry.authorDate, '2026-03-15T14:00:00.000Z');
      assert.deepEqual([...retry.files].sort(), ['README.md', 'services/payments/retry.ts']);
      assert.deepEqual(
        retry.changes.map((c) => c.status),
        ['added', 'added'],
      );
      assert.equal(result.root, repo.dir);
      assert.equal(result.truncated, false);
      assert.equal(result.shallow, false);
      assert.equal(result.detached, false);
      assert.equal(result.branch, 'main');
    });

    it('includes commits exactly at either end of the window and excludes those a second outside', async () => {
      const repo = incidentRepository();
      assert.deepEqual(
        subjects(await service.commitsInWindow(repo.dir, window('2026-03-14T09:00:00Z', '2026-03-15T14:00:00Z'))),
        ['Retry failed charges', 'Raise connection pool size'],
      );
      assert.deepEqual(
        subjects(await service.commitsInWindow(repo.dir, window('2026-03-14T09:00:01Z', '2026-03-15T13:59:59Z'))),
        [],
      );
      assert.deepEqual(
        subjects(
          await service.commitsInWindow(repo.dir, window('2026-03-14T08:59:59.500Z', '2026-03-14T09:00:00.999Z')),
        ),
        ['Raise connection pool size'],
      );
    });

    it('answers an empty list for a window with no commits', async () => {
      const repo = incidentRepository();
      const result = found(
        await service.commitsInWindow(repo.dir, window('2025-01-01T00:00:00Z', '2025-12-31T23:59:59Z')),
      );
      assert.deepEqual(result.commits, []);
      assert.equal(result.truncated, false);
    });

    it('places a commit by when it was committed, and reports when it was written', async () => {
      const repo = track(
        GitRepository.withCommits([
          { message: 'base', date: '2026-03-01T00:00:00Z' },
          {
            message: 'Cherry-picked hotfix',
            date: '2026-02-20T12:00:00Z',
            committerDate: '2026-03-15T15:30:00Z',
            files: { 'fix.txt': 'fix\n' },
          },
        ]),
      );
      const [commit] = found(
        await service.commitsInWindow(repo.dir, window('2026-03-15T00:00:00Z', '2026-03-16T00:00:00Z')),
      ).commits;
      assert.equal(commit.subject, 'Cherry-picked hotfix');
      assert.equal(commit.authorDate, '2026-02-20T12:00:00.000Z');
      assert.equal(commit.committerDate, '2026-03-15T15:30:00.000Z');
      assert.deepEqual(
        subjects(await service.commitsInWindow(repo.dir, window('2026-02-20T00:00:00Z', '2026-02-21T00:00:00Z'))),
        [],
      );
    });

    it('returns at most maxCount commits, the newest, and says the list was truncated', async () => {
      const repo = track(
        GitRepository.withCommits(
          [1, 2, 3, 4, 5].map((n) => ({ message: `change ${n}`, date: `2026-03-15T0${n}:00:00Z` })),
        ),
      );
      const all = window('2026-03-15T00:00:00Z', '2026-03-15T23:59:59Z');
      const cut = found(await service.commitsInWindow(repo.dir, { ...all, maxCount: 3 }));
      assert.deepEqual(
        cut.commits.map((c) => c.subject),
        ['change 5', 'change 4', 'change 3'],
      );
      assert.equal(cut.truncated, true);
      const exact = found(await service.commitsInWindow(repo.dir, { ...all, maxCount: 5 }));
      assert.equal(exact.commits.length, 5);
      assert.equal(exact.truncated, false);
    });

    it('reads a long history only as far as the window, and returns at most maxCount', async function () {
      this.timeout(60_000);
      const repo = track(GitRepository.init());
      // 10,000 commits, one a minute from 2026-01-01: the window holds the last ten.
      repo.importHistory(10_000, '2026-01-01T00:00:00Z', 60);
      const last = Date.parse('2026-01-01T00:00:00Z') + 9_999 * 60_000;
      const recent = found(
        await service.commitsInWindow(repo.dir, { since: new Date(last - 9 * 60_000), until: new Date(last) }),
      );
      assert.deepEqual(
        recent.commits.map((c) => c.subject),
        Array.from({ length: 10 }, (_, i) => `history ${9_999 - i}`),
      );
      assert.deepEqual(recent.commits[0].files, ['history.txt']);
      assert.equal(recent.truncated, false);
      const everything = found(
        await service.commitsInWindow(repo.dir, window('2000-01-01T00:00:00Z', '2030-01-01T00:00:00Z')),
      );
      assert.equal(everything.commits.length, 200);
      assert.equal(everything.commits[0].subject, 'history 9999');
      assert.equal(everything.truncated, true);
    });

    it('limits the commits to the given paths, taken literally', async () => {
      const repo = incidentRepository();
      repo.commit({
        message: 'Touch a file named like a glob',
        date: '2026-03-15T16:00:00Z',
        files: { 'services/*.ts': 'x\n' },
      });
      const w = window('2026-03-13T00:00:00Z', '2026-03-16T23:59:59Z');
      assert.deepEqual(
        subjects(await service.commitsInWindow(repo.dir, { ...w, paths: ['services/payments/pool.ts'] })),
        ['Raise connection pool size'],
      );
      assert.deepEqual(subjects(await service.commitsInWindow(repo.dir, { ...w, paths: ['services/*.ts'] })), [
        'Touch a file named like a glob',
      ]);
    });

    it('lists renames with both paths, deletions, and a merge with what it brought in', async () => {
      const repo = track(
        GitRepository.withCommits([
          { message: 'base', date: '2026-03-14T00:00:00Z', files: { 'old.ts': 'a\n', 'gone.ts': 'b\n' } },
          {
            message: 'Rename and delete',
            date: '2026-03-15T01:00:00Z',
            files: { 'old.ts': null, 'new.ts': 'a\n', 'gone.ts': null },
          },
        ]),
      );
      repo.git(['checkout', '--quiet', '-b', 'feature']);
      repo.commit({ message: 'Feature work', date: '2026-03-15T02:00:00Z', files: { 'feature.ts': 'f\n' } });
      repo.git(['checkout', '--quiet', 'main']);
      repo.git(['merge', '--quiet', '--no-ff', '--no-verify', '-m', 'Merge feature', 'feature'], {
        env: { GIT_AUTHOR_DATE: '2026-03-15T03:00:00Z', GIT_COMMITTER_DATE: '2026-03-15T03:00:00Z' },
      });
      const commits = found(
        await service.commitsInWindow(repo.dir, window('2026-03-15T00:00:00Z', '2026-03-15T23:59:59Z')),
      ).commits;
      assert.deepEqual(
        commits.map((c) => c.subject),
        ['Merge feature', 'Feature work', 'Rename and delete'],
      );
      assert.deepEqual(commits[0].files, ['feature.ts']);
      assert.equal(commits[0].parents.length, 2);
      const rename = commits[2];
      assert.deepEqual(
        rename.changes.map((c) => ({ ...c })).sort((a, b) => a.path.localeCompare(b.path)),
        [
          { status: 'deleted', path: 'gone.ts' },
          { status: 'renamed', path: 'new.ts', oldPath: 'old.ts' },
        ],
      );
      assert.deepEqual(diffUriInfo(rename, 'new.ts'), {
        left: { path: 'old.ts', ref: `${rename.hash}^1` },
        right: { path: 'new.ts', ref: rename.hash },
        title: `old.ts → new.ts (${rename.shortHash})`,
      });
    });

    it('reads a subfolder of a repository and gives paths relative to the repository root', async () => {
      const repo = incidentRepository();
      const result = found(
        await service.commitsInWindow(
          path.join(repo.dir, 'services', 'payments'),
          window('2026-03-14T00:00:00Z', '2026-03-14T23:59:59Z'),
        ),
      );
      assert.equal(result.root, repo.dir);
      assert.deepEqual(result.commits[0].files, ['services/payments/pool.ts']);
    });

    it('works on a detached HEAD, listing what that commit reaches', async () => {
      const repo = incidentRepository();
      repo.tag('INCIDENT-2026-03-15', 'HEAD~1');
      repo.detach('INCIDENT-2026-03-15');
      const result = found(
        await service.commitsInWindow(repo.dir, window('2026-03-13T00:00:00Z', '2026-03-16T23:59:59Z')),
      );
      assert.equal(result.detached, true);
      assert.equal(result.branch, undefined);
      assert.deepEqual(
        result.commits.map((c) => c.subject),
        ['Retry failed charges', 'Raise connection pool size', 'Add payments service'],
      );
    });

    it('says when the repository is a shallow clone, whose older commits are missing', async () => {
      const repo = incidentRepository();
      const clone = track(repo.shallowClone(1));
      const result = found(
        await service.commitsInWindow(clone.dir, window('2026-03-13T00:00:00Z', '2026-03-16T23:59:59Z')),
      );
      assert.equal(result.shallow, true);
      assert.deepEqual(
        result.commits.map((c) => c.subject),
        ['Write the postmortem'],
      );
      // The boundary commit has no parent to compare with: the whole commit is shown instead of a per-file diff.
      assert.deepEqual(result.commits[0].parents, []);
      assert.equal(diffUriInfo(result.commits[0], 'docs/postmortems/2026-03-15-payments.md'), undefined);
      assert.equal(
        found(await service.commitsInWindow(repo.dir, window('2026-03-13T00:00:00Z', '2026-03-16T23:59:59Z'))).shallow,
        false,
      );
    });

    it('says when the folder is not inside a git repository', async () => {
      const dir = folder('iw-not-a-repo-');
      assert.deepEqual(await service.commitsInWindow(dir, window('2026-03-14T00:00:00Z', '2026-03-15T00:00:00Z')), {
        available: false,
        code: 'not-a-repository',
        reason: 'This folder is not inside a git repository.',
      });
    });

    it('says when the repository has no commits yet', async () => {
      const repo = track(GitRepository.init());
      assert.deepEqual(
        await service.commitsInWindow(repo.dir, window('2026-03-14T00:00:00Z', '2026-03-15T00:00:00Z')),
        {
          available: false,
          code: 'no-commits',
          reason: 'The repository has no commits yet.',
        },
      );
    });

    it('says when the folder does not exist', async () => {
      const dir = path.join(folder(), 'missing');
      const result = await service.commitsInWindow(dir, window('2026-03-14T00:00:00Z', '2026-03-15T00:00:00Z'));
      assert.deepEqual(result, {
        available: false,
        code: 'folder-missing',
        reason: `The folder ${dir} does not exist.`,
      });
    });

    it('says when git is not installed or not on PATH', async () => {
      const repo = incidentRepository();
      const emptyBin = folder('iw-empty-bin-');
      const noGit = new GitService({ env: { PATH: emptyBin } });
      const expected = { available: false, code: 'git-missing', reason: 'Git is not installed or not on PATH.' };
      assert.deepEqual(
        await noGit.commitsInWindow(repo.dir, window('2026-03-14T00:00:00Z', '2026-03-15T00:00:00Z')),
        expected,
      );
      assert.deepEqual(await noGit.showCommit(repo.dir, repo.head()), expected);
    });

    it('stops and answers cancelled when the signal is aborted', async () => {
      const repo = incidentRepository();
      const controller = new AbortController();
      controller.abort();
      const result = await service.commitsInWindow(repo.dir, {
        ...window('2026-03-14T00:00:00Z', '2026-03-15T00:00:00Z'),
        signal: controller.signal,
      });
      assert.deepEqual(result, { available: false, code: 'cancelled', reason: 'Cancelled.' });
    });

    it('rejects a window that ends before it starts, and a maxCount out of range', async () => {
      const repo = incidentRepository();
      await assert.rejects(
        service.commitsInWindow(repo.dir, window('2026-03-15T00:00:00Z', '2026-03-14T00:00:00Z')),
        RangeError,
      );
      await assert.rejects(service.commitsInWindow(repo.dir, window('nonsense', '2026-03-14T00:00:00Z')), RangeError);
      await assert.rejects(
        service.commitsInWindow(repo.dir, { ...window('2026-03-14T00:00:00Z', '2026-03-15T00:00:00Z'), maxCount: 0 }),
        RangeError,
      );
    });
  });

  describe('showCommit', () => {
    it('gives the message, the stat and the patch of one commit', async () => {
      const repo = incidentRepository();
      const hash = repo.git(['rev-parse', 'HEAD~1']).trim();
      const result = await service.showCommit(repo.dir, hash);
      assert.ok(result.available);
      assert.match(result.text, new RegExp(`^commit ${hash}\\n`));
      assert.match(result.text, /Retry failed charges/);
      assert.match(result.text, /\+\/\/ INCIDENT-2026-03-15: retries multiplied load/);
      assert.equal(result.truncated, false);
    });

    it('accepts only an object id, never an option or a revision expression', async () => {
      const repo = incidentRepository();
      for (const bad of ['--output=/tmp/x', 'HEAD', 'main~1', `${repo.head()};rm`]) {
        await assert.rejects(service.showCommit(repo.dir, bad), RangeError, bad);
      }
    });
  });

  describe('in a repository configured to run programs', () => {
    let repo: GitRepository;
    let marker: string;
    let signed: string;
    beforeEach(() => {
      repo = track(
        GitRepository.withCommits([
          { message: 'base', date: '2026-03-14T10:00:00Z', files: { 'app.txt': 'one\n' } },
          { message: 'change', date: '2026-03-15T10:00:00Z', files: { 'app.txt': 'two\n' } },
        ]),
      );
      signed = repo.signedCommit('signed change', '2026-03-15T11:00:00Z');
      marker = path.join(folder('iw-marker-'), 'marker.txt');
      repo.installTraps(marker);
    });

    it('is a real trap: ordinary git commands there run its programs', () => {
      repo.git(['log', '-1']);
      assert.match(readFileSync(marker, 'utf8'), /^gpg /m, 'log.showSignature runs gpg.program');
      rmSync(marker);
      repo.git(['diff', 'HEAD~2', 'HEAD~1']);
      assert.match(readFileSync(marker, 'utf8'), /^(?:external-diff|diff-command) /m, 'the external diff runs');
      rmSync(marker);
      repo.git(['show', 'HEAD~1'], { allowFailure: true });
      assert.match(readFileSync(marker, 'utf8'), /^program /m, 'the textconv runs');
      rmSync(marker);
      repo.git(['status'], { allowFailure: true });
      assert.match(readFileSync(marker, 'utf8'), /^fsmonitor |^hook /m, 'the fsmonitor or an index hook runs');
      rmSync(marker);
    });

    it('runs none of them while listing commits or showing one', async () => {
      const result = found(
        await service.commitsInWindow(repo.dir, window('2026-03-14T00:00:00Z', '2026-03-15T23:59:59Z')),
      );
      assert.deepEqual(
        result.commits.map((c) => c.subject),
        ['signed change', 'change', 'base'],
      );
      for (const hash of [signed, result.commits[1].hash]) {
        const shown = await service.showCommit(repo.dir, hash);
        assert.ok(shown.available, shown.available ? '' : shown.reason);
      }
      const shown = await service.showCommit(repo.dir, result.commits[1].hash);
      assert.ok(
        shown.available && /-one\n\+two/.test(shown.text),
        "the patch is git's own, not a textconv or external diff",
      );
      assert.equal(existsSync(marker), false, existsSync(marker) ? readFileSync(marker, 'utf8') : '');
    });

    it('leaves the repository as it was: no index written, no refs or config changed', async () => {
      const gitDir = path.join(repo.dir, '.git');
      const snapshot = () =>
        ['index', 'HEAD', 'config', 'packed-refs', 'refs/heads/main'].map((f) =>
          existsSync(path.join(gitDir, f)) ? readFileSync(path.join(gitDir, f), 'utf8') : '(none)',
        );
      const before = snapshot();
      found(await service.commitsInWindow(repo.dir, window('2026-03-14T00:00:00Z', '2026-03-15T23:59:59Z')));
      await service.showCommit(repo.dir, signed);
      assert.deepEqual(snapshot(), before);
      assert.equal(existsSync(marker), false);
    });
  });

  it("ignores GIT_DIR and similar variables in the extension's environment", async () => {
    const repo = incidentRepository();
    const other = track(GitRepository.withCommits([{ message: 'elsewhere', date: '2026-03-15T12:00:00Z' }]));
    const saved = process.env.GIT_DIR;
    process.env.GIT_DIR = path.join(other.dir, '.git');
    try {
      assert.deepEqual(
        subjects(await service.commitsInWindow(repo.dir, window('2026-03-15T00:00:00Z', '2026-03-15T23:59:59Z'))),
        ['Retry failed charges'],
      );
    } finally {
      if (saved === undefined) delete process.env.GIT_DIR;
      else process.env.GIT_DIR = saved;
    }
  });

  it('never creates files in the folder it reads', async () => {
    const dir = folder('iw-plain-');
    mkdirSync(path.join(dir, 'sub'));
    await service.commitsInWindow(path.join(dir, 'sub'), window('2026-03-14T00:00:00Z', '2026-03-15T00:00:00Z'));
    assert.equal(existsSync(path.join(dir, 'sub', '.git')), false);
  });
});

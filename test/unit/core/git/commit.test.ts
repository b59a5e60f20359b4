import * as assert from 'node:assert/strict';
import { diffUriInfo, parseLog, type Commit } from '../../../../src/core/git';

const H1 = 'a'.repeat(40);
const H2 = 'b'.repeat(40);
const H3 = 'c'.repeat(40);
const header = (hash: string, parents: string, subject: string) =>
  `\u001e${hash}\u001f${hash.slice(0, 7)}\u001f${parents}\u001fDana\u001f2026-03-15T16:00:00+02:00\u001f2026-03-15T14:05:00Z\u001f${subject}`;

describe('parseLog', () => {
  it('reads headers, statuses and paths of `git log -z --name-status` output', () => {
    const output = [
      header(H1, `${H2} ${H3}`, "Merge branch 'fix'"),
      '\nA',
      'new file.ts',
      'M',
      'src/ü.ts',
      header(H2, H3, 'Rename: a\u001fb'),
      '\nR100',
      'old.ts',
      'new.ts',
      'D',
      'gone.ts',
      'C075',
      'tpl.md',
      'copy.md',
      header(H3, '', 'Initial'),
      '',
    ].join('\u0000');
    const commits = parseLog(output);
    assert.deepEqual(
      commits.map((c) => c.subject),
      ["Merge branch 'fix'", 'Rename: a\u001fb', 'Initial'],
    );
    assert.deepEqual(commits[0].parents, [H2, H3]);
    assert.equal(commits[0].authorDate, '2026-03-15T14:00:00.000Z');
    assert.equal(commits[0].committerDate, '2026-03-15T14:05:00.000Z');
    assert.deepEqual(commits[0].changes, [
      { status: 'added', path: 'new file.ts' },
      { status: 'modified', path: 'src/ü.ts' },
    ]);
    assert.deepEqual(commits[1].changes, [
      { status: 'renamed', path: 'new.ts', oldPath: 'old.ts' },
      { status: 'deleted', path: 'gone.ts' },
      { status: 'copied', path: 'copy.md', oldPath: 'tpl.md' },
    ]);
    assert.deepEqual(commits[1].files, ['old.ts', 'new.ts', 'gone.ts', 'tpl.md', 'copy.md']);
    assert.deepEqual(commits[2].parents, []);
    assert.deepEqual(commits[2].files, []);
  });

  it('never takes a path for a header or a status, whatever it is named', () => {
    const trick = `\u001e${H3}\u001fx`;
    const commits = parseLog([header(H1, H2, 's'), '\nM', trick, 'A', 'M', header(H2, '', 't'), ''].join('\u0000'));
    assert.equal(commits.length, 2);
    assert.deepEqual(commits[0].files, [trick, 'M']);
  });

  it('reads empty output as no commits and skips what it does not recognise', () => {
    assert.deepEqual(parseLog(''), []);
    assert.deepEqual(parseLog('warning: something\n'), []);
  });
});

describe('diffUriInfo', () => {
  const base: Commit = {
    hash: H1,
    shortHash: 'aaaaaaa',
    parents: [H2],
    authorName: 'A',
    authorDate: '',
    committerDate: '',
    subject: 's',
    files: ['m.ts', 'added.ts', 'deleted.ts'],
    changes: [
      { status: 'modified', path: 'm.ts' },
      { status: 'added', path: 'added.ts' },
      { status: 'deleted', path: 'deleted.ts' },
    ],
  };

  it('compares a modified file at the first parent and at the commit', () => {
    assert.deepEqual(diffUriInfo(base, 'm.ts'), {
      left: { path: 'm.ts', ref: `${H1}^1` },
      right: { path: 'm.ts', ref: H1 },
      title: 'm.ts (aaaaaaa)',
    });
  });

  it('leaves out the side where the file does not exist', () => {
    assert.equal(diffUriInfo(base, 'added.ts')?.left, undefined);
    assert.equal(diffUriInfo(base, 'deleted.ts')?.right, undefined);
  });

  it('has no per-file diff for a root commit or a file the commit did not touch', () => {
    assert.equal(diffUriInfo({ ...base, parents: [] }, 'm.ts'), undefined);
    assert.equal(diffUriInfo(base, 'other.ts'), undefined);
  });
});

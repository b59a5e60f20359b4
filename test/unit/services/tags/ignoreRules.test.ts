import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  cleanExcludes,
  expandBraces,
  globsToIgnorePatterns,
  IgnoreRules,
} from '../../../../src/services/tags/ignoreRules';
import {
  findBundledRipgrep,
  findRipgrepOnPath,
  locateRipgrep,
  ripgrepCandidates,
} from '../../../../src/services/tags/ripgrepLocator';
import { ripgrepWalkArgs } from '../../../../src/services/tags/ripgrepTagScanner';

describe('tag scan rules', () => {
  describe('expandBraces', () => {
    it('expands each brace group, nested ones too, and leaves other text alone', () => {
      assert.deepEqual(expandBraces('**/*.{ts,js}'), ['**/*.ts', '**/*.js']);
      assert.deepEqual(expandBraces('{a,b}/{c,d}'), ['a/c', 'a/d', 'b/c', 'b/d']);
      assert.deepEqual(expandBraces('x/{a,{b,c}}'), ['x/a', 'x/b', 'x/c']);
      assert.deepEqual(expandBraces('plain/*.md'), ['plain/*.md']);
      assert.deepEqual(expandBraces('odd{one'), ['odd{one']);
    });
  });

  describe('globsToIgnorePatterns (VS Code excludes)', () => {
    it('keeps **/ patterns, anchors the others to the folder, expands braces, drops negations and blanks', () => {
      assert.deepEqual(
        globsToIgnorePatterns([
          '**/node_modules',
          'docs/generated',
          './out/**',
          '**/*.{min.js,map}',
          '!keep',
          ' ',
          'a\\b',
        ]),
        ['**/node_modules', '/docs/generated', '/out/**', '**/*.min.js', '**/*.map', '/a/b'],
      );
    });
  });

  describe('cleanExcludes', () => {
    it('drops comments, negations and duplicates', () => {
      assert.deepEqual(cleanExcludes(['# note', '!x', 'a/', 'a/', '*.{c,h}']), ['a/', '*.c', '*.h']);
    });
  });

  describe('IgnoreRules', () => {
    let root: string;
    beforeEach(() => {
      root = realpathSync(mkdtempSync(path.join(tmpdir(), 'iw-ignore-')));
      writeFileSync(path.join(root, '.gitignore'), '*.log\n!keep.log\nbuild-*/\n/root-only.ts\n');
      mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
      writeFileSync(path.join(root, 'a', '.gitignore'), '!again.log\nsecret.ts\n');
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('applies the .gitignore files of every folder on the way, deeper ones last, as git does', () => {
      const rules = new IgnoreRules(root);
      const cases: Array<[string, boolean]> = [
        ['x.log', true],
        ['keep.log', false],
        ['a/again.log', false],
        ['a/b/other.log', true],
        ['a/secret.ts', true],
        ['a/b/secret.ts', true],
        ['secret.ts', false],
        ['root-only.ts', true],
        ['a/root-only.ts', false],
        ['build-1/x.ts', true],
        ['build-1', false],
        ['node_modules/x/y.js', true],
        ['a/dist/z.js', true],
        ['a/b/c.ts', false],
      ];
      for (const [rel, ignored] of cases) assert.equal(rules.isIgnored(rel), ignored, rel);
    });

    it('matches case-sensitively, as git and ripgrep do on Linux', () => {
      assert.equal(new IgnoreRules(root).isIgnored('X.LOG'), false);
    });

    it('applies excludes that no negation can undo, and can leave .gitignore out', () => {
      const rules = new IgnoreRules(root, { excludes: ['keep.log', '/a/b/'], useGitignore: false });
      assert.equal(rules.isIgnored('keep.log'), true);
      assert.equal(rules.isIgnored('a/b/c.ts'), true);
      assert.equal(rules.isIgnored('x.log'), false);
    });

    it('rejects paths that leave the root', () => {
      assert.equal(new IgnoreRules(root).isIgnored('../outside.ts'), true);
    });
  });

  describe('ripgrep', () => {
    it('is told to walk what the Node scanner walks', () => {
      const args = ripgrepWalkArgs({ excludes: ['/gen/', '*.{a,b}'], useGitignore: false });
      for (const flag of [
        '--hidden',
        '--no-require-git',
        '--no-ignore-parent',
        '--no-ignore-global',
        '--no-ignore-exclude',
        '--no-ignore-dot',
        '--no-config',
        '--no-ignore-vcs',
      ]) {
        assert.ok(args.includes(flag), flag);
      }
      const globs = args.flatMap((a, i) => (args[i - 1] === '-g' ? [a] : []));
      for (const g of ['!node_modules/', '!.git/', '!dist/', '!build/', '!/gen/', '!*.a', '!*.b'])
        assert.ok(globs.includes(g), g);
    });

    it('is looked for where each VS Code layout keeps it', () => {
      assert.deepEqual(ripgrepCandidates('/app', 'linux', 'x64').slice(0, 3), [
        path.join('/app', 'node_modules', '@vscode', 'ripgrep-universal', 'bin', 'linux-x64', 'rg'),
        path.join('/app', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'),
        path.join('/app', 'node_modules', 'vscode-ripgrep', 'bin', 'rg'),
      ]);
      assert.ok(ripgrepCandidates('C:\\app', 'win32', 'x64')[0].endsWith('rg.exe'));
    });

    it('is found in an @vscode/ripgrep-universal install, and not where there is none', function () {
      if (process.platform === 'win32') this.skip(); // The fake binary relies on the executable bit.
      const appRoot = realpathSync(mkdtempSync(path.join(tmpdir(), 'iw-approot-')));
      try {
        assert.equal(findBundledRipgrep(appRoot), undefined);
        assert.equal(findBundledRipgrep(undefined), undefined);
        const pkg = path.join(appRoot, 'node_modules', '@vscode', 'ripgrep-universal');
        const bin = path.join(pkg, 'bin', `${process.platform}-${process.arch}`, 'rg');
        mkdirSync(path.dirname(bin), { recursive: true });
        writeFileSync(
          path.join(pkg, 'package.json'),
          '{"name":"@vscode/ripgrep-universal","version":"1.18.0","type":"module"}',
        );
        writeFileSync(bin, '#!/bin/sh\necho "ripgrep 15.0.0"\n');
        assert.equal(findBundledRipgrep(appRoot), undefined, 'not executable yet');
        chmodSync(bin, 0o755);
        assert.equal(findBundledRipgrep(appRoot), bin);
      } finally {
        rmSync(appRoot, { recursive: true, force: true });
      }
    });

    it('prefers the bundled ripgrep, then the first executable rg on the PATH', function () {
      if (process.platform === 'win32') this.skip(); // The fake binaries rely on the executable bit.
      const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'iw-rgpath-')));
      try {
        const [empty, notExecutable, first, second] = ['empty', 'plain', 'first', 'second'].map((name) =>
          path.join(root, name),
        );
        for (const folder of [empty, notExecutable, first, second]) mkdirSync(folder);
        writeFileSync(path.join(notExecutable, 'rg'), '#!/bin/sh\n');
        for (const folder of [first, second]) {
          writeFileSync(path.join(folder, 'rg'), '#!/bin/sh\n');
          chmodSync(path.join(folder, 'rg'), 0o755);
        }
        const searchPath = [empty, notExecutable, first, second].join(path.delimiter);
        assert.equal(findRipgrepOnPath(searchPath), path.join(first, 'rg'));
        assert.equal(findRipgrepOnPath(empty), undefined);
        assert.deepEqual(locateRipgrep(path.join(root, 'no-vscode'), searchPath), {
          path: path.join(first, 'rg'),
          source: 'path',
        });
        assert.equal(locateRipgrep(undefined, empty), undefined);
        const bundled = path.join(
          root,
          'app',
          'node_modules',
          '@vscode',
          'ripgrep-universal',
          'bin',
          `${process.platform}-${process.arch}`,
          'rg',
        );
        mkdirSync(path.dirname(bundled), { recursive: true });
        writeFileSync(bundled, '#!/bin/sh\n');
        chmodSync(bundled, 0o755);
        assert.deepEqual(locateRipgrep(path.join(root, 'app'), searchPath), { path: bundled, source: 'bundled' });
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  });
});

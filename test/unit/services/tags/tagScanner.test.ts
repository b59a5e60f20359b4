import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { IgnoreRules } from '../../../../src/services/tags/ignoreRules';
import { findBundledRipgrep, findRipgrepOnPath } from '../../../../src/services/tags/ripgrepLocator';
import { scanTagsWithNode } from '../../../../src/services/tags/nodeTagScanner';
import { scanTagsWithRipgrep } from '../../../../src/services/tags/ripgrepTagScanner';
import { rescanTagFile, scanTags } from '../../../../src/services/tags/tagScanner';
import type { FileTags, TagScanOptions, TagScanResult } from '../../../../src/services/tags/tagScanTypes';
import {
  EXPECTED_STATS,
  EXPECTED_TAGGED,
  SCAN_TREE,
  TEST_EXCLUDES,
  TEST_MAX_FILE_SIZE,
  writeScanTree,
} from '../../../fixtures/tags/scanTree';

const REPO = path.resolve(__dirname, '../../../../..');

/**
 * The ripgrep binaries the parity tests compare with the Node scanner, found through the locator the
 * extension uses: the one bundled in the code-server install the integration tests use (`npm test`
 * installs it first; always checked, and a failure says how to install it when it is missing), the
 * `rg` on the PATH (Debian's, which `npm test` installs) when there is one, and `IW_TEST_RIPGREP` when set.
 */
function ripgrepsToCompare(): { name: string; path: string | undefined; missing: string }[] {
  const appRoot = execFileSync(process.execPath, [path.join(REPO, 'scripts', 'codeServer.mjs'), 'app-root'], {
    encoding: 'utf8',
  }).trim();
  const bundled = findBundledRipgrep(appRoot);
  const onPath = findRipgrepOnPath();
  const list = [
    {
      name: "code-server's bundled ripgrep",
      path: bundled,
      missing: `no ripgrep under ${appRoot}: install code-server with \`node scripts/codeServer.mjs install\` (npm test does it first)`,
    },
  ];
  if (onPath && onPath !== bundled)
    list.push({ name: `the ripgrep on the PATH (${onPath})`, path: onPath, missing: '' });
  const named = process.env.IW_TEST_RIPGREP;
  if (named)
    list.push({
      name: `IW_TEST_RIPGREP (${named})`,
      path: existsSync(named) ? named : undefined,
      missing: `IW_TEST_RIPGREP names ${named}, which does not exist`,
    });
  return list;
}

/** Each tagged file with its tag heads (date and slug) and problem codes. */
function summary(result: Pick<TagScanResult, 'files'>): Record<string, string[]> {
  return Object.fromEntries(
    result.files.map((f) => [
      f.path,
      [...f.tags.map((t) => t.dateText + (t.slug ? ` ${t.slug}` : '')), ...f.problems.map((p) => `problem: ${p.code}`)],
    ]),
  );
}

describe('tag scanners', () => {
  let root: string;
  let options: TagScanOptions;
  beforeEach(() => {
    root = writeScanTree();
    options = { root, maxFileSize: TEST_MAX_FILE_SIZE, excludes: TEST_EXCLUDES };
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  describe('the Node scanner', () => {
    it('finds the tags of every file the rules let through, in path order', async () => {
      const result = await scanTagsWithNode(options);
      assert.equal(result.engine, 'node');
      assert.equal(result.cancelled, false);
      assert.deepEqual(summary(result), EXPECTED_TAGGED);
      assert.deepEqual(
        result.files.map((f) => f.path),
        Object.keys(EXPECTED_TAGGED),
      );
    });

    it('counts the files searched and the binary and too-large files it skipped', async () => {
      assert.deepEqual((await scanTagsWithNode(options)).stats, EXPECTED_STATS);
    });

    it('reports exact ranges, after a byte-order mark and across CRLF line endings', async () => {
      const files = new Map((await scanTagsWithNode(options)).files.map((f) => [f.path, f]));
      const bom = (files.get('bom.ts') as FileTags).tags[0];
      // VS Code drops the byte-order mark from the text, so the tag starts at column 3.
      assert.deepEqual(bom.range, { start: { line: 0, character: 3 }, end: { line: 0, character: 47 } });
      const crlf = (files.get('crlf.py') as FileTags).tags;
      assert.deepEqual(
        crlf.map((t) => [t.range.start.line, t.range.start.character, t.description]),
        [
          [0, 2, 'Windows line endings'],
          [3, 2, 'second'],
        ],
      );
      const page = (files.get('packages/web/src/page.tsx') as FileTags).tags[0];
      assert.deepEqual(page.headRange, { start: { line: 0, character: 35 }, end: { line: 0, character: 65 } });
    });

    it('skips folders named like build output, but not a file named build', async () => {
      const paths = (await scanTagsWithNode(options)).files.map((f) => f.path);
      assert.ok(paths.includes('tools/build'));
      assert.ok(
        !paths.some(
          (p) => p.startsWith('dist/') || p.includes('/build/') || p.includes('node_modules/') || p.startsWith('.git/'),
        ),
      );
    });

    it('counts a file of exactly the size limit as searched and one byte more as too large', async () => {
      writeFileSync(path.join(root, 'edge-ok.txt'), 'x'.repeat(TEST_MAX_FILE_SIZE));
      writeFileSync(path.join(root, 'edge-large.txt'), 'x'.repeat(TEST_MAX_FILE_SIZE + 1));
      const { stats } = await scanTagsWithNode(options);
      assert.deepEqual(stats, {
        ...EXPECTED_STATS,
        filesSearched: EXPECTED_STATS.filesSearched + 1,
        skippedLarge: EXPECTED_STATS.skippedLarge + 1,
      });
    });

    it('reads ignored files when .gitignore is turned off, still skipping build output and dependencies', async () => {
      const paths = (await scanTagsWithNode({ ...options, useGitignore: false })).files.map((f) => f.path);
      for (const p of ['generated.ts', 'debug.log', 'ignored/a.py', 'src/nested/local-a.ts'])
        assert.ok(paths.includes(p), p);
      assert.ok(!paths.includes('dist/bundle.js'));
      assert.ok(!paths.includes('excluded/x.ts'));
    });

    it('reports each file with tags as it is read (partial results), the same files as the result', async () => {
      const seen: string[] = [];
      const result = await scanTagsWithNode({ ...options, onFile: (f) => seen.push(f.path) });
      assert.deepEqual(
        [...seen].sort(),
        result.files.map((f) => f.path),
      );
    });

    it('stops when cancelled and says so, keeping what it found', async () => {
      const controller = new AbortController();
      controller.abort();
      const before = await scanTagsWithNode({ ...options, signal: controller.signal });
      assert.equal(before.cancelled, true);
      assert.deepEqual(before.files, []);
      const during = new AbortController();
      const partial = await scanTagsWithNode({ ...options, signal: during.signal, onFile: () => during.abort() });
      assert.equal(partial.cancelled, true);
      assert.ok(
        partial.files.length >= 1 && partial.files.length < Object.keys(EXPECTED_TAGGED).length,
        String(partial.files.length),
      );
    });

    it('scans only the paths given: a folder with the rules, a named file even when ignored', async () => {
      const result = await scanTagsWithNode({ ...options, paths: ['src', 'generated.ts'] });
      assert.deepEqual(
        result.files.map((f) => f.path),
        ['generated.ts', 'src/app.ts', 'src/generated.ts', 'src/nested/local-keep.ts'],
      );
      // The three src files with tags, src/strings.ts, the nested .gitignore, and generated.ts.
      assert.deepEqual(result.stats, { filesSearched: 6, skippedBinary: 0, skippedLarge: 0 });
    });
  });

  for (const ripgrep of ripgrepsToCompare())
    describe(`parity of ${ripgrep.name} with the Node scanner`, () => {
      let rgPath: string;
      before(() => {
        if (!ripgrep.path) throw new Error(`cannot check parity: ${ripgrep.missing}`);
        rgPath = ripgrep.path;
      });

      it('gives the same files, tags, ranges and counts as the Node scanner', async () => {
        const [node, rg] = [await scanTagsWithNode(options), await scanTagsWithRipgrep(rgPath, options)];
        assert.equal(rg.engine, 'ripgrep');
        assert.deepEqual(summary(rg), EXPECTED_TAGGED);
        assert.deepEqual(rg.files, node.files);
        assert.deepEqual(rg.stats, node.stats);
      });

      it('agrees with .gitignore turned off and with paths given', async () => {
        for (const variant of [{ useGitignore: false }, { paths: ['src', 'generated.ts'] }, { paths: ['packages'] }]) {
          const node = await scanTagsWithNode({ ...options, ...variant });
          const rg = await scanTagsWithRipgrep(rgPath, { ...options, ...variant });
          assert.deepEqual(rg.files, node.files, JSON.stringify(variant));
          assert.deepEqual(rg.stats, node.stats, JSON.stringify(variant));
        }
      });

      it('agrees on the sample workspace with the default size limit and no excludes', async () => {
        const sample = path.resolve(__dirname, '../../../../../examples/acme-shop');
        const node = await scanTagsWithNode({ root: sample });
        const rg = await scanTagsWithRipgrep(rgPath, { root: sample });
        assert.deepEqual(summary(node), {
          'services/payment-service/app/webhooks.py': ['2026-03-20 payment-service-crashloop'],
          'services/user-service/src/preferences.ts': ['2026-03-15'],
        });
        assert.deepEqual(rg.files, node.files);
        assert.deepEqual(rg.stats, node.stats);
      });

      it('reports partial results and stops when cancelled', async () => {
        const seen: string[] = [];
        const full = await scanTagsWithRipgrep(rgPath, { ...options, onFile: (f) => seen.push(f.path) });
        assert.deepEqual(
          [...seen].sort(),
          full.files.map((f) => f.path),
        );
        const controller = new AbortController();
        controller.abort();
        const cancelled = await scanTagsWithRipgrep(rgPath, { ...options, signal: controller.signal });
        assert.equal(cancelled.cancelled, true);
      });
    });

  describe('scanTags (engine choice)', () => {
    it('falls back to the Node scanner when ripgrep cannot run, and says why', async () => {
      const result = await scanTags({ ...options, engine: 'auto', rgPath: path.join(root, 'no-such-rg') });
      assert.equal(result.engine, 'node');
      assert.match(result.fallbackReason ?? '', /could not run/);
      assert.deepEqual(summary(result), EXPECTED_TAGGED);
    });

    it('uses the Node scanner when asked, or when no ripgrep is given', async () => {
      assert.equal((await scanTags({ ...options, engine: 'node', rgPath: path.join(root, 'any-rg') })).engine, 'node');
      assert.equal((await scanTags(options)).engine, 'node');
    });
  });

  describe('rescanTagFile (incremental update)', () => {
    it('reads one changed file from disk, or the editor text when given', async () => {
      const rules = new IgnoreRules(root, { excludes: TEST_EXCLUDES });
      const fromDisk = await rescanTagFile(root, 'src/app.ts', { ignoreRules: rules, maxFileSize: TEST_MAX_FILE_SIZE });
      assert.equal(fromDisk.status, 'tags');
      const edited = await rescanTagFile(root, 'src/app.ts', {
        ignoreRules: rules,
        text: '\n\n\n// INCIDENT-2026-04-01 db: moved down\n',
      });
      assert.ok(edited.status === 'tags');
      assert.deepEqual(
        edited.file.tags.map((t) => [t.range.start.line, t.slug, t.description]),
        [[3, 'db', 'moved down']],
      );
      assert.equal(
        (await rescanTagFile(root, 'src/app.ts', { ignoreRules: rules, text: 'export {};\n' })).status,
        'text',
      );
    });

    it('leaves out ignored, excluded and skipped-folder files, and finds deleted ones unreadable', async () => {
      const rules = new IgnoreRules(root, { excludes: TEST_EXCLUDES });
      for (const rel of [
        'debug.log',
        'ignored/a.py',
        'src/nested/local-a.ts',
        'excluded/x.ts',
        'src/app.min.js',
        'node_modules/pkg/index.js',
        'packages/web/build/out.js',
        'generated.ts',
      ]) {
        assert.equal((await rescanTagFile(root, rel, { ignoreRules: rules })).status, 'ignored', rel);
      }
      rmSync(path.join(root, 'src', 'app.ts'));
      assert.equal((await rescanTagFile(root, 'src/app.ts', { ignoreRules: rules })).status, 'unreadable');
    });

    it('agrees with the full scan on every file of the tree', async () => {
      const rules = new IgnoreRules(root, { excludes: TEST_EXCLUDES });
      const scanned = new Map((await scanTagsWithNode(options)).files.map((f) => [f.path, f]));
      for (const rel of Object.keys(SCAN_TREE)) {
        const result = await rescanTagFile(root, rel, { ignoreRules: rules, maxFileSize: TEST_MAX_FILE_SIZE });
        assert.deepEqual(result.status === 'tags' ? result.file : undefined, scanned.get(rel), rel);
      }
    });

    it('sees a changed .gitignore after forget()', async () => {
      const rules = new IgnoreRules(root);
      assert.equal(rules.isIgnored('src/app.ts'), false);
      mkdirSync(path.join(root, 'src'), { recursive: true });
      writeFileSync(path.join(root, 'src', '.gitignore'), 'app.ts\n');
      assert.equal(rules.isIgnored('src/app.ts'), false, 'cached until forgotten');
      rules.forget('src');
      assert.equal(rules.isIgnored('src/app.ts'), true);
    });
  });
});

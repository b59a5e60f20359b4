// The npm package CI installs: what `npm pack` holds (the `files` list), its size, and a real install of the tarball that needs no dependency.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Bytes of every file under `dir`. */
function duBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const full = path.join(dir, e.name);
    return sum + (e.isDirectory() ? duBytes(full) : e.isFile() ? statSync(full).size : 0);
  }, 0);
}

describe('the npm package (npm pack, then npm install of the tarball)', () => {
  let work: string;
  let tarball: string;
  let packed: { size: number; files: Array<{ path: string }> };
  before(function () {
    this.timeout(240_000);
    work = mkdtempSync(path.join(tmpdir(), 'iw-pack-'));
    // npm pack runs `prepare`: the production build, as a git-URL install does too.
    const json = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    packed = JSON.parse(json.slice(json.indexOf('[')))[0];
    tarball = path.join(work, (packed as unknown as { filename: string }).filename);
  });
  after(function () {
    this.timeout(60_000);
    rmSync(work, { recursive: true, force: true });
    // Put back the development build (with source maps) that the other tests expect.
    spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root });
  });

  it('declares no runtime dependency: the bundles in dist/ carry what they use', () => {
    assert.deepEqual(Object.keys(manifest.dependencies ?? {}), []);
  });

  it('holds the bundles, schema, docs and media, and no sources, tests or source maps', () => {
    const files = packed.files.map((f) => f.path);
    for (const needed of [
      'dist/cli.js',
      'dist/extension.js',
      'dist/heavy.js',
      'dist/incident-workbench.schema.json',
      'docs/ci.md',
      'docs/rules/PM001.md',
      'package.json',
      'README.md',
      'LICENSE',
    ])
      assert.ok(files.includes(needed), needed);
    assert.deepEqual(
      files.filter((f) => /^(src|test|out|bench|scripts|examples)\/|\.map$|\.ts$/.test(f)),
      [],
    );
  });

  it('stays within budget: tarball at most 1 MB', () => {
    assert.ok(packed.size <= 1024 * 1024, `${(packed.size / 1024).toFixed(0)} KiB`);
  });

  it('installs with no dependency (at most 5 MB in all) and the CLI runs', function () {
    this.timeout(120_000);
    const app = path.join(work, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(path.join(app, 'package.json'), '{"name":"app","version":"1.0.0","private":true}\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', tarball], { cwd: app, stdio: 'ignore' });
    const modules = path.join(app, 'node_modules');
    assert.deepEqual(
      readdirSync(modules).filter((n) => !n.startsWith('.')),
      ['incident-workbench'],
    );
    const bytes = duBytes(modules);
    assert.ok(bytes <= 5 * 1024 * 1024, `${(bytes / 1024 / 1024).toFixed(1)} MB installed`);
    const version = execFileSync(path.join(modules, '.bin', 'incident-workbench'), ['--version'], {
      encoding: 'utf8',
    }).trim();
    assert.equal(version, manifest.version);
  });
});

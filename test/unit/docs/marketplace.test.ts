// What the Marketplace and VS Code read from the package: engines against the API the code uses, the gallery fields, and the .vsix contents (from `vsce ls`).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** `[major, minor]` of the lowest version a range such as `^1.90.0` allows. */
function floor(range: string): [number, number] {
  const m = /^[\^~>=]*\s*(\d+)\.(\d+)/.exec(range);
  assert.ok(m, `a version range: ${range}`);
  return [Number(m[1]), Number(m[2])];
}
const atLeast = (a: [number, number], b: [number, number]) => a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]);

/** Every .ts file under `dir`. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? tsFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** APIs newer than VS Code 1.60 that the code may use, and the release that finalised each. */
const API_VERSIONS: ReadonlyArray<{ api: string; pattern: RegExp; version: [number, number] }> = [
  { api: 'QuickPickItemKind.Separator', pattern: /QuickPickItemKind\.Separator/, version: [1, 64] },
  { api: 'vscode.l10n', pattern: /vscode\.l10n\./, version: [1, 73] },
  {
    api: 'LogOutputChannel (createOutputChannel with { log: true })',
    pattern: /createOutputChannel\([^)]*\{\s*log:\s*true/,
    version: [1, 74],
  },
  { api: 'InputBoxValidationSeverity', pattern: /InputBoxValidationSeverity/, version: [1, 76] },
  { api: 'MarkdownString.isTrusted with enabledCommands', pattern: /enabledCommands/, version: [1, 77] },
];

describe('the Marketplace manifest', () => {
  const engine = floor(manifest.engines.vscode);

  it('declares an engines.vscode that @types/vscode (declared and installed) is not newer than, as vsce requires', () => {
    const declared = floor(manifest.devDependencies['@types/vscode']);
    assert.ok(
      atLeast(engine, declared),
      `@types/vscode ${manifest.devDependencies['@types/vscode']} is newer than engines.vscode ${manifest.engines.vscode}`,
    );
    const installed = JSON.parse(
      readFileSync(path.join(root, 'node_modules', '@types', 'vscode', 'package.json'), 'utf8'),
    ).version as string;
    assert.ok(
      atLeast(engine, floor(installed)),
      `the installed @types/vscode ${installed} offers API newer than engines.vscode ${manifest.engines.vscode}`,
    );
  });

  it('declares an engines.vscode no older than the newest API the code uses', () => {
    const sources = [path.join(root, 'src', 'extension.ts'), ...tsFiles(path.join(root, 'src', 'features'))]
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const used = API_VERSIONS.filter((a) => a.pattern.test(sources));
    assert.ok(
      used.some((a) => a.api === 'vscode.l10n'),
      'the table sees the code',
    );
    for (const a of used) assert.ok(atLeast(engine, a.version), `${a.api} needs VS Code ${a.version.join('.')}`);
  });

  it('has an icon, a gallery banner, categories, keywords and a license, and the README screenshots exist', () => {
    assert.ok(
      existsSync(path.join(root, manifest.icon)) && manifest.icon.endsWith('.png'),
      'a PNG icon (the Marketplace rejects SVG)',
    );
    assert.match(manifest.galleryBanner.color, /^#[0-9A-Fa-f]{6}$/);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
    assert.ok(manifest.categories.length > 0 && manifest.keywords.length > 0 && manifest.keywords.length <= 30);
    assert.equal(manifest.license, 'MIT');
    assert.ok(existsSync(path.join(root, 'LICENSE')));
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length > 0, 'the README shows screenshots');
    for (const image of images) {
      assert.ok(!/^https?:/.test(image), `${image} is packaged, not fetched`);
      assert.ok(existsSync(path.join(root, image)), image);
    }
  });

  it('names repository, bugs and homepage consistently when it names a repository', function () {
    if (!manifest.repository) this.skip(); // The project has no public repository URL yet; package.mjs then passes --allow-missing-repository.
    const url = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository.url;
    assert.match(url, /^https:\/\//);
    assert.ok(manifest.bugs?.url && manifest.homepage, 'bugs.url and homepage');
  });
});

describe('the .vsix contents (vsce ls)', () => {
  let files: string[] = [];
  before(function () {
    this.timeout(120_000);
    const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    const result = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    files = result.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  });

  it('holds only what users need', () => {
    const allowed =
      /^(dist\/(web\/)?[\w.-]+\.(js|json)|media\/[\w./-]+\.(png|jpg|svg|css|js)|snippets\/[\w.-]+|docs\/rules\/\w+\.md|docs\/ci\.md|l10n\/[\w.-]+\.json|package\.json|package\.nls(\.[\w-]+)?\.json|README\.md|CHANGELOG\.md|LICENSE|SECURITY\.md)$/;
    assert.deepEqual(
      files.filter((f) => !allowed.test(f)),
      [],
    );
    assert.deepEqual(
      files.filter((f) => /^(src|test|out|bench|node_modules|scripts|examples|\.ci)\/|\.map$|\.ts$/.test(f)),
      [],
    );
  });

  it('holds everything the manifest points at', () => {
    const walkthroughMedia = (
      manifest.contributes.walkthroughs as Array<{ steps: Array<{ media: { svg?: string; image?: string } }> }>
    ).flatMap((w) => w.steps.map((s) => s.media.svg ?? s.media.image ?? ''));
    const needed = [
      manifest.main.replace(/^\.\//, ''),
      // The web extension's bundle; the CLI (manifest.bin) is the npm package's, not the .vsix's (#22: size).
      manifest.browser.replace(/^\.\//, ''),
      manifest.icon,
      'package.nls.json',
      'l10n/bundle.l10n.json',
      'docs/ci.md',
      ...manifest.contributes.yamlValidation.map((v: { url: string }) => v.url.replace(/^\.\//, '')),
      ...manifest.contributes.snippets.map((s: { path: string }) => s.path.replace(/^\.\//, '')),
      ...walkthroughMedia,
    ];
    for (const file of needed) assert.ok(files.includes(file), file);
  });

  it('stays under 1 MB: the real .vsix of vsce package, which runs vscode:prepublish (the production build)', function () {
    this.timeout(180_000);
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'iw-vsix-')), 'incident-workbench.vsix');
    const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    try {
      const result = spawnSync(
        process.execPath,
        [
          vsce,
          'package',
          '--no-dependencies',
          '--allow-missing-repository',
          '--no-rewrite-relative-links',
          '--out',
          out,
        ],
        { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      assert.equal(result.status, 0, result.stderr);
      const bytes = statSync(out).size;
      assert.ok(bytes < 1024 * 1024, `${(bytes / 1024).toFixed(0)} KiB`);
    } finally {
      rmSync(path.dirname(out), { recursive: true, force: true });
      // Put back the development build (with source maps) that the other tests and the debugger expect.
      spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root });
    }
  });
});

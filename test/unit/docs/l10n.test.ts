// The runtime strings bundle (l10n/bundle.l10n.json): generated from the vscode.l10n.t calls of src/, and no user-visible literal left outside them.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Every .ts file under `dir`. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? tsFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('runtime strings (vscode.l10n)', () => {
  it('points the manifest at the l10n folder, which is packaged', () => {
    assert.equal(manifest.l10n, './l10n');
    assert.ok(
      (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).files as string[]).includes('l10n/*.json'),
    );
  });

  it('ships l10n/bundle.l10n.json exactly as @vscode/l10n-dev exports it from src/ (run `npm run l10n` after changing a string)', function () {
    this.timeout(120_000);
    const out = mkdtempSync(path.join(tmpdir(), 'iw-l10n-'));
    try {
      const cli = path.join(root, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
      const result = spawnSync(process.execPath, [cli, 'export', '--outDir', out, path.join(root, 'src')], {
        encoding: 'utf8',
      });
      assert.equal(result.status, 0, result.stderr);
      const exported = JSON.parse(readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8'));
      const committed = JSON.parse(readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8'));
      assert.deepEqual(committed, exported);
      assert.equal(committed['Choose a rule to read its documentation'], 'Choose a rule to read its documentation');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('passes only string literals to vscode.l10n.t, so that the export finds every message', () => {
    const bad = tsFiles(path.join(root, 'src')).flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      return [...source.matchAll(/l10n\.t\(\s*([^'"\s])/g)].map((m) => `${path.relative(root, file)}: l10n.t(${m[1]}…`);
    });
    assert.deepEqual(bad, []);
  });

  it('sends messages, prompts and pickers of src/features through vscode.l10n.t, not as English literals', () => {
    // The first argument of these calls and these option fields is what the user reads.
    const literal =
      /(?:show(?:Information|Warning|Error)Message|setStatusBarMessage)\(\s*['`"]|\b(?:title|prompt|placeHolder|placeholder|tooltip|message):\s*['`"][A-Za-z]/g;
    // inputs.ts is pure (no vscode) so that it can move to core, whose messages stay English.
    const exempt = new Set([path.join(root, 'src', 'features', 'authoring', 'inputs.ts')]);
    const found = tsFiles(path.join(root, 'src', 'features'))
      .filter((f) => !exempt.has(f))
      .flatMap((file) => {
        const source = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\/?\*).*$/gm, '');
        return [...source.matchAll(literal)].map(
          (m) => `${path.relative(root, file)}:${source.slice(0, m.index).split('\n').length}: ${m[0]}`,
        );
      });
    assert.deepEqual(found, []);
  });
});

// Packages the extension into incident-workbench-<version>.vsix in the repository root with vsce (vscode:prepublish bundles dist/ first) and prints its size and contents.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const vsixName = `${manifest.name}-${manifest.version}.vsix`;
const vsce = join(repoRoot, 'node_modules', '.bin', 'vsce');

const args = [
  'package',
  '--no-dependencies', // esbuild bundles everything into dist/, so node_modules stays out of the .vsix
  '--out',
  vsixName,
];
if (!manifest.repository) {
  // Without a repository vsce cannot turn README.md's relative links into absolute ones; they stay
  // relative, which VS Code resolves inside the installed extension (media/** is packaged).
  args.push('--allow-missing-repository', '--no-rewrite-relative-links');
}
if (!existsSync(join(repoRoot, 'LICENSE'))) {
  console.warn('warning: no LICENSE file; packaging without one');
  args.push('--skip-license');
}

console.log(`> vsce ${args.join(' ')}`);
// stdin is closed so that vsce can never wait for an answer to a prompt.
const result = spawnSync(vsce, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
if (result.error) throw result.error;
if (result.status !== 0) {
  console.error(`vsce package failed (exit ${result.status})`);
  process.exit(result.status ?? 1);
}

const vsixPath = join(repoRoot, vsixName);
const kib = (statSync(vsixPath).size / 1024).toFixed(1);
console.log(`${vsixName}: ${kib} KiB`);

// Bundles the extension and the CLI with esbuild into dist/ (pass --production to minify).
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { __VERSION__: JSON.stringify(version) },
};

await Promise.all([
  build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);

// The configuration file's JSON Schema, generated from the zod schema, for contributes.yamlValidation.
const { execFileSync } = await import('node:child_process');
const { writeFileSync } = await import('node:fs');
writeFileSync('dist/incident-workbench.schema.json', execFileSync(process.execPath, ['dist/cli.js', 'schema'], { encoding: 'utf8' }));
// The Markdown snippets, generated from the profiles (a unit test checks the committed file is current).
writeFileSync('snippets/incident-workbench.code-snippets', execFileSync(process.execPath, ['dist/cli.js', 'snippets'], { encoding: 'utf8' }));

// The compiled sources (out/src, from `npx tsc -p .`) as the benchmarks load them.
/* global process, console */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Loads out/src/<rel>; exits 2 with the command to run when it has not been compiled. */
export function requireOut(rel) {
  const file = join(repoRoot, 'out', 'src', rel);
  if (!existsSync(file)) {
    console.error(`bench: ${file} is missing; compile first with \`npx tsc -p .\``);
    process.exit(2);
  }
  return require(file);
}

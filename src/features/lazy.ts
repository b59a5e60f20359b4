// Loads the heavy half of the extension (dist/heavy.js, built from ./heavy.ts) on first use, so activation compiles only the thin half.
import type * as Heavy from './heavy';

let loaded: typeof Heavy | undefined;

/**
 * The heavy module: Markdown, YAML, zod, simple-git and the features built on them. The first call
 * `require`s it (synchronously, ~100 ms); later calls return the same module. Never call it at module
 * top level: only from code that runs after `activate` has started.
 * `./heavy` resolves to dist/heavy.js next to dist/extension.js (scripts/build.mjs keeps it external),
 * and to out/src/features/heavy.js when running the compiled tree.
 */
export function heavy(): typeof Heavy {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('./heavy') as typeof Heavy;
  return loaded;
}

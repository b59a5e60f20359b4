// Which paths a tag scan leaves out (ignoreMatch.ts), with the `.gitignore` files read from disk.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { GitignoreRules, gitignoreLevel, type GitignoreLevel, type IgnoreRulesOptions } from './ignoreMatch';

export * from './ignoreMatch';

/** Reads `<absoluteDir>/.gitignore` into rules; undefined when there is none or it cannot be read. */
export function loadGitignore(absoluteDir: string, base: string): GitignoreLevel | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(absoluteDir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return gitignoreLevel(text, base);
}

/**
 * The ignore rules of one scan root on disk, for questions about single paths (incremental
 * updates): each folder's `.gitignore` is read once and kept until `forget` is called.
 */
export class IgnoreRules extends GitignoreRules {
  constructor(root: string, options: IgnoreRulesOptions = {}) {
    super(options, (dir) => loadGitignore(path.join(root, dir), dir));
  }
}

// The web extension's ignore rules (scripts/build.mjs swaps this in for services/tags/ignoreRules.ts): the same
// matching (services/tags/ignoreMatch.ts), with the `.gitignore` texts the workspace scan read (./tagScanner.ts)
// rather than files read from disk.
import { GitignoreRules, gitignoreLevel, type IgnoreRulesOptions } from '../../services/tags/ignoreMatch';

export * from '../../services/tags/ignoreMatch';

/** The `.gitignore` texts of each scanned root, by folder relative to it ('' for the root). */
const gitignores = new Map<string, ReadonlyMap<string, string>>();

/** Keeps the `.gitignore` texts a scan of `root` found, for the rules of that root. */
export function rememberGitignores(root: string, texts: ReadonlyMap<string, string>): void {
  gitignores.set(root, texts);
}

/** The ignore rules of one scan root, with the `.gitignore` texts its last scan read. */
export class IgnoreRules extends GitignoreRules {
  constructor(root: string, options: IgnoreRulesOptions = {}) {
    super(options, (dir) => {
      const text = gitignores.get(root)?.get(dir);
      return text === undefined ? undefined : gitignoreLevel(text, dir);
    });
  }
}

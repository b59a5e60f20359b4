// The web extension has no ripgrep to run (scripts/build.mjs swaps this in for services/tags/ripgrepLocator.ts): tag
// scans use the workspace scan (./tagScanner.ts).
import type * as NodeLocator from '../../services/tags/ripgrepLocator';

export function locateRipgrep(..._args: Parameters<typeof NodeLocator.locateRipgrep>): undefined {
  return undefined;
}

export function ripgrepVersion(_rgPath: string): Promise<string | undefined> {
  return Promise.resolve(undefined);
}

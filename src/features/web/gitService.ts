// The web extension's git service (scripts/build.mjs swaps it in for services/gitService.ts): a virtual workspace and
// the browser have no git to run, so every question gets the same answer, in the user's words.
import type * as NodeGit from '../../services/gitService';
import type { CommitsOptions, CommitsResult, GitUnavailable, ShowResult } from '../../services/gitService';
import { notAvailableHere } from './roots';

export type { CommitsOptions, CommitsResult, GitUnavailable, ShowResult } from '../../services/gitService';

/** Why no commit can be read here. */
function unavailable(): GitUnavailable {
  return { available: false, code: 'not-available', reason: notAvailableHere('Commit correlation (git history)') };
}

/** Answers every query with `not-available`. */
export const gitService = {
  commitsInWindow(_repoRoot: string, _options: CommitsOptions): Promise<CommitsResult> {
    return Promise.resolve(unavailable());
  },
  showCommit(_repoRoot: string, _hash: string, _options?: { signal?: AbortSignal }): Promise<ShowResult> {
    return Promise.resolve(unavailable());
  },
};

export function commitsInWindow(repoRoot: string, options: CommitsOptions): Promise<CommitsResult> {
  return gitService.commitsInWindow(repoRoot, options);
}

export function templateCommitsInWindow(
  _root: string,
  _since: Date,
  _until: Date,
): ReturnType<typeof NodeGit.templateCommitsInWindow> {
  return Promise.resolve({ unavailable: unavailable().reason });
}

({ commitsInWindow, templateCommitsInWindow }) satisfies Pick<
  typeof NodeGit,
  'commitsInWindow' | 'templateCommitsInWindow'
>;

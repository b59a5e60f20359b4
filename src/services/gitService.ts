// Reads commits from a repository with simple-git, read-only, without running any program the repository configures.
import { promises as fs } from 'node:fs';
import { GitPluginError, simpleGit, type SimpleGit } from 'simple-git';
import { checkWindow, LOG_FORMAT, parseLog, type Commit } from '../core/git';

/** Why commits could not be read, as a stable code next to the user-facing reason. */
export type GitUnavailableCode =
  | 'git-missing'
  | 'folder-missing'
  | 'not-a-repository'
  | 'no-commits'
  | 'unsafe-repository'
  | 'cancelled'
  | 'timeout'
  | 'failed'
  /** No git here: a virtual workspace (github.dev) or the web extension host. */
  | 'not-available';

/** Commit correlation is unavailable; `reason` says why in the user's words. */
export interface GitUnavailable {
  readonly available: false;
  readonly code: GitUnavailableCode;
  /** One or two sentences for the user, e.g. "This folder is not inside a git repository." */
  readonly reason: string;
}

/** The commits of a window. */
export interface CommitsFound {
  readonly available: true;
  /** The repository's top-level folder; the commits' paths are relative to it. */
  readonly root: string;
  /** Newest first, at most `maxCount`. */
  readonly commits: Commit[];
  /** More commits than `maxCount` fell in the window; only the newest are listed. */
  readonly truncated: boolean;
  /** The repository is a shallow clone: commits older than its depth are missing. */
  readonly shallow: boolean;
  /** HEAD is detached (a checked-out commit or tag rather than a branch). */
  readonly detached: boolean;
  /** The checked-out branch, when HEAD is on one. */
  readonly branch: string | undefined;
}

/** What `commitsInWindow` answers. */
export type CommitsResult = CommitsFound | GitUnavailable;

/** The window and limits of a query. */
export interface CommitsOptions {
  /** Start of the window (inclusive), compared with each commit's committer date. */
  readonly since: Date;
  /** End of the window (inclusive). */
  readonly until: Date;
  /** The most commits returned, 1 to 10,000; default 200. More in the window sets `truncated`. */
  readonly maxCount?: number;
  /** Only commits touching these paths (relative to the repository root, taken literally, no globs). */
  readonly paths?: readonly string[];
  /** Stops git when aborted; the result is then `cancelled`. */
  readonly signal?: AbortSignal;
}

/** The text of one commit (`git show`), for a read-only document. */
export type ShowResult =
  { readonly available: true; readonly text: string; readonly truncated: boolean } | GitUnavailable;

/** How the service runs git; the defaults suit the editor and the CLI. */
export interface GitServiceOptions {
  /** The git executable; default `git`, looked up on PATH. */
  readonly binary?: string;
  /** Environment variables to set or override for git (tests use `PATH`); undefined values remove one. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Kill git when it prints nothing for this long; default 30,000 ms. */
  readonly timeoutMs?: number;
}

/** The default number of commits listed. */
export const DEFAULT_MAX_COUNT = 200;
/** The most commits one query may ask for. */
export const MAX_COUNT_LIMIT = 10_000;
/** `git show` output beyond this many characters is cut off. */
export const SHOW_MAX_CHARS = 1_000_000;

/** Variables passed through to git from the extension's environment; everything else (GIT_DIR, PAGER, ...) is dropped. */
const PASSED_ENV = new Set([
  'path',
  'pathext',
  'systemroot',
  'windir',
  'comspec',
  'home',
  'userprofile',
  'homedrive',
  'homepath',
  'appdata',
  'localappdata',
  'temp',
  'tmp',
  'tmpdir',
  'xdg_config_home',
]);

/**
 * Set for every git run. English messages, so failures can be recognised; no system-wide
 * configuration; no credential prompts; no optional index lock or refresh, so reading never
 * writes; pathspecs are literal; a partial clone never fetches missing objects.
 */
const FIXED_ENV: Readonly<Record<string, string>> = {
  LC_ALL: 'C',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
  GIT_OPTIONAL_LOCKS: '0',
  GIT_LITERAL_PATHSPECS: '1',
  GIT_NO_LAZY_FETCH: '1',
};

/**
 * `-c` settings for every git run, overriding the repository's own: no hooks, no file-system
 * monitor program, no signature verification program, no transport (so no ssh, proxy or
 * credential helper), no colour. simple-git refuses some of these keys by default because a
 * caller could point them at a program; here they only ever switch programs off.
 */
const SAFE_CONFIG = [
  'core.hooksPath=/dev/null',
  'core.fsmonitor=false',
  'log.showSignature=false',
  'protocol.allow=never',
  'color.ui=false',
  'core.quotePath=false',
];

/** Flags for the commands that could produce a diff: no external diff program, no textconv filter, no gpg. */
const NO_PROGRAMS = ['--no-color', '--no-ext-diff', '--no-textconv', '--no-show-signature'];

/** Reads commits from git repositories; never writes to them and never runs their configured programs. */
export class GitService {
  constructor(private readonly options: GitServiceOptions = {}) {}

  /**
   * The commits reachable from HEAD whose committer date falls between `since` and `until`
   * (when the change landed: a cherry-pick or rebase counts when it was applied), newest
   * first, each with the files it touched; merges list what they brought in from their first
   * parent. git stops walking history at `since`, so a huge history costs only the window.
   * Throws RangeError for an invalid window or `maxCount`; every git problem is a result.
   */
  async commitsInWindow(repoRoot: string, options: CommitsOptions): Promise<CommitsResult> {
    const problem = checkWindow(options);
    if (problem) throw new RangeError(problem);
    const maxCount = options.maxCount ?? DEFAULT_MAX_COUNT;
    if (!Number.isInteger(maxCount) || maxCount < 1 || maxCount > MAX_COUNT_LIMIT) {
      throw new RangeError(`maxCount must be a whole number from 1 to ${MAX_COUNT_LIMIT}, not ${maxCount}.`);
    }
    const opened = await this.open(repoRoot, options.signal);
    if (!opened.available) return opened;
    const { git, root, shallow } = opened;
    try {
      const branch = (await git.raw(['symbolic-ref', '--quiet', '--short', 'HEAD'])).trim();
      const args = [
        '--no-pager',
        'log',
        '-z',
        '--name-status',
        `--format=${LOG_FORMAT}`,
        ...NO_PROGRAMS,
        `--since=@${Math.ceil(options.since.getTime() / 1000)}`,
        `--until=@${Math.floor(options.until.getTime() / 1000)}`,
        `--max-count=${maxCount + 1}`,
        'HEAD',
        '--',
        ...(options.paths ?? []),
      ];
      const commits = parseLog(await rawWithMergeDiffs(git, args));
      return {
        available: true,
        root,
        commits: commits.slice(0, maxCount),
        truncated: commits.length > maxCount,
        shallow,
        detached: branch.length === 0,
        branch: branch.length > 0 ? branch : undefined,
      };
    } catch (e) {
      return this.unavailable(e, options.signal);
    }
  }

  /** The text of `git show` for one commit (message, stat and patch), cut off after `SHOW_MAX_CHARS`. */
  async showCommit(repoRoot: string, hash: string, options: { signal?: AbortSignal } = {}): Promise<ShowResult> {
    // Only an object id: never something git could read as an option or a revision expression.
    if (!/^[0-9a-f]{4,64}$/i.test(hash)) throw new RangeError(`Not a commit id: ${hash}`);
    const opened = await this.open(repoRoot, options.signal);
    if (!opened.available) return opened;
    try {
      const text = await rawWithMergeDiffs(opened.git, [
        '--no-pager',
        'show',
        ...NO_PROGRAMS,
        '--format=fuller',
        '--stat',
        '--patch',
        hash,
        '--',
      ]);
      const truncated = text.length > SHOW_MAX_CHARS;
      return {
        available: true,
        text: truncated
          ? `${text.slice(0, SHOW_MAX_CHARS)}\n\n[Cut off after ${SHOW_MAX_CHARS.toLocaleString('en-US')} characters.]\n`
          : text,
        truncated,
      };
    } catch (e) {
      return this.unavailable(e, options.signal);
    }
  }

  /** Checks that `repoRoot` is a folder inside a repository with at least one commit. */
  private async open(
    repoRoot: string,
    signal: AbortSignal | undefined,
  ): Promise<{ available: true; git: SimpleGit; root: string; shallow: boolean } | GitUnavailable> {
    try {
      if (!(await fs.stat(repoRoot)).isDirectory())
        return unavailable('folder-missing', `${repoRoot} is not a folder.`);
    } catch {
      return unavailable('folder-missing', `The folder ${repoRoot} does not exist.`);
    }
    const git = this.client(repoRoot, signal);
    try {
      const [root, shallow] = (await git.raw(['rev-parse', '--show-toplevel', '--is-shallow-repository'])).split('\n');
      if (!root)
        return unavailable(
          'not-a-repository',
          'This folder is not inside a git working tree (it may be a bare repository or a .git folder).',
        );
      // Exit status 1 without a message when HEAD does not resolve: an unborn branch.
      const head = (await git.raw(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])).trim();
      if (!head) return unavailable('no-commits', 'The repository has no commits yet.');
      return { available: true, git, root, shallow: shallow?.trim() === 'true' };
    } catch (e) {
      return this.unavailable(e, signal);
    }
  }

  private client(baseDir: string, signal: AbortSignal | undefined): SimpleGit {
    return simpleGit({
      baseDir,
      binary: this.options.binary ?? 'git',
      maxConcurrentProcesses: 2,
      trimmed: false,
      config: SAFE_CONFIG,
      timeout: { block: this.options.timeoutMs ?? 30_000 },
      ...(signal ? { abort: signal } : {}),
      allowEnvironment: Object.keys(FIXED_ENV).filter((k) => k.startsWith('GIT_')),
      unsafe: { allowUnsafeHooksPath: true, allowUnsafeFsMonitor: true, allowUnsafeProtocolOverride: true },
    }).env(this.environment());
  }

  /** The extension's PATH, home and temp folders, the fixed variables, then the caller's overrides. */
  private environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && PASSED_ENV.has(key.toLowerCase())) env[key] = value;
    }
    Object.assign(env, FIXED_ENV);
    for (const [key, value] of Object.entries(this.options.env ?? {})) {
      // An override replaces a passed variable whatever its case (Windows has `Path`).
      for (const existing of Object.keys(env)) if (existing.toLowerCase() === key.toLowerCase()) delete env[existing];
      if (value !== undefined) env[key] = value;
    }
    return env;
  }

  private unavailable(e: unknown, signal: AbortSignal | undefined): GitUnavailable {
    if (signal?.aborted) return unavailable('cancelled', 'Cancelled.');
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof GitPluginError && e.plugin === 'abort') return unavailable('cancelled', 'Cancelled.');
    if (e instanceof GitPluginError && e.plugin === 'timeout') {
      return unavailable(
        'timeout',
        `Git stopped answering for ${Math.round((this.options.timeoutMs ?? 30_000) / 1000)} seconds and was stopped.`,
      );
    }
    // simple-git reports a failed spawn as a GitError whose message is the spawn error's text.
    if (/\bspawn \S+ ENOENT\b/.test(message)) return unavailable('git-missing', 'Git is not installed or not on PATH.');
    if (/\bspawn \S+ (?:EACCES|EPERM)\b/.test(message))
      return unavailable('git-missing', 'Git could not be started: the git program on PATH is not executable.');
    if (/not a git repository/i.test(message))
      return unavailable('not-a-repository', 'This folder is not inside a git repository.');
    if (/dubious ownership|safe\.directory/i.test(message)) {
      return unavailable(
        'unsafe-repository',
        "Git refuses to read this repository because another user owns it (see git's safe.directory setting).",
      );
    }
    if (
      /does not have any commits yet|unknown revision or path not in the working tree.*HEAD|bad default revision 'HEAD'/is.test(
        message,
      )
    ) {
      return unavailable('no-commits', 'The repository has no commits yet.');
    }
    const firstLine =
      message
        .split('\n')
        .map((l) => l.trim())
        .find((l) => l.length > 0) ?? 'unknown error';
    return unavailable('failed', `Git failed: ${firstLine.replace(/^fatal:\s*/, '')}`);
  }
}

/**
 * Runs a log or show command listing merges against their first parent; git older than
 * 2.31 does not know `--diff-merges`, and then merges are listed without files.
 */
async function rawWithMergeDiffs(git: SimpleGit, args: string[]): Promise<string> {
  const at = args.indexOf('-z') >= 0 ? args.indexOf('-z') : args.indexOf('--format=fuller');
  const withMerges = [...args.slice(0, at), '--diff-merges=first-parent', ...args.slice(at)];
  try {
    return await git.raw(withMerges);
  } catch (e) {
    if (e instanceof Error && /diff-merges/.test(e.message) && /unrecognized|unknown/i.test(e.message))
      return git.raw(args);
    throw e;
  }
}

function unavailable(code: GitUnavailableCode, reason: string): GitUnavailable {
  return { available: false, code, reason };
}

/** The service with default options, for the CLI and the editor. */
export const gitService = new GitService();

/** `gitService.commitsInWindow`: the commits of HEAD committed between `since` and `until`. */
export function commitsInWindow(repoRoot: string, options: CommitsOptions): Promise<CommitsResult> {
  return gitService.commitsInWindow(repoRoot, options);
}

/**
 * The commits of an incident window as a new document lists them, or why they cannot be
 * listed (the shape the `new` command and New Postmortem take).
 */
export async function templateCommitsInWindow(
  root: string,
  since: Date,
  until: Date,
): Promise<
  { commits: Array<{ shortHash: string; date: string; subject: string; author: string }> } | { unavailable: string }
> {
  const result = await commitsInWindow(root, { since, until, maxCount: 50 });
  if (!result.available) return { unavailable: result.reason };
  return {
    commits: result.commits.map((c) => ({
      shortHash: c.shortHash,
      date: c.authorDate,
      subject: c.subject,
      author: c.authorName,
    })),
  };
}

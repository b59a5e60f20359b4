// What `lint`'s arguments name: files, folders, quoted globs and `!` exclusions, expanded by the CLI, less what .gitignore and the configuration's `ignores:` leave out.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import { escapePath, glob, isDynamicPattern } from 'tinyglobby';
import { toPosix } from '../core';
import { SKIPPED_FOLDERS, isDirectory } from '../services/fileSystemService';
import { UsageError } from './common';

/** One file to lint. */
export interface LintTarget {
  /** The path as the user would type it: relative to the current folder for what was found, as given for a file named outright. */
  readonly file: string;
  /** Named outright: always linted, whatever its folder, .gitignore or `ignores:` say. */
  readonly explicit: boolean;
}

/** The files `lint`'s arguments name, and what was left out. */
export interface ResolvedTargets {
  readonly targets: readonly LintTarget[];
  /** Whether `-` asked for a document on standard input. */
  readonly stdin: boolean;
  /** Markdown files under the folders and globs that .gitignore or `ignores:` left out. */
  readonly ignored: number;
  /** Globs that matched no file (said on stderr, not an error by themselves). */
  readonly emptyGlobs: readonly string[];
}

const MARKDOWN = /\.(?:md|markdown)$/i;

/**
 * Expands `args` (positionals of `lint`, never empty: `.` when none) from `cwd`. A path that exists
 * is a file or a folder; otherwise a word with glob characters is a glob; `!glob` excludes what it
 * matches from the folders and globs; `-` is standard input. Folders and globs yield Markdown files
 * only, skip dependency and build folders, and leave out what the `.gitignore` files between `root`
 * and the file and the `ignores` patterns (relative to `root`) ignore. Throws `UsageError` for a
 * path that neither exists nor is a glob.
 */
export async function resolveLintTargets(
  args: readonly string[],
  options: { cwd: string; root: string; ignores?: readonly string[] },
): Promise<ResolvedTargets> {
  const { cwd, root } = options;
  const negations = args.filter((a) => a.startsWith('!') && a.length > 1).map((a) => a.slice(1));
  const positives = args.filter((a) => !(a.startsWith('!') && a.length > 1));
  const skip = [...SKIPPED_FOLDERS].map((name) => `**/${name}/**`);
  const left = leftOut(root, options.ignores ?? []);
  const seen = new Set<string>();
  const targets: LintTarget[] = [];
  const emptyGlobs: string[] = [];
  let stdin = false;
  let ignored = 0;
  const add = (file: string, explicit: boolean) => {
    const key = path.resolve(cwd, file);
    if (seen.has(key)) return;
    seen.add(key);
    targets.push({ file: toPosix(file), explicit });
  };
  for (const arg of positives) {
    if (arg === '-') {
      stdin = true;
      continue;
    }
    const absolute = path.resolve(cwd, arg);
    const folder = await isDirectory(absolute);
    if (!folder && existsSync(absolute)) {
      add(arg, true);
      continue;
    }
    if (!folder && !isDynamicPattern(arg)) throw new UsageError(`${arg}: no such file or folder.`);
    // A folder is the glob of the Markdown files under it; the pattern keeps the user's spelling of the path.
    const base = folder ? escapePath(toPosix(arg).replace(/\/+$/, '') || '.') : '';
    const pattern = folder ? `${base === '.' ? '' : `${base}/`}**/*.{md,markdown}` : toPosix(arg);
    const matches = (
      await glob([pattern], {
        cwd,
        ignore: [...skip, ...negations],
        dot: true,
        onlyFiles: true,
        followSymbolicLinks: false,
        expandDirectories: false,
      })
    )
      .filter((f) => MARKDOWN.test(f))
      .sort(byPath);
    if (!folder && matches.length === 0) emptyGlobs.push(arg);
    for (const match of matches) {
      const file = arg.startsWith('./') && !match.startsWith('./') ? `./${match}` : match;
      if (left(path.resolve(cwd, match))) ignored++;
      else add(folder && path.isAbsolute(arg) ? path.resolve(cwd, match) : file, false);
    }
  }
  return { targets, stdin, ignored, emptyGlobs };
}

/** Orders paths by their segments, names compared at each level, as the folder walk did. */
function byPath(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

/**
 * Whether an absolute path is left out by the `.gitignore` files from `root` down to its folder
 * (a deeper file overriding a higher one, `!` re-including, as git does) or by `ignores`.
 * Paths outside `root` are never left out.
 */
export function leftOut(root: string, ignores: readonly string[]): (absolute: string) => boolean {
  const configured = ignores.length > 0 ? ignore({ ignorecase: false }).add([...ignores]) : undefined;
  const levels = new Map<string, ReturnType<typeof ignore> | null>();
  const level = (dir: string) => {
    if (!levels.has(dir)) {
      let rules: ReturnType<typeof ignore> | null = null;
      try {
        rules = ignore({ ignorecase: false }).add(readFileSync(path.join(root, dir, '.gitignore'), 'utf8'));
      } catch {
        rules = null;
      }
      levels.set(dir, rules);
    }
    return levels.get(dir) ?? undefined;
  };
  return (absolute) => {
    const rel = toPosix(path.relative(root, absolute));
    if (!rel || rel.startsWith('../') || path.isAbsolute(rel)) return false;
    if (configured?.ignores(rel)) return true;
    const parts = rel.split('/');
    let out = false;
    // Each folder's .gitignore tests the path below it, and its folders too: git does not look inside an ignored folder.
    for (let depth = 0; depth < parts.length; depth++) {
      const dir = parts.slice(0, depth).join('/');
      const rules = level(dir);
      if (!rules) continue;
      const rest = parts.slice(depth);
      for (let k = 1; k <= rest.length; k++) {
        const sub = rest.slice(0, k).join('/') + (k < rest.length ? '/' : '');
        const result = rules.test(sub);
        if (result.ignored) out = true;
        else if (result.unignored) out = false;
        if (out && k < rest.length) return true;
      }
    }
    return out;
  };
}

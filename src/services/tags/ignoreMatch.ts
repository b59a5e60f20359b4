// Which paths a tag scan leaves out: skipped folders, excludes and .gitignore files, with git's precedence. No Node
// import here: the web extension's workspace scan uses the same rules (ignoreRules.ts reads .gitignore files from disk).
import ignore from 'ignore';
import { SKIPPED_FOLDERS } from '../skippedFolders';

/** A set of .gitignore rules (the `ignore` package's manager; the same type in its versions 5 to 7). */
type Ignore = ReturnType<typeof ignore>;

/** The rules of one `.gitignore` file and the folder (relative to the root, '' for the root) it sits in. */
export interface GitignoreLevel {
  readonly base: string;
  readonly rules: Ignore;
}

/** The rules of a `.gitignore` file's text, for the folder `base` (relative to the root, '' for the root). */
export function gitignoreLevel(text: string, base: string): GitignoreLevel {
  // Git and ripgrep match case-sensitively; the package's default is not to.
  return { base, rules: ignore({ ignorecase: false }).add(text) };
}

/**
 * Whether the `.gitignore` files of `chain` (the root's first, the deepest last) ignore
 * `relativePath`. A deeper file overrides a higher one, and a later pattern an earlier one,
 * so `!keep.log` below `*.log` keeps the file, as in git.
 */
export function ignoredBy(chain: readonly GitignoreLevel[], relativePath: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const { base, rules } of chain) {
    if (base && !relativePath.startsWith(`${base}/`)) continue;
    const sub = base ? relativePath.slice(base.length + 1) : relativePath;
    const result = rules.test(isDirectory ? `${sub}/` : sub);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

/** The excludes as one set of rules; negated patterns are dropped, since an exclude only ever excludes. */
export function excludeRules(excludes: readonly string[]): Ignore | undefined {
  const patterns = cleanExcludes(excludes);
  return patterns.length > 0 ? ignore({ ignorecase: false }).add(patterns) : undefined;
}

/** Excludes without blanks, comments and negations, braces expanded: what both engines receive. */
export function cleanExcludes(excludes: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of excludes) {
    const pattern = raw.trim();
    if (!pattern || pattern.startsWith('#') || pattern.startsWith('!')) continue;
    for (const expanded of expandBraces(pattern)) if (!out.includes(expanded)) out.push(expanded);
  }
  return out;
}

/** `a/{b,c}/*.{ts,js}` → the four patterns it stands for; text without braces is returned as is. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      if (commas.length === 0) return expandBraces(pattern.slice(i + 1)).map((rest) => pattern.slice(0, i + 1) + rest);
      const head = pattern.slice(0, open);
      const tail = pattern.slice(i + 1);
      const bounds = [open, ...commas, i];
      const options = bounds.slice(0, -1).map((b, k) => pattern.slice(b + 1, bounds[k + 1]));
      return options.flatMap((option) => expandBraces(head + option + tail));
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  return [pattern];
}

/**
 * VS Code glob patterns (`files.exclude`, `search.exclude`, the tags exclude setting) as
 * `.gitignore` patterns relative to the workspace folder: a pattern that starts with `**` and
 * a slash stays as it is, anything else is anchored to the folder (VS Code matches `docs/gen`
 * only there); braces are expanded.
 */
export function globsToIgnorePatterns(globs: readonly string[]): string[] {
  const out: string[] = [];
  for (const glob of globs) {
    for (let pattern of expandBraces(glob.trim().replace(/\\/g, '/'))) {
      if (!pattern || pattern.startsWith('!')) continue;
      pattern = pattern.replace(/^\.\//, '');
      if (!pattern.startsWith('**/') && !pattern.startsWith('/')) pattern = `/${pattern}`;
      if (!out.includes(pattern)) out.push(pattern);
    }
  }
  return out;
}

/** Whether a folder with this name is never walked (dependencies, version control, build output). */
export function isSkippedFolder(name: string): boolean {
  return SKIPPED_FOLDERS.has(name);
}

/** What `IgnoreRules` needs. */
export interface IgnoreRulesOptions {
  readonly useGitignore?: boolean;
  readonly excludes?: readonly string[];
}

/**
 * The ignore rules of one scan root, for questions about single paths (incremental updates):
 * each folder's `.gitignore` is read once and kept until `forget` is called.
 */
export class GitignoreRules {
  private readonly levels = new Map<string, GitignoreLevel | undefined>();
  private readonly excludes: Ignore | undefined;
  private readonly useGitignore: boolean;

  /** `load` gives the rules of the `.gitignore` in a folder (relative to the root, '' for the root), if it has one. */
  constructor(
    options: IgnoreRulesOptions,
    private readonly load: (folder: string) => GitignoreLevel | undefined,
  ) {
    this.useGitignore = options.useGitignore ?? true;
    this.excludes = excludeRules(options.excludes ?? []);
  }

  /** Whether the file at `relativePath` (forward slashes, relative to the root) is left out of scans. */
  isIgnored(relativePath: string): boolean {
    const parts = relativePath.split('/').filter((p) => p && p !== '.');
    if (parts.length === 0 || parts.includes('..')) return true;
    const chain: GitignoreLevel[] = [];
    let dir = '';
    this.addLevel(chain, dir);
    for (let i = 0; i < parts.length; i++) {
      const rel = parts.slice(0, i + 1).join('/');
      const isDirectory = i < parts.length - 1;
      if (isDirectory && isSkippedFolder(parts[i])) return true;
      if (this.excludes?.ignores(isDirectory ? `${rel}/` : rel)) return true;
      if (ignoredBy(chain, rel, isDirectory)) return true;
      if (isDirectory) {
        dir = rel;
        this.addLevel(chain, dir);
      }
    }
    return false;
  }

  /** Drops the cached `.gitignore` of `folder` (relative; all folders when omitted), after it changed. */
  forget(folder?: string): void {
    if (folder === undefined) this.levels.clear();
    else this.levels.delete(folder);
  }

  private addLevel(chain: GitignoreLevel[], dir: string): void {
    if (!this.useGitignore) return;
    if (!this.levels.has(dir)) this.levels.set(dir, this.load(dir));
    const level = this.levels.get(dir);
    if (level) chain.push(level);
  }
}

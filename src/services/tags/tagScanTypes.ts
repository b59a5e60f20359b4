// The contract of the workspace tag scanners (ripgrep and Node): options, partial results, skipped-file counts.
import type { IncidentTag, TagProblem } from '../../core/tags';

/** Files larger than this are skipped unless the options say otherwise: 1 MiB. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/** What to scan and how. */
export interface TagScanOptions {
  /** The folder to scan, absolute. Paths, `.gitignore` files and excludes are relative to it. */
  readonly root: string;
  /**
   * Files or folders inside `root` (relative to it) to scan instead of all of it. A file named
   * here is read even when ignored; a folder is walked with the ignore rules.
   */
  readonly paths?: readonly string[];
  /** Files larger than this many bytes are skipped and counted. Default `DEFAULT_MAX_FILE_SIZE`. */
  readonly maxFileSize?: number;
  /**
   * More paths to leave out, as `.gitignore` patterns relative to `root` (`/generated/`,
   * `*.min.js`, `fixtures/`). Negations (`!x`) are not allowed here and are dropped.
   */
  readonly excludes?: readonly string[];
  /** Whether `.gitignore` files at and below `root` are respected. Default true. */
  readonly useGitignore?: boolean;
  /** Stops the scan; the result then says `cancelled` and holds what was found so far. */
  readonly signal?: AbortSignal;
  /** Called for each file with tags or tag problems as soon as it has been read: partial results. */
  readonly onFile?: (file: FileTags) => void;
}

/** The tags and tag problems of one file. */
export interface FileTags {
  /** Relative to the scan's root, with forward slashes. */
  readonly path: string;
  /** In document order. */
  readonly tags: readonly IncidentTag[];
  /** In document order. */
  readonly problems: readonly TagProblem[];
}

/** How many files a scan read and skipped. */
export interface TagScanStats {
  /** Text files read (not skipped as binary or too large). */
  readonly filesSearched: number;
  /** Files skipped because they contain a NUL byte. */
  readonly skippedBinary: number;
  /** Files skipped because they are larger than `maxFileSize`. */
  readonly skippedLarge: number;
}

/** The engines that can scan a workspace. */
/** The engines that can scan a workspace (`workspace`: the web extension's, through vscode.workspace.fs). */
export type TagScanEngine = 'ripgrep' | 'node' | 'workspace';

/** The outcome of a workspace scan. */
export interface TagScanResult {
  readonly engine: TagScanEngine;
  /** Files with tags or tag problems, sorted by path. */
  readonly files: readonly FileTags[];
  readonly stats: TagScanStats;
  /** True when the scan was stopped through its signal; `files` and `stats` are then partial. */
  readonly cancelled: boolean;
  readonly durationMs: number;
}

/** Sorts files by path, in code-unit order (the same on every platform and engine). */
export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

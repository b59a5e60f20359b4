// Finds and reads `.incident-workbench.yaml` (and the severity matrix it may bring) from disk, size-bounded, and hands their text to core.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  CONFIG_FILE_NAMES,
  MAX_CONFIG_BYTES,
  parseConfig,
  type ConfigProblem,
  type ParseConfigOptions,
} from '../core/config';
import { range } from '../core/markdown/position';
import type { Profile } from '../core/profiles/types';
import { applySeverityMatrix, parseSeverityMatrix } from '../core/config/severityMatrix';
import { exists, findUpwards, isDirectory, isFile } from './fileSystemService';

/** A configuration file read from disk. */
export interface LoadedConfig {
  /** The file, as given to `loadConfigFile` or as found (absolute when found by a search). */
  readonly path: string;
  /** The folder that holds the file: the folders named in it are relative to this one. */
  readonly root: string;
  /** The resolved profile; undefined when any problem is an error (keep the last good one). */
  readonly profile?: Profile;
  /** Problems in the file, 0-based positions; a file that cannot be read has one error at 0:0. */
  readonly problems: readonly ConfigProblem[];
}

/**
 * The configuration file directly in `folder` (a workspace root): `.incident-workbench.yaml`,
 * else `.incident-workbench.yml`; undefined when neither is a file.
 */
export async function findConfigFile(folder: string): Promise<string | undefined> {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = path.join(folder, name);
    if (await isFile(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The nearest configuration file at or above `start` (a file or a folder), for the CLI:
 * looks in `start`'s folder, then each parent, and stops after the first folder that holds
 * `.git` (the repository root) or at the file-system root. Returns an absolute path.
 */
export async function findConfigFileUpwards(start: string): Promise<string | undefined> {
  return findUpwards(start, findConfigFile);
}

/** The workspace a command runs in: its root folder, and the configuration file there when there is one. */
export interface WorkspaceRoot {
  /** Absolute folder: the configuration file's, else the repository's (the one holding `.git`), else the fallback (the current folder). */
  readonly root: string;
  /** The configuration file directly in `root`, absolute; undefined when there is none. */
  readonly configFile?: string;
  /** How the root was found. */
  readonly by: 'config' | 'git' | 'fallback';
}

/**
 * Finds the workspace root once for a command started at `start` (a file or folder): the nearest
 * folder at or above it that holds `.incident-workbench.yaml` (or `.yml`), else the nearest that
 * holds `.git`, else `fallback` (the current folder). Configuration, slo.yaml, tags and documents are all
 * resolved from it, so every command gives the same results from any sub-folder.
 */
export async function findWorkspaceRoot(start: string, fallback: string = process.cwd()): Promise<WorkspaceRoot> {
  let dir = path.resolve(start);
  if (!(await isDirectory(dir))) dir = path.dirname(dir);
  let git: string | undefined;
  for (;;) {
    const configFile = await findConfigFile(dir);
    if (configFile) return { root: dir, configFile, by: 'config' };
    if (git === undefined && (await exists(path.join(dir, '.git')))) {
      // A configuration file above the repository root is not this repository's.
      git = dir;
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return git !== undefined ? { root: git, by: 'git' } : { root: path.resolve(fallback), by: 'fallback' };
}

/**
 * Reads and resolves the configuration file at `file` (the CLI's `--config FILE`, or a file
 * found by the functions above). Never throws for a bad or unreadable file: the problems say
 * what is wrong. Files over `MAX_CONFIG_BYTES` are refused without being read whole.
 */
export async function loadConfigFile(file: string, options: ParseConfigOptions = {}): Promise<LoadedConfig> {
  const root = path.dirname(path.resolve(file));
  const name = path.basename(file);
  const read = await readBounded(file);
  if ('problem' in read) {
    return { path: file, root, problems: [{ severity: 'error', range: range(0, 0, 0, 0), message: read.problem }] };
  }
  const result = parseConfig(read.text, name, options);
  const problems = [...result.problems];
  const shadowed = CONFIG_FILE_NAMES.slice(CONFIG_FILE_NAMES.indexOf(name) + 1);
  if (CONFIG_FILE_NAMES.includes(name)) {
    for (const other of shadowed) {
      if (await isFile(path.join(root, other))) {
        problems.unshift({
          severity: 'warning',
          range: range(0, 0, 0, 0),
          message: `${other} in the same folder is ignored in favour of this file; delete one of them`,
        });
      }
    }
  }
  return { path: file, root, profile: result.profile, problems };
}

/** Finds the configuration file for `start` (see `findConfigFileUpwards`) and loads it; undefined when there is none. */
export async function loadConfigFor(
  start: string,
  options: ParseConfigOptions = {},
): Promise<LoadedConfig | undefined> {
  const file = await findConfigFileUpwards(start);
  return file === undefined ? undefined : loadConfigFile(file, options);
}

/** Reads at most `MAX_CONFIG_BYTES` + 1 bytes, so a huge (or endless) file is refused, not loaded. */
async function readBounded(file: string): Promise<{ text: string } | { problem: string }> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (e) {
    return { problem: describeError(e) };
  }
  try {
    if ((await handle.stat()).isDirectory()) return { problem: 'this is a folder, not a file' };
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let total = 0;
    while (total < buffer.length) {
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    if (total > MAX_CONFIG_BYTES) {
      return {
        problem: `the file is larger than ${MAX_CONFIG_BYTES / 1024} KiB, the limit for a configuration file; nothing in it was applied`,
      };
    }
    try {
      // A leading byte-order mark is dropped, as editors do.
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, total)) };
    } catch {
      return { problem: 'the file is not valid UTF-8 text' };
    }
  } catch (e) {
    return { problem: describeError(e) };
  } finally {
    await handle.close();
  }
}

function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'the file does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'the file cannot be read (permission denied)';
    case 'EISDIR':
      return 'this is a folder, not a file';
    default:
      return `the file cannot be read (${code ?? (e instanceof Error ? e.message : String(e))})`;
  }
}

/** The profile with the workspace's severity matrix applied, or the matrix's problems. */
export interface MatrixProfile {
  /** The matrix file read (absolute), when the profile names one and it exists. */
  readonly path?: string;
  /** The profile to use; undefined when the matrix has errors (the command stops, the editor keeps the last good one). */
  readonly profile?: Profile;
  /** Problems in the matrix file, 0-based positions. */
  readonly problems: readonly ConfigProblem[];
}

/**
 * `profile` with its severity matrix (`profile.severityMatrix`, relative to `root`) read as the
 * scale when the file exists; `profile` itself when it names none or the file is absent. Never
 * throws: an unreadable, oversized or bad matrix comes back as located problems and no profile.
 */
export async function applyWorkspaceSeverityMatrix(root: string, profile: Profile): Promise<MatrixProfile> {
  if (!profile.severityMatrix) return { profile, problems: [] };
  const file = path.join(root, ...profile.severityMatrix.split('/'));
  if (!(await exists(file))) return { profile, problems: [] };
  const read = await readBounded(file);
  if ('problem' in read)
    return {
      path: file,
      problems: [
        {
          severity: 'error',
          range: range(0, 0, 0, 0),
          message: read.problem.replace('configuration file', 'severity matrix'),
        },
      ],
    };
  const result = parseSeverityMatrix(read.text);
  return result.levels
    ? { path: file, profile: applySeverityMatrix(profile, result.levels), problems: result.problems }
    : { path: file, problems: result.problems };
}

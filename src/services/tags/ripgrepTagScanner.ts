// The ripgrep scanner: ripgrep finds the files holding the tag prefix, core parses them; a census counts skipped files.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { toPosix } from '../../core/lint/documentKind';
import { TAG_PREFIX } from '../../core/tags';
import { SKIPPED_FOLDERS } from '../fileSystemService';
import { cleanExcludes } from './ignoreRules';
import { resolveTargets } from './nodeTagScanner';
import { scanCollector, TagFileReader } from './readTagFile';
import { byPath, DEFAULT_MAX_FILE_SIZE, type TagScanOptions, type TagScanResult } from './tagScanTypes';

/** ripgrep failed in a way that says nothing about the files (a missing binary, an unknown flag). */
export class RipgrepError extends Error {}

/**
 * The ripgrep arguments that make it walk exactly what the Node scanner walks: hidden files
 * included, `.gitignore` files at and below the root read even outside a git repository,
 * no other ignore sources (`.ignore`, global excludes, `.git/info/exclude`, parent folders,
 * a ripgrep config file), raw bytes (no UTF-16 transcoding), the skipped folders and the
 * excludes as negated globs.
 */
export function ripgrepWalkArgs(options: Pick<TagScanOptions, 'excludes' | 'useGitignore'>): string[] {
  const args = [
    '--hidden',
    '--no-require-git',
    '--no-ignore-dot',
    '--no-ignore-global',
    '--no-ignore-exclude',
    '--no-ignore-parent',
    '--no-config',
    '--no-messages',
    '--encoding',
    'none',
  ];
  if (options.useGitignore === false) args.push('--no-ignore-vcs');
  for (const name of SKIPPED_FOLDERS) args.push('-g', `!${name}/`);
  for (const pattern of cleanExcludes(options.excludes ?? [])) args.push('-g', `!${pattern}`);
  return args;
}

/**
 * Scans `options.root` with the ripgrep binary at `rgPath`. One ripgrep run reads every file
 * within the size limit and prints the files holding `INCIDENT-` (the grammar's prefix, a
 * fixed string) or a NUL byte; those files are then read and parsed by core exactly as the
 * Node scanner reads them (a NUL byte makes a file binary), so both engines give the same tags
 * and counts. The files searched without either are counted from the run's `--stats`, and
 * the files over the limit from its `--debug` log (`ignoring PATH: N bytes`), so a whole-root
 * scan is one process that prints little. A scan of part of the root prints every file
 * (`--include-zero`) to count only the wanted ones, and a second run lists all files for the
 * count over the limit. Rejects with `RipgrepError` when ripgrep cannot run; resolves with
 * `cancelled` when the signal fires (the processes are killed).
 */
export async function scanTagsWithRipgrep(rgPath: string, options: TagScanOptions): Promise<TagScanResult> {
  const started = performance.now();
  const root = path.resolve(options.root);
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const reader = new TagFileReader(maxFileSize);
  const targets = resolveTargets(root, options.paths);
  const named = new Set(targets.files);
  const wanted = (rel: string) =>
    !named.has(rel) && (targets.folders === undefined || targets.folders.some((t) => rel.startsWith(`${t}/`)));
  const { files, stats, take } = scanCollector(options.onFile);
  for (const rel of targets.files) take(reader.read(path.join(root, rel), rel));
  if (targets.folders !== undefined && targets.folders.length === 0) {
    return {
      engine: 'ripgrep',
      files: files.sort(byPath),
      stats,
      cancelled: false,
      durationMs: performance.now() - started,
    };
  }
  const runs = new RipgrepRuns(rgPath, root, options.signal);
  try {
    const walk = ripgrepWalkArgs(options);
    const search = [
      ...walk,
      '--max-filesize',
      String(maxFileSize),
      '--count',
      '--text',
      '--null',
      '-e',
      TAG_PREFIX,
      '-e',
      '\\x00',
    ];
    // Read a printed file: tags, or binary.
    const read = (rel: string) => take(reader.read(path.join(root, rel), rel));
    if (targets.folders === undefined) await scanWhole(runs, search, read, stats);
    else await scanPart(runs, walk, search, wanted, read, stats);
  } catch (e) {
    runs.killAll();
    throw e;
  }
  return {
    engine: 'ripgrep',
    files: files.sort(byPath),
    stats,
    cancelled: runs.cancelled,
    durationMs: performance.now() - started,
  };
}

type Counts = { filesSearched: number; skippedLarge: number };

/** A whole-root scan: one run, whose statistics and debug log count what it does not print. */
async function scanWhole(
  runs: RipgrepRuns,
  search: readonly string[],
  read: (rel: string) => void,
  stats: Counts,
): Promise<void> {
  let printed = 0;
  let searched: number | undefined;
  let large = 0;
  let debugLines = 0;
  await runs.run(
    [...search, '--stats', '--debug', '.'],
    (record) => {
      const cut = record.lastIndexOf('\0');
      if (cut >= 0) {
        printed++;
        read(normalize(record.slice(0, cut)));
        return;
      }
      // A line of the statistics printed after the files.
      const count = /^(\d+) files searched$/.exec(record.trim());
      if (count) searched = Number(count[1]);
    },
    '\n',
    (line) => {
      debugLines++;
      if (/: ignoring .+: \d+ bytes$/.test(line)) large++;
    },
  );
  if (runs.cancelled) return;
  if (searched === undefined || debugLines === 0)
    throw new RipgrepError('ripgrep printed no statistics (--stats, --debug)');
  // The files searched but not printed are text files without the prefix.
  stats.filesSearched += searched - printed;
  stats.skippedLarge += large;
}

/** A scan of folders inside the root: every file printed with its count, and a second run listing all files. */
async function scanPart(
  runs: RipgrepRuns,
  walk: readonly string[],
  search: readonly string[],
  wanted: (rel: string) => boolean,
  read: (rel: string) => void,
  stats: Counts,
): Promise<void> {
  let all = 0;
  let small = 0;
  await Promise.all([
    runs.run(
      [...search, '--include-zero', '.'],
      (record) => {
        const cut = record.lastIndexOf('\0');
        const rel = normalize(record.slice(0, cut));
        if (cut < 0 || !wanted(rel)) return;
        small++;
        // A count of 0: a text file without the prefix.
        if (record.slice(cut + 1) === '0') stats.filesSearched++;
        else read(rel);
      },
      '\n',
    ),
    runs.run([...walk, '--files', '--null', '.'], (rel) => {
      if (wanted(rel)) all++;
    }),
  ]);
  // Files over the limit are listed by the walk but never searched.
  stats.skippedLarge += all - small;
}

/** ripgrep processes of one scan, killed together when the scan is cancelled. */
class RipgrepRuns {
  cancelled = false;
  private readonly children = new Set<ReturnType<typeof spawn>>();

  constructor(
    private readonly rgPath: string,
    private readonly cwd: string,
    private readonly signal: AbortSignal | undefined,
  ) {}

  /**
   * Runs ripgrep with `args`, calling `onRecord` with each record it prints: paths separated by
   * NUL (`--null`) by default, or lines when `separator` is a line break. Paths are made relative
   * (no `./`) and use forward slashes.
   */
  run(
    args: readonly string[],
    onRecord: (record: string) => void,
    separator = '\0',
    onDebug?: (line: string) => void,
  ): Promise<void> {
    const onPath = (record: string) => onRecord(separator === '\0' ? normalize(record) : record);
    let pending = '';
    const decoder = new StringDecoder('utf8');
    return this.spawn(
      args,
      (chunk) => {
        const parts = (pending + decoder.write(chunk)).split(separator);
        pending = parts.pop() ?? '';
        for (const part of parts) if (part) onPath(part);
      },
      () => {
        pending += decoder.end();
        if (pending) onPath(pending);
      },
      onDebug,
    );
  }

  /**
   * Runs ripgrep with `args`, passing its output to `onData` chunk by chunk (raw bytes: a
   * character may span two chunks) and calling `onEnd` once it has exited normally.
   */
  private spawn(
    args: readonly string[],
    onData: (chunk: Buffer) => void,
    onEnd: () => void,
    onDebug?: (line: string) => void,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.signal?.aborted) {
        this.cancelled = true;
        resolve();
        return;
      }
      const child = spawn(this.rgPath, args, { cwd: this.cwd, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
      this.children.add(child);
      let stderr = '';
      const onAbort = () => {
        this.cancelled = true;
        child.kill();
      };
      this.signal?.addEventListener('abort', onAbort, { once: true });
      child.stdout.on('data', (chunk: Buffer) => {
        if (!this.cancelled) onData(chunk);
      });
      child.stderr.setEncoding('utf8');
      // `--debug` lines go to `onDebug`; the rest is kept to explain a failure.
      let partial = '';
      child.stderr.on('data', (chunk: string) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          if (line.includes('DEBUG|')) onDebug?.(line);
          else if (stderr.length < 4000 && line.trim()) stderr += `${line}\n`;
        }
      });
      child.on('error', (e) => {
        this.children.delete(child);
        this.signal?.removeEventListener('abort', onAbort);
        reject(new RipgrepError(`ripgrep at ${this.rgPath} could not run: ${e.message}`));
      });
      child.on('close', (code) => {
        this.children.delete(child);
        this.signal?.removeEventListener('abort', onAbort);
        if (partial.includes('DEBUG|')) onDebug?.(partial);
        else if (stderr.length < 4000) stderr += partial;
        if (!this.cancelled) onEnd();
        // 0: matches, 1: none; 2 with messages turned off means ripgrep itself failed.
        if (this.cancelled || code === 0 || code === 1 || (code === 2 && !stderr.trim())) resolve();
        else reject(new RipgrepError(`ripgrep exited with ${code}: ${stderr.trim() || 'no message'}`));
      });
    });
  }

  /** Stops every process still running (after one of them failed). */
  killAll(): void {
    for (const child of this.children) child.kill();
    this.children.clear();
  }
}

function normalize(printed: string): string {
  return toPosix(printed);
}

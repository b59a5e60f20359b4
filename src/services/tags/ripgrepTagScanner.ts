// The ripgrep scanner: ripgrep finds the files holding the tag prefix, core parses them; a census counts skipped files.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
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
    '--hidden', '--no-require-git', '--no-ignore-dot', '--no-ignore-global', '--no-ignore-exclude', '--no-ignore-parent',
    '--no-config', '--no-messages', '--encoding', 'none',
  ];
  if (options.useGitignore === false) args.push('--no-ignore-vcs');
  for (const name of SKIPPED_FOLDERS) args.push('-g', `!${name}/`);
  for (const pattern of cleanExcludes(options.excludes ?? [])) args.push('-g', `!${pattern}`);
  return args;
}

/**
 * Scans `options.root` with the ripgrep binary at `rgPath`. One ripgrep run reads every file
 * within the size limit and prints each with its count of lines holding `INCIDENT-` (the
 * grammar's prefix, a fixed string) or a NUL byte; the files with a count are then read and
 * parsed by core exactly as the Node scanner reads them (a NUL byte makes a file binary), so
 * both engines give the same tags and counts. A second run only lists all files, for the
 * count of files over the limit. Rejects with `RipgrepError` when ripgrep cannot run;
 * resolves with `cancelled` when the signal fires (the processes are killed).
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
    return { engine: 'ripgrep', files: files.sort(byPath), stats, cancelled: false, durationMs: performance.now() - started };
  }

  const walk = ripgrepWalkArgs(options);
  let all = 0;
  let small = 0;
  const runs = new RipgrepRuns(rgPath, root, options.signal);
  try {
    await Promise.all([
      runs.run([...walk, '--max-filesize', String(maxFileSize), '--count', '--include-zero', '--text', '--null', '-e', TAG_PREFIX, '-e', '\\x00', '.'], (record) => {
        const cut = record.lastIndexOf('\0');
        const rel = normalize(record.slice(0, cut));
        if (cut < 0 || !wanted(rel)) return;
        small++;
        // A count of 0: a text file without the prefix. Otherwise read it: tags, or binary.
        if (record.slice(cut + 1) === '0') stats.filesSearched++;
        else take(reader.read(path.join(root, rel), rel));
      }, '\n'),
      runs.run([...walk, '--files', '--null', '.'], (rel) => { if (wanted(rel)) all++; }),
    ]);
  } catch (e) {
    runs.killAll();
    throw e;
  }
  // Files over the limit are listed by the walk but never searched.
  stats.skippedLarge += all - small;
  return { engine: 'ripgrep', files: files.sort(byPath), stats, cancelled: runs.cancelled, durationMs: performance.now() - started };
}

/** ripgrep processes of one scan, killed together when the scan is cancelled. */
class RipgrepRuns {
  cancelled = false;
  private readonly children = new Set<ReturnType<typeof spawn>>();

  constructor(private readonly rgPath: string, private readonly cwd: string, private readonly signal: AbortSignal | undefined) {}

  /**
   * Runs ripgrep with `args`, calling `onRecord` with each record it prints: paths separated by
   * NUL (`--null`) by default, or lines when `separator` is a line break. Paths are made relative
   * (no `./`) and use forward slashes.
   */
  run(args: readonly string[], onRecord: (record: string) => void, separator = '\0'): Promise<void> {
    const onPath = (record: string) => onRecord(separator === '\0' ? normalize(record) : record);
    return new Promise((resolve, reject) => {
      if (this.signal?.aborted) {
        this.cancelled = true;
        resolve();
        return;
      }
      const child = spawn(this.rgPath, args, { cwd: this.cwd, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
      this.children.add(child);
      let pending = '';
      let stderr = '';
      const onAbort = () => {
        this.cancelled = true;
        child.kill();
      };
      this.signal?.addEventListener('abort', onAbort, { once: true });
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        if (this.cancelled) return;
        const parts = (pending + chunk).split(separator);
        pending = parts.pop() ?? '';
        for (const part of parts) if (part) onPath(part);
      });
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        if (stderr.length < 4000) stderr += chunk;
      });
      child.on('error', (e) => {
        this.children.delete(child);
        this.signal?.removeEventListener('abort', onAbort);
        reject(new RipgrepError(`ripgrep at ${this.rgPath} could not run: ${e.message}`));
      });
      child.on('close', (code) => {
        this.children.delete(child);
        this.signal?.removeEventListener('abort', onAbort);
        if (!this.cancelled && pending) onPath(pending);
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

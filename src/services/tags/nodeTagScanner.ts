// The streaming Node scanner: walks a folder with the ignore rules, reads each file once, reports files with tags as it goes.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { toPosix } from '../../core/lint/documentKind';
import { excludeRules, ignoredBy, isSkippedFolder, loadGitignore, type GitignoreLevel } from './ignoreRules';
import { scanCollector, TagFileReader } from './readTagFile';
import { byPath, DEFAULT_MAX_FILE_SIZE, type TagScanOptions, type TagScanResult } from './tagScanTypes';

/** How long the scanner works before it lets the event loop run (and checks for cancellation), in milliseconds. */
const SLICE_MS = 12;

/** The scan's sub-paths, split into files (read even if ignored) and folders (walked with the rules). */
export interface ScanTargets {
  readonly files: readonly string[];
  /** Folders to walk; undefined for the whole root. */
  readonly folders: readonly string[] | undefined;
}

/** Sorts `paths` (relative to `root`) into files and folders; paths that do not exist are left out. */
export function resolveTargets(root: string, paths: readonly string[] | undefined): ScanTargets {
  if (!paths || paths.length === 0) return { files: [], folders: undefined };
  const files: string[] = [];
  const folders: string[] = [];
  for (const p of paths) {
    const rel = toPosix(p).replace(/\/+$/, '');
    if (rel === '' || rel === '.') return { files: [], folders: undefined };
    try {
      const stat = statSync(path.join(root, rel));
      if (stat.isDirectory()) folders.push(rel);
      else if (stat.isFile()) files.push(rel);
    } catch {
      // A missing path is the caller's to report; the scan skips it.
    }
  }
  return { files, folders };
}

/** Whether the folder at `rel` must be entered to reach the targets. */
function folderWanted(rel: string, folders: readonly string[] | undefined): boolean {
  return folders === undefined || folders.some((t) => rel === t || rel.startsWith(`${t}/`) || t.startsWith(`${rel}/`));
}

/** Whether the file at `rel` is inside a target folder. */
function fileWanted(rel: string, folders: readonly string[] | undefined): boolean {
  return folders === undefined || folders.some((t) => rel.startsWith(`${t}/`));
}

/**
 * Scans `options.root` for tags with Node only. Skips `SKIPPED_FOLDERS`, symbolic links,
 * paths the excludes or the `.gitignore` files ignore, files over the size limit and files
 * with a NUL byte, counting the last two. Reads synchronously in time slices of a few
 * milliseconds and yields in between, so it can be cancelled and the host stays responsive.
 */
export async function scanTagsWithNode(options: TagScanOptions): Promise<TagScanResult> {
  const started = performance.now();
  const root = path.resolve(options.root);
  const reader = new TagFileReader(options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  const excludes = excludeRules(options.excludes ?? []);
  const useGitignore = options.useGitignore ?? true;
  const targets = resolveTargets(root, options.paths);
  const { files, stats, take } = scanCollector(options.onFile);

  const named = new Set(targets.files);
  for (const rel of targets.files) take(reader.read(path.join(root, rel), rel));

  let cancelled = false;
  let sliceStart = performance.now();
  const stack: Array<{ rel: string; chain: readonly GitignoreLevel[] }> =
    targets.folders === undefined || targets.folders.length > 0 ? [{ rel: '', chain: [] }] : [];
  while (stack.length > 0) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    if (options.signal?.aborted) {
      cancelled = true;
      break;
    }
    const { rel, chain: parentChain } = stack.pop() as { rel: string; chain: readonly GitignoreLevel[] };
    const dir = rel ? path.join(root, rel) : root;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    let chain = parentChain;
    if (useGitignore && entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      const level = loadGitignore(dir, rel);
      if (level) chain = [...parentChain, level];
    }
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (isSkippedFolder(entry.name) || !folderWanted(childRel, targets.folders)) continue;
        if (excludes?.ignores(`${childRel}/`) || ignoredBy(chain, childRel, true)) continue;
        stack.push({ rel: childRel, chain });
      } else if (entry.isFile()) {
        if (named.has(childRel) || !fileWanted(childRel, targets.folders)) continue;
        if (excludes?.ignores(childRel) || ignoredBy(chain, childRel, false)) continue;
        take(reader.read(path.join(dir, entry.name), childRel));
      }
    }
  }
  return { engine: 'node', files: files.sort(byPath), stats, cancelled, durationMs: performance.now() - started };
}

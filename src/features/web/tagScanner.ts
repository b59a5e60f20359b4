// The web extension's tag scan (scripts/build.mjs swaps it in for services/tags/tagScanner.ts): the files come from
// `workspace.findFiles` (or a walk with vscode.workspace.fs where the file system has no search: ./findFiles.ts), and
// are read through vscode.workspace.fs with the same ignore rules, size limit, binary check and tag grammar as the Node
// scanner, so it works on any file-system provider (github.dev's vscode-vfs, vscode.dev's folders, memfs).
import * as vscode from 'vscode';
import { TAG_PREFIX } from '../../core/tags';
import { SKIPPED_FOLDERS } from '../../services/skippedFolders';
import { fromText, scanCollector, type FileRead } from '../../services/tags/tagFileText';
import type * as NodeScanner from '../../services/tags/tagScanner';
import type {
  FileRescan,
  FileRescanOptions,
  WorkspaceScanOptions,
  WorkspaceScanResult,
} from '../../services/tags/tagScanner';
import { byPath, DEFAULT_MAX_FILE_SIZE } from '../../services/tags/tagScanTypes';
import { findFiles } from './findFiles';
import { IgnoreRules, rememberGitignores } from './ignoreRules';
import { folderUri, statOrUndefined, uriUnder } from './roots';

export type { FileRescan, FileRescanOptions, WorkspaceScanOptions, WorkspaceScanResult };

/** Files read at once. */
const PARALLEL_READS = 8;
const decoder = new TextDecoder('utf-8');

/** Every folder can be scanned here: the reads go through its file-system provider. */
export function canScan(_uri: vscode.Uri): boolean {
  return true;
}

/** Scans the workspace folder at `options.root` for tags (the engine options do not apply: there is one engine here). */
export async function scanTags(options: WorkspaceScanOptions): Promise<WorkspaceScanResult> {
  const started = performance.now();
  const root = folderUri(options.root);
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const useGitignore = options.useGitignore ?? true;
  const { files, stats, take } = scanCollector(options.onFile);
  const listed = (await listFiles(root)).sort();

  const texts = new Map<string, string>();
  if (useGitignore) {
    for (const rel of listed.filter((r) => r === '.gitignore' || r.endsWith('/.gitignore'))) {
      const bytes = await vscode.workspace.fs.readFile(uriUnder(options.root, rel)).then(
        (b) => b,
        () => undefined,
      );
      if (bytes) texts.set(rel.slice(0, Math.max(0, rel.length - '/.gitignore'.length)), decoder.decode(bytes));
    }
  }
  rememberGitignores(options.root, texts);
  const rules = new IgnoreRules(options.root, { useGitignore, excludes: options.excludes });
  const targets = (options.paths ?? []).map((p) => p.replace(/\\/g, '/').replace(/\/+$/, '')).filter((p) => p !== '.');
  const named = new Set(targets.filter((t) => listed.includes(t)));
  const wanted = listed.filter(
    (rel) =>
      named.has(rel) ||
      (!rules.isIgnored(rel) && (targets.length === 0 || targets.some((t) => rel.startsWith(`${t}/`)))),
  );

  let cancelled = false;
  let next = 0;
  const worker = async () => {
    while (next < wanted.length) {
      if (options.signal?.aborted) {
        cancelled = true;
        return;
      }
      const rel = wanted[next++];
      take(await readForTags(uriUnder(options.root, rel), rel, maxFileSize));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_READS }, worker));
  return {
    engine: 'workspace',
    files: files.sort(byPath),
    stats,
    cancelled: cancelled || options.signal?.aborted === true,
    durationMs: performance.now() - started,
  };
}

/** Rescans one changed file, as the Node version does: ignore rules, the editor's text or the file, size and binary checks. */
export async function rescanTagFile(
  root: string,
  relativePath: string,
  options: FileRescanOptions,
): Promise<FileRescan> {
  if (options.ignoreRules.isIgnored(relativePath)) return { status: 'ignored' };
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (options.text !== undefined) {
    if (new TextEncoder().encode(options.text).length > maxFileSize) return { status: 'large' };
    if (options.text.includes('\0')) return { status: 'binary' };
    return fromText(options.text, relativePath, options.languageId);
  }
  return readForTags(uriUnder(root, relativePath), relativePath, maxFileSize);
}

/** Reads one file: `large` over the limit (from its size, before reading), `binary` with a NUL byte, else its tags. */
async function readForTags(uri: vscode.Uri, relativePath: string, maxFileSize: number): Promise<FileRead> {
  const stat = await statOrUndefined(uri);
  if (!stat || !(stat.type & vscode.FileType.File)) return { status: 'unreadable' };
  if (stat.size > maxFileSize) return { status: 'large' };
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch {
    return { status: 'unreadable' };
  }
  if (bytes.length > maxFileSize) return { status: 'large' };
  if (bytes.indexOf(0) >= 0) return { status: 'binary' };
  const text = decoder.decode(bytes);
  if (!text.includes(TAG_PREFIX)) return { status: 'text' };
  return fromText(text, relativePath);
}

/** The files under `root`, relative to it (./findFiles.ts walks the folders where VS Code has no search for them). */
async function listFiles(root: vscode.Uri): Promise<string[]> {
  const prefix = root.path.replace(/\/$/, '').length + 1;
  const skipped = `**/{${[...SKIPPED_FOLDERS].join(',')}}/**`;
  const found = await findFiles(new vscode.RelativePattern(root, '**/*'), skipped).catch(() => [] as vscode.Uri[]);
  return found.map((u) => u.path.slice(prefix));
}

({ scanTags, rescanTagFile }) satisfies Pick<typeof NodeScanner, 'scanTags' | 'rescanTagFile'>;

// The tag scanning service: picks ripgrep or the Node scanner for a workspace scan, and rescans one changed file.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { IgnoreRules } from './ignoreRules';
import { scanTagsWithNode } from './nodeTagScanner';
import { classify, fromText, type FileRead } from './readTagFile';
import { RipgrepError, scanTagsWithRipgrep } from './ripgrepTagScanner';
import { DEFAULT_MAX_FILE_SIZE, type TagScanEngine, type TagScanOptions, type TagScanResult } from './tagScanTypes';

/** Whether the folder or file at `uri` can be scanned: on disk only (the web extension's scan reads any file system). */
export function canScan(uri: { readonly scheme: string }): boolean {
  return uri.scheme === 'file';
}

/** A workspace scan's options: which engine, and where ripgrep is. */
export interface WorkspaceScanOptions extends TagScanOptions {
  /** `auto` (the default) uses ripgrep when `rgPath` is given and falls back to Node if it fails. */
  readonly engine?: 'auto' | TagScanEngine;
  /** The ripgrep binary (VS Code's bundled one, or `rg` on the PATH). */
  readonly rgPath?: string;
}

/** A scan result, with the reason when ripgrep was wanted but the Node scanner ran. */
export interface WorkspaceScanResult extends TagScanResult {
  readonly fallbackReason?: string;
}

/**
 * Scans a workspace folder for tags with the engine the options ask for. With `auto`, a
 * ripgrep that cannot run (missing, too old for a flag) falls back to the Node scanner and
 * the result says why; both engines give the same files, tags and counts.
 */
export async function scanTags(options: WorkspaceScanOptions): Promise<WorkspaceScanResult> {
  const engine = options.engine ?? 'auto';
  if (engine === 'node' || !options.rgPath) {
    const result = await scanTagsWithNode(options);
    return engine === 'ripgrep' ? { ...result, fallbackReason: 'no ripgrep binary was found' } : result;
  }
  try {
    return await scanTagsWithRipgrep(options.rgPath, options);
  } catch (e) {
    if (!(e instanceof RipgrepError)) throw e;
    return { ...(await scanTagsWithNode(options)), fallbackReason: e.message };
  }
}

/** What rescanning one file found: a `FileRead`, or `ignored` when the scan rules leave the file out. */
export type FileRescan = FileRead | { readonly status: 'ignored' };

/** How to rescan one file. */
export interface FileRescanOptions {
  /** The root's ignore rules (kept by the caller, so `.gitignore` files are read once). */
  readonly ignoreRules: IgnoreRules;
  readonly maxFileSize?: number;
  /** The file's current text when an editor holds it (unsaved changes win over the disk). */
  readonly text?: string;
  /** VS Code's language id for the text, used when the file name does not say. */
  readonly languageId?: string;
}

/**
 * Rescans the file at `relativePath` under `root` after it changed (incremental update):
 * checks the ignore rules, then reads the given text or the file on disk, with the same
 * size and binary rules as a workspace scan. A file that no longer exists is `unreadable`.
 */
export async function rescanTagFile(
  root: string,
  relativePath: string,
  options: FileRescanOptions,
): Promise<FileRescan> {
  if (options.ignoreRules.isIgnored(relativePath)) return { status: 'ignored' };
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (options.text !== undefined) {
    if (Buffer.byteLength(options.text, 'utf8') > maxFileSize) return { status: 'large' };
    if (options.text.includes('\0')) return { status: 'binary' };
    return fromText(options.text, relativePath, options.languageId);
  }
  const file = path.join(root, relativePath);
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { status: 'unreadable' };
    if (stat.size > maxFileSize) return { status: 'large' };
    return classify(await fs.readFile(file), relativePath);
  } catch {
    return { status: 'unreadable' };
  }
}

// Reads the Markdown files under a folder for `init`: paths relative to the folder, with their text, bounded in size.
import * as path from 'node:path';
import { toPosix } from '../core/lint/documentKind';
import type { InitDocument } from '../core/init/init';
import { findMarkdownFiles, readText } from './fileSystemService';
import { promises as fs } from 'node:fs';

/** Files larger than this are passed over: no incident document is this long. */
export const MAX_INIT_FILE_BYTES = 1024 * 1024;
/** At most this many files are read, so init stays quick on a large repository. */
export const MAX_INIT_FILES = 2000;

/** The Markdown files under `root` (relative paths, forward slashes) and their texts. */
export async function readMarkdownFiles(root: string): Promise<InitDocument[]> {
  const files = (await findMarkdownFiles(root)).slice(0, MAX_INIT_FILES);
  const out: InitDocument[] = [];
  for (const file of files) {
    const stat = await fs.stat(file);
    if (stat.size > MAX_INIT_FILE_BYTES) continue;
    out.push({ path: toPosix(path.relative(root, file)), text: await readText(file) });
  }
  return out;
}

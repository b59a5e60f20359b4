// Node file-system access for the CLI: reading files and walking folders for incident documents.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SKIPPED_FOLDERS } from './skippedFolders';

export { SKIPPED_FOLDERS } from './skippedFolders';

/** Reads a file as UTF-8 text. */
export async function readText(file: string): Promise<string> {
  return fs.readFile(file, 'utf8');
}

/** Whether `p` exists and is a folder. */
export async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** Whether `p` exists and is a file. */
export async function isFile(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}

/** Whether anything exists at `p`. */
export async function exists(p: string): Promise<boolean> {
  try {
    await fs.stat(p);
    return true;
  } catch {
    return false;
  }
}

/** How many folders an upward search climbs at most (a guard against cycles through odd mounts). */
const MAX_LEVELS = 256;

/**
 * The first answer of `lookIn` for `start`'s folder (`start` is a file or a folder), then for each
 * parent, stopping after the first folder that holds `.git` (the repository root) or at the
 * file-system root. Undefined when no folder gives one.
 */
export async function findUpwards(
  start: string,
  lookIn: (dir: string) => Promise<string | undefined>,
): Promise<string | undefined> {
  let dir = path.resolve(start);
  if (!(await isDirectory(dir))) dir = path.dirname(dir);
  for (let level = 0; level < MAX_LEVELS; level++) {
    const found = await lookIn(dir);
    if (found) return found;
    if (await exists(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/**
 * Lists the Markdown files under `root`, depth first in name order, skipping `SKIPPED_FOLDERS`
 * and symbolic links. Other hidden folders are walked: processes keep incidents in `.agent/`
 * and `docs/spec/.llm/`.
 * Returned paths join `root` with the relative path, so they read as the user typed them.
 */
export async function findMarkdownFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name)) continue;
        await walk(full);
      } else if (entry.isFile() && /\.(?:md|markdown)$/i.test(entry.name)) {
        out.push(full);
      }
    }
  }
  await walk(root);
  return out;
}

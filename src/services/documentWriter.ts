// Creates new documents on disk: inside the workspace folder only, never over an existing file, never through a link out.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { assertSafeRelativePath } from '../core/templates/paths';

/** Why a document was not written, in the user's words. */
export class WriteRefusedError extends Error {
  constructor(message: string, readonly reason: 'exists' | 'outside' | 'io') {
    super(message);
  }
}

/**
 * Writes `text` to `relativePath` under `root`, creating folders as needed. Refuses a path
 * that is not a safe relative path, a target whose real folder (after following links) is
 * outside the real `root`, and an existing file (the file is opened with O_EXCL, so even a
 * file created a moment ago by someone else is never overwritten). Returns the absolute path.
 */
export async function writeNewDocument(root: string, relativePath: string, text: string): Promise<string> {
  assertSafeRelativePath(relativePath);
  const realRoot = await fs.realpath(root);
  const target = path.resolve(realRoot, ...relativePath.split('/'));
  if (!isInside(realRoot, target)) throw new WriteRefusedError(`${relativePath} is outside the workspace folder.`, 'outside');
  const folder = path.dirname(target);
  try {
    await fs.mkdir(folder, { recursive: true });
  } catch (e) {
    throw new WriteRefusedError(`Cannot create the folder ${path.relative(realRoot, folder)}: ${describe(e)}.`, 'io');
  }
  const realFolder = await fs.realpath(folder);
  if (!isInside(realRoot, realFolder) && realFolder !== realRoot) {
    throw new WriteRefusedError(`${path.dirname(relativePath)} links to a folder outside the workspace; nothing was written.`, 'outside');
  }
  let handle;
  try {
    handle = await fs.open(path.join(realFolder, path.basename(target)), 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new WriteRefusedError(`${relativePath} already exists; it was not changed.`, 'exists');
    throw new WriteRefusedError(`Cannot create ${relativePath}: ${describe(e)}.`, 'io');
  }
  try {
    await handle.writeFile(text, 'utf8');
  } finally {
    await handle.close();
  }
  return target;
}

/** Whether a file exists at `relativePath` under `root` (a link counts as existing). */
export async function existsUnder(root: string, relativePath: string): Promise<boolean> {
  try {
    await fs.lstat(path.resolve(root, ...relativePath.split('/')));
    return true;
  } catch {
    return false;
  }
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function describe(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EROFS': return 'the file system is read-only';
    case 'ENOSPC': return 'the disk is full';
    case 'ENOTDIR': return 'a part of the path is a file, not a folder';
    default: return code ?? (e instanceof Error ? e.message : String(e));
  }
}

// Creates new documents on disk: inside the workspace folder only, never over an existing file, never through a link out.
import { promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import { assertSafeRelativePath } from '../core/templates/paths';
import { WriteRefusedError } from './writeRefused';

export { WriteRefusedError } from './writeRefused';

/** Whether documents can be created in the folder at `uri`: on disk only (the web extension's writer serves any file system). */
export function canWriteIn(uri: { readonly scheme: string }): boolean {
  return uri.scheme === 'file';
}

/**
 * Writes `text` to `relativePath` under `root`, creating folders as needed. Refuses a path
 * that is not a safe relative path, a target whose real folder (after following links) is
 * outside the real `root`, and an existing file (the file is opened with O_EXCL, so even a
 * file created a moment ago by someone else is never overwritten). Missing folders are made
 * only after the existing part of the path was checked to lead inside `root`, one at a time,
 * each checked not to be a link. Returns the absolute path.
 */
export async function writeNewDocument(root: string, relativePath: string, text: string): Promise<string> {
  assertSafeRelativePath(relativePath);
  const realRoot = await realWorkspaceFolder(root);
  const target = path.resolve(realRoot, ...relativePath.split('/'));
  if (!isInside(realRoot, target))
    throw new WriteRefusedError(`${relativePath} is outside the workspace folder.`, 'outside');
  const folders = relativePath.split('/').slice(0, -1);
  const realFolder = await makeFolderInside(realRoot, folders);
  const file = path.join(realFolder, path.basename(target));
  let handle;
  try {
    handle = await fs.open(file, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST')
      throw new WriteRefusedError(`${relativePath} already exists; it was not changed.`, 'exists');
    throw new WriteRefusedError(`Cannot create ${relativePath}: ${describe(e)}.`, 'io');
  }
  try {
    // The folder was checked a moment ago; make sure the file did not land elsewhere through a
    // link swapped in since. Nothing has been written to it yet.
    const placed = await openedPath(handle.fd, file);
    if (!isInside(realRoot, placed)) {
      await fs.unlink(placed).catch(() => undefined);
      throw new WriteRefusedError(
        `${path.dirname(relativePath)} became a link to a folder outside the workspace while the document was being created; nothing was written.`,
        'outside',
      );
    }
    await handle.writeFile(text, 'utf8');
  } catch (e) {
    if (e instanceof WriteRefusedError) throw e;
    // The file is ours (O_EXCL): a half-written one is removed rather than left looking finished.
    await handle.close().catch(() => undefined);
    handle = undefined;
    await fs.unlink(file).catch(() => undefined);
    throw new WriteRefusedError(`Cannot write ${relativePath}: ${describe(e)}; nothing was kept.`, 'io');
  } finally {
    await handle?.close();
  }
  return target;
}

/** Where the file open as `fd` really is: on Linux the kernel's own record, elsewhere the real path of `file`. */
async function openedPath(fd: number, file: string): Promise<string> {
  try {
    return await fs.readlink(`/proc/self/fd/${fd}`);
  } catch {
    return fs.realpath(file);
  }
}

/** The real path of the workspace folder, or a refusal that says it is gone. */
async function realWorkspaceFolder(root: string): Promise<string> {
  try {
    const real = await fs.realpath(root);
    if (!(await fs.stat(real)).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
    return real;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no longer exists'
        : code === 'ENOTDIR'
          ? 'is not a folder'
          : `cannot be read (${describe(e)})`;
    throw new WriteRefusedError(`The workspace folder ${root} ${why}; nothing was written.`, 'io');
  }
}

/**
 * Makes the folder `segments` under `realRoot` and returns its real path. The part that
 * exists is resolved first (links followed) and must lead inside `realRoot`; the missing
 * folders are then made one by one (never `mkdir -p`), each checked with `lstat` to be a real
 * folder, not a link put there meanwhile. Nothing is created before the existing part passed.
 */
async function makeFolderInside(realRoot: string, segments: readonly string[]): Promise<string> {
  const shown = (count: number) => shownFolder(segments, count);
  const { existing, real } = await existingFolderInside(realRoot, segments);
  let current = real;
  for (let made = existing; made < segments.length; made++) {
    current = path.join(current, segments[made]);
    try {
      await fs.mkdir(current);
    } catch (e) {
      // Someone else made it a moment ago: fine if it is a real folder, checked below.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw folderError(e, shown(made + 1));
    }
    const stats = await lstatOrUndefined(current);
    if (!stats) throw folderError(Object.assign(new Error(), { code: 'ENOENT' }), shown(made + 1));
    if (stats.isSymbolicLink()) {
      throw new WriteRefusedError(
        `${shown(made + 1)} became a link while the document was being created; nothing was written.`,
        'outside',
      );
    }
    if (!stats.isDirectory()) throw folderError(Object.assign(new Error(), { code: 'ENOTDIR' }), shown(made + 1));
  }
  // Once more as a whole, links followed, just before the file is opened.
  return realFolderInside(realRoot, current, shown(segments.length));
}

function shownFolder(segments: readonly string[], count: number): string {
  return segments.slice(0, count).join('/') || 'the workspace folder';
}

/**
 * How many of the folders `segments` under `realRoot` exist, and the real path of the deepest
 * one, refused (WriteRefusedError) unless it leads inside `realRoot`. Creates nothing.
 */
async function existingFolderInside(
  realRoot: string,
  segments: readonly string[],
): Promise<{ existing: number; real: string }> {
  let existing = 0;
  while (
    existing < segments.length &&
    (await lstatOrUndefined(path.join(realRoot, ...segments.slice(0, existing + 1))))
  )
    existing++;
  return {
    existing,
    real: await realFolderInside(
      realRoot,
      path.join(realRoot, ...segments.slice(0, existing)),
      shownFolder(segments, existing),
    ),
  };
}

/**
 * Why `writeNewDocument` would refuse `relativePath` under `root` before creating anything (an
 * unsafe path, a workspace folder that is gone, a folder that links outside), or undefined.
 * For commands that write several files at once and must refuse them all before the first.
 */
export async function refusalFor(root: string, relativePath: string): Promise<string | undefined> {
  try {
    assertSafeRelativePath(relativePath);
    await existingFolderInside(await realWorkspaceFolder(root), relativePath.split('/').slice(0, -1));
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * Which names are taken in the folder of `relativePath`, for core's `nextFreePath`. Compared
 * without case, so a case-insensitive file system never gets a name that only differs in case.
 */
export async function takenNamesIn(root: string, relativePath: string): Promise<(candidate: string) => boolean> {
  let names: Set<string>;
  try {
    names = new Set(
      (await fs.readdir(path.resolve(root, ...path.posix.dirname(relativePath).split('/')))).map((n) =>
        n.toLowerCase(),
      ),
    );
  } catch {
    names = new Set();
  }
  return (candidate) => names.has(path.posix.basename(candidate).toLowerCase());
}

/** The real path of `folder`, refused unless it is `realRoot` or inside it, and a folder. */
async function realFolderInside(realRoot: string, folder: string, shown: string): Promise<string> {
  let real: string;
  try {
    real = await fs.realpath(folder);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // lstat found it, realpath did not: a link to nowhere, or it was removed meanwhile.
    if (code === 'ENOENT' && (await lstatOrUndefined(folder))?.isSymbolicLink()) {
      throw new WriteRefusedError(`${shown} is a link to a folder that does not exist; nothing was written.`, 'io');
    }
    throw folderError(e, shown);
  }
  if (real !== realRoot && !isInside(realRoot, real)) {
    throw new WriteRefusedError(`${shown} links to a folder outside the workspace; nothing was written.`, 'outside');
  }
  const stats = await fs.stat(real).catch((e: unknown) => {
    throw folderError(e, shown);
  });
  if (!stats.isDirectory()) throw folderError(Object.assign(new Error(), { code: 'ENOTDIR' }), shown);
  return real;
}

function folderError(e: unknown, shown: string): WriteRefusedError {
  if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
    return new WriteRefusedError(
      `The folder ${shown} was removed while the document was being created; nothing was written.`,
      'io',
    );
  }
  return new WriteRefusedError(`Cannot create the folder ${shown}: ${describe(e)}.`, 'io');
}

async function lstatOrUndefined(file: string): Promise<Stats | undefined> {
  try {
    return await fs.lstat(file);
  } catch {
    return undefined;
  }
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
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ENOTDIR':
      return 'it or a folder above it is a file, not a folder';
    case 'ENOENT':
      return 'its folder was removed meanwhile';
    default:
      return code ?? (e instanceof Error ? e.message : String(e));
  }
}

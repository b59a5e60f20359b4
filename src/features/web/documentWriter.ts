// The web extension's document writer (scripts/build.mjs swaps it in for services/documentWriter.ts): the same
// refusals through vscode.workspace.fs, so New Postmortem, New Runbook, Declare Incident and the wizard work on
// any file-system provider. Never over an existing file, never through a link, only inside the workspace folder.
import * as vscode from 'vscode';
import { assertSafeRelativePath } from '../../core/templates/paths';
import type * as NodeWriter from '../../services/documentWriter';
import { WriteRefusedError } from '../../services/writeRefused';
import { statOrUndefined, uriUnder } from './roots';

export { WriteRefusedError } from '../../services/writeRefused';

/** Documents can be created in any folder here: the writes go through its file-system provider. */
export function canWriteIn(_uri: { readonly scheme: string }): boolean {
  return true;
}

/**
 * Writes `text` to `relativePath` under the workspace folder at `root`, making its folders.
 * Refuses an unsafe path, a folder on the way that is a link or a file, and an existing file.
 * A virtual file system has no exclusive create: the file is checked not to exist just before
 * it is written.
 */
export async function writeNewDocument(root: string, relativePath: string, text: string): Promise<string> {
  const problem = await refusalFor(root, relativePath);
  if (problem) throw new WriteRefusedError(problem, 'outside');
  const target = uriUnder(root, relativePath);
  if (await statOrUndefined(target))
    throw new WriteRefusedError(`${relativePath} already exists; it was not changed.`, 'exists');
  try {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    if (await statOrUndefined(target))
      throw new WriteRefusedError(`${relativePath} already exists; it was not changed.`, 'exists');
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  } catch (e) {
    if (e instanceof WriteRefusedError) throw e;
    throw new WriteRefusedError(`Cannot create ${relativePath}: ${e instanceof Error ? e.message : String(e)}.`, 'io');
  }
  return target.fsPath;
}

/** Why `writeNewDocument` would refuse `relativePath` under `root` before creating anything, or undefined. */
export async function refusalFor(root: string, relativePath: string): Promise<string | undefined> {
  try {
    assertSafeRelativePath(relativePath);
    const folder = await statOrUndefined(uriUnder(root, ''));
    if (!folder || !(folder.type & vscode.FileType.Directory))
      return `The workspace folder ${root} no longer exists; nothing was written.`;
    const segments = relativePath.split('/').slice(0, -1);
    for (let i = 1; i <= segments.length; i++) {
      const shown = segments.slice(0, i).join('/');
      const stat = await statOrUndefined(uriUnder(root, shown));
      if (!stat) break;
      if (stat.type & vscode.FileType.SymbolicLink)
        return `${shown} is a link; documents are only created in real folders. Nothing was written.`;
      if (!(stat.type & vscode.FileType.Directory))
        return `Cannot create the folder ${shown}: it or a folder above it is a file, not a folder.`;
    }
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Which names are taken in the folder of `relativePath`, compared without case (as the Node writer does). */
export async function takenNamesIn(root: string, relativePath: string): Promise<(candidate: string) => boolean> {
  let names: Set<string>;
  try {
    const folder = relativePath.split('/').slice(0, -1).join('/');
    names = new Set((await vscode.workspace.fs.readDirectory(uriUnder(root, folder))).map(([n]) => n.toLowerCase()));
  } catch {
    names = new Set();
  }
  return (candidate) => names.has((candidate.split('/').pop() ?? candidate).toLowerCase());
}

/** Whether a file exists at `relativePath` under `root`. */
export async function existsUnder(root: string, relativePath: string): Promise<boolean> {
  return (await statOrUndefined(uriUnder(root, relativePath))) !== undefined;
}

// The same functions as the Node writer, checked by the compiler.
({ writeNewDocument, refusalFor, takenNamesIn, existsUnder, WriteRefusedError, canWriteIn }) satisfies Pick<
  typeof NodeWriter,
  'writeNewDocument' | 'refusalFor' | 'takenNamesIn' | 'existsUnder' | 'WriteRefusedError' | 'canWriteIn'
>;

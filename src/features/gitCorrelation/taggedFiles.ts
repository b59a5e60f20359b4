// Finds which of the files a window's commits touched carry INCIDENT tags today, with core's tag grammar.
import * as vscode from 'vscode';
import { findTagsInFile } from '../../core/tags';

/** Files larger than this are not read for tags (generated or minified code). */
export const MAX_TAG_FILE_BYTES = 1024 * 1024;
/** At most this many files are read per run; the rest are not ranked by tags. */
export const MAX_TAG_FILES = 300;

/** Which of `candidates` (paths relative to the repository root `root`) contain an INCIDENT tag. */
export type TaggedFilesSource = (
  root: vscode.Uri,
  candidates: readonly string[],
  token: vscode.CancellationToken,
) => Promise<string[]>;

/**
 * Reads each candidate from the workspace (as saved on disk) and keeps those where core's
 * grammar finds a tag. Missing, large and binary files are skipped; the first
 * `MAX_TAG_FILES` candidates are read.
 */
export const readTaggedFiles: TaggedFilesSource = async (root, candidates, token) => {
  const tagged: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (const relative of candidates.slice(0, MAX_TAG_FILES)) {
    if (token.isCancellationRequested) break;
    const uri = vscode.Uri.joinPath(root, ...relative.split('/'));
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type !== vscode.FileType.File || stat.size > MAX_TAG_FILE_BYTES) continue;
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.subarray(0, 8000).includes(0)) continue;
      if (findTagsInFile(relative, decoder.decode(bytes)).tags.length > 0) tagged.push(relative);
    } catch {
      // Deleted or renamed since the commit: nothing to rank by.
    }
  }
  return tagged;
};

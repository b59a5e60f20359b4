// What reading one file for tags found, and the tally of a scan: shared by the Node scanners and the web extension's
// workspace scan (no Node import here).
import { findTagsInFile } from '../../core/tags';
import type { FileTags } from './tagScanTypes';

/** What reading one file found. */
export type FileRead =
  | { readonly status: 'tags'; readonly file: FileTags }
  | { readonly status: 'text' }
  | { readonly status: 'binary' }
  | { readonly status: 'large' }
  | { readonly status: 'unreadable' };

/** The tags of text already decoded (an open editor's unsaved text, for instance). */
export function fromText(text: string, relativePath: string, vscodeLanguageId?: string): FileRead {
  const scan = findTagsInFile(relativePath, text, vscodeLanguageId);
  if (scan.tags.length === 0 && scan.problems.length === 0) return { status: 'text' };
  return { status: 'tags', file: { path: relativePath, tags: scan.tags, problems: scan.problems } };
}

/**
 * Collects what a scan reads: files with tags (also passed to `onFile`, for partial results)
 * and the counts of files searched and skipped. Both engines use it, so they count alike.
 */
export function scanCollector(onFile?: (file: FileTags) => void): {
  files: FileTags[];
  stats: { filesSearched: number; skippedBinary: number; skippedLarge: number };
  take: (read: FileRead) => void;
} {
  const files: FileTags[] = [];
  const stats = { filesSearched: 0, skippedBinary: 0, skippedLarge: 0 };
  const take = (read: FileRead) => {
    switch (read.status) {
      case 'tags':
        stats.filesSearched++;
        files.push(read.file);
        onFile?.(read.file);
        return;
      case 'text':
        stats.filesSearched++;
        return;
      case 'binary':
        stats.skippedBinary++;
        return;
      case 'large':
        stats.skippedLarge++;
        return;
      case 'unreadable':
        return;
    }
  };
  return { files, stats, take };
}

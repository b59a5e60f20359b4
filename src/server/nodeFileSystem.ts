// The language server's one Node file-system adapter: stats, reads and lists files with node:fs (a browser build passes another).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { findMarkdownFiles } from '../services/fileSystemService';
import type { FileStat, ServerFileSystem } from './fileSystem';

/** Forward slashes, as the server keys paths (Windows paths come in with backslashes). */
function slashes(p: string): string {
  return p.split(path.sep).join('/');
}

/** Reads the workspace from the local disk. */
export const nodeFileSystem: ServerFileSystem = {
  async stat(file: string): Promise<FileStat | undefined> {
    try {
      const s = await fs.stat(file);
      return s.isFile() ? { mtime: s.mtimeMs, size: s.size } : undefined;
    } catch {
      return undefined;
    }
  },
  async readText(file: string): Promise<string | undefined> {
    try {
      return await fs.readFile(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  async findMarkdownFiles(root: string): Promise<string[]> {
    return (await findMarkdownFiles(root)).map(slashes);
  },
};

// The language server's file system in the browser: no disk to read, so the server asks its client (the web
// extension, which reads through vscode.workspace.fs) with the ServerFileRequests. Free of Node APIs.
import { ServerFileRequests } from '../constants';
import type { FileStat, ServerFileSystem } from './fileSystem';
import { pathToUri, uriToPath } from './uri';

/** What the file system needs of the connection: requests to the client. */
export interface RequestSender {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
}

/** Reads the workspace by asking the client; an unanswered or failed request reads as "no such file". */
export function clientFileSystem(connection: RequestSender): ServerFileSystem {
  const ask = async <R>(method: string, path: string): Promise<R | undefined> => {
    try {
      return (await connection.sendRequest<R | null>(method, { uri: pathToUri(path) })) ?? undefined;
    } catch {
      return undefined;
    }
  };
  return {
    async stat(path: string): Promise<FileStat | undefined> {
      const stat = await ask<FileStat>(ServerFileRequests.stat, path);
      return stat && typeof stat.mtime === 'number' && typeof stat.size === 'number'
        ? { mtime: stat.mtime, size: stat.size }
        : undefined;
    },
    async readText(path: string): Promise<string | undefined> {
      const text = await ask<string>(ServerFileRequests.readText, path);
      return typeof text === 'string' ? text : undefined;
    },
    async findMarkdownFiles(root: string): Promise<string[]> {
      const uris = await ask<unknown[]>(ServerFileRequests.findMarkdownFiles, root);
      return (Array.isArray(uris) ? uris : []).flatMap((u) => (typeof u === 'string' ? (uriToPath(u) ?? []) : []));
    },
  };
}

// The web extension's transport to the language server: the server (src/server/browser.ts) runs in a Worker of its
// own where the host allows one (vscode.dev), else in the extension's own worker over a MessageChannel (a web extension
// served by a remote host, as in code-server and github.dev's remote hubs, cannot create a Worker). Either way the
// server reads the workspace by asking the client (ServerFileRequests), answered here through vscode.workspace.fs, so
// it works on any file-system provider.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { DIAGNOSTIC_SOURCE, ServerFileRequests, SERVER_NAME } from '../../constants';
import { runBrowserServer, type MessagePortLike } from '../../server/browser';
import { findFiles } from './findFiles';

/** Folders the server's document list leaves out, as the Node server's walk does. */
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/out/**,**/dist/**}';

/** What a request handler registration needs of the client (vscode-languageclient's `onRequest`). */
interface RequestTarget {
  onRequest(method: string, handler: (params: { uri?: unknown }) => unknown): vscode.Disposable;
}

/** The URI a file request names, or undefined when it names none. */
function requestedUri(params: { uri?: unknown } | undefined): vscode.Uri | undefined {
  return typeof params?.uri === 'string' ? vscode.Uri.parse(params.uri, true) : undefined;
}

/** Answers the server's file requests through vscode.workspace.fs; a file that cannot be read answers null. */
export function answerFileRequests(client: RequestTarget): vscode.Disposable[] {
  return [
    client.onRequest(ServerFileRequests.stat, async (params) => {
      const uri = requestedUri(params);
      const stat = uri && (await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined));
      return stat && stat.type & vscode.FileType.File ? { mtime: stat.mtime, size: stat.size } : null;
    }),
    client.onRequest(ServerFileRequests.readText, async (params) => {
      const uri = requestedUri(params);
      const bytes = uri && (await Promise.resolve(vscode.workspace.fs.readFile(uri)).catch(() => undefined));
      return bytes ? new TextDecoder('utf-8').decode(bytes) : null;
    }),
    client.onRequest(ServerFileRequests.findMarkdownFiles, async (params) => {
      const uri = requestedUri(params);
      if (!uri) return [];
      const found = await findFiles(new vscode.RelativePattern(uri, '**/*.{md,markdown}'), EXCLUDE);
      return found.map((u) => u.toString());
    }),
  ];
}

/** The server's own Worker running `script` (dist/web/server.js), or undefined where the host allows none. */
function serverWorker(script: vscode.Uri): MessagePortLike | undefined {
  const WorkerClass = (globalThis as { Worker?: new (url: string) => MessagePortLike }).Worker;
  // An extension served by a remote host gets no Worker ("Creating workers from remote extensions is currently not
  // supported"); a script that fails to load would only fail later, so no Worker is tried where none can load.
  if (!WorkerClass || script.scheme === 'vscode-remote') return undefined;
  try {
    return new WorkerClass(script.toString(true));
  } catch {
    return undefined; // "Creating workers from remote extensions is currently not supported"
  }
}

/**
 * Creates (does not start) the browser language client, with the file requests answered. With `workerScript` (the
 * server's worker bundle, dist/web/server.js, which the .vsix does not ship today: it would add 225 KB) the server
 * runs in a Worker of its own where the host allows one; otherwise, and where it does not, in this worker over a
 * MessageChannel.
 */
export function browserLanguageClient(
  clientOptions: LanguageClientOptions,
  options: { workerScript?: vscode.Uri } = {},
): LanguageClient {
  let port = options.workerScript ? serverWorker(options.workerScript) : undefined;
  if (!port) {
    const channel = new MessageChannel();
    runBrowserServer(channel.port1 as unknown as MessagePortLike);
    port = channel.port2 as unknown as MessagePortLike;
  }
  const client = new LanguageClient(SERVER_NAME, DIAGNOSTIC_SOURCE, clientOptions, port as never);
  answerFileRequests(client as unknown as RequestTarget);
  return client;
}

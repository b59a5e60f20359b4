// The language server's browser entry: the protocol over a MessagePort (or a Worker's own scope), the workspace read
// through the client (./clientFileSystem.ts). It runs in the web extension's own worker over a MessageChannel (a web
// extension served by a remote host cannot start a Worker) or in a Worker of its own (./browserWorker.ts). No Node API.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { clientFileSystem } from './clientFileSystem';
import { startServer, type ServerOptions } from './server';

/** What the protocol can run over: a MessagePort (one end of a MessageChannel), a Worker, or a worker's global scope. */
export type MessagePortLike = ConstructorParameters<typeof BrowserMessageReader>[0];

/** What the browser entry may be given besides the port (the file system defaults to asking the client). */
export type BrowserServerOptions = Partial<ServerOptions>;

/**
 * Serves the protocol on `port`; the client at the other end answers the ServerFileRequests.
 * Returns the connection, whose `onExit` tells when the client said `exit`.
 */
export function runBrowserServer(
  port: MessagePortLike,
  options: BrowserServerOptions = {},
): ReturnType<typeof createConnection> {
  const connection = createConnection(new BrowserMessageReader(port), new BrowserMessageWriter(port));
  startServer(connection, {
    ...options,
    fs: options.fs ?? clientFileSystem(connection),
    ruleDocumentation: options.ruleDocumentation ?? (() => undefined),
  });
  return connection;
}

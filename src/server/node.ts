// The language server's Node entry: a connection over stdio (or given streams) and the Node file system; `incident-workbench lsp --stdio` calls it.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { ServerRequests } from '../constants';
import { nodeFileSystem } from './nodeFileSystem';
import { startServer, type ServerOptions } from './server';
import type { RuleDocumentation } from './diagnostics';

/** What the Node entry may be given besides the streams. */
export type NodeServerOptions = Partial<Omit<ServerOptions, 'fs'>>;

/**
 * Serves the protocol on `input` and `output` (the process's stdin and stdout for `lsp --stdio`).
 * Returns the connection, whose `onExit` tells when the client said `exit`.
 */
export function runNodeServer(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  options: NodeServerOptions = {},
): ReturnType<typeof createConnection> {
  const connection = createConnection(new StreamMessageReader(input), new StreamMessageWriter(output));
  startServer(connection, {
    ...options,
    fs: nodeFileSystem,
    ruleDocumentation: options.ruleDocumentation ?? ruleDocumentationLinks(),
  });
  return connection;
}

/**
 * Serves the protocol over Node IPC with the parent process (the VS Code extension's language client forks
 * dist/server.js with `--node-ipc`), and answers `ServerRequests.processId` with this process's id.
 */
export function runNodeIpcServer(options: NodeServerOptions = {}): ReturnType<typeof createConnection> {
  const connection = createConnection(new IPCMessageReader(process), new IPCMessageWriter(process));
  // The client's fault tests and its log ask which process serves them.
  connection.onRequest(ServerRequests.processId, () => process.pid);
  startServer(connection, {
    ...options,
    fs: nodeFileSystem,
    ruleDocumentation: options.ruleDocumentation ?? ruleDocumentationLinks(),
  });
  return connection;
}

/**
 * Links to the rules' pages: on the package's repository when it names one (as SARIF's `helpUri`),
 * else the `docs/rules/<ID>.md` files shipped with the package, next to the bundle (dist/cli.js) or the sources.
 */
export function ruleDocumentationLinks(repositoryWebUrl?: string): RuleDocumentation {
  if (repositoryWebUrl) return (id) => `${repositoryWebUrl}/blob/HEAD/docs/rules/${id}.md`;
  const folder = [
    path.resolve(__dirname, '..', 'docs', 'rules'),
    path.resolve(__dirname, '..', '..', '..', 'docs', 'rules'),
  ].find((dir) => existsSync(dir));
  return (id) => (folder ? pathToFileURL(path.join(folder, `${id}.md`)).href : undefined);
}

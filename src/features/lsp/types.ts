// What an entry gives the language-client feature: how to create the client over its transport (Node IPC on the
// desktop, a MessagePort to a worker in the browser). Types only, so this file is free of any transport.
import type * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';

/**
 * Creates (does not start) the language client for the extension at `extensionUri` with `clientOptions`.
 * The desktop entry passes `nodeServerStarter` (./nodeStarter.ts: dist/server.js over Node IPC).
 */
export type ServerStarter = (extensionUri: vscode.Uri, clientOptions: LanguageClientOptions) => BaseLanguageClient;

/** What `InternalCommands.languageServer` answers. */
export interface LanguageServerStatus {
  /** Whether the client is running (started and not stopped; false while it restarts the server). */
  readonly running: boolean;
  /** The server's process id, when it runs in a process of its own and answers. */
  readonly pid?: number;
}

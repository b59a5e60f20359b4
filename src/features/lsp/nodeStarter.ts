// The desktop transport of the language client: the bundled server (dist/server.js) in a Node process of its own,
// over IPC. The one file of the client that uses Node (vscode-languageclient/node); the web entry never imports it.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { DIAGNOSTIC_SOURCE, SERVER_NAME } from '../../constants';
import type { ServerStarter } from './types';

/** Starts dist/server.js next to the extension's bundles; the client restarts it when it dies. */
export const nodeServerStarter: ServerStarter = (extensionUri, clientOptions) => {
  const module = vscode.Uri.joinPath(extensionUri, 'dist', 'server.js').fsPath;
  return new LanguageClient(
    SERVER_NAME,
    DIAGNOSTIC_SOURCE,
    {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    },
    clientOptions,
  );
};

// The language server in a Worker of its own (dist/web/server.js; vscode.dev can start one, a web extension served by
// a remote host cannot): the protocol over the worker's own message port.
import { runBrowserServer, type MessagePortLike } from './browser';

declare const self: MessagePortLike;

runBrowserServer(self);

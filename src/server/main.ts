// The language server's process in the VS Code extension (dist/server.js, forked by the extension's language client
// with --node-ipc). The server's code ships inside dist/heavy.js, which shares core with the extension's features
// (src/features/heavyNode.ts): this entry loads it and serves; nothing there that needs `vscode` is evaluated.

// eslint-disable-next-line @typescript-eslint/no-require-imports -- dist/heavy.js, next to this bundle
(require('./heavy.js') as { runLanguageServer(): void }).runLanguageServer();

// The web extension's entry (dist/web/extension.js, the manifest's `browser` entry): the same wiring as the
// desktop one, in VS Code's web worker extension host (github.dev, vscode.dev). scripts/build.mjs bundles the heavy
// half into it and swaps the Node services for their vscode.workspace.fs versions (src/features/web/).
export { activate, deactivate } from './extension';

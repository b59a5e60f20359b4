// The desktop's dist/heavy.js (scripts/build.mjs): the heavy half of the extension (heavy.ts) with the Node transport
// of the language client, and the language server itself, which dist/server.js starts in a process of its own.
// One bundle, so the server and the extension share core's code in the .vsix. Each part is `require`d on first use,
// which makes esbuild run its modules lazily: the server's process never evaluates a module that loads `vscode`.
import type * as Heavy from './heavy';
import type * as NodeStarter from './lsp/nodeStarter';
import type * as NodeServer from '../server/node';

/** The package version, set by scripts/build.mjs. */
declare const __VERSION__: string | undefined;

let features: typeof Heavy | undefined;
/* eslint-disable @typescript-eslint/no-require-imports -- lazy on purpose, see the top of the file */
const load = (): typeof Heavy => (features ??= require('./heavy') as typeof Heavy);

export const registerFeatures: typeof Heavy.registerFeatures = (...args) => load().registerFeatures(...args);
export const extendMarkdownIt: typeof Heavy.extendMarkdownIt = (...args) => load().extendMarkdownIt(...args);
export const parseConfig: typeof Heavy.parseConfig = (...args) => load().parseConfig(...args);
export const applySeverityMatrix: typeof Heavy.applySeverityMatrix = (...args) => load().applySeverityMatrix(...args);
export const parseSeverityMatrix: typeof Heavy.parseSeverityMatrix = (...args) => load().parseSeverityMatrix(...args);

/** The language server in a Node process of its own (dist/server.js), over IPC. */
export const serverStarter: NonNullable<typeof Heavy.serverStarter> = (...args) =>
  (require('./lsp/nodeStarter') as typeof NodeStarter).nodeServerStarter(...args);

/** Serves the language server over Node IPC: called by dist/server.js in the process the client forked. */
export function runLanguageServer(): void {
  (require('../server/node') as typeof NodeServer).runNodeIpcServer({
    version: typeof __VERSION__ === 'string' ? __VERSION__ : undefined,
  });
}
/* eslint-enable @typescript-eslint/no-require-imports */

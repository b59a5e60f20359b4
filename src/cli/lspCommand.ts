// `incident-workbench lsp --stdio`: runs the language server on standard input and output, for any editor's LSP client.
import { parseArgs, format } from 'node:util';
import { runNodeServer } from '../server/node';
import { ruleDocumentationLinks } from '../server/node';
import { UsageError, type Io } from './common';
import { repositoryWebUrl } from './formats';

export const LSP_USAGE = `Usage:
  incident-workbench lsp --stdio

Runs the Incident Workbench language server, speaking the Language Server Protocol on
standard input and output: the same findings, quick fixes, hovers, CodeLens and completion as
the VS Code extension, for Neovim, Helix, Emacs (eglot), Zed and any other LSP client.
The workspace is the folder the client opens (its root URI); its .incident-workbench.yaml,
severity matrix and slo.yaml are read from there. Set-ups for each editor: docs/editors.md.
  --stdio   talk over standard input and output (the only transport)
Initialization options (JSON, all optional): {"maxFileSize": bytes, "profile": "NAME"}.`;

/** What the command needs besides its arguments. */
export interface LspCommandOptions {
  /** The package version, for the server's `initialize` answer. */
  readonly version: string;
  /** The package's repository URL, for the rules' documentation links. */
  readonly repository?: string;
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
}

/**
 * Serves until the client's `exit` (which ends the process) or the end of standard input.
 * Resolves with the exit code; anything the code would print goes to standard error, never into the protocol.
 */
export async function runLsp(args: readonly string[], io: Io, options: LspCommandOptions): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { stdio: { type: 'boolean', default: false } } });
  if (!values.stdio) throw new UsageError('lsp needs --stdio (the only transport): incident-workbench lsp --stdio');
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  if (output === process.stdout) {
    // Standard output carries the protocol: stray logging would corrupt it.
    console.log = console.info = console.debug = (...a: unknown[]) => io.err(format(...a));
  }
  const web = options.repository ? repositoryWebUrl(options.repository) : undefined;
  const connection = runNodeServer(input, output, {
    version: options.version,
    ruleDocumentation: ruleDocumentationLinks(web),
  });
  return new Promise<number>((resolve) => {
    connection.onExit(() => resolve(0));
    input.on('end', () => resolve(0));
  });
}

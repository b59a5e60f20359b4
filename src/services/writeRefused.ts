// The refusal to write a new document, shared by the Node writer and the web extension's vscode.workspace.fs one (no Node import here).

/** Why a document was not written, in the user's words. */
export class WriteRefusedError extends Error {
  constructor(
    message: string,
    readonly reason: 'exists' | 'outside' | 'io',
  ) {
    super(message);
  }
}

// The one reader of a workspace file that is not an incident document (a YAML configuration, a baseline, a manifest).
import * as vscode from 'vscode';

/** How `readTextFile` reads. */
export interface ReadTextOptions {
  /** Files larger than this are not read (the result is undefined). */
  readonly maxBytes?: number;
  /** When the file is open in an editor, its text there (unsaved edits win) rather than the saved file's. */
  readonly unsavedEdits?: boolean;
}

const decoder = new TextDecoder('utf-8');

/**
 * The text of `uri`, read as UTF-8; undefined when it is larger than `maxBytes`. Throws when the file cannot be
 * read (missing, a folder, no permission), for the caller to report with the file's name.
 */
export async function readTextFile(uri: vscode.Uri, options: ReadTextOptions = {}): Promise<string | undefined> {
  if (options.unsavedEdits) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open)
      return options.maxBytes !== undefined && open.getText().length > options.maxBytes ? undefined : open.getText();
  }
  if (options.maxBytes !== undefined && (await vscode.workspace.fs.stat(uri)).size > options.maxBytes) return undefined;
  return decoder.decode(await vscode.workspace.fs.readFile(uri));
}

/** Whether `uri` names a file (not a folder) that exists. */
export async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}

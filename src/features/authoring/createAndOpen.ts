// Writes a new document at a path core computed (never over an existing file) and opens it with the cursor on the first blank to fill.
import * as vscode from 'vscode';
import { firstBlankLine, nextFreePath, UnsafePathError } from '../../core';
import { existsUnder, takenNamesIn, writeNewDocument, WriteRefusedError } from '../../services/documentWriter';

/** What to do when the path is taken; `ask` shows a modal choice, the others are for callers that must not block. */
export type IfExists = 'ask' | 'open' | 'next' | 'fail';

/** A request to create one document. */
export interface NewDocument {
  readonly folder: vscode.WorkspaceFolder;
  /** Workspace-relative, forward slashes, from core's `documentPath`. */
  readonly relativePath: string;
  /** The text, or a function that builds it once the path is settled (so git runs only when a file will be written). */
  readonly text: string | (() => Promise<string>);
  /** `postmortem`, `runbook`, `incident record`: for messages. */
  readonly what: string;
  readonly ifExists: IfExists;
}

/**
 * Creates the document and opens it; returns its URI, the existing document's URI when the
 * author chose to open that instead, or undefined when nothing was written (cancelled or refused,
 * after saying why).
 */
export async function createAndOpen(
  request: NewDocument,
  log: vscode.LogOutputChannel,
): Promise<vscode.Uri | undefined> {
  const { folder, what } = request;
  const root = folder.uri.fsPath;
  const uriOf = (relative: string) => vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
  let relativePath = request.relativePath;

  if (await existsUnder(root, relativePath)) {
    const alternative = nextFreePath(relativePath, await takenNamesIn(root, relativePath));
    const choice = await chooseOnConflict(request, alternative);
    if (choice === 'open') {
      await showDocument(uriOf(relativePath), undefined);
      return uriOf(relativePath);
    }
    if (choice !== 'next') return undefined;
    relativePath = alternative;
  }

  const text = typeof request.text === 'string' ? request.text : await request.text();
  try {
    await writeNewDocument(root, relativePath, text);
  } catch (e) {
    if (e instanceof WriteRefusedError || e instanceof UnsafePathError) {
      log.warn(`Did not create the ${what}: ${e.message}`);
      const open = e instanceof WriteRefusedError && e.reason === 'exists' ? vscode.l10n.t('Open Existing') : undefined;
      void vscode.window
        .showErrorMessage(vscode.l10n.t('The {0} was not created: {1}', what, e.message), ...(open ? [open] : []))
        .then((c) => {
          if (c) void showDocument(uriOf(relativePath), undefined);
        });
      return undefined;
    }
    throw e;
  }
  log.info(`Created the ${what} ${relativePath} in ${folder.name}.`);
  const uri = uriOf(relativePath);
  await showDocument(uri, firstBlank(text));
  return uri;
}

async function chooseOnConflict(request: NewDocument, alternative: string): Promise<'open' | 'next' | undefined> {
  switch (request.ifExists) {
    case 'open':
      return 'open';
    case 'next':
      return 'next';
    case 'fail':
      void vscode.window.showErrorMessage(
        vscode.l10n.t('{0} already exists; nothing was written.', request.relativePath),
      );
      return undefined;
    case 'ask': {
      const name = alternative.slice(alternative.lastIndexOf('/') + 1);
      const create = vscode.l10n.t('Create {0}', name);
      const openExisting = vscode.l10n.t('Open Existing');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('{0} already exists.', request.relativePath),
        {
          modal: true,
          detail: vscode.l10n.t(
            'Nothing is overwritten. Open the existing {0}, or create a new one named {1} next to it.',
            request.what,
            name,
          ),
        },
        openExisting,
        create,
      );
      return choice === openExisting ? 'open' : choice === create ? 'next' : undefined;
    }
  }
}

/** The range to select: the first `<...>` blank on the template's first line to fill, else the start of that line. */
function firstBlank(text: string): vscode.Range {
  const line = firstBlankLine(text);
  const lineText = text.split('\n')[line] ?? '';
  const blank = /<[^>]+>/.exec(lineText);
  return blank
    ? new vscode.Range(line, blank.index, line, blank.index + blank[0].length)
    : new vscode.Range(line, 0, line, 0);
}

async function showDocument(uri: vscode.Uri, selection: vscode.Range | undefined): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false, selection });
  if (selection) editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

// Finish: writes the wizard's postmortem and chosen runbook skeletons through one WorkspaceEdit (never over an existing file, never outside the folder), opens the postmortem and reports the linter's result.
import * as vscode from 'vscode';
import { lintWorkspaceFile, nextFreePath, type Profile } from '../../core';
import { plural } from '../../core/text';
import type { SloDefinition } from '../../core/slo';
import { evaluateDraft, runbookSkeletons } from '../../core/wizard';
import { existsUnder, refusalFor, takenNamesIn } from '../../services/documentWriter';
import type { WizardCommit, WizardDraft } from '../../webview/protocol';

/** What Finish needs besides the draft. */
export interface FinishContext {
  readonly folder: vscode.WorkspaceFolder;
  readonly profile: Profile;
  /** YYYY-MM-DD (UTC): the postmortem's date when the draft has no start time. */
  readonly date: string;
  readonly commits: readonly WizardCommit[];
  readonly slos: readonly SloDefinition[];
  readonly log: vscode.LogOutputChannel;
}

/** What Finish did: the postmortem's workspace-relative path, or why nothing was written. */
export type FinishResult =
  | { readonly written: true; readonly path: string; readonly uri: vscode.Uri }
  | { readonly written: false; readonly reason: string };

/** A file to create. */
interface PlannedFile {
  readonly relativePath: string;
  readonly text: string;
  readonly what: string;
}

/**
 * Writes the draft's documents. Asks first (modal) when the postmortem would have error-level
 * findings. The postmortem goes to the next free name when its path is taken; a runbook whose
 * path is taken is left alone (and said so). Nothing is written unless every path is safe.
 * `onWritten` runs once the files are saved, before the postmortem is opened.
 */
export async function finishWizard(
  draft: WizardDraft,
  context: FinishContext,
  onWritten: (path: string) => Promise<void>,
): Promise<FinishResult> {
  const { folder, profile, date, log } = context;
  if (!vscode.workspace.isTrusted)
    return {
      written: false,
      reason: vscode.l10n.t('This workspace is not trusted, so the wizard writes no file. Your draft is kept.'),
    };
  if (!profile.documents.postmortem)
    return {
      written: false,
      reason: vscode.l10n.t('The {0} profile has no postmortems, so there is nowhere to write one.', profile.name),
    };
  const evaluation = evaluateDraft(profile, draft, { date, commits: context.commits, slos: context.slos });
  const errors = evaluation.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const write = vscode.l10n.t('Write Anyway');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('The postmortem still has {0}.', plural(errors.length, 'error')),
      {
        modal: true,
        detail: errors
          .slice(0, 8)
          .map((f) => `${f.ruleId}: ${f.message}`)
          .join('\n'),
      },
      write,
    );
    if (choice !== write)
      return { written: false, reason: vscode.l10n.t('Not written: fix the errors, or choose Write Anyway.') };
  }

  const root = folder.uri.fsPath;
  const notes: string[] = [];
  const planned: PlannedFile[] = [];
  const postmortemPath = (await existsUnder(root, evaluation.path))
    ? nextFreePath(evaluation.path, await takenNamesIn(root, evaluation.path))
    : evaluation.path;
  if (postmortemPath !== evaluation.path)
    notes.push(
      vscode.l10n.t('{0} already exists, so the postmortem was written to {1}.', evaluation.path, postmortemPath),
    );
  planned.push({ relativePath: postmortemPath, text: evaluation.markdown, what: 'postmortem' });
  for (const runbook of runbookSkeletons(profile, draft, date)) {
    if (await existsUnder(root, runbook.path))
      notes.push(vscode.l10n.t('The runbook {0} already exists and was left as it is.', runbook.path));
    else planned.push({ relativePath: runbook.path, text: runbook.text, what: 'runbook' });
  }
  for (const file of planned) {
    const problem = await refusalFor(root, file.relativePath);
    if (problem) return { written: false, reason: vscode.l10n.t('Nothing was written: {0}', problem) };
  }

  const edit = new vscode.WorkspaceEdit();
  const uriOf = (relative: string) => vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
  for (const file of planned) {
    const uri = uriOf(file.relativePath);
    edit.createFile(uri, { overwrite: false, ignoreIfExists: false });
    edit.insert(uri, new vscode.Position(0, 0), file.text);
  }
  if (!(await vscode.workspace.applyEdit(edit)))
    return {
      written: false,
      reason: vscode.l10n.t('VS Code did not create the files (one may have appeared meanwhile). Your draft is kept.'),
    };
  for (const file of planned) {
    const document = await vscode.workspace.openTextDocument(uriOf(file.relativePath));
    if (!(await document.save()))
      log.warn(`The incident wizard created ${file.relativePath} but could not save it; it is open with unsaved text.`);
    else log.info(`The incident wizard created the ${file.what} ${file.relativePath} in ${folder.name}.`);
  }

  await onWritten(postmortemPath);
  const uri = uriOf(postmortemPath);
  await vscode.window.showTextDocument(uri, { preview: false });
  const findings =
    lintWorkspaceFile(postmortemPath, evaluation.markdown, profile, {
      slos: context.slos.length > 0 ? context.slos : undefined,
    })?.findings ?? [];
  const openProblems = vscode.l10n.t('Open Problems');
  const written = planned.length > 1 ? vscode.l10n.t(' (and {0})', plural(planned.length - 1, 'runbook')) : '';
  void vscode.window
    .showInformationMessage(
      [vscode.l10n.t('Postmortem written{0}: {1}.', written, plural(findings.length, 'finding')), ...notes].join(' '),
      ...(findings.length > 0 ? [openProblems] : []),
    )
    .then((choice) => {
      if (choice === openProblems) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  return { written: true, path: postmortemPath, uri };
}

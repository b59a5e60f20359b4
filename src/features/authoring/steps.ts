// The prompts the authoring commands share (folder, trust, title, date, severity, time); each resolves undefined when the author presses Escape.
import * as vscode from 'vscode';
import { slugify, type Profile } from '../../core';
import { canWriteIn } from '../../services/documentWriter';
import { dateProblem, displayTime, endProblem, parseIncidentTime } from './inputs';

/** Where a multi-step prompt is: shown in its title as `New Postmortem (2/5)`. */
export interface Step {
  readonly command: string;
  readonly index: number;
  readonly total: number;
}

const stepTitle = (step: Step) => vscode.l10n.t('{0} ({1}/{2})', step.command, step.index, step.total);

/**
 * Whether the command may write files: false, after explaining why, in Restricted Mode.
 * New documents are built from the workspace's own configuration file, which an untrusted
 * workspace must not get to act on.
 */
export async function requireTrust(command: string): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      '{0} creates a file, which Incident Workbench does not do in Restricted Mode. Trust this workspace to create incident documents.',
      command,
    ),
    vscode.l10n.t('Manage Workspace Trust'),
  );
  if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
  return false;
}

/**
 * The workspace folder a new document goes in: the only one, the one named `name`, or the one
 * the author picks. Undefined (after saying why) when there is none on disk.
 */
export async function chooseFolder(what: string, name?: string): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Open a folder first: a new {0} is written inside a workspace folder.', what),
    );
    return undefined;
  }
  let folder: vscode.WorkspaceFolder | undefined;
  if (name !== undefined) {
    folder = folders.find((f) => f.name === name || f.uri.fsPath === name);
    if (!folder) throw new Error(`There is no workspace folder named "${name}".`);
  } else {
    folder =
      folders.length === 1
        ? folders[0]
        : await vscode.window.showWorkspaceFolderPick({
            placeHolder: vscode.l10n.t('Which folder should the new {0} go in?', what),
            ignoreFocusOut: true,
          });
  }
  if (folder && !canWriteIn(folder.uri)) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Incident Workbench creates documents only in folders on disk; {0} is not one.', folder.name),
    );
    return undefined;
  }
  return folder;
}

/** Asks for a title; never empty. */
export async function askTitle(step: Step, prompt: string, placeHolder: string): Promise<string | undefined> {
  const title = await vscode.window.showInputBox({
    title: stepTitle(step),
    prompt,
    placeHolder,
    ignoreFocusOut: true,
    validateInput: (text) =>
      text.trim()
        ? {
            message: vscode.l10n.t('File name from the title: …{0}', `${slugify(text)}.md`),
            severity: vscode.InputBoxValidationSeverity.Info,
          }
        : vscode.l10n.t('Write a title: it names the file.'),
  });
  return title?.trim();
}

/** Asks for the incident date (default `today`), showing the path the document will get. */
export async function askDate(
  step: Step,
  today: string,
  pathFor: (date: string) => string,
): Promise<string | undefined> {
  const date = await vscode.window.showInputBox({
    title: stepTitle(step),
    prompt: vscode.l10n.t('The date of the incident, YYYY-MM-DD (UTC). Today is the default.'),
    value: today,
    ignoreFocusOut: true,
    validateInput: (text) => {
      const problem = dateProblem(text);
      if (problem) return problem;
      try {
        return {
          message: vscode.l10n.t('Creates {0}', pathFor(text.trim())),
          severity: vscode.InputBoxValidationSeverity.Info,
        };
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    },
  });
  return date?.trim();
}

interface SeverityItem extends vscode.QuickPickItem {
  readonly id: string | undefined;
}

/** Picks a level of the profile's scale; `{ id: undefined }` for "not known yet", undefined on Escape. */
export async function pickSeverity(step: Step, profile: Profile): Promise<{ id: string | undefined } | undefined> {
  const items: SeverityItem[] = profile.severities.map((level) => ({
    id: level.id,
    label: level.id,
    description: level.label,
    detail: level.responseTime
      ? vscode.l10n.t('{0} Response: {1}.', level.definition, level.responseTime)
      : level.definition,
  }));
  items.push({
    id: undefined,
    label: vscode.l10n.t('$(question) Not known yet'),
    description: vscode.l10n.t('leaves a <severity> blank to fill in'),
    detail: vscode.l10n.t('The linter reminds you until the severity is set.'),
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: stepTitle(step),
    placeHolder: vscode.l10n.t('Severity on the {0} scale', profile.title),
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  return picked ? { id: picked.id } : undefined;
}

/**
 * Asks for the start or the end of the incident: `HH:MM` (UTC, on `date`), an ISO date and
 * time, or blank. `{ date: undefined }` for blank, undefined on Escape.
 */
export async function askTime(
  step: Step,
  which: 'start' | 'end',
  date: string,
  start?: Date,
): Promise<{ date: Date | undefined } | undefined> {
  const read = (text: string): { date: Date | undefined } | string => {
    const r = parseIncidentTime(text, date);
    if (!r.ok) return r.message;
    const problem = which === 'end' && r.date ? endProblem(start, r.date) : undefined;
    return problem ?? { date: r.date };
  };
  const text = await vscode.window.showInputBox({
    title: stepTitle(step),
    prompt:
      which === 'start'
        ? vscode.l10n.t(
            'When the incident started: HH:MM (UTC, on {0}) or a date and time such as {1}. Leave blank if not known.',
            date,
            `${date}T14:28Z`,
          )
        : start
          ? vscode.l10n.t(
              'When it was resolved: HH:MM (UTC, on {0}) or a date and time, after {1}. Leave blank if not known.',
              date,
              displayTime(start),
            )
          : vscode.l10n.t(
              'When it was resolved: HH:MM (UTC, on {0}) or a date and time. Leave blank if not known.',
              date,
            ),
    placeHolder: vscode.l10n.t('HH:MM, or blank'),
    ignoreFocusOut: true,
    validateInput: (value) => {
      const r = read(value);
      if (typeof r === 'string') return r;
      return r.date ? { message: displayTime(r.date), severity: vscode.InputBoxValidationSeverity.Info } : undefined;
    },
  });
  if (text === undefined) return undefined;
  const r = read(text);
  return typeof r === 'string' ? undefined : r;
}

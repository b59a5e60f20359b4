// The prompts the authoring commands share (folder, trust, title, date, severity, time); each resolves undefined when the author presses Escape.
import * as vscode from 'vscode';
import { slugify, type Profile } from '../../core';
import { dateProblem, displayTime, endProblem, parseIncidentTime } from './inputs';

/** Where a multi-step prompt is: shown in its title as `New Postmortem (2/5)`. */
export interface Step {
  readonly command: string;
  readonly index: number;
  readonly total: number;
}

const stepTitle = (step: Step) => `${step.command} (${step.index}/${step.total})`;

/**
 * Whether the command may write files: false, after explaining why, in Restricted Mode.
 * New documents are built from the workspace's own configuration file, which an untrusted
 * workspace must not get to act on.
 */
export async function requireTrust(command: string): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const choice = await vscode.window.showWarningMessage(
    `${command} creates a file, which Incident Workbench does not do in Restricted Mode. Trust this workspace to create incident documents.`,
    'Manage Workspace Trust',
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
    void vscode.window.showInformationMessage(`Open a folder first: a new ${what} is written inside a workspace folder.`);
    return undefined;
  }
  let folder: vscode.WorkspaceFolder | undefined;
  if (name !== undefined) {
    folder = folders.find((f) => f.name === name || f.uri.fsPath === name);
    if (!folder) throw new Error(`There is no workspace folder named "${name}".`);
  } else {
    folder = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: `Which folder should the new ${what} go in?`, ignoreFocusOut: true });
  }
  if (folder && folder.uri.scheme !== 'file') {
    void vscode.window.showInformationMessage(`Incident Workbench creates documents only in folders on disk; ${folder.name} is not one.`);
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
    validateInput: (text) => text.trim()
      ? { message: `File name from the title: …${slugify(text)}.md`, severity: vscode.InputBoxValidationSeverity.Info }
      : 'Write a title: it names the file.',
  });
  return title?.trim();
}

/** Asks for the incident date (default `today`), showing the path the document will get. */
export async function askDate(step: Step, today: string, pathFor: (date: string) => string): Promise<string | undefined> {
  const date = await vscode.window.showInputBox({
    title: stepTitle(step),
    prompt: 'The date of the incident, YYYY-MM-DD (UTC). Today is the default.',
    value: today,
    ignoreFocusOut: true,
    validateInput: (text) => {
      const problem = dateProblem(text);
      if (problem) return problem;
      try {
        return { message: `Creates ${pathFor(text.trim())}`, severity: vscode.InputBoxValidationSeverity.Info };
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
    detail: level.responseTime ? `${level.definition} Response: ${level.responseTime}.` : level.definition,
  }));
  items.push({ id: undefined, label: '$(question) Not known yet', description: 'leaves a <severity> blank to fill in', detail: 'The linter reminds you until the severity is set.' });
  const picked = await vscode.window.showQuickPick(items, {
    title: stepTitle(step),
    placeHolder: `Severity on the ${profile.title} scale`,
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
export async function askTime(step: Step, which: 'start' | 'end', date: string, start?: Date): Promise<{ date: Date | undefined } | undefined> {
  const read = (text: string): { date: Date | undefined } | string => {
    const r = parseIncidentTime(text, date);
    if (!r.ok) return r.message;
    const problem = which === 'end' && r.date ? endProblem(start, r.date) : undefined;
    return problem ?? { date: r.date };
  };
  const text = await vscode.window.showInputBox({
    title: stepTitle(step),
    prompt: which === 'start'
      ? `When the incident started: HH:MM (UTC, on ${date}) or a date and time such as ${date}T14:28Z. Leave blank if not known.`
      : `When it was resolved: HH:MM (UTC, on ${date}) or a date and time${start ? `, after ${displayTime(start)}` : ''}. Leave blank if not known.`,
    placeHolder: 'HH:MM, or blank',
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

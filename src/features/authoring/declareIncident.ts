// "Incident: Declare Incident": asks title, severity and incident commander; writes the profile's live incident record, status Investigating.
import * as vscode from 'vscode';
import { documentPath, matchSeverity, renderDocument } from '../../core';
import { ifExistsArg, readArgs } from './commandArgs';
import { createAndOpen } from './createAndOpen';
import type { AuthoringDeps } from './deps';
import { dateProblem, utcDate } from './inputs';
import { askTitle, chooseFolder, pickSeverity, requireTrust } from './steps';
import { AuthoringCommandTitles } from './commandTitles';

/** The command's optional argument; with it nothing is asked (`title` required; date default today, UTC). */
export interface DeclareIncidentArgs {
  readonly folder?: string;
  readonly title?: string;
  readonly severity?: string;
  readonly commander?: string;
  readonly date?: string;
  readonly ifExists?: 'open' | 'next' | 'fail';
}

const ARG_FIELDS = ['folder', 'title', 'severity', 'commander', 'date', 'ifExists'] as const;

/** Runs the command; resolves with the new (or the chosen existing) record, or undefined when nothing was written. */
export async function declareIncident(deps: AuthoringDeps, rawArgs?: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireTrust(AuthoringCommandTitles.declareIncident))) return undefined;
  const args = readArgs(rawArgs, ARG_FIELDS);
  const folder = await chooseFolder('incident record', args?.folder);
  if (!folder) return undefined;
  const profile = deps.profiles.profileFor(folder.uri);
  if (!profile.documents.incident) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('The {0} profile has no live incident records, so there is nowhere to write one.', profile.name),
    );
    return undefined;
  }
  const today = utcDate((deps.now ?? (() => new Date()))());

  let title: string | undefined;
  let severity: string | undefined;
  let commander: string | undefined;
  let date = today;
  if (args) {
    title = args.title?.trim();
    if (!title) throw new Error(`${AuthoringCommandTitles.declareIncident} needs a "title" argument.`);
    date = args.date?.trim() ?? today;
    const problem = dateProblem(date);
    if (problem) throw new Error(`date: ${problem}`);
    if (args.severity !== undefined && args.severity.trim() !== '') {
      const level = matchSeverity(args.severity, profile);
      if (!level)
        throw new Error(
          `"${args.severity}" is not in the ${profile.name} profile's scale (${profile.severities.map((s) => s.id).join(', ')}).`,
        );
      severity = level.id;
    }
    commander = args.commander?.trim() || undefined;
  } else {
    title = await askTitle(
      { command: AuthoringCommandTitles.declareIncident, index: 1, total: 3 },
      vscode.l10n.t('What is happening, in a few words: the title of the incident record (dated {0}).', today),
      vscode.l10n.t('e.g. Checkout returns 502 for EU customers'),
    );
    if (!title) return undefined;
    const level = await pickSeverity({ command: AuthoringCommandTitles.declareIncident, index: 2, total: 3 }, profile);
    if (!level) return undefined;
    severity = level.id;
    const ic = await vscode.window.showInputBox({
      title: vscode.l10n.t('{0} ({1}/{2})', AuthoringCommandTitles.declareIncident, 3, 3),
      prompt: vscode.l10n.t('Who is the incident commander? Leave blank to fill in later.'),
      placeHolder: vscode.l10n.t('Name or handle'),
      ignoreFocusOut: true,
    });
    if (ic === undefined) return undefined;
    commander = ic.trim() || undefined;
  }

  const relativePath = documentPath(profile, 'incident', { date, slug: title });
  return createAndOpen(
    {
      folder,
      relativePath,
      what: 'incident record',
      ifExists: args ? ifExistsArg(args.ifExists) : 'ask',
      text: renderDocument(profile, 'incident', { title, date, severity, incidentCommander: commander }),
    },
    deps.log,
  );
}

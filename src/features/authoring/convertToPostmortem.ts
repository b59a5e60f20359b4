// "Incident: Convert to Postmortem": a new postmortem carrying the active incident record's title, date, severity, timeline and evidence.
import * as vscode from 'vscode';
import { documentPath, postmortemValuesFromIncident, renderDocument } from '../../core';
import { activeRecord, whereKindLives } from './activeRecord';
import { ifExistsArg, readArgs } from './commandArgs';
import { createAndOpen } from './createAndOpen';
import type { AuthoringDeps } from './deps';
import { utcDate } from './inputs';
import { chooseFolder, requireTrust } from './steps';
import { AuthoringCommandTitles } from './commandTitles';

/** The command's optional argument (a menu passes the record's URI instead). */
export interface ConvertToPostmortemArgs {
  /** What to do, without asking, when the postmortem's file exists. */
  readonly ifExists?: 'open' | 'next' | 'fail';
}

/** Runs the command; resolves with the new (or the chosen existing) postmortem, or undefined when nothing was written. */
export async function convertToPostmortem(deps: AuthoringDeps, rawArgs?: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireTrust(AuthoringCommandTitles.convertToPostmortem))) return undefined;
  const args = readArgs(rawArgs, ['ifExists'] as const);
  const record = activeRecord(deps, AuthoringCommandTitles.convertToPostmortem, rawArgs);
  if (!record) return undefined;
  const { profile, kind, name } = record;
  if (kind !== 'incident') {
    const what = kind ? vscode.l10n.t('a {0}', kind) : vscode.l10n.t('not an incident document');
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        '{0} is {1}, not a live incident record. {2} starts from an incident record; under the {3} profile those are {4}.',
        name,
        what,
        AuthoringCommandTitles.convertToPostmortem,
        profile.name,
        whereKindLives(profile, 'incident'),
      ),
    );
    return undefined;
  }
  if (!profile.documents.postmortem) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('The {0} profile has no postmortems, so there is nowhere to write one.', profile.name),
    );
    return undefined;
  }
  const folder = vscode.workspace.getWorkspaceFolder(record.document.uri) ?? (await chooseFolder('postmortem'));
  if (!folder) return undefined;

  const values = postmortemValuesFromIncident(record.doc, profile, utcDate((deps.now ?? (() => new Date()))()));
  let relativePath = documentPath(profile, 'postmortem', { date: values.date, slug: values.title });
  // Profiles that keep records and postmortems in one folder under one pattern (agent) would name the record itself.
  if (relativePath === record.relativePath)
    relativePath = documentPath(profile, 'postmortem', { date: values.date, slug: `${values.title} postmortem` });
  return createAndOpen(
    {
      folder,
      relativePath,
      what: 'postmortem',
      ifExists: args ? ifExistsArg(args.ifExists) : 'ask',
      text: renderDocument(profile, 'postmortem', values),
    },
    deps.log,
  );
}

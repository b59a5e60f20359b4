// "Incident: New Postmortem": asks title, date, severity, start and end; writes the profile's postmortem with the commits of the incident window.
import * as vscode from 'vscode';
import { documentPath, matchSeverity, renderDocument, type Profile, type TemplateValues } from '../../core';
import { ifExistsArg, readArgs } from './commandArgs';
import { createAndOpen } from './createAndOpen';
import type { AuthoringDeps } from './deps';
import { commitWindow, dateProblem, endProblem, isoMinute, parseIncidentTime, utcDate } from './inputs';
import { askDate, askTime, askTitle, chooseFolder, pickSeverity, requireTrust } from './steps';
import { AuthoringCommandTitles } from './commandTitles';

/**
 * The command's optional argument. With it, nothing is asked: `title` is required, the other
 * fields default to blank (date: today), and an existing file is handled by `ifExists`
 * (`fail`, the default; `open`; `next` for `-2`). Times are `HH:MM` (UTC, on `date`) or ISO.
 */
export interface NewPostmortemArgs {
  /** The workspace folder's name; required in a multi-root workspace. */
  readonly folder?: string;
  readonly title?: string;
  /** YYYY-MM-DD; default today (UTC). */
  readonly date?: string;
  /** A level of the profile's scale, or an alias of one. */
  readonly severity?: string;
  readonly start?: string;
  readonly end?: string;
  readonly ifExists?: 'open' | 'next' | 'fail';
}

const ARG_FIELDS = ['folder', 'title', 'date', 'severity', 'start', 'end', 'ifExists'] as const;

interface Answers {
  readonly title: string;
  readonly date: string;
  readonly severity: string | undefined;
  readonly start: Date | undefined;
  readonly end: Date | undefined;
}

/** Runs the command; resolves with the new (or the chosen existing) document, or undefined when nothing was written. */
export async function newPostmortem(deps: AuthoringDeps, rawArgs?: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireTrust(AuthoringCommandTitles.newPostmortem))) return undefined;
  const args = readArgs(rawArgs, ARG_FIELDS);
  const folder = await chooseFolder('postmortem', args?.folder);
  if (!folder) return undefined;
  const profile = deps.profiles.profileFor(folder.uri);
  if (!profile.documents.postmortem) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('The {0} profile has no postmortems, so there is nowhere to write one.', profile.name),
    );
    return undefined;
  }
  const today = utcDate((deps.now ?? (() => new Date()))());
  const answers = args ? fromArgs(args, profile, today) : await ask(profile, today);
  if (!answers) return undefined;

  const relativePath = documentPath(profile, 'postmortem', { date: answers.date, slug: answers.title });
  return createAndOpen(
    {
      folder,
      relativePath,
      what: 'postmortem',
      ifExists: args ? ifExistsArg(args.ifExists) : 'ask',
      text: async () => {
        const values: TemplateValues = {
          title: answers.title,
          date: answers.date,
          severity: answers.severity,
          start: answers.start && isoMinute(answers.start),
          end: answers.end && isoMinute(answers.end),
          ...(await commitsFor(deps, folder, commitWindow(answers.date, answers.start, answers.end))),
        };
        return renderDocument(profile, 'postmortem', values);
      },
    },
    deps.log,
  );
}

async function ask(profile: Profile, today: string): Promise<Answers | undefined> {
  const total = 5;
  const title = await askTitle(
    { command: AuthoringCommandTitles.newPostmortem, index: 1, total },
    vscode.l10n.t('What happened, in a few words: the title of the postmortem.'),
    vscode.l10n.t('e.g. User service timeouts on the preferences endpoint'),
  );
  if (!title) return undefined;
  const date = await askDate({ command: AuthoringCommandTitles.newPostmortem, index: 2, total }, today, (d) =>
    documentPath(profile, 'postmortem', { date: d, slug: title }),
  );
  if (!date) return undefined;
  const severity = await pickSeverity({ command: AuthoringCommandTitles.newPostmortem, index: 3, total }, profile);
  if (!severity) return undefined;
  const start = await askTime({ command: AuthoringCommandTitles.newPostmortem, index: 4, total }, 'start', date);
  if (!start) return undefined;
  const end = await askTime(
    { command: AuthoringCommandTitles.newPostmortem, index: 5, total },
    'end',
    date,
    start.date,
  );
  if (!end) return undefined;
  return { title, date, severity: severity.id, start: start.date, end: end.date };
}

/** The same checks as the prompts (and the CLI), on the argument object; throws with the reason. */
function fromArgs(
  args: Partial<Record<(typeof ARG_FIELDS)[number], string>>,
  profile: Profile,
  today: string,
): Answers {
  const title = args.title?.trim();
  if (!title) throw new Error(`${AuthoringCommandTitles.newPostmortem} needs a "title" argument.`);
  const date = args.date?.trim() ?? today;
  const problem = dateProblem(date);
  if (problem) throw new Error(`date: ${problem}`);
  let severity: string | undefined;
  if (args.severity !== undefined && args.severity.trim() !== '') {
    const level = matchSeverity(args.severity, profile);
    if (!level)
      throw new Error(
        `"${args.severity}" is not in the ${profile.name} profile's scale (${profile.severities.map((s) => s.id).join(', ')}).`,
      );
    severity = level.id;
  }
  const time = (name: 'start' | 'end') => {
    const r = parseIncidentTime(args[name] ?? '', date);
    if (!r.ok) throw new Error(`${name}: ${r.message}`);
    return r.date;
  };
  const start = time('start');
  const end = time('end');
  const order = end ? endProblem(start, end) : undefined;
  if (order) throw new Error(order);
  return { title, date, severity, start, end };
}

/** The commits of the window from the injected git lookup, or why there are none; never fails the command. */
async function commitsFor(
  deps: AuthoringDeps,
  folder: vscode.WorkspaceFolder,
  window: { since: Date; until: Date },
): Promise<Pick<TemplateValues, 'commits' | 'commitsUnavailable'>> {
  if (!vscode.workspace.isTrusted) return { commitsUnavailable: 'The workspace is not trusted, so git was not run.' };
  const lookup = deps.lookupCommits;
  if (!lookup) return { commitsUnavailable: 'git is not available to Incident Workbench in this editor.' };
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Reading the commits of the incident window from git (Cancel leaves them out)'),
      cancellable: true,
    },
    async (_progress, token) => {
      let subscription: vscode.Disposable | undefined;
      const cancelled = new Promise<{ unavailable: string }>((resolve) => {
        subscription = token.onCancellationRequested(() =>
          resolve({ unavailable: 'reading the commits was cancelled.' }),
        );
      });
      try {
        const result = await Promise.race([lookup(folder.uri.fsPath, window.since, window.until), cancelled]);
        if ('commits' in result) return { commits: result.commits };
        deps.log.info(`Commit correlation unavailable for ${folder.name}: ${result.unavailable}`);
        return { commitsUnavailable: result.unavailable };
      } catch (e) {
        deps.log.error(
          `Reading commits for ${folder.name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        );
        return { commitsUnavailable: `git failed: ${e instanceof Error ? e.message : String(e)}` };
      } finally {
        subscription?.dispose();
      }
    },
  );
}

// `incident-workbench new postmortem|runbook|incident`: writes a new document from the profile's template and prints its path.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  DOCUMENT_KINDS,
  documentPath,
  matchSeverity,
  renderDocument,
  type DocumentKind,
  type TemplateCommit,
  type TemplateValues,
} from '../core';
import { parseDate } from '../core/postmortem/dates';
import { writeNewDocument, WriteRefusedError } from '../services/documentWriter';
import { chooseProfile, UsageError, type Io } from './common';

/** Looks up the commits of an incident window; returns a reason when it cannot. */
export type CommitLookup = (
  root: string,
  since: Date,
  until: Date,
) => Promise<{ commits: TemplateCommit[] } | { unavailable: string }>;

export const NEW_USAGE = `  incident-workbench new postmortem --title T [--date YYYY-MM-DD] [--severity S] [--start ISO] [--end ISO] [--profile NAME]
  incident-workbench new runbook --service S --failure-mode F [--profile NAME]
  incident-workbench new incident --title T [--severity S] [--date YYYY-MM-DD] [--profile NAME]`;

/** Runs `new`; the created path, relative to the workspace root, is the last line printed. */
export async function runNew(
  args: readonly string[],
  io: Io,
  lookupCommits?: CommitLookup,
  now: Date = new Date(),
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      title: { type: 'string' },
      date: { type: 'string' },
      severity: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
      profile: { type: 'string' },
      service: { type: 'string' },
      'failure-mode': { type: 'string' },
      commander: { type: 'string' },
    },
  });
  const kind = positionals[0] as DocumentKind | undefined;
  if (!kind || !DOCUMENT_KINDS.includes(kind) || positionals.length > 1) {
    throw new UsageError(`new needs one kind: ${DOCUMENT_KINDS.join(', ')}.`);
  }
  const cwd = process.cwd();
  const chosen = await chooseProfile({ profile: values.profile, searchFrom: cwd }, io);
  if (!chosen) return 2;
  const { profile } = chosen;
  const root = chosen.root;

  for (const [name, value] of [
    ['start', values.start],
    ['end', values.end],
  ] as const) {
    if (value !== undefined && Number.isNaN(Date.parse(value)))
      throw new UsageError(`--${name} must be a date and time such as 2026-03-15T14:28Z, not "${value}".`);
  }
  // The incident's date: as given, else the day it started, else today.
  const date =
    values.date ?? (values.start !== undefined ? startDay(values.start) : undefined) ?? now.toISOString().slice(0, 10);
  const parsed = parseDate(date);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || parsed === undefined || parsed === 'invalid')
    throw new UsageError(`--date must be a real date written YYYY-MM-DD, not "${date}".`);
  let severity: string | undefined;
  if (values.severity !== undefined) {
    const level = matchSeverity(values.severity, profile);
    if (!level)
      throw new UsageError(
        `--severity "${values.severity}" is not in the ${profile.name} profile's scale (${profile.severities.map((s) => s.id).join(', ')}).`,
      );
    severity = level.id;
  }

  let title = values.title;
  if (kind === 'runbook') {
    if (!values.service || !values['failure-mode'])
      throw new UsageError('new runbook needs --service and --failure-mode.');
    title ??= `${values.service} ${values['failure-mode']}`;
  } else if (!title?.trim()) {
    throw new UsageError(`new ${kind} needs --title.`);
  }

  const template: TemplateValues = {
    title: (title as string).trim(),
    date,
    severity,
    start: values.start,
    end: values.end,
    service: values.service,
    failureMode: values['failure-mode'],
    incidentCommander: values.commander,
    ...(kind === 'postmortem' && lookupCommits
      ? await commitsOf(lookupCommits, root, date, values.start, values.end)
      : {}),
  };
  const relative = documentPath(profile, kind, {
    date,
    slug: template.title,
    service: values.service,
    failureMode: values['failure-mode'],
  });
  try {
    await writeNewDocument(root, relative, renderDocument(profile, kind, template));
  } catch (e) {
    if (e instanceof WriteRefusedError) {
      io.err(`incident-workbench: ${e.message}`);
      return 1;
    }
    throw e;
  }
  io.out(`Created ${kind === 'incident' ? 'an' : 'a'} ${kind} with the ${profile.name} profile:`);
  io.out(
    path
      .relative(cwd, path.join(root, ...relative.split('/')))
      .split(path.sep)
      .join('/'),
  );
  return 0;
}

/** The day of a valid `--start`: its date as written (`2026-05-02T23:30-05:00` → 2026-05-02), else its UTC date. */
export function startDay(start: string): string {
  const written = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(start);
  return written ? written[1] : new Date(Date.parse(start)).toISOString().slice(0, 10);
}

/** The window to search: from 48 hours before the start (or the incident date) to the end (or a day later). */
async function commitsOf(
  lookup: CommitLookup,
  root: string,
  date: string,
  start?: string,
  end?: string,
): Promise<Pick<TemplateValues, 'commits' | 'commitsUnavailable'>> {
  const from = new Date(start ? Date.parse(start) : Date.parse(`${date}T00:00:00Z`));
  const until = new Date(end ? Date.parse(end) : from.getTime() + 24 * 3_600_000);
  const since = new Date(from.getTime() - 48 * 3_600_000);
  const result = await lookup(root, since, until);
  return 'commits' in result ? { commits: result.commits } : { commitsUnavailable: result.unavailable };
}

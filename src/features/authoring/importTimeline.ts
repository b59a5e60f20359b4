// "Incident: Import Timeline…": picks a Slack export or PagerDuty log, previews the rows core would add, and applies the chosen ones to the open record as one WorkspaceEdit.
import * as vscode from 'vscode';
import {
  kindFromContent,
  TimelineEntryError,
  type DocumentKind,
  type MarkdownDocument,
  type Profile,
} from '../../core';
import {
  isoSecond,
  mergeTimeline,
  parseWindowBound,
  TimelineImportError,
  type ImportedEvent,
  type ImportSource,
  type ImportWindow,
  type TimelineMerge,
} from '../../core/timeline/import';
import { readExports, slackChannelsOf } from '../../services/timelineImportService';
import { toVsRange } from '../shared/convert';
import { activeRecord, whereKindLives } from './activeRecord';
import { readArgs } from './commandArgs';
import type { AuthoringDeps } from './deps';
import { AuthoringCommandTitles } from './commandTitles';

/**
 * The command's optional argument (tests, keybindings): with `path` no file dialog is shown,
 * with `channel` no channel is asked, and with `accept: "all"` every row is added without the
 * preview.
 */
export interface ImportTimelineArgs {
  /** A Slack export folder or a PagerDuty log file, on disk. */
  readonly path?: string;
  readonly from?: ImportSource;
  readonly channel?: string;
  /** ISO date or date-time, UTC unless a zone is written; both ends included. */
  readonly since?: string;
  readonly until?: string;
  readonly accept?: 'all';
}

/** Runs the command; resolves with the number of rows added, or undefined when nothing was changed. */
export async function importTimeline(deps: AuthoringDeps, rawArgs?: unknown): Promise<number | undefined> {
  const title = AuthoringCommandTitles.importTimeline;
  const record = activeRecord(deps, title, rawArgs);
  if (!record) return undefined;
  const { document, profile, name } = record;
  if (record.kind === 'runbook') {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        '{0} is a runbook; {1} works on an incident record or a postmortem (under the {2} profile: {3} or {4}).',
        name,
        title,
        profile.name,
        whereKindLives(profile, 'incident'),
        whereKindLives(profile, 'postmortem'),
      ),
    );
    return undefined;
  }
  const kind: DocumentKind =
    record.kind ?? kindFromContent(record.doc, profile, ['postmortem', 'incident']) ?? 'postmortem';
  // Say there is no Timeline before asking for a file, not after.
  const noTimeline = mergeOrMessage(record.doc, kind, profile, []);
  if (typeof noTimeline === 'string') {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0}: {1}', name, noTimeline));
    return undefined;
  }

  const args = readArgs(rawArgs, ['path', 'from', 'channel', 'since', 'until', 'accept'] as const) ?? {};
  if (args.from !== undefined && args.from !== 'slack' && args.from !== 'pagerduty')
    throw new Error(`The command's "from" argument must be "slack" or "pagerduty", not "${args.from}".`);
  const picked =
    args.path !== undefined
      ? { path: args.path, from: args.from as ImportSource | undefined }
      : await pickExport(title);
  if (!picked) return undefined;
  // Asked only when the export was picked in the dialog; an argument says it all.
  const window = args.path !== undefined ? readWindow(args.since, args.until) : await askWindow(title);
  if (!window) return undefined;

  let events: ImportedEvent[];
  try {
    const channel = args.channel ?? (picked.from !== 'pagerduty' ? await pickChannel(picked.path, title) : undefined);
    if (channel === null) return undefined;
    ({ events } = await readExports([picked.path], { from: picked.from, channel, window }));
  } catch (e) {
    if (e instanceof TimelineImportError) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0}: {1} Nothing was changed.', title, e.message));
      return undefined;
    }
    throw e;
  }
  if (document.isClosed) return undefined;

  // Read the text again: it may have changed while the dialogs were open.
  const current = deps.documents.modelOf(document);
  if (!current) return undefined;
  const merge = mergeOrMessage(current, kind, profile, events);
  if (typeof merge === 'string') {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0}: {1}', name, merge));
    return undefined;
  }
  if (merge.added.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        '{0}: nothing to add; the {1} events imported are already in its timeline.',
        name,
        merge.alreadyThere,
      ),
    );
    return 0;
  }
  const chosen = args.accept === 'all' ? merge.added.map((a) => a.event) : await previewRows(merge, title, name);
  if (!chosen || chosen.length === 0 || document.isClosed) return undefined;

  // The chosen rows, merged into the text as it is now (unsaved edits included).
  const now = deps.documents.modelOf(document);
  if (!now) return undefined;
  const final = mergeOrMessage(now, kind, profile, chosen);
  if (typeof final === 'string' || final.edits.length === 0) return undefined;
  const workspaceEdit = new vscode.WorkspaceEdit();
  for (const edit of final.edits)
    workspaceEdit.replace(document.uri, toVsRange(edit.range), edit.newText, {
      label: title,
      needsConfirmation: false,
    });
  if (!(await vscode.workspace.applyEdit(workspaceEdit))) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('{0}: the editor did not accept the change to {1}; nothing was changed.', title, name),
    );
    return undefined;
  }
  const already = final.alreadyThere > 0 ? vscode.l10n.t(' ({0} already there)', final.alreadyThere) : '';
  void vscode.window.showInformationMessage(
    vscode.l10n.t('{0}: added {1} timeline rows{2}.', name, final.added.length, already),
  );
  deps.log.info(`Imported ${final.added.length} timeline rows from ${picked.path} into ${name}.`);
  return final.added.length;
}

/** Core's merge, or the message (for the author) why there is none. */
function mergeOrMessage(
  doc: MarkdownDocument,
  kind: DocumentKind,
  profile: Profile,
  events: readonly ImportedEvent[],
): TimelineMerge | string {
  try {
    return mergeTimeline(doc, kind, profile, events);
  } catch (e) {
    if (e instanceof TimelineEntryError) return e.message;
    throw e;
  }
}

/** Asks which kind of export, then for the folder or file; undefined when cancelled. */
async function pickExport(title: string): Promise<{ path: string; from: ImportSource } | undefined> {
  const kinds: (vscode.QuickPickItem & { from: ImportSource })[] = [
    {
      from: 'slack',
      label: vscode.l10n.t('Slack export'),
      detail: vscode.l10n.t(
        'The folder of an unzipped workspace export: channels.json, users.json, one folder per channel.',
      ),
    },
    {
      from: 'pagerduty',
      label: vscode.l10n.t('PagerDuty log entries'),
      detail: vscode.l10n.t('A JSON file with an incident\'s "log_entries", as the REST API returns them.'),
    },
  ];
  const kind = await vscode.window.showQuickPick(kinds, {
    title,
    placeHolder: vscode.l10n.t('What to import the timeline from (files on disk; nothing is fetched)'),
  });
  if (!kind) return undefined;
  const uris = await vscode.window.showOpenDialog({
    title,
    canSelectFiles: kind.from === 'pagerduty',
    canSelectFolders: kind.from === 'slack',
    canSelectMany: false,
    openLabel: vscode.l10n.t('Import'),
    ...(kind.from === 'pagerduty' ? { filters: { [vscode.l10n.t('JSON')]: ['json'] } } : {}),
  });
  const uri = uris?.[0];
  if (!uri) return undefined;
  if (uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        '{0}: {1} is not a file on this machine; copy the export to a local folder first.',
        title,
        uri.toString(),
      ),
    );
    return undefined;
  }
  return { path: uri.fsPath, from: kind.from };
}

/** The Slack channel to import: asked when the export has several; undefined lets the service decide (one channel, or a PagerDuty file); null when cancelled. */
async function pickChannel(p: string, title: string): Promise<string | undefined | null> {
  const channels = await slackChannelsOf(p).catch(() => undefined);
  if (!channels || channels.length < 2) return undefined;
  const items = channels.map((c) => ({ label: `#${c.name}`, name: c.name }));
  // Incident channels first: their names usually say so.
  items.sort(
    (a, b) => Number(!/inc|incident|sev|outage/i.test(a.name)) - Number(!/inc|incident|sev|outage/i.test(b.name)),
  );
  const pick = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: vscode.l10n.t('The channel of the incident'),
  });
  return pick ? pick.name : null;
}

/** Shows the rows to add, all checked; resolves with the events the author kept, or undefined when cancelled. */
async function previewRows(merge: TimelineMerge, title: string, name: string): Promise<ImportedEvent[] | undefined> {
  const items = merge.added.map(({ event }) => ({
    label: `${isoSecond(event.at).slice(0, 16).replace('T', ' ')}  ${event.text}`,
    description: [event.author, event.source === 'slack' ? 'Slack' : 'PagerDuty'].filter(Boolean).join(' · '),
    detail: event.milestone ? milestoneText(event.milestone) : undefined,
    picked: true,
    event,
  }));
  const picks = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('{0} — {1}', title, name),
    placeHolder: vscode.l10n.t(
      '{0} rows to add to the timeline; uncheck the ones to leave out, then press Enter',
      items.length,
    ),
    canPickMany: true,
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  return picks?.map((p) => p.event);
}

/** Asks for an optional window (`FROM [TO]`, UTC); an empty answer is the whole export; undefined when cancelled. */
async function askWindow(title: string): Promise<ImportWindow | undefined> {
  const typed = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t(
      'Only the events from a time, or between two times (UTC unless a zone is written)? Leave empty to import everything.',
    ),
    placeHolder: vscode.l10n.t('e.g. 2026-03-15T14:00 2026-03-15T18:30   or   2026-03-15 (that whole day)'),
    ignoreFocusOut: true,
    validateInput: (value) => {
      const w = parseWindowText(value);
      return typeof w === 'string' ? w : undefined;
    },
  });
  if (typed === undefined) return undefined;
  const w = parseWindowText(typed);
  return typeof w === 'string' ? undefined : w;
}

/** `FROM [TO]` as a window, or the message saying what is wrong. A single date is that whole day. */
function parseWindowText(text: string): ImportWindow | string {
  const parts = text
    .trim()
    .split(/\s+(?:\.\.|to|–|—)?\s*|\s*\.\.\s*/)
    .filter(Boolean);
  if (parts.length === 0) return {};
  if (parts.length > 2) return vscode.l10n.t('Write one or two times: FROM [TO].');
  const since = parseWindowBound(parts[0], 'since');
  const until = parseWindowBound(parts[1] ?? (/^\d{4}-\d{2}-\d{2}$/.test(parts[0]) ? parts[0] : ''), 'until');
  if (since === undefined)
    return vscode.l10n.t('"{0}" is not a date or date and time such as 2026-03-15 or 2026-03-15T14:00.', parts[0]);
  if (parts[1] !== undefined && until === undefined)
    return vscode.l10n.t('"{0}" is not a date or date and time such as 2026-03-15 or 2026-03-15T14:00.', parts[1]);
  if (until !== undefined && until < since) return vscode.l10n.t('The end is before the start.');
  return { since, until };
}

/** What the preview says of an event's milestone. */
function milestoneText(m: NonNullable<ImportedEvent['milestone']>): string {
  switch (m) {
    case 'start':
      return vscode.l10n.t('Marks the start');
    case 'detection':
      return vscode.l10n.t('Marks the detection');
    case 'mitigation':
      return vscode.l10n.t('Marks the mitigation');
    case 'resolution':
      return vscode.l10n.t('Marks the resolution');
    default: {
      const never: never = m;
      return String(never);
    }
  }
}

function readWindow(since: string | undefined, until: string | undefined): ImportWindow {
  const read = (text: string | undefined, end: 'since' | 'until') => {
    if (text === undefined) return undefined;
    const at = parseWindowBound(text, end);
    if (at === undefined)
      throw new Error(
        `The command's "${end}" argument must be a date or date and time such as 2026-03-15 or 2026-03-15T14:00Z, not "${text}".`,
      );
    return at;
  };
  return { since: read(since, 'since'), until: read(until, 'until') };
}

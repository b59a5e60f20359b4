// Reads timeline exports from disk (a Slack workspace export folder, a PagerDuty log file) and hands their JSON to core's import; offline only.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  chooseSlackChannel,
  combineEvents,
  isoSecond,
  isPagerDutyLog,
  pagerDutyEvents,
  readSlackChannels,
  slackDayFiles,
  slackEvents,
  TimelineImportError,
  type ImportedEvent,
  type ImportSource,
  type ImportWindow,
  type JsonFile,
  type SlackChannel,
} from '../core/timeline/import';

/** What to import from an export. */
export interface TimelineImportOptions {
  /** The kind of export; detected from the path when absent (a folder with channels.json is Slack, a file with "log_entries" PagerDuty). */
  readonly from?: ImportSource;
  /** The Slack channel, by name; needed when the export has several. */
  readonly channel?: string;
  readonly window: ImportWindow;
}

/** The events of one export and what was read. */
export interface ImportedExport {
  readonly path: string;
  readonly source: ImportSource;
  /** The Slack channel imported. */
  readonly channel?: SlackChannel;
  readonly events: readonly ImportedEvent[];
}

/**
 * Reads one export. Throws `TimelineImportError` naming the file at fault when the path is
 * missing, is not an export of the kind asked for, holds damaged JSON, has no such channel,
 * or has nothing in the window.
 */
export async function readExport(p: string, options: TimelineImportOptions): Promise<ImportedExport> {
  const stat = await fs.stat(p).catch(() => undefined);
  if (!stat) throw new TimelineImportError(p, 'no such file or folder.');
  if (stat.isDirectory()) {
    if (options.from === 'pagerduty')
      throw new TimelineImportError(p, 'is a folder; a PagerDuty log is one JSON file of log entries.');
    return readSlackExport(p, options);
  }
  if (/\.zip$/i.test(p))
    throw new TimelineImportError(p, 'is a zip archive; unzip the Slack export and pass its folder.');
  if (path.basename(p) === 'channels.json' && options.from !== 'pagerduty')
    return readSlackExport(path.dirname(p), options);
  const file = await readJson(p);
  if (options.from === 'slack')
    throw new TimelineImportError(
      p,
      'is a file; a Slack export is a folder with channels.json, users.json and one folder per channel.',
    );
  if (options.from !== 'pagerduty' && !isPagerDutyLog(file.data)) {
    throw new TimelineImportError(
      p,
      'is neither a Slack export (a folder with channels.json) nor a PagerDuty log (a JSON object with "log_entries").',
    );
  }
  const events = pagerDutyEvents(file, options.window);
  if (events.length === 0) throw new TimelineImportError(p, `no log entries${windowText(options.window)}.`);
  return { path: p, source: 'pagerduty', events };
}

/** Reads every export and combines their events in time order, milestones assigned (see `combineEvents`). */
export async function readExports(
  paths: readonly string[],
  options: TimelineImportOptions,
): Promise<{ exports: ImportedExport[]; events: ImportedEvent[] }> {
  const exports: ImportedExport[] = [];
  for (const p of paths) exports.push(await readExport(p, options));
  return { exports, events: combineEvents(exports.map((e) => e.events)) };
}

/**
 * The channels of a Slack export folder (channels.json, then groups.json), for choosing one;
 * undefined when the folder has no channels.json. Throws on damaged JSON, naming the file.
 */
export async function slackChannelsOf(folder: string): Promise<SlackChannel[] | undefined> {
  const channelsFile = await readJsonIfExists(path.join(folder, 'channels.json'));
  if (!channelsFile) return undefined;
  const groupsFile = await readJsonIfExists(path.join(folder, 'groups.json'));
  return [...readSlackChannels(channelsFile), ...(groupsFile ? readSlackChannels(groupsFile) : [])];
}

async function readSlackExport(folder: string, options: TimelineImportOptions): Promise<ImportedExport> {
  const channelsPath = path.join(folder, 'channels.json');
  // Private channels are listed in groups.json.
  const channels = await slackChannelsOf(folder);
  if (!channels) {
    throw new TimelineImportError(
      folder,
      'not a Slack export: there is no channels.json in it (pass the folder of an unzipped workspace export).',
    );
  }
  const channel = chooseSlackChannel(channels, options.channel, channelsPath);
  const channelFolder = path.join(folder, channel.name);
  const names = await fs.readdir(channelFolder).catch(() => undefined);
  if (!names)
    throw new TimelineImportError(
      channelFolder,
      `channels.json lists #${channel.name}, but the export has no folder for it.`,
    );
  const dayNames = slackDayFiles(names, options.window);
  const days = await Promise.all(dayNames.map((n) => readJson(path.join(channelFolder, n))));
  const users = await readJsonIfExists(path.join(folder, 'users.json'));
  const events = slackEvents({ channels, users, days }, options.window);
  if (events.length === 0)
    throw new TimelineImportError(channelFolder, `no messages in #${channel.name}${windowText(options.window)}.`);
  return { path: folder, source: 'slack', channel, events };
}

async function readJson(file: string): Promise<JsonFile> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new TimelineImportError(
      file,
      `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
    );
  }
  try {
    return { path: file, data: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (e) {
    throw new TimelineImportError(file, `damaged JSON (${(e as Error).message}).`);
  }
}

async function readJsonIfExists(file: string): Promise<JsonFile | undefined> {
  try {
    await fs.access(file);
  } catch {
    return undefined;
  }
  return readJson(file);
}

function windowText(window: ImportWindow): string {
  if (window.since === undefined && window.until === undefined) return '';
  if (window.until === undefined) return ` since ${isoSecond(window.since as number)}`;
  if (window.since === undefined) return ` until ${isoSecond(window.until)}`;
  return ` between ${isoSecond(window.since)} and ${isoSecond(window.until)}`;
}

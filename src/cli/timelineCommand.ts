// `incident-workbench timeline import`: a Slack export or PagerDuty log as timeline events, printed or merged into a document's Timeline.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  applyEdits,
  kindFromContent,
  kindFromPathWords,
  kindFromProfileFolders,
  parseMarkdown,
  TimelineEntryError,
  toPosix,
} from '../core';
import {
  eventsJson,
  mergeTimeline,
  parseWindowBound,
  renderTable,
  TimelineImportError,
  type ImportSource,
  type ImportWindow,
} from '../core/timeline/import';
import { plural } from '../core/text';
import { readTextIfExists, writeText } from '../services/indexService';
import { readExports } from '../services/timelineImportService';
import { chooseProfile, UsageError, type Io } from './common';

export const TIMELINE_USAGE = `Usage:
  incident-workbench timeline import <path>... [--from slack|pagerduty] [--channel NAME]
                                   [--since ISO] [--until ISO] [--format markdown|json]
                                   [--into FILE] [--profile NAME | --config FILE]

Reads timeline events from offline exports (no network, no tokens): a Slack workspace export
(the unzipped folder with channels.json, users.json and one folder per channel) or a PagerDuty
incident's log entries (a JSON file {"log_entries": [...]}, as the REST API returns them).
Several paths are combined in time order. The kind is detected from each path unless --from says.
  --channel NAME    the Slack channel (needed when the export has several)
  --since, --until  the window, in UTC unless a zone is written: 2026-03-15 (a whole day),
                    2026-03-15T14:00, 2026-03-15T14:00:00+02:00; both ends included
  --format json     [{"time","text","source","author","milestone"}] sorted by time, time in
                    ISO 8601 UTC, milestone start|detection|mitigation|resolution or null
  --format markdown a "Time (UTC) | Event" table (default)
  --into FILE       merge the events into FILE's Timeline section (table or list, as it is),
                    in time order; rows already there are kept as written and events already
                    in it are skipped; FILE is written only when a row was added
Exit codes: 0 done, 2 usage error or bad input (the file at fault is named; nothing is written).`;

/** Runs `incident-workbench timeline` with `args` (after the command name); returns the exit code. */
export async function runTimeline(args: readonly string[], io: Io): Promise<number> {
  try {
    const [sub, ...rest] = args;
    if (sub === '--help' || sub === '-h' || sub === 'help') {
      io.out(TIMELINE_USAGE);
      return 0;
    }
    if (sub !== 'import')
      throw new UsageError(
        sub === undefined
          ? 'Missing subcommand: timeline import <path>.'
          : `Unknown subcommand "${sub}"; expected import.`,
      );
    return await importCommand(rest, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`incident-workbench timeline: ${(e as Error).message}\n\n${TIMELINE_USAGE}`);
      return 2;
    }
    if (e instanceof TimelineImportError || e instanceof TimelineEntryError) {
      io.err(`incident-workbench timeline: ${e.message} Nothing was written.`);
      return 2;
    }
    throw e;
  }
}

async function importCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      channel: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      format: { type: 'string', default: 'markdown' },
      into: { type: 'string' },
      profile: { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(TIMELINE_USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('Missing the export to import: timeline import <path>.');
  if (values.from !== undefined && values.from !== 'slack' && values.from !== 'pagerduty')
    throw new UsageError(`--from must be slack or pagerduty, not "${values.from}".`);
  if (values.format !== 'markdown' && values.format !== 'json')
    throw new UsageError(`--format must be markdown or json, not "${values.format}".`);
  const window = readWindow(values.since, values.until);

  const { events } = await readExports(positionals, {
    from: values.from as ImportSource | undefined,
    channel: values.channel,
    window,
  });
  if (values.into === undefined) {
    io.out(values.format === 'json' ? JSON.stringify(eventsJson(events), null, 2) : renderTable(events));
    return 0;
  }

  const into = values.into;
  const text = await readTextIfExists(into);
  if (text === undefined) throw new TimelineImportError(into, 'no such file to merge into.');
  const chosen = await chooseProfile(
    { profile: values.profile, config: values.config, searchFrom: path.dirname(into) },
    io,
  );
  if (!chosen) return 2;
  const doc = parseMarkdown(text);
  const relative = toPosix(path.relative(chosen.configRoot ?? process.cwd(), path.resolve(into)));
  const kind =
    kindFromProfileFolders(relative, chosen.profile, doc) ??
    kindFromContent(doc, chosen.profile, ['postmortem', 'incident']) ??
    kindFromPathWords(relative) ??
    'postmortem';
  let merge;
  try {
    merge = mergeTimeline(doc, kind, chosen.profile, events);
  } catch (e) {
    if (e instanceof TimelineEntryError) throw new TimelineImportError(into, e.message);
    throw e;
  }
  if (merge.added.length === 0) {
    io.out(
      `${into}: nothing to add; the ${plural(merge.alreadyThere, 'event')} imported ${merge.alreadyThere === 1 ? 'is' : 'are'} already in its timeline.`,
    );
    return 0;
  }
  const crlf = text.includes('\r\n');
  const edits = crlf ? merge.edits.map((e) => ({ ...e, newText: e.newText.replace(/\n/g, '\r\n') })) : merge.edits;
  await writeText(into, applyEdits(text, edits));
  const already = merge.alreadyThere > 0 ? ` (${merge.alreadyThere} already there)` : '';
  io.out(`${into}: added ${plural(merge.added.length, 'timeline row')}${already}.`);
  return 0;
}

function readWindow(since: string | undefined, until: string | undefined): ImportWindow {
  const read = (text: string | undefined, end: 'since' | 'until') => {
    if (text === undefined) return undefined;
    const at = parseWindowBound(text, end);
    if (at === undefined)
      throw new UsageError(
        `--${end} must be a date or date and time such as 2026-03-15 or 2026-03-15T14:00Z, not "${text}".`,
      );
    return at;
  };
  const window = { since: read(since, 'since'), until: read(until, 'until') };
  if (window.since !== undefined && window.until !== undefined && window.since > window.until)
    throw new UsageError(`--since ${since} is after --until ${until}.`);
  return window;
}

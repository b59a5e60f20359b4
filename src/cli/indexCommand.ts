// `incident-workbench index`: prints or writes the incident index (docs/incidents/index.md) generated from the postmortems.
import { argumentErrorMessage, isArgumentError } from './args';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Profile } from '../core';
import { incidentTrends, indexEntries, indexPathFor, trendsJson, updateIndexText } from '../core/incidentIndex';
import { isDirectory } from '../services/fileSystemService';
import { readPostmortems, readTextIfExists, writeText } from '../services/indexService';
import { IN001, missingPostmortems, requiresPostmortems, workspaceFacts } from '../core/rules/postmortemRequired';
import { ruleLevel } from '../core/lint/lint';
import { readWorkspaceDocuments } from '../services/workspaceDocuments';

/** Where a command prints; the CLI's `Io`. */
import { chooseProfile, UsageError as CommandUsageError, type Io as CommandIo } from './common';
import { plural } from '../core/text';

export { CommandUsageError, type CommandIo };

export const INDEX_USAGE = `Usage:
  incident-workbench index [--format markdown|json [--trends]] [--write | --check] [--root DIR]
                           [--index PATH] [--profile NAME | --config FILE]

Generates the incident index from the postmortems under DIR (default: the folder of the
nearest .incident-workbench.yaml, else of .git, else the current folder):
summary lines, then one row per incident (date, title, severity, duration, time to detect,
time to recover, action items), and trend charts per month (Mermaid xychart-beta: median
time to recover and to detect, incidents), between markers; text outside the markers is kept.
  --format markdown  print the index file as it would be written (default)
  --format json      print [{"path","date","title","severity","durationMinutes","ttdMinutes",
                     "ttrMinutes","openActionItems","milestones"}], null where a value cannot be
                     computed; milestones: the event taken for each milestone, and why
  --trends           with --format json: print the trends per month instead,
                     {"months":[{"month","incidents","bySeverity","medianTtdMinutes",
                     "medianTtrMinutes","ttdCount","ttrCount"}],"severities","undated"}
  --write            write the file (PATH, default per profile: docs/incidents/index.md)
  --check            write nothing; exit 1 when the file is not up to date
Exit codes: 0 done, 1 --check found the index out of date, 2 usage or configuration error.`;

/** A bad argument: printed with the usage, exit code 2. */

/** Runs `incident-workbench index` with `args` (after the command name); returns the exit code. */
export async function runIndex(args: readonly string[], io: CommandIo): Promise<number> {
  try {
    return await indexCommand(args, io);
  } catch (e) {
    if (e instanceof CommandUsageError || isArgumentError(e)) {
      io.err(
        `incident-workbench index: ${isArgumentError(e) ? argumentErrorMessage(e, 'index') : (e as Error).message}\n\n${INDEX_USAGE}`,
      );
      return 2;
    }
    throw e;
  }
}

async function indexCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    allowPositionals: false,
    options: {
      format: { type: 'string', default: 'markdown' },
      write: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      trends: { type: 'boolean', default: false },
      root: { type: 'string' },
      index: { type: 'string' },
      profile: { type: 'string' },
      config: { type: 'string' },
    },
  });
  if (values.format !== 'markdown' && values.format !== 'json')
    throw new CommandUsageError(`--format must be markdown or json, not "${values.format}".`);
  if (values.trends && values.format !== 'json') throw new CommandUsageError('--trends needs --format json.');
  if (values.write && values.check) throw new CommandUsageError('--write and --check cannot be used together.');
  const resolved = await cliProfile(values, io);
  if (!resolved) return 2;
  const { root, profile } = resolved;

  const incidents = await readPostmortems(root, profile);
  // Incident records whose required postmortem is overdue (IN001): said on stderr, so the index and its JSON keep their shape.
  const in001 = ruleLevel(IN001, profile);
  if (in001 !== 'off' && requiresPostmortems(profile)) {
    const documents = await readWorkspaceDocuments(root, profile);
    for (const m of missingPostmortems(documents, profile, workspaceFacts(documents, profile, Date.now()))) {
      io.err(`${m.path}:${m.line + 1}:1: ${in001}: ${m.message} [IN001]`);
    }
  }
  const indexPath = indexPathFor(profile, values.index);
  const file = path.join(root, ...indexPath.split('/'));
  const existing = await readTextIfExists(file);
  const update = updateIndexText(existing, incidents, indexPath);
  if (!update.ok) {
    io.err(`${indexPath}:${update.line + 1}:1: error: ${update.message}`);
    return 2;
  }
  if (values.check) {
    if (update.changed) {
      io.err(`${indexPath} is out of date; run incident-workbench index --write.`);
      return 1;
    }
    io.out(`${indexPath} is up to date (${plural(incidents.length, 'incident')}).`);
    return 0;
  }
  if (values.write && update.changed) await writeText(file, update.text);
  if (values.format === 'json') {
    io.out(JSON.stringify(values.trends ? trendsJson(incidentTrends(incidents)) : indexEntries(incidents)));
  } else if (values.write) {
    const how = {
      created: 'created it',
      block: 'replaced the generated block',
      table: 'replaced the hand-kept index table with the generated block',
      appended: 'added the generated block at the end',
    }[update.placement];
    io.out(
      update.changed
        ? `Wrote ${indexPath} (${plural(incidents.length, 'incident')}): ${how}; text outside the block is unchanged.`
        : `${indexPath} is already up to date (${plural(incidents.length, 'incident')}).`,
    );
  } else {
    io.out(update.text.replace(/\r?\n$/, ''));
  }
  return 0;
}

/**
 * The workspace root and profile of a command: the profile from `--profile NAME` (a built-in),
 * else `--config FILE`, else the `.incident-workbench.yaml` found from `--root` (or the current
 * folder) upwards, else the default; the root from `--root`, else the workspace root
 * (`findWorkspaceRoot`: the configuration file's folder, else the repository's, else the current folder). Prints the problems of a configuration file; returns
 * undefined when it has errors. Throws `CommandUsageError` for bad arguments.
 */
export async function cliProfile(
  options: { root?: string; profile?: string; config?: string },
  io: CommandIo,
): Promise<{ root: string; profile: Profile } | undefined> {
  if (options.root !== undefined && !(await isDirectory(options.root)))
    throw new CommandUsageError(`--root ${options.root}: no such folder.`);
  const chosen = await chooseProfile(
    { profile: options.profile, config: options.config, searchFrom: options.root ?? '.' },
    io,
  );
  if (!chosen) return undefined;
  const root = options.root ?? (path.relative(process.cwd(), chosen.root) || '.');
  return { root, profile: chosen.profile };
}

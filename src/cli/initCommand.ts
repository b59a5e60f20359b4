// `incident-workbench init`: proposes a .incident-workbench.yaml from the repository's existing documents; --write writes it.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { CONFIG_FILE_NAMES, profileNames } from '../core';
import { proposeConfig } from '../core/init/init';
import { exists, isDirectory } from '../services/fileSystemService';
import { readMarkdownFiles } from '../services/markdownFiles';
import { writeFile } from 'node:fs/promises';
import { UsageError, type Io } from './common';

export const INIT_USAGE = `Usage:
  incident-workbench init [folder] [--write] [--profile NAME]

Reads the postmortems and runbooks already in the folder (default: the current one), finds their folders,
file names, section headings, action-item form and severities, picks the built-in profile with the fewest
missing-section findings (or --profile NAME) and proposes a .incident-workbench.yaml that extends it.
Without --write it prints the file and the missing-section findings (PM001, RB001) before and after;
--write writes it into the folder. An existing configuration file is never overwritten.

Examples:
  incident-workbench init
  incident-workbench init docs --profile google-sre
  incident-workbench init --write`;

/** Runs `init` and returns the exit code: 0 done, 1 nothing to read or a config exists (with --write), 2 usage. */
export async function runInit(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      write: { type: 'boolean', default: false },
      profile: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(INIT_USAGE);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('init takes at most one folder.');
  const root = positionals[0] ?? '.';
  if (!(await isDirectory(root))) throw new UsageError(`${root}: no such folder.`);
  if (values.profile !== undefined && !profileNames().includes(values.profile)) {
    throw new UsageError(`Unknown profile "${values.profile}". Built-in profiles: ${profileNames().join(', ')}.`);
  }
  const documents = await readMarkdownFiles(root);
  const proposal = proposeConfig(documents, values.profile);
  if (proposal.kinds.length === 0) {
    io.err(`incident-workbench: found no postmortem or runbook in ${root}; nothing to propose.`);
    return 1;
  }
  const existing = await firstExisting(root);
  const target = path.join(root, CONFIG_FILE_NAMES[0]);
  const counts = `missing-section findings (PM001, RB001): ${proposal.before} with ${proposal.base.name}, ${proposal.after} with this configuration`;
  if (!values.write) {
    io.out(proposal.yaml.trimEnd());
    io.err(`incident-workbench: ${counts}.`);
    io.err(
      existing
        ? `incident-workbench: ${existing} already exists; init never overwrites it.`
        : `incident-workbench: dry run; run init --write to write ${target}.`,
    );
    return 0;
  }
  if (existing) {
    io.err(
      `incident-workbench: ${existing} already exists; init never overwrites it. Run init without --write to see the proposal.`,
    );
    return 1;
  }
  await writeFile(target, proposal.yaml, { flag: 'wx' });
  io.out(target);
  io.err(`incident-workbench: wrote ${target}; ${counts}.`);
  return 0;
}

async function firstExisting(root: string): Promise<string | undefined> {
  for (const name of CONFIG_FILE_NAMES) {
    const file = path.join(root, name);
    if (await exists(file)) return file;
  }
  return undefined;
}

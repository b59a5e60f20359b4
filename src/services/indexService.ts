// Reads a workspace's postmortems from disk for the index and the error budget, and writes the index file.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { kindFromProfileFolders, toPosix, type Profile } from '../core';
import { summarizeIncident, type IncidentSummary } from '../core/incident/summary';
import { findMarkdownFiles } from './fileSystemService';

/**
 * The postmortems under `root` (the workspace root) according to `profile`'s folders, each
 * summarised with its path relative to `root`, in path order.
 */
export async function readPostmortems(root: string, profile: Profile): Promise<IncidentSummary[]> {
  const out: IncidentSummary[] = [];
  for (const file of await findMarkdownFiles(root)) {
    const relative = toPosix(path.relative(root, file));
    if (!kindFromProfileFolders(relative, profile)) continue;
    const summary = summarizeIncident({ path: relative, text: await fs.readFile(file, 'utf8'), profile });
    if (summary.kind === 'postmortem') out.push(summary);
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** The text of `file`, or undefined when it does not exist. */
export async function readTextIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Writes `text` to `file`, creating its folder. */
export async function writeText(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text, 'utf8');
}

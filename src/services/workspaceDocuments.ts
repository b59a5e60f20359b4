// Reads the facts of a workspace from disk that single-document rules cannot see: its incident documents (IN001) and its SLO file (PM015, PM016).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { kindFromProfileFolders, parseMarkdown, toPosix, type Profile } from '../core';
import {
  requiresPostmortems,
  workspaceFacts,
  type WorkspaceDocument,
  type WorkspaceFacts,
} from '../core/rules/postmortemRequired';
import { findMarkdownFiles, findUpwards } from './fileSystemService';
import { findSloFile } from './sloService';

/** The most folders `findWorkspaceSloFile` climbs, as a guard against odd file systems. */
/**
 * The workspace's SLO file (slo.yaml, slo.yml, slos.yaml or slos.yml) for a lint of `start` (a
 * file or folder): directly in `root` when the workspace root is known (the folder of
 * `.incident-workbench.yaml`); else the nearest one at or above `start`, stopping after the
 * first folder that holds `.git` (the repository root) or at the file-system root, as the
 * configuration file is found. Undefined when there is none.
 */
export async function findWorkspaceSloFile(start: string, root: string | undefined): Promise<string | undefined> {
  if (root !== undefined) return findSloFile(root);
  return findUpwards(start, findSloFile);
}

/** The postmortems and incident records under `root` according to `profile`'s folders, in path order. */
export async function readWorkspaceDocuments(root: string, profile: Profile): Promise<WorkspaceDocument[]> {
  const out: WorkspaceDocument[] = [];
  for (const file of await findMarkdownFiles(root)) {
    const relative = toPosix(path.relative(root, file));
    if (!kindFromProfileFolders(relative, profile)) continue;
    const doc = parseMarkdown(await fs.readFile(file, 'utf8'));
    const kind = kindFromProfileFolders(relative, profile, doc);
    if (kind === 'postmortem' || kind === 'incident') out.push({ path: relative, doc, kind });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The workspace facts for linting under `profile` at `now`; undefined when the profile requires
 * no postmortem (then nothing needs them and the workspace is not read).
 */
export async function readWorkspaceFacts(
  root: string,
  profile: Profile,
  now: number = Date.now(),
): Promise<WorkspaceFacts | undefined> {
  if (!requiresPostmortems(profile)) return undefined;
  return workspaceFacts(await readWorkspaceDocuments(root, profile), profile, now);
}

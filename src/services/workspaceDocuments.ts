// Reads the incident documents of a workspace from disk (postmortems, incident records) for the checks across documents (IN001).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { kindFromProfileFolders, parseMarkdown, toPosix, type Profile } from '../core';
import { requiresPostmortems, workspaceFacts, type WorkspaceDocument, type WorkspaceFacts } from '../core/rules/postmortemRequired';
import { findMarkdownFiles } from './fileSystemService';

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
export async function readWorkspaceFacts(root: string, profile: Profile, now: number = Date.now()): Promise<WorkspaceFacts | undefined> {
  if (!requiresPostmortems(profile)) return undefined;
  return workspaceFacts(await readWorkspaceDocuments(root, profile), profile, now);
}

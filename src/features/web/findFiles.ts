// `workspace.findFiles` for the web extension, also on a file system that has no search provider (a `memfs:` folder,
// or any provider an extension registers without the proposed search API): there VS Code's own search finds nothing,
// so the folder is walked with vscode.workspace.fs and the glob matched here. Where VS Code's search works (vscode.dev's
// folders, github.dev's vscode-vfs, a remote folder) its answer is used as it is. ./vscodeApi.ts puts this in place of
// vscode.workspace.findFiles for the features in the web bundle (scripts/build.mjs).
import * as vscode from 'vscode';
import { SKIPPED_FOLDERS } from '../../services/skippedFolders';
import { expandBraces } from '../../services/tags/ignoreMatch';

/** A VS Code glob (`**`, `*`, `?`, `{a,b}`, `[abc]`) as a regular expression over a relative path. */
export function globToRegExp(glob: string): RegExp {
  const alternatives = expandBraces(glob.replace(/\\/g, '/')).map((pattern) => {
    let out = '';
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === '*' && pattern[i + 1] === '*') {
        const atStart = i === 0 || pattern[i - 1] === '/';
        const slashAfter = pattern[i + 2] === '/';
        if (atStart && slashAfter) {
          out += '(?:.*/)?';
          i += 2;
        } else {
          out += '.*';
          i += 1;
        }
      } else if (c === '*') out += '[^/]*';
      else if (c === '?') out += '[^/]';
      else if (c === '[') {
        const close = pattern.indexOf(']', i + 1);
        if (close < 0) out += '\\[';
        else {
          out += `[${pattern
            .slice(i + 1, close)
            .replace(/^!/, '^')
            .replace(/\\/g, '\\\\')}]`;
          i = close;
        }
      } else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
    }
    return out;
  });
  return new RegExp(`^(?:${alternatives.join('|')})$`);
}

/** The folder and glob a findFiles pattern stands for (a string glob applies to every workspace folder). */
function bases(pattern: vscode.GlobPattern): Array<{ base: vscode.Uri; glob: string }> {
  if (typeof pattern === 'string')
    return (vscode.workspace.workspaceFolders ?? []).map((f) => ({ base: f.uri, glob: pattern }));
  return [{ base: pattern.baseUri, glob: pattern.pattern }];
}

/** How long the first search of a folder may take before the folder is taken to have no search provider. */
const PROBE_TIMEOUT_MS = 3000;

/** Per workspace folder (by URI): whether VS Code's search answers there. */
const searchWorks = new Map<string, Promise<boolean>>();

/**
 * Whether VS Code's search answers in `folder` (asked once per folder). For a scheme no search provider serves,
 * VS Code's search waits for one to be registered and never answers: a search that finds nothing within
 * PROBE_TIMEOUT_MS means there is none.
 */
function searchWorksIn(folder: vscode.Uri): Promise<boolean> {
  const key = folder.toString();
  let answer = searchWorks.get(key);
  if (!answer) {
    answer = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
      Promise.resolve(vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), undefined, 1)).then(
        (found) => {
          clearTimeout(timer);
          resolve(found.length > 0);
        },
        () => {
          clearTimeout(timer);
          resolve(false);
        },
      );
    });
    searchWorks.set(key, answer);
  }
  return answer;
}

/** The files under `base` whose path relative to it matches `include` and not `exclude`, skipping dependency folders. */
async function walk(
  base: vscode.Uri,
  include: RegExp,
  exclude: RegExp | undefined,
  limit: number,
  token: vscode.CancellationToken | undefined,
): Promise<vscode.Uri[]> {
  const out: vscode.Uri[] = [];
  const visit = async (dir: vscode.Uri, rel: string): Promise<void> => {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      return;
    }
    for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
      if (out.length >= limit || token?.isCancellationRequested) return;
      if (type & vscode.FileType.SymbolicLink) continue;
      const childRel = rel ? `${rel}/${name}` : name;
      if (exclude?.test(childRel) || exclude?.test(`${childRel}/`)) continue;
      if (type & vscode.FileType.Directory) {
        if (!SKIPPED_FOLDERS.has(name)) await visit(vscode.Uri.joinPath(dir, name), childRel);
      } else if (type & vscode.FileType.File && include.test(childRel)) out.push(vscode.Uri.joinPath(dir, name));
    }
  };
  await visit(base, '');
  return out;
}

/** The containing workspace folder of `uri`, or `uri` itself when it is in none. */
function folderOf(uri: vscode.Uri): vscode.Uri {
  return vscode.workspace.getWorkspaceFolder(uri)?.uri ?? uri;
}

/** vscode.workspace.findFiles, with a walk where VS Code's search has nothing to search the folder with. */
export async function findFiles(
  include: vscode.GlobPattern,
  exclude?: vscode.GlobPattern | null,
  maxResults?: number,
  token?: vscode.CancellationToken,
): Promise<vscode.Uri[]> {
  const targets = bases(include);
  const searchable = await Promise.all(targets.map(({ base }) => searchWorksIn(folderOf(base))));
  if (searchable.every(Boolean)) return vscode.workspace.findFiles(include, exclude, maxResults, token);
  const limit = maxResults ?? Number.POSITIVE_INFINITY;
  const excludeGlob = typeof exclude === 'string' ? exclude : exclude?.pattern;
  const excluded = excludeGlob ? globToRegExp(excludeGlob) : undefined;
  const out: vscode.Uri[] = [];
  for (const [index, { base, glob }] of targets.entries()) {
    if (out.length >= limit || token?.isCancellationRequested) break;
    out.push(
      ...(searchable[index]
        ? await vscode.workspace.findFiles(new vscode.RelativePattern(base, glob), exclude, limit - out.length, token)
        : await walk(base, globToRegExp(glob), excluded, limit - out.length, token)),
    );
  }
  return out;
}

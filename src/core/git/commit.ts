// The commits of a repository as the extension sees them, and how to read them from `git log` output.

/** How a commit changed one file. */
export type FileChangeStatus =
  'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed' | 'unmerged' | 'unknown';

/** One file a commit touched. */
export interface FileChange {
  readonly status: FileChangeStatus;
  /** The path after the commit, relative to the repository root, with forward slashes. */
  readonly path: string;
  /** The path before the commit, for renames and copies. */
  readonly oldPath?: string;
}

/** One commit, as listed for an incident window. */
export interface Commit {
  /** The full object id. */
  readonly hash: string;
  /** The abbreviated id git chose for this repository. */
  readonly shortHash: string;
  /** Full ids of the parents; empty for a root commit (or at a shallow boundary). */
  readonly parents: readonly string[];
  readonly authorName: string;
  /** When the change was written, ISO 8601 in UTC. */
  readonly authorDate: string;
  /** When the change was committed where it is now (rebased, cherry-picked, merged), ISO 8601 in UTC. */
  readonly committerDate: string;
  /** The first line of the message. */
  readonly subject: string;
  /** Every path the commit touched (both sides of a rename), relative to the repository root. */
  readonly files: readonly string[];
  /** The same, with how each file changed; a merge lists what it brought in from its first parent. */
  readonly changes: readonly FileChange[];
}

/** A time window, both ends inclusive. */
export interface CommitWindow {
  readonly since: Date;
  readonly until: Date;
}

const FIELD = '\u001f';
const RECORD = '\u001e';

/**
 * The `--format` for `git log -z --name-status` that `parseLog` reads: a record mark, then
 * hash, short hash, parents, author name, author date, committer date and subject, separated
 * by the unit separator (the subject last, so a separator inside it cannot shift the fields).
 */
export const LOG_FORMAT = '%x1e%H%x1f%h%x1f%P%x1f%an%x1f%aI%x1f%cI%x1f%s';

// eslint-disable-next-line no-control-regex -- the record and unit separators are what LOG_FORMAT writes.
const HEADER = /^\n?\u001e([0-9a-f]{40}(?:[0-9a-f]{24})?)\u001f/;
const STATUS = /^\n?([ACDMRTUXB])(\d{0,3})$/;

const STATUS_NAMES: Readonly<Record<string, FileChangeStatus>> = {
  A: 'added',
  C: 'copied',
  D: 'deleted',
  M: 'modified',
  R: 'renamed',
  T: 'type-changed',
  U: 'unmerged',
};

/**
 * Reads the output of `git log -z --name-status --format=LOG_FORMAT` into commits, in the
 * order git printed them. Output it does not recognise is skipped, never guessed at.
 */
export function parseLog(output: string): Commit[] {
  const commits: Commit[] = [];
  const tokens = output.split('\u0000');
  let current: { header: Omit<Commit, 'files' | 'changes'>; changes: FileChange[] } | undefined;
  const flush = () => {
    if (!current) return;
    const files: string[] = [];
    for (const c of current.changes) {
      if (c.oldPath !== undefined && !files.includes(c.oldPath)) files.push(c.oldPath);
      if (!files.includes(c.path)) files.push(c.path);
    }
    commits.push({ ...current.header, files, changes: current.changes });
    current = undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (HEADER.test(token)) {
      flush();
      const header = readHeader(token);
      if (header) current = { header, changes: [] };
      continue;
    }
    const status = STATUS.exec(token);
    if (!status || !current) continue;
    const letter = status[1];
    // Renames and copies name two paths, the old one first; everything else names one.
    if (letter === 'R' || letter === 'C') {
      const oldPath = tokens[i + 1];
      const path = tokens[i + 2];
      i += 2;
      if (oldPath !== undefined && path !== undefined)
        current.changes.push({ status: STATUS_NAMES[letter], path, oldPath });
    } else {
      const path = tokens[i + 1];
      i += 1;
      if (path !== undefined) current.changes.push({ status: STATUS_NAMES[letter] ?? 'unknown', path });
    }
  }
  flush();
  return commits;
}

function readHeader(token: string): Omit<Commit, 'files' | 'changes'> | undefined {
  const text = token.replace(/^\n/, '').slice(RECORD.length);
  const parts = text.split(FIELD);
  if (parts.length < 7) return undefined;
  const [hash, shortHash, parents, authorName, authorDate, committerDate] = parts;
  return {
    hash,
    shortHash,
    parents: parents.split(' ').filter((p) => p.length > 0),
    authorName,
    authorDate: toUtcIso(authorDate),
    committerDate: toUtcIso(committerDate),
    subject: parts.slice(6).join(FIELD),
  };
}

function toUtcIso(text: string): string {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? text : new Date(ms).toISOString();
}

/** One side of a diff: a path at a revision. */
export interface DiffSide {
  /** Relative to the repository root, forward slashes. */
  readonly path: string;
  /** A revision git understands: the commit, or its first parent (`<hash>^1`). */
  readonly ref: string;
}

/** What to open to show how `commit` changed one file; a side is undefined where the file does not exist. */
export interface DiffUriInfo {
  readonly left: DiffSide | undefined;
  readonly right: DiffSide | undefined;
  /** The editor title, e.g. `src/app.ts (a1b2c3d)`. */
  readonly title: string;
}

/**
 * The two sides of the diff of `file` in `commit`, compared with its first parent; undefined
 * when the commit did not touch the file, or when it has no parent to compare with (a root
 * commit or a shallow boundary), where the whole commit has to be shown instead.
 */
export function diffUriInfo(commit: Commit, file: string): DiffUriInfo | undefined {
  const change = commit.changes.find((c) => c.path === file || c.oldPath === file);
  if (!change || commit.parents.length === 0) return undefined;
  const parent = `${commit.hash}^1`;
  const oldPath = change.oldPath ?? change.path;
  const left = change.status === 'added' ? undefined : { path: oldPath, ref: parent };
  const right = change.status === 'deleted' ? undefined : { path: change.path, ref: commit.hash };
  const name = change.oldPath ? `${change.oldPath} → ${change.path}` : change.path;
  return { left, right, title: `${name} (${commit.shortHash})` };
}

// The language server's one workspace model: the profile, and each document's text, parse and incident summary,
// cached by path and version (open documents by their editor version, others by their file stamp).
import { CONFIG_FILE_NAMES, MAX_CONFIG_BYTES, parseConfig, type ConfigProblem } from '../core/config';
import { applySeverityMatrix, parseSeverityMatrix } from '../core/config/severityMatrix';
import { summarizeIncident, type IncidentSummary } from '../core/incident/summary';
import { kindFromProfileFolders } from '../core/lint/documentKind';
import { parseMarkdown, type MarkdownDocument } from '../core/markdown/model';
import { DEFAULT_PROFILE_NAME, findProfile } from '../core/profiles';
import type { DocumentKind, Profile } from '../core/profiles/types';
import { requiresPostmortems, workspaceFacts, type WorkspaceFacts } from '../core/rules/postmortemRequired';
import { MAX_SLO_BYTES, parseSloFile, SLO_FILE_NAMES } from '../core/slo';
import type { SloDefinition } from '../core/slo/types';
import { DEFAULT_MAX_FILE_SIZE, utf8Length } from '../core/sizeLimit';
import { incidentDocuments, type IncidentDocumentRef } from '../core/tags';
import type { ServerFileSystem } from './fileSystem';
import { joinPath, relativeTo } from './uri';

/** One document as the server's features see it. */
export interface DocumentEntry {
  /** Absolute path, forward slashes. */
  readonly path: string;
  /** Relative to the workspace root; undefined outside it. */
  readonly relativePath: string | undefined;
  /** `v<n>` for an open document, `m<mtime>:<size>` for one read from disk. */
  readonly version: string;
  readonly text: string;
  /** Set when the text is over the size limit: nothing below is computed then. */
  readonly tooLarge?: { readonly size: number; readonly limit: number };
  /** The parsed document (Markdown only; parsed once per version). */
  readonly doc: MarkdownDocument | undefined;
  /** The incident kind under the profile's folders; undefined for other files. */
  readonly kind: DocumentKind | undefined;
  /** The incident summary of a postmortem, incident record or runbook. */
  readonly summary: IncidentSummary | undefined;
}

/** A problem in a workspace file the server read (configuration, severity matrix, slo.yaml). */
export interface WorkspaceProblem {
  readonly file: string;
  readonly problem: ConfigProblem;
}

/** What the model needs. */
export interface WorkspaceModelOptions {
  /** The workspace root (absolute, forward slashes); undefined when the client opened no folder. */
  readonly root: string | undefined;
  readonly fs: ServerFileSystem;
  /** Documents over this many bytes are not parsed (`DEFAULT_MAX_FILE_SIZE` by default). */
  readonly maxFileSize?: number;
  /** A built-in profile to use instead of the workspace's configuration file. */
  readonly profileName?: string;
}

const MARKDOWN = /\.(?:md|markdown)$/i;

/** The workspace as the server knows it. Every feature asks it; none reads or parses files itself. */
export class WorkspaceModel {
  readonly root: string | undefined;
  readonly maxFileSize: number;
  private profileValue: Profile = findProfile(DEFAULT_PROFILE_NAME) as Profile;
  private slosValue: readonly SloDefinition[] | undefined;
  private sloFileMissingValue: boolean | undefined;
  private readonly open = new Map<string, { version: number; text: string; languageId: string }>();
  private readonly cache = new Map<string, DocumentEntry>();
  /** The incident documents on disk (relative paths), once scanned. */
  private diskPaths: Set<string> | undefined;
  private scanning: Promise<void> | undefined;
  /** Bumped whenever something other than a document's own text changes what its findings are. */
  private generationValue = 0;

  constructor(private readonly options: WorkspaceModelOptions) {
    this.root = options.root?.replace(/\/+$/, '');
    const limit = options.maxFileSize;
    this.maxFileSize = limit !== undefined && Number.isFinite(limit) && limit > 0 ? limit : DEFAULT_MAX_FILE_SIZE;
  }

  get profile(): Profile {
    return this.profileValue;
  }

  /** Changes whenever the profile, the SLOs or the set of incident documents change. */
  get generation(): number {
    return this.generationValue;
  }

  /**
   * Reads the configuration file (and the severity matrix it names) and slo.yaml from the root.
   * Never throws: problems come back located, and a bad file keeps the last good profile.
   */
  async loadConfiguration(): Promise<WorkspaceProblem[]> {
    const problems: WorkspaceProblem[] = [];
    this.generationValue++;
    const named = this.options.profileName !== undefined ? findProfile(this.options.profileName) : undefined;
    if (this.options.profileName !== undefined && !named)
      problems.push(problem('initializationOptions', `unknown profile "${this.options.profileName}"`));
    if (!this.root) return problems;
    let profile = named;
    if (!profile) {
      const config = await this.readFirst(CONFIG_FILE_NAMES, MAX_CONFIG_BYTES);
      if (config && 'problem' in config) problems.push(problem(config.name, config.problem));
      else if (config) {
        const result = parseConfig(config.text, config.name);
        problems.push(...result.problems.map((p) => ({ file: config.name, problem: p })));
        profile = result.profile;
        if (!profile) return problems; // Errors: keep the last good profile.
      }
    }
    profile ??= findProfile(DEFAULT_PROFILE_NAME) as Profile;
    if (profile.severityMatrix) {
      const matrix = await this.readFirst([profile.severityMatrix], MAX_CONFIG_BYTES);
      if (matrix && 'problem' in matrix) return [...problems, problem(matrix.name, matrix.problem)];
      if (matrix) {
        const result = parseSeverityMatrix(matrix.text);
        problems.push(...result.problems.map((p) => ({ file: matrix.name, problem: p })));
        if (!result.levels) return problems;
        profile = applySeverityMatrix(profile, result.levels);
      }
    }
    this.profileValue = profile;
    const slo = await this.readFirst(SLO_FILE_NAMES, MAX_SLO_BYTES);
    this.sloFileMissingValue = slo === undefined;
    this.slosValue = slo && 'text' in slo ? parseSloFile(slo.text, slo.name).slos : undefined;
    this.cache.clear();
    this.diskPaths = undefined;
    this.scanning = undefined;
    return problems;
  }

  /** An editor opened or changed a document: its text wins over the disk's. */
  setOpen(path: string, version: number, text: string, languageId: string): void {
    this.open.set(path, { version, text, languageId });
  }

  /** An editor closed a document: it is read from disk again. */
  close(path: string): void {
    this.open.delete(path);
    this.cache.delete(path);
  }

  /** The language id the editor gave an open document. */
  languageIdOf(path: string): string | undefined {
    return this.open.get(path)?.languageId;
  }

  /** A file changed on disk (or was created or deleted): forget it, and note a new or deleted incident document. */
  fileChanged(path: string): void {
    if (!this.open.has(path)) this.cache.delete(path);
    const relative = this.relative(path);
    if (relative !== undefined && this.diskPaths && MARKDOWN.test(relative)) {
      // Re-scan the list of documents next time (cheap: stats only); a new postmortem changes IN001 and tag links.
      this.diskPaths = undefined;
      this.scanning = undefined;
      this.generationValue++;
    }
  }

  /** The workspace-relative path of `path`, or undefined outside the root. */
  relative(path: string): string | undefined {
    return this.root ? relativeTo(this.root, path) : undefined;
  }

  /** The document at `path` now: the editor's text when open, else the file's. Undefined when unreadable. */
  async entry(path: string): Promise<DocumentEntry | undefined> {
    const open = this.open.get(path);
    if (open) return this.entryOf(path, `v${open.version}`, open.text);
    const stat = await this.options.fs.stat(path);
    if (!stat) return undefined;
    const version = `m${stat.mtime}:${stat.size}`;
    const hit = this.cache.get(path);
    if (hit?.version === version) return hit;
    if (stat.size > this.maxFileSize) return undefined;
    const text = await this.options.fs.readText(path);
    return text === undefined ? undefined : this.entryOf(path, version, text);
  }

  /** Whether a file exists at `path` (open in an editor or on disk). */
  async exists(path: string): Promise<boolean> {
    return this.open.has(path) || (await this.options.fs.stat(path)) !== undefined;
  }

  /** The entry of an open document, synchronously (undefined when it is not open). */
  openEntry(path: string): DocumentEntry | undefined {
    const open = this.open.get(path);
    return open ? this.entryOf(path, `v${open.version}`, open.text) : undefined;
  }

  /** The incident documents of the workspace (open and on disk) with their summaries, in path order. */
  async documents(): Promise<DocumentEntry[]> {
    await this.scan();
    const paths = new Set<string>([...(this.diskPaths ?? [])].map((r) => joinPath(this.root ?? '', r)));
    for (const path of this.open.keys()) {
      const relative = this.relative(path);
      if (relative !== undefined && kindFromProfileFolders(relative, this.profile)) paths.add(path);
    }
    const entries: DocumentEntry[] = [];
    for (const path of [...paths].sort()) {
      const entry = await this.entry(path);
      if (entry?.summary) entries.push(entry);
    }
    return entries;
  }

  /** The postmortems and incident records that INCIDENT tags link to, from their file names. */
  async incidentRefs(): Promise<IncidentDocumentRef[]> {
    await this.scan();
    const paths = new Set(this.diskPaths ?? []);
    for (const path of this.open.keys()) {
      const relative = this.relative(path);
      if (relative !== undefined) paths.add(relative);
    }
    return incidentDocuments(paths, this.profile);
  }

  /** The summary of the incident document at a relative path, when it is one. */
  async summaryOf(relativePath: string): Promise<IncidentSummary | undefined> {
    return this.root ? (await this.entry(joinPath(this.root, relativePath)))?.summary : undefined;
  }

  /** What workspace-level rules need: SLOs (PM015), whether slo.yaml is missing (PM016), the postmortems (IN001). */
  async lintOptions(now: number): Promise<{
    slos?: readonly SloDefinition[];
    sloFileMissing?: boolean;
    workspace?: WorkspaceFacts;
  }> {
    const workspace = requiresPostmortems(this.profile)
      ? workspaceFacts(
          (await this.documents()).flatMap((e) =>
            e.doc && e.relativePath && (e.kind === 'postmortem' || e.kind === 'incident')
              ? [{ path: e.relativePath, doc: e.doc, kind: e.kind }]
              : [],
          ),
          this.profile,
          now,
        )
      : undefined;
    return { slos: this.slosValue, sloFileMissing: this.sloFileMissingValue, workspace };
  }

  private entryOf(path: string, version: string, text: string): DocumentEntry {
    const hit = this.cache.get(path);
    if (hit?.version === version) return hit;
    const relativePath = this.relative(path);
    const size = utf8Length(text, this.maxFileSize);
    let entry: DocumentEntry;
    if (size > this.maxFileSize) {
      const tooLarge = { size, limit: this.maxFileSize };
      entry = { path, relativePath, version, text, tooLarge, doc: undefined, kind: undefined, summary: undefined };
    } else if (MARKDOWN.test(path) || this.open.get(path)?.languageId === 'markdown') {
      const doc = parseMarkdown(text);
      const kind = relativePath !== undefined ? kindFromProfileFolders(relativePath, this.profile, doc) : undefined;
      const summary =
        kind && relativePath ? summarizeIncident({ path: relativePath, doc, profile: this.profile, kind }) : undefined;
      entry = { path, relativePath, version, text, doc, kind, summary };
    } else {
      entry = { path, relativePath, version, text, doc: undefined, kind: undefined, summary: undefined };
    }
    this.cache.set(path, entry);
    return entry;
  }

  /** Lists the workspace's incident documents once (file names only; each is read when first asked for). */
  private scan(): Promise<void> {
    if (!this.root || this.diskPaths) return Promise.resolve();
    const root = this.root;
    this.scanning ??= (async () => {
      const found = new Set<string>();
      for (const file of await this.options.fs.findMarkdownFiles(root)) {
        const relative = relativeTo(root, file);
        if (relative !== undefined && kindFromProfileFolders(relative, this.profile)) found.add(relative);
      }
      this.diskPaths = found;
    })();
    return this.scanning;
  }

  /** The first of `names` (relative to the root) that exists, read whole when at most `limit` bytes. */
  private async readFirst(
    names: readonly string[],
    limit: number,
  ): Promise<{ name: string; text: string } | { name: string; problem: string } | undefined> {
    for (const name of names) {
      const path = joinPath(this.root ?? '', name);
      const stat = await this.options.fs.stat(path);
      if (!stat) continue;
      if (stat.size > limit)
        return { name, problem: `the file is larger than ${Math.round(limit / 1024)} KiB; nothing in it was applied` };
      const text = await this.options.fs.readText(path);
      return text === undefined ? { name, problem: 'the file cannot be read' } : { name, text };
    }
    return undefined;
  }
}

function problem(file: string, message: string): WorkspaceProblem {
  return {
    file,
    problem: {
      severity: 'error',
      message,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    },
  };
}

// The language server's one workspace model: the profile, and each document's text, parse and incident summary,
// cached by path and version (open documents by their editor version, others by their file stamp).
import { CONFIG_FILE_NAMES, MAX_CONFIG_BYTES, parseConfig, type ConfigProblem } from '../core/config';
import { applySeverityMatrix, parseSeverityMatrix } from '../core/config/severityMatrix';
import { summarizeIncident, type IncidentSummary } from '../core/incident/summary';
import { kindFromProfileFolders } from '../core/lint/documentKind';
import { parseMarkdown, type MarkdownDocument } from '../core/markdown/model';
import { DEFAULT_PROFILE_NAME, findProfile } from '../core/profiles';
import type { DocumentKind, Profile } from '../core/profiles/types';
import {
  postmortemRef,
  requiresPostmortems,
  type PostmortemRef,
  type WorkspaceFacts,
} from '../core/rules/postmortemRequired';
import { MAX_SLO_BYTES, parseSloFile, SLO_FILE_NAMES } from '../core/slo';
import type { SloDefinition } from '../core/slo/types';
import { DEFAULT_MAX_FILE_SIZE, utf8Length } from '../core/sizeLimit';
import { incidentDocuments, type IncidentDocumentRef } from '../core/tags';
import type { ServerFileSystem } from './fileSystem';
import { joinPath, relativeTo } from './uri';
import type { ClientSettings } from './settings';
import { parseBaseline, type Baseline } from '../core/lint/baseline';

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
  /** The incident summary of a postmortem, incident record or runbook (computed when first asked for). */
  readonly summary: IncidentSummary | undefined;
}

/**
 * How long the model trusts what it last read of files that are not open before it checks their stamps again,
 * unless a file event (`fileChanged`) came first. Typing re-lints the open document many times a second; this
 * keeps that from statting every incident document of the workspace each time (the editor's file watcher still
 * tells about changes at once; a client without one sees a file changed behind its back within this time).
 */
export const DISK_RECHECK_MS = 2000;

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
  /** Milliseconds of a monotonic-enough clock (`Date.now` by default), for `DISK_RECHECK_MS`. */
  readonly clock?: () => number;
  /** The editor's settings (profile when there is no configuration file, baseline, whether to lint). */
  readonly settings?: ClientSettings;
}

const MARKDOWN = /\.(?:md|markdown)$/i;

/** The workspace as the server knows it. Every feature asks it; none reads or parses files itself. */
export class WorkspaceModel {
  readonly root: string | undefined;
  private maxFileSizeValue: number;
  private settingsValue: ClientSettings;
  private baselineValue: Baseline | undefined;
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
  /** Bumped on every file event and configuration load: what was read from disk may be outdated. */
  private diskStamp = 0;
  /** The entries of the incident documents on disk as last checked, with when and at which `diskStamp`. */
  private diskEntries: { stamp: number; at: number; entries: DocumentEntry[] } | undefined;
  /** The postmortem facts of each entry (entries are per version, so these are too). */
  private readonly refs = new WeakMap<DocumentEntry, PostmortemRef>();
  /** The postmortem facts last built, with the postmortem entries they came from (reused while those are the same). */
  private facts: { entries: readonly DocumentEntry[]; postmortems: readonly PostmortemRef[] } | undefined;

  constructor(private readonly options: WorkspaceModelOptions) {
    this.root = options.root?.replace(/\/+$/, '');
    this.settingsValue = options.settings ?? {};
    this.maxFileSizeValue = sizeLimit(options.settings?.maxFileSize ?? options.maxFileSize);
  }

  /** Documents over this many bytes are not parsed or linted. */
  get maxFileSize(): number {
    return this.maxFileSizeValue;
  }

  /** The editor's settings in force. */
  get settings(): ClientSettings {
    return this.settingsValue;
  }

  /** The baseline the settings name, once read by `loadConfiguration`: findings it holds are hints. */
  get baseline(): Baseline | undefined {
    return this.baselineValue;
  }

  /** The editor's settings changed: the next `loadConfiguration` applies them (documents are parsed again). */
  configure(settings: ClientSettings): void {
    this.settingsValue = settings;
    this.maxFileSizeValue = sizeLimit(settings.maxFileSize ?? this.options.maxFileSize);
    this.cache.clear();
    this.generationValue++;
  }

  /** The workspace-relative path of the baseline file the settings name, if any. */
  get baselinePath(): string | undefined {
    const name = this.settingsValue.baseline?.trim();
    return name ? name.replace(/\\/g, '/').replace(/^\.\//, '') : undefined;
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
    const chosen = this.settingsValue.defaultProfile;
    if (!profile && chosen !== undefined && !findProfile(chosen))
      problems.push(problem('settings', `unknown profile "${chosen}"; using "${DEFAULT_PROFILE_NAME}"`));
    profile ??=
      (chosen !== undefined ? findProfile(chosen) : undefined) ?? (findProfile(DEFAULT_PROFILE_NAME) as Profile);
    problems.push(...(await this.loadBaseline()));
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
    this.diskStamp++;
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
    this.diskStamp++;
  }

  /** The language id the editor gave an open document. */
  languageIdOf(path: string): string | undefined {
    return this.open.get(path)?.languageId;
  }

  /** A file changed on disk (or was created or deleted): forget it, and note a new or deleted incident document. */
  fileChanged(path: string): void {
    if (!this.open.has(path)) this.cache.delete(path);
    this.diskStamp++;
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
    const disk = await this.diskDocuments();
    const byPath = new Map<string, DocumentEntry>();
    for (const entry of disk) if (!this.open.has(entry.path)) byPath.set(entry.path, entry);
    for (const path of this.open.keys()) {
      const relative = this.relative(path);
      if (relative === undefined || !kindFromProfileFolders(relative, this.profile)) continue;
      const entry = this.openEntry(path);
      if (entry && isIncidentEntry(entry)) byPath.set(path, entry);
    }
    return [...byPath.keys()].sort().map((path) => byPath.get(path) as DocumentEntry);
  }

  /**
   * The incident documents on disk that are not open, read (or taken from the cache by their stamps) at most
   * once per `DISK_RECHECK_MS` unless a file event or a configuration load came since.
   */
  private async diskDocuments(): Promise<readonly DocumentEntry[]> {
    const now = (this.options.clock ?? Date.now)();
    const last = this.diskEntries;
    if (last && last.stamp === this.diskStamp && now - last.at < DISK_RECHECK_MS && this.diskPaths) return last.entries;
    const stamp = this.diskStamp;
    await this.scan();
    const entries: DocumentEntry[] = [];
    for (const relative of [...(this.diskPaths ?? [])].sort()) {
      const path = joinPath(this.root ?? '', relative);
      if (this.open.has(path)) continue;
      const entry = await this.entry(path);
      if (entry && isIncidentEntry(entry)) entries.push(entry);
    }
    if (stamp === this.diskStamp) this.diskEntries = { stamp, at: now, entries };
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

  /**
   * What workspace-level rules need: SLOs (PM015), whether slo.yaml is missing (PM016), the postmortems (IN001).
   * The postmortems are only gathered for an incident record (the only kind IN001 checks), or when `kind` is not
   * given; each postmortem's facts are read once per version.
   */
  async lintOptions(
    now: number,
    kind?: DocumentKind,
  ): Promise<{
    slos?: readonly SloDefinition[];
    sloFileMissing?: boolean;
    workspace?: WorkspaceFacts;
  }> {
    const workspace =
      requiresPostmortems(this.profile) && (kind === undefined || kind === 'incident')
        ? { postmortems: this.postmortemFacts(await this.documents()), now }
        : undefined;
    return { slos: this.slosValue, sloFileMissing: this.sloFileMissingValue, workspace };
  }

  /**
   * The postmortems among `entries`, as IN001 sees them: each read once per version, and the last list reused
   * while the postmortems are the same (typing into an incident record changes none of them).
   */
  private postmortemFacts(entries: readonly DocumentEntry[]): readonly PostmortemRef[] {
    const postmortemEntries = entries.filter(
      (e) => e.kind === 'postmortem' && e.doc !== undefined && e.relativePath !== undefined,
    );
    const last = this.facts;
    if (
      last &&
      last.entries.length === postmortemEntries.length &&
      last.entries.every((e, i) => e === postmortemEntries[i])
    )
      return last.postmortems;
    const postmortems = postmortemEntries.map((e) => {
      let ref = this.refs.get(e);
      if (!ref) {
        ref = postmortemRef(e.relativePath as string, e.doc as MarkdownDocument, this.profile);
        this.refs.set(e, ref);
      }
      return ref;
    });
    this.facts = { entries: postmortemEntries, postmortems };
    return postmortems;
  }

  /** Reads the baseline the settings name (a bad one is reported and not used). */
  private async loadBaseline(): Promise<WorkspaceProblem[]> {
    this.baselineValue = undefined;
    const name = this.baselinePath;
    if (!name || !this.root) return [];
    const text = await this.options.fs.readText(joinPath(this.root, name));
    if (text === undefined) return [problem(name, 'the baseline file cannot be read; findings are shown as usual')];
    try {
      this.baselineValue = parseBaseline(text);
      return [];
    } catch (e) {
      return [problem(name, `the baseline is not used: ${e instanceof Error ? e.message : String(e)}`)];
    }
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
      const profile = this.profile;
      // The summary is computed when first asked for: linting a version as it is typed does not need it.
      let summary: IncidentSummary | undefined | null = null;
      entry = {
        path,
        relativePath,
        version,
        text,
        doc,
        kind,
        get summary(): IncidentSummary | undefined {
          if (summary === null)
            summary =
              kind && relativePath !== undefined
                ? summarizeIncident({ path: relativePath, doc, profile, kind })
                : undefined;
          return summary;
        },
      };
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

/** Whether `entry` is an incident document (one that has a summary), without computing the summary. */
function isIncidentEntry(entry: DocumentEntry): boolean {
  return entry.kind !== undefined && entry.relativePath !== undefined && entry.doc !== undefined;
}

function sizeLimit(limit: number | undefined): number {
  return limit !== undefined && Number.isFinite(limit) && limit > 0 ? limit : DEFAULT_MAX_FILE_SIZE;
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

// Links INCIDENT tags to incident documents: dates and slugs read from file names with the profile's patterns.
import { kindFromProfileFolders, toPosix } from '../lint/documentKind';
import { isRealDate, type CalendarDate } from '../postmortem/dates';
import type { DocumentKind, Profile } from '../profiles/types';
import { formatDate, type IncidentTag } from './grammar';

/** The document kinds a tag can link to, in the order matches are listed: the postmortem first. */
export const LINKED_KINDS: readonly DocumentKind[] = ['postmortem', 'incident'];

/** An incident document as the file name describes it. */
export interface IncidentDocumentRef {
  /** Workspace-relative path, forward slashes. */
  readonly path: string;
  /** The kind its folder gives it (a folder two kinds share gives the first, postmortem). */
  readonly kind: DocumentKind;
  readonly date: CalendarDate;
  /** `YYYY-MM-DD`. */
  readonly dateText: string;
  /** The slug the file name holds, undefined for a date-only name. */
  readonly slug: string | undefined;
  /** Whether the name follows the profile's pattern; false when only a date was found in it. */
  readonly followsPattern: boolean;
}

const patternCache = new Map<string, RegExp>();

/**
 * A regular expression for a profile's file-name pattern (`YYYY-MM-DD-<slug>.md`,
 * `INC-YYYY-MM-DD-<slug>.md`, `postmortem-YYYY-MM-DD-<slug>.md`) with the named groups
 * `year`, `month`, `day` and `slug`. Other `<placeholders>` match any text. Case is ignored.
 */
export function fileNamePattern(pattern: string): RegExp {
  const cached = patternCache.get(pattern);
  if (cached) return cached;
  let source = '';
  const seen = new Set<string>();
  const group = (name: string, body: string) => {
    if (seen.has(name)) return body;
    seen.add(name);
    return `(?<${name}>${body})`;
  };
  for (const token of pattern.split(/(YYYY|MM|DD|<[^>]+>)/)) {
    if (token === 'YYYY') source += group('year', '\\d{4}');
    else if (token === 'MM') source += group('month', '\\d{2}');
    else if (token === 'DD') source += group('day', '\\d{2}');
    else if (token === '<slug>') source += group('slug', '[^/]+?');
    else if (/^<[^>]+>$/.test(token)) source += '[^/]+?';
    else source += token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  const regex = new RegExp(`^${source}$`, 'i');
  patternCache.set(pattern, regex);
  return regex;
}

/**
 * The incident document at `relativePath`, when the profile's folders make it a postmortem
 * or an incident record and its file name holds a date: read with the kind's file-name
 * pattern, then the other kinds' patterns, then (for names that follow none) the first
 * `YYYY-MM-DD` in the name, the slug being what follows it.
 */
export function incidentDocumentFromPath(relativePath: string, profile: Profile): IncidentDocumentRef | undefined {
  const path = toPosix(relativePath);
  const kind = kindFromProfileFolders(path, profile);
  if (!kind || !LINKED_KINDS.includes(kind)) return undefined;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const patterns = [
    profile.documents[kind]?.fileName,
    ...LINKED_KINDS.map((k) => profile.documents[k]?.fileName),
  ].filter((p): p is string => p !== undefined && /YYYY/.test(p));
  for (const pattern of patterns) {
    const groups = fileNamePattern(pattern).exec(name)?.groups;
    const ref = groups && toRef(path, kind, groups.year, groups.month, groups.day, groups.slug, true);
    if (ref) return ref;
  }
  const loose = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)(?:[-_ .]+(.+?))?\.(?:md|markdown)$/i.exec(name);
  return loose ? toRef(path, kind, loose[1], loose[2], loose[3], loose[4], false) : undefined;
}

function toRef(
  path: string,
  kind: DocumentKind,
  y: string | undefined,
  m: string | undefined,
  d: string | undefined,
  slug: string | undefined,
  followsPattern: boolean,
): IncidentDocumentRef | undefined {
  if (y === undefined || m === undefined || d === undefined) return undefined;
  const date = { year: Number(y), month: Number(m), day: Number(d) };
  if (!isRealDate(date.year, date.month, date.day)) return undefined;
  return { path, kind, date, dateText: formatDate(date), slug: slug || undefined, followsPattern };
}

/** The incident documents among `relativePaths`, sorted newest first, then postmortems before incident records, then by path. */
export function incidentDocuments(relativePaths: Iterable<string>, profile: Profile): IncidentDocumentRef[] {
  const refs: IncidentDocumentRef[] = [];
  for (const p of relativePaths) {
    const ref = incidentDocumentFromPath(p, profile);
    if (ref) refs.push(ref);
  }
  return refs.sort(compareRefs);
}

function compareRefs(a: IncidentDocumentRef, b: IncidentDocumentRef): number {
  return (
    b.dateText.localeCompare(a.dateText) ||
    LINKED_KINDS.indexOf(a.kind) - LINKED_KINDS.indexOf(b.kind) ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
  );
}

/**
 * The documents a tag links to: those of the same date and, when the tag names a slug or
 * id, the same slug (case ignored). Zero, one or several; postmortems first.
 */
export function linkTag(
  tag: Pick<IncidentTag, 'dateText' | 'slug'>,
  documents: readonly IncidentDocumentRef[],
): IncidentDocumentRef[] {
  const slug = tag.slug?.toLowerCase();
  return documents
    .filter((d) => d.dateText === tag.dateText && (slug === undefined || d.slug?.toLowerCase() === slug))
    .sort(compareRefs);
}

/**
 * Where the profile expects the document for a tag: `docs/postmortems/2026-03-15-<slug>.md`
 * (the slug filled in when the tag has one), for each kind a tag links to.
 */
export function expectedDocumentPaths(tag: Pick<IncidentTag, 'date' | 'slug'>, profile: Profile): string[] {
  const paths: string[] = [];
  for (const kind of LINKED_KINDS) {
    const spec = profile.documents[kind];
    if (!spec || !/YYYY/.test(spec.fileName)) continue;
    const text = formatDate(tag.date);
    const name = spec.fileName
      .replace('YYYY', text.slice(0, 4))
      .replace('MM', text.slice(5, 7))
      .replace('DD', text.slice(8, 10))
      .replace('<slug>', tag.slug ?? '<slug>');
    const folder = toPosix(spec.folder).replace(/\/+$/, '');
    const path = folder && folder !== '.' ? `${folder}/${name}` : name;
    if (!paths.includes(path)) paths.push(path);
  }
  return paths;
}

// Where a new document goes: the profile's folder and file-name pattern filled in, checked to stay inside the workspace.
import type { DocumentKind, Profile } from '../profiles/types';
import { slugify } from './slug';

/** The values a file-name pattern can use. */
export interface PathValues {
  /** YYYY-MM-DD. */
  readonly date: string;
  /** Already a slug, or a title to slug. */
  readonly slug?: string;
  readonly service?: string;
  readonly failureMode?: string;
}

/** Raised when a computed path would not be a safe relative path inside the workspace. */
export class UnsafePathError extends Error {}

/**
 * The workspace-relative path (forward slashes) of a new `kind` document under `profile`.
 * Every placeholder value is slugged, so no value can add a folder or climb out of one.
 */
export function documentPath(profile: Profile, kind: DocumentKind, values: PathValues): string {
  const spec = profile.documents[kind];
  if (!spec) throw new UnsafePathError(`The ${profile.name} profile has no ${kind} documents.`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date))
    throw new UnsafePathError(`"${values.date}" is not a date in the form YYYY-MM-DD.`);
  const [yyyy, mm, dd] = values.date.split('-');
  const name = spec.fileName
    .replace(/YYYY/g, yyyy)
    .replace(/MM/g, mm)
    .replace(/DD/g, dd)
    .replace(/<slug>/g, slugify(values.slug ?? ''))
    .replace(/<service>/g, slugify(values.service ?? '', 'service'))
    .replace(/<failure-mode>/g, slugify(values.failureMode ?? '', 'failure'));
  const path = `${spec.folder.replace(/\/+$/, '')}/${name}`;
  assertSafeRelativePath(path);
  return path;
}

/**
 * Throws unless `path` is relative, uses forward slashes, has no empty, `.` or `..` segment,
 * no NUL or control character, and no segment that is a Windows device name.
 */
export function assertSafeRelativePath(path: string): void {
  const problem = unsafeReason(path);
  if (problem) throw new UnsafePathError(`"${path}" ${problem}.`);
}

function unsafeReason(path: string): string | undefined {
  if (path.length === 0) return 'is empty';
  if (path.length > 400) return 'is too long';
  if (path.includes('\\') || [...path].some((ch) => ch.charCodeAt(0) < 0x20))
    return 'contains a backslash or a control character';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'is absolute';
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') return 'has an empty, "." or ".." segment';
    if (/^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?$/i.test(segment))
      return `uses the reserved device name "${segment}"`;
    if (/[<>:"|?*]/.test(segment)) return `has a character not allowed in file names in "${segment}"`;
  }
  return undefined;
}

/** The next free variant of `path` (`-2`, `-3`, ...) given the paths that exist. */
export function nextFreePath(path: string, exists: (candidate: string) => boolean): string {
  if (!exists(path)) return path;
  const dot = path.lastIndexOf('.');
  const [stem, ext] = dot > path.lastIndexOf('/') ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
  for (let n = 2; n < 1000; n++) {
    const candidate = `${stem}-${n}${ext}`;
    if (!exists(candidate)) return candidate;
  }
  throw new UnsafePathError(`Too many documents named like "${path}".`);
}

/** The same Markdown link pattern everywhere: `](target)` or `](<target> "title")`; group 1 is the target. */
export const MARKDOWN_LINK_TARGET = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

/**
 * The workspace-relative path a relative Markdown link written in the folder `from` points at
 * (fragment and query dropped, percent-escapes decoded, `.` and `..` applied; a link starting
 * with `/` is taken from the workspace root).
 */
export function resolveRelativeLink(from: string, link: string): string {
  let target = link.replace(/[#?].*$/, '');
  try {
    target = decodeURIComponent(target);
  } catch {
    // A malformed escape is compared as written.
  }
  const parts = target.startsWith('/') ? [] : from.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

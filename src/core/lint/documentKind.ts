// Decides which kind of incident document a file is, from the profile's folders or, failing that, its path.
import type { MarkdownDocument } from '../markdown/model';
import { matchSections } from '../postmortem/sections';
import type { DocumentKind, Profile } from '../profiles/types';
import { DOCUMENT_KINDS } from '../profiles/types';

/** File names inside a document folder that are not documents of its kind. */
const NON_DOCUMENT_NAMES = /^(?:readme|index|changelog|contributing|license|_?templates?(?:[-_.].*)?)\.(?:md|markdown)$/i;
const MARKDOWN = /\.(?:md|markdown)$/i;

/** Normalises a path to forward slashes without a leading `./`. */
export function toPosix(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}

/**
 * The kind of the Markdown file at `relativePath` (relative to the workspace root) according
 * to the profile's folders: a Markdown file anywhere under a kind's folder, except README,
 * index, changelog and template files. Undefined when no folder holds it.
 */
export function kindFromProfileFolders(relativePath: string, profile: Profile): DocumentKind | undefined {
  const path = toPosix(relativePath);
  if (!MARKDOWN.test(path)) return undefined;
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (NON_DOCUMENT_NAMES.test(name)) return undefined;
  // The longest matching folder wins, so a nested folder can hold another kind.
  let best: { kind: DocumentKind; length: number } | undefined;
  for (const kind of DOCUMENT_KINDS) {
    const folder = profile.documents[kind]?.folder;
    if (folder === undefined) continue;
    const prefix = folder === '' || folder === '.' ? '' : `${toPosix(folder).replace(/\/+$/, '')}/`;
    const inFolder = path.startsWith(prefix) || path.includes(`/${prefix}`);
    if (inFolder && (!best || prefix.length > best.length)) best = { kind, length: prefix.length };
  }
  return best?.kind;
}

/**
 * The kind suggested by words in the path, for files named explicitly outside the profile's
 * folders: `runbook` → runbook; `postmortem`, `post-mortem`, `retro` → postmortem; `incident` → incident.
 */
export function kindFromPathWords(path: string): DocumentKind | undefined {
  const p = toPosix(path).toLowerCase();
  if (/run-?books?/.test(p)) return 'runbook';
  if (/post-?mortems?|post_mortems?|retrospectives?|\bretros?\b|\brca\b/.test(p)) return 'postmortem';
  if (/incidents?/.test(p)) return 'incident';
  return undefined;
}

/**
 * The kind whose required sections the document resembles most (the most matched headings),
 * or undefined when no kind matches a single section.
 */
export function kindFromContent(doc: MarkdownDocument, profile: Profile): DocumentKind | undefined {
  let best: { kind: DocumentKind; score: number } | undefined;
  for (const kind of DOCUMENT_KINDS) {
    const spec = profile.documents[kind];
    if (!spec) continue;
    const score = matchSections(doc, spec.sections).filter((m) => m.section).length / Math.max(1, spec.sections.length);
    if (score > 0 && (!best || score > best.score)) best = { kind, score };
  }
  return best?.kind;
}

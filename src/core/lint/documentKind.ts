// Decides which kind of incident document a file is, from the profile's folders or, failing that, its path.
import type { MarkdownDocument } from '../markdown/model';
import { matchSections } from '../postmortem/sections';
import { normalizeHeading } from '../markdown/headingText';
import type { DocumentKind, DocumentKindSpec, DocumentVariant, Profile } from '../profiles/types';
import { DOCUMENT_KINDS } from '../profiles/types';

/** File names inside a document folder that are not documents of its kind (the severity matrix is the project's scale, seed 000). */
const NON_DOCUMENT_NAMES =
  /^(?:readme|index|changelog|contributing|license|severity[-_]matrix|_?templates?(?:[-_.].*)?)\.(?:md|markdown)$/i;
const MARKDOWN = /\.(?:md|markdown)$/i;

/** Normalises a path to forward slashes without a leading `./`. */
export function toPosix(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}

/**
 * The kind of the Markdown file at `relativePath` (relative to the workspace root) according
 * to the profile's folders: a Markdown file anywhere under a kind's folder, except README,
 * index, changelog and template files. The longest matching folder wins; when two kinds share
 * it (the agent profile keeps incident records and postmortems together), the document's
 * title and then its sections decide, given `doc`. Undefined when no folder holds the file.
 */
export function kindFromProfileFolders(
  relativePath: string,
  profile: Profile,
  doc?: MarkdownDocument,
): DocumentKind | undefined {
  const path = toPosix(relativePath);
  if (!MARKDOWN.test(path)) return undefined;
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (NON_DOCUMENT_NAMES.test(name)) return undefined;
  let best = -1;
  let kinds: DocumentKind[] = [];
  for (const kind of DOCUMENT_KINDS) {
    const folder = profile.documents[kind]?.folder;
    if (folder === undefined) continue;
    const prefix = folder === '' || folder === '.' ? '' : `${toPosix(folder).replace(/\/+$/, '')}/`;
    if (!(path.startsWith(prefix) || path.includes(`/${prefix}`))) continue;
    if (prefix.length > best) {
      best = prefix.length;
      kinds = [kind];
    } else if (prefix.length === best) {
      kinds.push(kind);
    }
  }
  if (kinds.length <= 1 || !doc) return kinds[0];
  return kindFromTitle(doc, kinds) ?? kindFromContent(doc, profile, kinds) ?? kinds[0];
}

/** The kind the title names ("Post-Mortem: ...", "Incident: ...", "Runbook: ..."), among `kinds`. */
function kindFromTitle(doc: MarkdownDocument, kinds: readonly DocumentKind[]): DocumentKind | undefined {
  const title = doc.title?.text ?? '';
  const named: DocumentKind | undefined = /post[- ]?mortem|retrospective|incident review|\bpir\b/i.test(title)
    ? 'postmortem'
    : /run-?book|playbook/i.test(title)
      ? 'runbook'
      : /\bincident\b/i.test(title)
        ? 'incident'
        : undefined;
  return named && kinds.includes(named) ? named : undefined;
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
export function kindFromContent(
  doc: MarkdownDocument,
  profile: Profile,
  kinds: readonly DocumentKind[] = DOCUMENT_KINDS,
): DocumentKind | undefined {
  let best: { kind: DocumentKind; score: number } | undefined;
  for (const kind of kinds) {
    const spec = profile.documents[kind];
    if (!spec) continue;
    const score = matchSections(doc, spec.sections).filter((m) => m.section).length / Math.max(1, spec.sections.length);
    if (score > 0 && (!best || score > best.score)) best = { kind, score };
  }
  return best?.kind;
}

/**
 * The variant of `spec` (an alert or a procedure runbook, say) that the document's title and
 * headings reveal: the variant whose signal words they use most, counting a title that is a
 * single CamelCase alert name ("KubePodCrashLooping") as an alert signal. Undefined when the
 * kind has no variants, or no variant leads (the document then needs every required section).
 */
export function documentVariant(doc: MarkdownDocument, spec: DocumentKindSpec): DocumentVariant | undefined {
  if (!spec.variants || spec.variants.length === 0) return undefined;
  const texts = doc.headings.map((h) => normalizeHeading(h.text));
  const title = doc.title?.text.trim() ?? '';
  let best: DocumentVariant | undefined;
  let bestScore = 0;
  let tie = false;
  for (const variant of spec.variants) {
    const words = variant.signals.map((s) => new RegExp(`(?:^|\\s)${escapeRegExp(normalizeHeading(s))}(?:$|\\s)`, 'u'));
    let score = texts.filter((t) => words.some((w) => w.test(t))).length;
    if (variant.signals.some((s) => /^alerts?$/i.test(s)) && /^`?[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+`?$/.test(title))
      score++;
    // A title that opens with a task's verb ("Rotate the API signing key", "Runbook: Grant access") names a task.
    const task = title.replace(/^(?:runbook|procedure|how to)\s*[:—–-]?\s*/i, '').toLowerCase();
    if (variant.titleVerbs?.some((v) => task === v || task.startsWith(`${v} `))) score++;
    if (score > bestScore) {
      best = variant;
      bestScore = score;
      tie = false;
    } else if (score === bestScore && score > 0) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

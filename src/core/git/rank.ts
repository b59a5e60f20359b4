// Orders the commits of an incident window so the ones most likely related to the incident come first.
import type { Commit } from './commit';

/** What the incident tells about where to look. */
export interface RankContext {
  /** Paths (relative to the repository root) of files that carry INCIDENT tags. */
  readonly taggedFiles: readonly string[];
  /** Services the incident names, as written (`payments-api`, `Payments API`). */
  readonly services: readonly string[];
}

/** Why a commit was ranked up. */
export type RankReason =
  | { readonly kind: 'tagged-file'; readonly file: string }
  | { readonly kind: 'service-path'; readonly service: string; readonly file: string }
  | { readonly kind: 'service-subject'; readonly service: string };

/** A commit with its correlation score (0 when nothing ties it to the incident). */
export interface RankedCommit {
  readonly commit: Commit;
  /** 2 for touching a tagged file, plus 1 for naming a service; higher comes first. */
  readonly score: number;
  readonly reasons: readonly RankReason[];
}

/**
 * Ranks `commits`: those touching a file with an INCIDENT tag first, then those whose paths
 * or subject name one of the incident's services; within the same score the input order is
 * kept (git lists newest first). Services are compared by their words, ignoring case and
 * punctuation, so `Payments API` matches `services/payments-api/` and `payments_api: fix`.
 */
export function rankCommits(commits: readonly Commit[], context: RankContext): RankedCommit[] {
  const tagged = new Set(context.taggedFiles.map(normalizePath));
  const services = uniqueServices(context.services);
  const ranked = commits.map((commit, index) => ({ ...score(commit, tagged, services), index }));
  ranked.sort((a, b) => b.score - a.score || a.index - b.index);
  return ranked.map(({ commit, score, reasons }) => ({ commit, score, reasons }));
}

function score(commit: Commit, tagged: ReadonlySet<string>, services: readonly Service[]): RankedCommit {
  const reasons: RankReason[] = [];
  const taggedFile = commit.files.find((f) => tagged.has(normalizePath(f)));
  if (taggedFile !== undefined) reasons.push({ kind: 'tagged-file', file: taggedFile });
  let named = false;
  for (const service of services) {
    const file = commit.files.find((f) =>
      normalizePath(f)
        .split('/')
        .some((segment) => containsWords(segment, service.words)),
    );
    if (file !== undefined) {
      reasons.push({ kind: 'service-path', service: service.name, file });
      named = true;
    } else if (containsWords(commit.subject, service.words)) {
      reasons.push({ kind: 'service-subject', service: service.name });
      named = true;
    }
  }
  return { commit, score: (taggedFile !== undefined ? 2 : 0) + (named ? 1 : 0), reasons };
}

interface Service {
  readonly name: string;
  /** Lower-case words joined by `-`, e.g. `payments-api`. */
  readonly words: string;
}

function uniqueServices(names: readonly string[]): Service[] {
  const seen = new Set<string>();
  const out: Service[] = [];
  for (const raw of names) {
    const name = raw.trim();
    const words = toWords(name);
    // One letter would match nearly every path.
    if (words.length < 2 || seen.has(words)) continue;
    seen.add(words);
    out.push({ name, words });
  }
  return out;
}

/** Lower-case ASCII words joined by `-`: `Payments API` → `payments-api`, `café` → `cafe`. */
export function toWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function containsWords(text: string, words: string): boolean {
  return `-${toWords(text)}-`.includes(`-${words}-`);
}

function normalizePath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/)+/, '')
    .replace(/^\/+/, '');
}

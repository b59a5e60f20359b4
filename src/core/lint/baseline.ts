// Baselines: today's findings recorded by rule, file and a hash of their text, so old documents stop failing CI.
import type { Finding } from '../rules/types';
import { shortHash } from '../templates/slug';

/** The baseline file's format version. */
export const BASELINE_VERSION = 1;

/** One recorded finding (or several identical ones: `count`). */
export interface BaselineEntry {
  /** Rule id, e.g. `PM004`. */
  readonly rule: string;
  /** The file, relative to where lint ran, forward slashes. */
  readonly file: string;
  /** A hash of the rule, the message and the text of the finding's lines (not their numbers). */
  readonly hash: string;
  /** How many findings share this key. */
  readonly count: number;
}

/** A baseline file's content. */
export interface Baseline {
  readonly version: number;
  readonly entries: readonly BaselineEntry[];
}

/** A linted file as the baseline needs it. */
export interface BaselineFile {
  readonly path: string;
  /** The file's lines, for the text of each finding. */
  readonly lines: readonly string[];
  readonly findings: readonly Finding[];
}

/**
 * The hash of a finding: its rule, its message and the text of the lines it covers, white space collapsed.
 * Line numbers are left out, so editing another part of the document does not reopen it.
 */
export function findingHash(finding: Finding, lines: readonly string[]): string {
  const text = lines
    .slice(finding.range.start.line, finding.range.end.line + 1)
    .join('\n')
    .replace(/\s+/g, ' ')
    .trim();
  return shortHash(`${finding.ruleId}\u0000${finding.message}\u0000${text}`);
}

const keyOf = (rule: string, file: string, hash: string) => `${rule}\u0000${file}\u0000${hash}`;

/** The baseline of `files`: every finding, counted by rule, file and hash, in a stable order. */
export function createBaseline(files: readonly BaselineFile[]): Baseline {
  const counts = new Map<string, BaselineEntry>();
  for (const f of files) {
    for (const finding of f.findings) {
      const hash = findingHash(finding, f.lines);
      const key = keyOf(finding.ruleId, f.path, hash);
      const old = counts.get(key);
      counts.set(key, { rule: finding.ruleId, file: f.path, hash, count: (old?.count ?? 0) + 1 });
    }
  }
  const entries = [...counts.values()].sort(
    (a, b) => a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule) || a.hash.localeCompare(b.hash),
  );
  return { version: BASELINE_VERSION, entries };
}

/** The findings of `files` split into new ones and those the baseline holds (each entry absorbs at most `count`). */
export function splitByBaseline(
  baseline: Baseline,
  files: readonly BaselineFile[],
): { fresh: Map<string, Finding[]>; baselined: Map<string, Finding[]> } {
  const left = new Map<string, number>();
  for (const e of baseline.entries)
    left.set(keyOf(e.rule, e.file, e.hash), (left.get(keyOf(e.rule, e.file, e.hash)) ?? 0) + e.count);
  const fresh = new Map<string, Finding[]>();
  const baselined = new Map<string, Finding[]>();
  for (const f of files) {
    const mine: Finding[] = [];
    const old: Finding[] = [];
    for (const finding of f.findings) {
      const key = keyOf(finding.ruleId, f.path, findingHash(finding, f.lines));
      const n = left.get(key) ?? 0;
      if (n > 0) {
        left.set(key, n - 1);
        old.push(finding);
      } else mine.push(finding);
    }
    fresh.set(f.path, mine);
    baselined.set(f.path, old);
  }
  return { fresh, baselined };
}

/** Reads a baseline file's JSON; throws an Error saying what is wrong. */
export function parseBaseline(text: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`not valid JSON (${(e as Error).message})`);
  }
  const b = data as Partial<Baseline>;
  if (!b || typeof b !== 'object' || b.version !== BASELINE_VERSION || !Array.isArray(b.entries)) {
    throw new Error(
      `not a baseline file of version ${BASELINE_VERSION} (expected {"version": ${BASELINE_VERSION}, "entries": [...]})`,
    );
  }
  for (const [i, e] of b.entries.entries()) {
    if (
      typeof e?.rule !== 'string' ||
      typeof e.file !== 'string' ||
      typeof e.hash !== 'string' ||
      !Number.isInteger(e.count) ||
      e.count < 1
    ) {
      throw new Error(`entries[${i}]: needs rule, file and hash strings and a count of 1 or more`);
    }
  }
  return { version: b.version, entries: b.entries };
}

/** The JSON text of a baseline file. */
export function formatBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

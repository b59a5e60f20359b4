// Plain-English pieces of configuration messages: key paths, values as the user wrote them, "did you mean".
import type { ConfigPath } from './types';

const PLAIN_KEY = /^[A-Za-z0-9_-]+$/;

/** `['documents', 'postmortem', 'sections', 'add', 0, 'id']` → `documents.postmortem.sections.add[0].id`; odd keys are quoted. */
export function formatPath(path: ConfigPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === '' ? '(top level)' : out;
}

/** How a value reads in a message: `"loud"`, `the number 3`, `true`, `an empty value`, `a list`, `a mapping`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (ArrayBuffer.isView(value)) return 'binary data (!!binary)';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

/** How an expected type reads in a message. */
export function describeExpected(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'int':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'a mapping (key: value lines)';
    default:
      return expected;
  }
}

/** Levenshtein distance, for suggestions; inputs are short keys. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length];
}

/** The candidate closest to `word` (case-insensitive), when it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(w, name.toLowerCase());
    if (!best || distance < best.distance) best = { name, distance };
  }
  if (!best) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(w.length, best.name.length) / 3));
  return best.distance <= limit ? best.name : undefined;
}

/** ` (did you mean "x"?)` or ` (expected one of a, b, c)`, to end a message about an unknown name. */
export function suggestion(word: string, candidates: readonly string[], noun = 'one of'): string {
  const near = closest(word, candidates);
  if (near !== undefined) return ` (did you mean "${near}"?)`;
  return candidates.length > 0 ? ` (expected ${noun} ${candidates.join(', ')})` : '';
}

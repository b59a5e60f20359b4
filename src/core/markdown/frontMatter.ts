// Finds and parses YAML front matter (`---` ... `---` at the top of a document).
import { parseDocument } from 'yaml';

/** Front matter found at the top of a document. */
export interface FrontMatter {
  /** 0-based line of the opening `---`. */
  readonly startLine: number;
  /** 0-based line of the closing `---` (or `...`). */
  readonly endLine: number;
  /** The YAML between the fences. */
  readonly raw: string;
  /** The parsed value; undefined when the YAML is invalid. */
  readonly data: unknown;
  /** The first YAML error, with its 0-based document line, when the YAML is invalid. */
  readonly error?: { readonly message: string; readonly line: number };
}

const FENCE = /^---\s*$/;
const CLOSE = /^(?:---|\.\.\.)\s*$/;
/** Front matter longer than this is not front matter but a document that starts with a rule. */
const MAX_FRONT_MATTER_LINES = 500;

/** Returns the front matter of `lines`, if the first line opens one and a later line closes it. */
export function findFrontMatter(lines: readonly string[]): FrontMatter | undefined {
  if (lines.length < 2 || !FENCE.test(lines[0].replace(/^\uFEFF/, ''))) {
    return undefined;
  }
  const limit = Math.min(lines.length, MAX_FRONT_MATTER_LINES);
  for (let i = 1; i < limit; i++) {
    if (CLOSE.test(lines[i])) {
      const raw = lines.slice(1, i).join('\n');
      return { startLine: 0, endLine: i, raw, ...parseYaml(raw) };
    }
  }
  return undefined;
}

function parseYaml(raw: string): { data: unknown; error?: { message: string; line: number } } {
  // maxAliasCount bounds "billion laughs" alias expansion.
  const doc = parseDocument(raw, { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const line = first.linePos?.[0]?.line ?? 1;
    return { data: undefined, error: { message: first.message.split('\n')[0], line: line } };
  }
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }) };
  } catch (e) {
    return { data: undefined, error: { message: e instanceof Error ? e.message : String(e), line: 1 } };
  }
}

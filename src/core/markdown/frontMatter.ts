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
  /** `yaml` for `---` fences, `toml` for `+++` fences (TOML is kept raw, not parsed). */
  readonly format: 'yaml' | 'toml';
  /** The first YAML error, with its 0-based document line, when the YAML is invalid. */
  readonly error?: { readonly message: string; readonly line: number };
}

const FENCE = /^---\s*$/;
const CLOSE = /^(?:---|\.\.\.)\s*$/;
const TOML_FENCE = /^\+\+\+\s*$/;
/** Front matter longer than this is not front matter but a document that starts with a rule. */
const MAX_FRONT_MATTER_LINES = 500;

/** Returns the front matter of `lines`, if the first line opens one and a later line closes it. */
export function findFrontMatter(lines: readonly string[]): FrontMatter | undefined {
  const first = lines[0]?.replace(/^\uFEFF/, '') ?? '';
  const toml = TOML_FENCE.test(first);
  if (lines.length < 2 || (!toml && !FENCE.test(first))) {
    return undefined;
  }
  const limit = Math.min(lines.length, MAX_FRONT_MATTER_LINES);
  for (let i = 1; i < limit; i++) {
    if (toml ? TOML_FENCE.test(lines[i]) : CLOSE.test(lines[i])) {
      const raw = lines.slice(1, i).join('\n');
      if (toml) return { startLine: 0, endLine: i, raw, format: 'toml', data: undefined };
      const parsed = parseYaml(raw);
      // A YAML error on line n of the block is on document line n (the fence is line 0).
      return { startLine: 0, endLine: i, raw, format: 'yaml', ...parsed };
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

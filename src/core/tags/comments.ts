// Finds where the comments are in source text, line by line, skipping string literals, from a language's comment syntax.
import type { BlockCommentSyntax, CommentSyntax, LineCommentSyntax, StringSyntax } from './languages';

/** The part of one line that is comment text. */
export interface CommentSegment {
  /** 0-based line. */
  readonly line: number;
  /** First character of the comment's text on this line: after the opener, or 0 on a continuation line. */
  readonly start: number;
  /** Exclusive end: before the closer, or the line end. */
  readonly end: number;
  readonly kind: 'line' | 'block' | 'docstring';
}

type Opener =
  | { readonly type: 'line'; readonly open: string; readonly spec: LineCommentSyntax }
  | { readonly type: 'block'; readonly open: string; readonly spec: BlockCommentSyntax }
  | { readonly type: 'string'; readonly open: string; readonly spec: StringSyntax };

type State =
  | { readonly mode: 'code' }
  | { readonly mode: 'block'; readonly spec: BlockCommentSyntax; readonly depth: number }
  | { readonly mode: 'string'; readonly spec: StringSyntax };

const CODE: State = { mode: 'code' };
/** Characters after which a word starts. */
const WORD_BREAK = /[\s;|&(){}[\],]/;
/** What may come before a line-start marker: indentation, batch's `@`, a string prefix such as `r`. */
const LINE_START_PREFIX = /^\s*(?:@|[rRuUbBfF]{1,2})?$/;
/** The most characters a character literal spans, quotes included (`'\u{1F600}'`). */
const CHAR_LITERAL_MAX = 12;

interface Compiled {
  readonly openers: readonly Opener[];
  /** The first characters of all openers, upper and lower case. */
  readonly firstChars: ReadonlySet<string>;
}

const compiledCache = new WeakMap<CommentSyntax, Compiled>();

function compile(syntax: CommentSyntax): Compiled {
  const cached = compiledCache.get(syntax);
  if (cached) return cached;
  const order = { block: 0, line: 1, string: 2 } as const;
  const openers: Opener[] = [
    ...syntax.block.map((spec) => ({ type: 'block' as const, open: spec.open, spec })),
    ...syntax.line.map((spec) => ({ type: 'line' as const, open: spec.open, spec })),
    ...syntax.strings.map((spec) => ({ type: 'string' as const, open: spec.open, spec })),
  ];
  // Longest opener first (`"""` before `"`, `--[[` before `--`); at equal length comments before strings.
  openers.sort((a, b) => b.open.length - a.open.length || order[a.type] - order[b.type]);
  const firstChars = new Set<string>();
  for (const o of openers) {
    firstChars.add(o.open[0]);
    firstChars.add(o.open[0].toLowerCase());
    firstChars.add(o.open[0].toUpperCase());
  }
  const result = { openers, firstChars };
  compiledCache.set(syntax, result);
  return result;
}

/**
 * The comment text of every line of `lines`, in order. String literals are skipped (a `//`
 * inside `"http://…"` is not a comment), block comments carry over lines (and nest where
 * the language nests them), and an unclosed single-line string ends at its line's end.
 */
export function commentSegments(lines: readonly string[], syntax: CommentSyntax): CommentSegment[] {
  const { openers, firstChars } = compile(syntax);
  const segments: CommentSegment[] = [];
  let state: State = CODE;
  for (let line = 0; line < lines.length; line++) {
    const text = lines[line];
    let pos = 0;
    while (pos <= text.length) {
      if (state.mode === 'block') {
        const { end, next, depth } = scanBlock(text, pos, state.spec, state.depth);
        if (end > pos) segments.push({ line, start: pos, end, kind: state.spec.kind ?? 'block' });
        if (depth > 0) {
          state = { mode: 'block', spec: state.spec, depth };
          break;
        }
        state = CODE;
        pos = next;
        continue;
      }
      if (state.mode === 'string') {
        const close = stringClose(text, pos, state.spec);
        if (close < 0) {
          if (!state.spec.multiline) state = CODE;
          break;
        }
        state = CODE;
        pos = close;
        continue;
      }
      const found = nextOpener(text, pos, openers, firstChars);
      if (!found) break;
      const { at, opener } = found;
      const after = at + opener.open.length;
      if (opener.type === 'line') {
        segments.push({ line, start: after, end: text.length, kind: 'line' });
        break;
      }
      state =
        opener.type === 'block'
          ? { mode: 'block', spec: opener.spec, depth: 1 }
          : { mode: 'string', spec: opener.spec };
      pos = after;
    }
  }
  return segments;
}

function nextOpener(
  text: string,
  from: number,
  openers: readonly Opener[],
  firstChars: ReadonlySet<string>,
): { at: number; opener: Opener } | undefined {
  for (let at = from; at < text.length; at++) {
    if (!firstChars.has(text[at])) continue;
    for (const opener of openers) {
      if (matches(text, at, opener)) return { at, opener };
    }
  }
  return undefined;
}

function matches(text: string, at: number, opener: Opener): boolean {
  const { open } = opener;
  const ignoreCase = opener.type === 'line' && opener.spec.ignoreCase === true;
  const written = text.substr(at, open.length);
  if (ignoreCase ? written.toUpperCase() !== open.toUpperCase() : written !== open) return false;
  const before = at > 0 ? text[at - 1] : undefined;
  const next = text[at + open.length];
  switch (opener.type) {
    case 'line': {
      const spec = opener.spec;
      if (spec.lineStart && !LINE_START_PREFIX.test(text.slice(0, at))) return false;
      if (spec.wordStart && before !== undefined && !WORD_BREAK.test(before)) return false;
      if (spec.endsWord && next !== undefined && !/\s/.test(next)) return false;
      if (spec.notAfter && before !== undefined && spec.notAfter.includes(before)) return false;
      if (spec.notBefore && next !== undefined && spec.notBefore.includes(next)) return false;
      return true;
    }
    case 'block':
      return !opener.spec.lineStart || LINE_START_PREFIX.test(text.slice(0, at));
    case 'string': {
      const spec = opener.spec;
      if (spec.wordStart && before !== undefined && !WORD_BREAK.test(before)) return false;
      if (spec.charLiteral) {
        const close = stringClose(text, at + open.length, spec);
        return close > 0 && close - at <= CHAR_LITERAL_MAX;
      }
      return true;
    }
  }
}

/** Scans a block comment's text from `pos`: where its text ends on this line, where code resumes, and the depth left open. */
function scanBlock(
  text: string,
  pos: number,
  spec: BlockCommentSyntax,
  depth: number,
): { end: number; next: number; depth: number } {
  if (!spec.nested && !spec.escape) {
    const close = text.indexOf(spec.close, pos);
    return close < 0
      ? { end: text.length, next: text.length, depth }
      : { end: close, next: close + spec.close.length, depth: 0 };
  }
  let p = pos;
  let d = depth;
  while (p < text.length) {
    if (spec.escape !== undefined && text[p] === spec.escape) {
      p += 2;
      continue;
    }
    if (text.startsWith(spec.close, p)) {
      d--;
      if (d === 0) return { end: p, next: p + spec.close.length, depth: 0 };
      p += spec.close.length;
      continue;
    }
    if (spec.nested && text.startsWith(spec.open, p)) {
      d++;
      p += spec.open.length;
      continue;
    }
    p++;
  }
  return { end: text.length, next: text.length, depth: d };
}

/** The index just after the string's closing quote on this line, or -1 when it does not close here. */
function stringClose(text: string, pos: number, spec: StringSyntax): number {
  let p = pos;
  while (p < text.length) {
    if (spec.escape !== undefined && text[p] === spec.escape) {
      p += 2;
      continue;
    }
    if (text.startsWith(spec.close, p)) return p + spec.close.length;
    p++;
  }
  return -1;
}

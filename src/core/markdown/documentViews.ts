// Searches and memoised views over a parsed document, kept apart from the parser so that code which only asks about a model (the section matcher, the document-kind check) does not load markdown-it.
import type { MarkdownDocument } from './model';

/** The key of a parsed document's (non-enumerable) source text. */
export const SOURCE = Symbol('source');

/**
 * Whether some line of `doc` contains `needle` (which must not contain a line break). One
 * search of the source text: passes that look at each line for a rare marker (`<!--`, a
 * backtick) skip the per-line searches when the document holds none.
 */
export function documentIncludes(doc: MarkdownDocument, needle: string): boolean {
  const source = (doc as { [SOURCE]?: string })[SOURCE];
  return source !== undefined ? source.includes(needle) : doc.lines.some((line) => line.includes(needle));
}

/**
 * Whether `pattern` (neither global nor sticky, and unable to match a line break) matches in
 * the source text of `doc`. One search of the whole text costs less than one per line, so a
 * pass that tests each line first asks whether any line can match; whether a miss here rules
 * out a match in a derived view of the lines (such as the prose lines) is the caller's proof.
 */
export function documentMatches(doc: MarkdownDocument, pattern: RegExp): boolean {
  const source = (doc as { [SOURCE]?: string })[SOURCE];
  return source !== undefined ? pattern.test(source) : doc.lines.some((line) => pattern.test(line));
}

/** The key of a document's (non-enumerable) map of memoised views. */
export const VIEWS = Symbol('views');
/** Views of documents not made by `parseMarkdown` (hand-built models), kept weakly. */
const otherViews = new WeakMap<MarkdownDocument, Map<string, unknown>>();

/**
 * A fact derived from `doc` (its prose lines, its incident model, ...), computed once per
 * document and `key`. The views live on the document itself rather than in a module-level
 * WeakMap: a WeakMap whose values refer back to their young key kept every linted document
 * alive until a full garbage collection, which made each minor collection several times dearer.
 */
export function documentView<T>(doc: MarkdownDocument, key: string, compute: () => T): T {
  let views = (doc as { [VIEWS]?: Map<string, unknown> })[VIEWS] ?? otherViews.get(doc);
  if (!views) {
    views = new Map();
    otherViews.set(doc, views);
  }
  if (views.has(key)) return views.get(key) as T;
  const value = compute();
  views.set(key, value);
  return value;
}

// Maps a key path in the configuration (e.g. ['rules', 'PM004']) to the range of its key or value in the YAML source.
import { isAlias, isCollection, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { range, type Range } from '../markdown/position';
import type { ConfigPath } from './types';

/** Source offsets `[start, end)`. */
type Span = readonly [number, number];

/**
 * Converts source offsets to core ranges. Lines are counted from the text itself, breaking at
 * CRLF, LF and a lone CR as editors and `parseMarkdown` do (the yaml package's LineCounter
 * misses lines inside some error tokens and ignores a lone CR), and a position never lies past
 * the end of its line's text.
 */
export class SourceMap {
  /** Offset where each line starts, and where its text ends (before the line break). */
  private readonly starts: number[] = [0];
  private readonly ends: number[] = [];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 || ch === 13) {
        this.ends.push(i);
        if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
    this.ends.push(text.length);
  }

  /** The 0-based line and character of an offset, clamped to the text of its line. */
  private position(offset: number): { line: number; character: number } {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: Math.min(at, this.ends[lo]) - this.starts[lo] };
  }

  /** The 0-based range of offsets `[start, end)`. */
  range(start: number, end: number): Range {
    const s = this.position(start);
    const e = this.position(Math.max(start, end));
    return range(s.line, s.character, e.line, e.character);
  }

  /** The range from `start` to the end of its line (at least one character when the line has one). */
  firstLine(start: number, end: number): Range {
    const { line } = this.position(start);
    const lineEnd = this.ends[line];
    return this.range(start, Math.min(end, lineEnd > start ? lineEnd : end));
  }

  /** The range of the first line of the file. */
  top(): Range {
    return this.firstLine(0, this.text.length);
  }
}

/**
 * Where to report a problem about `path`.
 * - `key`: the key itself (unknown keys, references made by keys).
 * - `value`: the value; a block mapping or list is reported at its key, so that the
 *   squiggle stays on one line.
 * A path that is missing in the source (a required key left out) is reported at the
 * deepest part that exists. A path that runs through an alias (`*name`) is reported at
 * the alias, where the value was used.
 */
export function locate(doc: Document, map: SourceMap, path: ConfigPath, at: 'key' | 'value' = 'value'): Range {
  let node: unknown = doc.contents;
  let key: Node | undefined;
  let alias: Span | undefined;
  let missing = false;
  for (const segment of path) {
    if (isAlias(node)) {
      alias ??= spanOf(node);
      node = node.resolve(doc);
    }
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(segment));
      if (!pair) {
        missing = true;
        break;
      }
      key = isScalar(pair.key) || isCollection(pair.key) ? (pair.key as Node) : undefined;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      key = undefined;
      node = node.items[segment];
    } else {
      missing = true;
      break;
    }
  }
  if (alias) return map.firstLine(alias[0], alias[1]);
  const keySpan = key ? spanOf(key) : undefined;
  const nodeSpan = spanOf(node);
  if (missing || at === 'key') {
    if (keySpan) return map.firstLine(keySpan[0], keySpan[1]);
    return nodeSpan ? map.firstLine(nodeSpan[0], nodeSpan[1]) : map.top();
  }
  if (isAlias(node) && nodeSpan) return map.firstLine(nodeSpan[0], nodeSpan[1]);
  if (isScalar(node) && nodeSpan && (nodeSpan[1] > nodeSpan[0] || !keySpan))
    return map.firstLine(nodeSpan[0], nodeSpan[1]);
  if (isCollection(node) && nodeSpan) {
    const flow = (node as { flow?: boolean }).flow === true;
    if (flow || !keySpan) return map.firstLine(nodeSpan[0], nodeSpan[1]);
  }
  if (keySpan) return map.firstLine(keySpan[0], keySpan[1]);
  return nodeSpan ? map.firstLine(nodeSpan[0], nodeSpan[1]) : map.top();
}

/** The text a mapping key stands for, as `toJS` would name it. */
function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

function spanOf(node: unknown): Span | undefined {
  const r = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return r ? [r[0], r[1]] : undefined;
}

// Maps a key path in the configuration (e.g. ['rules', 'PM004']) to the range of its key or value in the YAML source.
import { isAlias, isCollection, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { range, type Range } from '../markdown/position';
import type { ConfigPath } from './types';

/** Source offsets `[start, end)`. */
type Span = readonly [number, number];

/** Converts source offsets to core ranges. */
export class SourceMap {
  constructor(
    private readonly text: string,
    private readonly lines: LineCounter,
  ) {}

  /** The 0-based range of offsets `[start, end)`. */
  range(start: number, end: number): Range {
    const s = this.lines.linePos(Math.max(0, Math.min(start, this.text.length)));
    const e = this.lines.linePos(Math.max(start, Math.min(end, this.text.length)));
    return range(s.line - 1, s.col - 1, e.line - 1, e.col - 1);
  }

  /** The range from `start` to the end of its line (at least one character when the line has one). */
  firstLine(start: number, end: number): Range {
    const newline = this.text.indexOf('\n', start);
    const lineEnd = newline < 0 ? this.text.length : newline;
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
  if (isScalar(node) && nodeSpan && (nodeSpan[1] > nodeSpan[0] || !keySpan)) return map.firstLine(nodeSpan[0], nodeSpan[1]);
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

// Core's own positions and ranges: 0-based lines and UTF-16 characters, like VS Code's, without depending on it.

/** A place in a document: 0-based line, 0-based UTF-16 character offset. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A span in a document; `end` is exclusive. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Builds a range from four numbers. */
export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/** The range covering the whole of line `line` in `lines` (empty range past the end). */
export function lineRange(lines: readonly string[], line: number): Range {
  const text = lines[line] ?? '';
  return range(line, 0, line, text.length);
}

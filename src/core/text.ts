// Small wording helpers shared by messages in core, the CLI and the editor.

/** `1 error`, `3 errors`: a count with its noun in the right number (English -s plural). */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

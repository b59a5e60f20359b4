// Small wording helpers shared by messages in core, the CLI and the editor.

/** `1 error`, `3 errors`: a count with its noun in the right number (English -s plural). */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Text shown as itself in Markdown: its punctuation escaped, its spaces left to wrap. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$]/g, '\\$&');
}

// A small stand-in for the `entities` package in the wizard's page bundle: decodes numeric character references and the named ones people type, and keeps the bundle under the .vsix budget (the full table is 77 KB).

/** The named references decoded; any other name is left as written (the preview shows it literally). */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  times: '×',
  divide: '÷',
  plusmn: '±',
  le: '≤',
  ge: '≥',
  ne: '≠',
  rarr: '→',
  larr: '←',
  harr: '↔',
  uarr: '↑',
  darr: '↓',
  deg: '°',
  micro: 'µ',
  para: '¶',
  sect: '§',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  check: '✓',
  shy: '\u00ad',
};

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

function codePoint(n: number): string {
  return n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) ? '\ufffd' : String.fromCodePoint(n);
}

/** Decodes the character references in `text` (markdown-it calls this for link targets and `&...;` in text). */
export function decodeHTML(text: string): string {
  return text.replace(
    REFERENCE,
    (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (decimal) return codePoint(Number(decimal));
      if (hex) return codePoint(parseInt(hex, 16));
      return name && Object.hasOwn(NAMED, name) ? NAMED[name] : whole;
    },
  );
}

/** The same as `decodeHTML`: every reference it knows ends with `;`. */
export const decodeHTMLStrict = decodeHTML;

// Turns a title in any script into a safe file-name slug: lower-case ASCII words joined by hyphens.

/** The longest slug produced, in characters. */
export const MAX_SLUG_LENGTH = 60;

/** Letters that Unicode decomposition does not reduce to ASCII. */
const TRANSLITERATION: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'ae',
  ø: 'o',
  Ø: 'o',
  œ: 'oe',
  Œ: 'oe',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ı: 'i',
  ĸ: 'k',
};

/** Names Windows reserves for devices; a file named so cannot be created there. */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** FNV-1a, 32 bits, as 8 hex digits: a short, stable name for titles with no Latin letters. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const ch of text) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The slug of `title`: accents removed (é → e), a few letters transliterated (ß → ss),
 * everything that is not a-z or 0-9 turned into single hyphens, trimmed, cut at a word
 * boundary to MAX_SLUG_LENGTH. A title with nothing left (all Cyrillic, CJK or emoji) gets
 * `incident-<hash>`; a Windows device name gets `-doc` appended. The result is always a
 * single safe path segment.
 */
export function slugify(title: string, fallbackPrefix = 'incident'): string {
  const ascii = [...title.normalize('NFKD')]
    .map((ch) => TRANSLITERATION[ch] ?? ch)
    .join('')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  let slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG_LENGTH) {
    const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
    const lastHyphen = cut.lastIndexOf('-');
    slug = (lastHyphen > 20 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
  }
  if (!slug) return `${fallbackPrefix}-${shortHash(title)}`;
  if (RESERVED.test(slug)) return `${slug}-doc`;
  return slug;
}

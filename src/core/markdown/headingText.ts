// Normalises heading text so that "## 3. Root Cause Analysis 🔍" and "root cause analysis" compare equal.

/**
 * Lower-cases heading text and strips what authors decorate headings with: leading
 * numbering ("3.", "3)", "III.", "Step 2:"), emoji and symbols, Markdown emphasis and
 * code marks, trailing colons and punctuation, and repeated white space; "&" reads as "and".
 */
export function normalizeHeading(text: string): string {
  // Rules compare the same few names (section titles, field and column names) on every lint.
  const hit = memo.get(text);
  if (hit !== undefined) return hit;
  const normalized = normalize(text);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, normalized);
  return normalized;
}

const MEMO_LIMIT = 4096;
const memo = new Map<string, string>();

function normalize(text: string): string {
  let t = text.normalize('NFKC');
  // Emoji, pictographs and other symbols (keep letters, digits, spaces and a few joiners).
  t = t.replace(/[\p{Extended_Pictographic}\p{So}\uFE0F\u200D]/gu, ' ');
  t = t.replace(/[*_`~]/g, '');
  t = t.replace(/&/g, ' and ');
  t = t.toLowerCase();
  // Leading numbering: "3.", "3)", "3 -", "1.2.", "iv.", "step 3:", "section 2 -".
  t = t.replace(/^\s*(?:(?:step|section|part|phase)\s+)?(?:\d+(?:\.\d+)*\s*(?:[.):\-–—]|\s)|[ivx]+\s*[.)])\s*/u, '');
  t = t.replace(/[\s:.;,!?\-–—]+$/u, '');
  t = t.replace(/^[\s:.;,\-–—]+/u, '');
  t = t.replace(/[’']/g, '');
  t = t.replace(/\s+/g, ' ').trim();
  return t;
}

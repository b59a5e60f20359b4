// Template placeholders left in a document: the one definition PM002 and PM003 share.
import { documentIncludes, documentMatches, documentView, type MarkdownDocument } from '../markdown/model';
import { proseLines } from './prose';

/** A placeholder found on a line. */
export interface PlaceholderHit {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const HTML_TAGS = new Set(
  (
    'a abbr b bdi bdo big blockquote br caption center cite code col dd del details dfn div dl dt em figcaption figure font ' +
    'h1 h2 h3 h4 h5 h6 hr i img input ins kbd li mark ol p picture pre q s samp section small source span strike strong sub summary sup ' +
    'table tbody td tfoot th thead time tr tt u ul var video audio iframe script style'
  ).split(' '),
);

/** Words that, alone in square brackets, are template blanks: `[Name]`, `[Date]`. */
const BRACKET_WORDS =
  /^(?:name|names|owner|owners|date|due date|time|title|team|service|services|description|details|link|url|person|who|email|tbd|todo|number|value|summary|severity|status|impact|duration|author|authors|ticket|jira|team name|service name|incident title|short title)$/i;
const BRACKET_PROMPTS =
  /^(?:insert|describe|add|enter|your|name of|link to|specific|list|explain|fill|e\.g\.|example)\b/i;

const PATTERNS: readonly RegExp[] = [
  /\bYYYY(?:[-/]MM(?:[-/]DD)?)?\b/g,
  /\b(?:HH:MM(?::SS)?|MM\/DD(?:\/YYYY)?|DD\/MM(?:\/YYYY)?)\b/g,
  /\b[XYN] (?:hours?|hrs?|minutes?|mins?|seconds?|days?|weeks?|users?|customers?|tenants?|requests?|percent)\b(?: [XYN] (?:minutes?|mins?|seconds?))?/g,
  /\b[XN]%/g,
  /\b(?:TODO|TBD|TBC|FIXME|XXX)\b/g,
  /(?<![\w?])\?{3,}(?![\w?])/g,
];

/** A necessary condition for the forms of PATTERNS (each pattern's fixed characters); the other forms need `<` or `[`. */
const MAY_MATCH_PATTERNS = /YYYY|HH:MM|MM\/DD|DD\/MM|\b[XYN] |\b[XN]%|TODO|TBD|TBC|FIXME|XXX|\?\?\?/;

/**
 * Finds the placeholders on one line of prose (code and comments already blanked), outside
 * template-engine tags (ERB, Jinja, Go templates): `<name>`-style blanks that are not HTML
 * tags, autolinks or e-mail addresses;
 * `YYYY-MM-DD`, `HH:MM`; `[Name]`-style blanks that are not links; `X hours Y minutes`;
 * `TODO`, `TBD`, `FIXME`, `???`. `referenceLabels` are `[label]` texts defined as links in the document.
 */
export function findPlaceholders(line: string, referenceLabels: ReadonlySet<string> = new Set()): PlaceholderHit[] {
  return placeholdersOn(line, referenceLabels, MAY_MATCH_PATTERNS.test(line), true);
}

/**
 * `findPlaceholders`, told whether `MAY_MATCH_PATTERNS` matches `line` and whether the document may hold
 * template tags at all (most hold none, so their lines skip the search for a tag).
 */
function placeholdersOn(
  source: string,
  referenceLabels: ReadonlySet<string>,
  mayMatchPatterns: boolean,
  mayHaveTemplateTags: boolean,
): PlaceholderHit[] {
  // Every form below needs `<`, `[` or a pattern's fixed text; most prose lines have none, so skip them cheaply
  // (one scan of the line for the pattern texts, then `includes`, which costs next to nothing).
  if (!mayMatchPatterns && !source.includes('<') && !source.includes('[')) return [];
  // Template-engine tags are code, not blanks: what is inside them is no placeholder either.
  const line = mayHaveTemplateTags && TEMPLATE_OPENER.test(source) ? blankTemplateTags(source) : source;
  const hasAngle = line.includes('<');
  const hasBracket = line.includes('[');
  const hits: PlaceholderHit[] = [];
  if (hasAngle) findAngleBlanks(line, hits);
  if (hasBracket) findBracketBlanks(line, referenceLabels, hits);
  if (!mayMatchPatterns) return hits.sort((a, b) => a.start - b.start);
  for (const pattern of PATTERNS) {
    for (const m of line.matchAll(pattern)) {
      const start = m.index ?? 0;
      if (hits.some((h) => start >= h.start && start < h.end)) continue;
      hits.push({ text: m[0], start, end: start + m[0].length });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** The opening of a template-engine tag: ERB `<%`, Jinja and Go templates `{{`, `{%`, `{#`. */
const TEMPLATE_OPENER = /<%|\{[{%#]/;
/**
 * Template-engine tags: ERB `<%= name %>`, `<% if x %>`, `<%# note %>`; Jinja `{{ name }}`,
 * `{% if x < 3 %}`, `{# note #}`; Go templates `{{ .Name }}`, `{{- range .Items }}`. An ERB tag
 * left open runs to the end of the line.
 */
const TEMPLATE_TAG = /<%.*?(?:%>|$)|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}/g;

/** `line` with its template-engine tags blanked to spaces (columns kept). */
function blankTemplateTags(line: string): string {
  return line.replace(TEMPLATE_TAG, (tag) => ' '.repeat(tag.length));
}

/**
 * `MAY_MATCH_PATTERNS` made to test a source line, where a prose line has runs blanked to spaces (see
 * `proseLines`): a run starts with a code span's backtick, a comment's `<`, after a link's `](`,
 * or at the line's start, and ends with a backtick, a `>` or right before a kept `)`. So the
 * space of `X ` may be a backtick or `<` in the source, and every other character of a match is
 * there as it is in the prose: a prose line matches only if its source line matches this.
 */
const MAY_MATCH_PATTERNS_IN_SOURCE = new RegExp(replaceOnce(MAY_MATCH_PATTERNS.source, '\\b[XYN] ', '\\b[XYN][ `<]'));

function replaceOnce(text: string, part: string, by: string): string {
  if (text.split(part).length !== 2) throw new Error(`expected "${part}" once in ${text}`);
  return text.replace(part, by);
}

const NO_HITS: readonly PlaceholderHit[] = Object.freeze([]);

/**
 * The placeholders on each prose line of `doc` (`findPlaceholders` with the document's reference
 * labels), found once per document for PM002 and PM003. Searches of the whole source first
 * rule out the forms most documents lack, so most lines cost a look for `<` and `[` only.
 */
export function documentPlaceholders(doc: MarkdownDocument): ReadonlyArray<readonly PlaceholderHit[]> {
  return documentView(doc, 'placeholders', () => {
    const prose = proseLines(doc);
    const refs = documentReferenceLabels(doc);
    const anyPattern = documentMatches(doc, MAY_MATCH_PATTERNS_IN_SOURCE);
    const anyAngleOrBracket = documentIncludes(doc, '<') || documentIncludes(doc, '[');
    const anyTemplateTag =
      anyAngleOrBracket || anyPattern
        ? documentIncludes(doc, '<%') ||
          documentIncludes(doc, '{{') ||
          documentIncludes(doc, '{%') ||
          documentIncludes(doc, '{#')
        : false;
    const out: Array<readonly PlaceholderHit[]> = new Array(prose.length);
    for (let i = 0; i < prose.length; i++) {
      const line = prose[i];
      const mayMatchPatterns = anyPattern && MAY_MATCH_PATTERNS.test(line);
      out[i] =
        mayMatchPatterns || anyAngleOrBracket ? placeholdersOn(line, refs, mayMatchPatterns, anyTemplateTag) : NO_HITS;
    }
    return out;
  });
}

/** `<name>`-style blanks: not HTML tags, autolinks, e-mail addresses, or variables inside a name. */
function findAngleBlanks(line: string, hits: PlaceholderHit[]): void {
  for (const m of line.matchAll(/<([^<>\n]{1,100})>/g)) {
    const inner = m[1].trim();
    const tag = /^\/?([A-Za-z][A-Za-z0-9-]*)(?:\s[^>]*)?\/?$/.exec(inner);
    if (
      tag &&
      HTML_TAGS.has(tag[1].toLowerCase()) &&
      (inner.length === tag[1].length || /=|\/$/.test(inner) || inner.startsWith('/'))
    )
      continue;
    if (/^(?:https?|mailto|ftp|file):/i.test(inner) || /^[^\s@]+@[^\s@]+$/.test(inner) || /^[-!]/.test(inner)) continue;
    if (!/[A-Za-z]/.test(inner)) continue;
    // `<user>-db`, `<host>.example.com`: a variable inside a name pattern, not a blank to fill.
    const at = m.index ?? 0;
    if (/[\w./-]/.test(line[at - 1] ?? '') || /[\w./-]/.test(line[at + m[0].length] ?? '')) continue;
    hits.push({ text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
}

const BRACKET_BLANK = /(?<![\]!\\])\[([^\][\n]{1,60})\](?![([:])/g;

/** Whether some `]` of `line` is followed by neither `(`, `[` nor `:` (or ends the line). */
function hasBareClosingBracket(line: string): boolean {
  for (let at = line.indexOf(']'); at >= 0; at = line.indexOf(']', at + 1)) {
    const next = line.charCodeAt(at + 1);
    if (next !== 0x28 /* ( */ && next !== 0x5b /* [ */ && next !== 0x3a /* : */) return true;
  }
  return false;
}

/** `[Name]`-style blanks that are not links or reference labels. */
function findBracketBlanks(line: string, referenceLabels: ReadonlySet<string>, hits: PlaceholderHit[]): void {
  // A blank's `]` is followed by neither `(`, `[` nor `:`; lines whose brackets are all links have no blank.
  if (!hasBareClosingBracket(line)) return;
  for (const m of line.matchAll(BRACKET_BLANK)) {
    const inner = m[1].trim();
    if (referenceLabels.has(inner.toLowerCase())) continue;
    if (BRACKET_WORDS.test(inner) || BRACKET_PROMPTS.test(inner)) {
      hits.push({ text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
    }
  }
}

/** The labels of reference-style link definitions (`[label]: url`) in `lines`, lower-cased. */
export function referenceLabels(lines: readonly string[]): Set<string> {
  const labels = new Set<string>();
  for (const line of lines) {
    const m = /^ {0,3}\[([^\]]+)\]:\s*\S/.exec(line);
    if (m) labels.add(m[1].trim().toLowerCase());
  }
  return labels;
}

/** `referenceLabels` of a document's lines, read once per document (PM002 and PM003 both need them). */
export function documentReferenceLabels(doc: MarkdownDocument): ReadonlySet<string> {
  // A definition needs `]:`; most documents have none.
  return documentView(doc, 'referenceLabels', () =>
    documentIncludes(doc, ']:') ? referenceLabels(doc.lines) : new Set<string>(),
  );
}

/** Whether `text` holds nothing but placeholders, punctuation and filler words. */
export function isOnlyPlaceholder(text: string): boolean {
  let rest = text;
  for (const hit of findPlaceholders(text).reverse()) rest = rest.slice(0, hit.start) + rest.slice(hit.end);
  rest = rest.replace(/\b(?:n\/a|na|none|unknown|unassigned|nobody|tbd)\b/gi, '');
  return !/[A-Za-z0-9@]/.test(rest);
}

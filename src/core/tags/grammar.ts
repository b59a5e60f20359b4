// The INCIDENT tag grammar, defined once: `INCIDENT-YYYY-MM-DD[ <slug-or-id>]: <description>` inside a comment.
import { range, type Range } from '../markdown/position';
import { isRealDate, type CalendarDate } from '../postmortem/dates';
import { commentSegments, type CommentSegment } from './comments';
import { languageFor, syntaxFor, type CommentSyntax, type TagInsertion } from './languages';

/** The grammar in one line, as the docs, hovers and messages show it. */
export const TAG_SYNTAX = 'INCIDENT-YYYY-MM-DD[ <slug-or-id>]: <description>';

/** The literal every tag starts with. Scanners look for it (a fixed string) before reading a file closely. */
export const TAG_PREFIX = 'INCIDENT-';

/** An incident slug or id after the date: letters, digits, `_`, `.` and `-`, starting and ending with a letter or digit. */
export const TAG_SLUG_PATTERN = '[A-Za-z0-9](?:[\\w.-]*[A-Za-z0-9])?';

/** An INCIDENT tag found in a comment. */
export interface IncidentTag {
  /** The incident's date; always a real calendar date. */
  readonly date: CalendarDate;
  /** The date as written, `YYYY-MM-DD`. */
  readonly dateText: string;
  /** The incident slug or id after the date, as written; undefined when there is none. */
  readonly slug: string | undefined;
  /** The text after the colon, trimmed; may be empty. */
  readonly description: string;
  /** From `INCIDENT` to the end of the description (to the colon when there is no description). */
  readonly range: Range;
  /** `INCIDENT-YYYY-MM-DD` and the slug, if any: what CodeLens, hover and findings point at. */
  readonly headRange: Range;
  /** The slug, when there is one. */
  readonly slugRange: Range | undefined;
  /** The description; empty at the colon's end when there is none. */
  readonly descriptionRange: Range;
  /** The kind of comment the tag is in. */
  readonly comment: CommentSegment['kind'];
}

/** What is wrong with something that was meant to be a tag. */
export type TagProblemCode = 'invalid-date' | 'malformed-date' | 'missing-colon';

/** Something in a comment meant as a tag that does not follow the grammar; it is not a tag. */
export interface TagProblem {
  readonly code: TagProblemCode;
  /** A sentence saying what is wrong and how to write it. */
  readonly message: string;
  /** The `INCIDENT-…` text at fault. */
  readonly range: Range;
}

/** The tags and tag problems of one text. */
export interface TagScan {
  /** In document order. */
  readonly tags: readonly IncidentTag[];
  /** In document order. */
  readonly problems: readonly TagProblem[];
}

const EMPTY: TagScan = { tags: [], problems: [] };
const DATE_AT = /INCIDENT-(\d{4})-(\d{2})-(\d{2})(?!\w)/y;
const LOOSE_DATE_AT = /INCIDENT-\d{1,4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\w)/y;
const SLUG_AND_COLON_AT = new RegExp(`(?:[ \\t]+(${TAG_SLUG_PATTERN}))?[ \\t]*:`, 'y');
/** What may come between a comment's opener and a tag that is the comment's first word: spaces and decoration such as ` * `. */
const LEADING = /^[\s*/!#;%'=<>-]*$/;
const LINE_BREAK = /\r\n|\r|\n/;

/**
 * The tags and tag problems in `text`, read with `syntax` (a language's comment syntax; see
 * `syntaxFor`). A tag is `INCIDENT-YYYY-MM-DD`, optionally a space and a slug or id, then a
 * colon and a description, as the first word of a comment's text on its line: after the
 * comment marker (`// INCIDENT-…`, `# INCIDENT-…`, `foo(); // INCIDENT-…`) or at the start
 * of a line inside a block comment or docstring, where spaces and decoration such as a
 * leading `*` may come first. Text in string literals and code is not read, and
 * `INCIDENT-…` later in a comment ("see INCIDENT-2026-03-15") is a mention, not a tag.
 * Where a comment starts with `INCIDENT-` and a date but is not a valid tag (an impossible
 * date such as 2026-02-30, a date not written YYYY-MM-DD, no colon) that is a problem.
 */
export function findTags(text: string, syntax: CommentSyntax): TagScan {
  if (!text.includes(TAG_PREFIX)) return EMPTY;
  const lines = text.split(LINE_BREAK);
  const tags: IncidentTag[] = [];
  const problems: TagProblem[] = [];
  for (const segment of commentSegments(lines, syntax)) {
    const line = lines[segment.line];
    const at = line.indexOf(TAG_PREFIX, segment.start);
    if (at < 0 || at >= segment.end) continue;
    readSegment(line.slice(segment.start, segment.end), segment, tags, problems);
  }
  return { tags, problems };
}

/** `findTags` with the syntax of the language of `path` (or VS Code's `languageId`), the generic syntax when unknown. */
export function findTagsInFile(path: string, text: string, vscodeLanguageId?: string): TagScan {
  return findTags(text, syntaxFor(path, vscodeLanguageId));
}

function readSegment(text: string, segment: CommentSegment, tags: IncidentTag[], problems: TagProblem[]): void {
  // A tag is the comment's first word; INCIDENT-… later in a comment is a mention, not a tag.
  const start = text.indexOf(TAG_PREFIX);
  if (start < 0 || !LEADING.test(text.slice(0, start))) return;
  const r = (from: number, to: number) => range(segment.line, segment.start + from, segment.line, segment.start + to);
  DATE_AT.lastIndex = start;
  const date = DATE_AT.exec(text);
  if (!date) {
    LOOSE_DATE_AT.lastIndex = start;
    const loose = LOOSE_DATE_AT.exec(text);
    if (loose) {
      problems.push({
        code: 'malformed-date',
        message: `Write the date of an INCIDENT tag as YYYY-MM-DD: "${loose[0]}" should read like INCIDENT-2026-03-15.`,
        range: r(start, start + loose[0].length),
      });
    }
    return;
  }
  const dateEnd = start + date[0].length;
  const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
  const dateText = `${date[1]}-${date[2]}-${date[3]}`;
  if (!isRealDate(year, month, day)) {
    problems.push({
      code: 'invalid-date',
      message: `${dateText} is not a real date, so this INCIDENT tag cannot name an incident.`,
      range: r(start + TAG_PREFIX.length, dateEnd),
    });
    return;
  }
  SLUG_AND_COLON_AT.lastIndex = dateEnd;
  const tail = SLUG_AND_COLON_AT.exec(text);
  if (!tail) {
    problems.push({
      code: 'missing-colon',
      message: `An INCIDENT tag needs a colon after its date (or after its incident id) and then a description: ${TAG_SYNTAX}.`,
      range: r(start, dateEnd),
    });
    return;
  }
  const slug = tail[1];
  const headEnd = slug === undefined ? dateEnd : dateEnd + tail[0].lastIndexOf(slug) + slug.length;
  const colonEnd = dateEnd + tail[0].length;
  const rest = text.slice(colonEnd);
  const description = rest.trim();
  const descriptionStart = description ? colonEnd + rest.length - rest.trimStart().length : colonEnd;
  const descriptionEnd = descriptionStart + description.length;
  tags.push({
    date: { year, month, day },
    dateText,
    slug,
    description,
    range: r(start, descriptionEnd),
    headRange: r(start, headEnd),
    slugRange: slug === undefined ? undefined : r(headEnd - slug.length, headEnd),
    descriptionRange: r(descriptionStart, descriptionEnd),
    comment: segment.kind,
  });
}

/** `YYYY-MM-DD` for a calendar date. */
export function formatDate(date: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** What a new tag says. */
export interface NewTag {
  readonly date: CalendarDate;
  readonly slug?: string;
  readonly description: string;
}

/** The tag's text, `INCIDENT-2026-03-15 payments-crashloop: description`. Throws for a slug the grammar would not read back. */
export function formatTag(tag: NewTag): string {
  if (tag.slug !== undefined && !new RegExp(`^${TAG_SLUG_PATTERN}$`).test(tag.slug)) {
    throw new Error(`"${tag.slug}" cannot be an incident slug in a tag: use letters, digits, ".", "_" and "-".`);
  }
  const description = tag.description.replace(/\s+/g, ' ').trim();
  return `${TAG_PREFIX}${formatDate(tag.date)}${tag.slug ? ` ${tag.slug}` : ''}:${description ? ` ${description}` : ''}`;
}

/**
 * A whole comment holding a new tag, in the comment syntax of the language of `path` (or of
 * VS Code's `languageId`): `// INCIDENT-…`, `# INCIDENT-…`, `<!-- INCIDENT-… -->`. Falls
 * back to `//` when the language is unknown.
 */
export function tagComment(tag: NewTag, path: string, vscodeLanguageId?: string): string {
  const insertion: TagInsertion = languageFor(path, vscodeLanguageId)?.insert ?? { prefix: '// ', suffix: '' };
  return `${insertion.prefix}${formatTag(tag)}${insertion.suffix}`;
}

/** The key under which tags of one incident are grouped: the date, and the slug in lower case when there is one. */
export function incidentKey(tag: Pick<IncidentTag, 'dateText' | 'slug'>): string {
  return tag.slug === undefined ? tag.dateText : `${tag.dateText} ${tag.slug.toLowerCase()}`;
}

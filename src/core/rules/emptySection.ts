// PM002 (RB003 on runbooks): a required section is present but says nothing, or only its template's placeholders: its fixed questions
// with no answers, a Five Whys ladder with no whys, a checklist with no box ticked, a root cause with only the evidence under it.
import { evidenceLines, SECTION_ROLES } from '../postmortem/model';
import type { MarkdownDocument } from '../markdown/model';
import type { DocumentKind, Profile, SectionSpec } from '../profiles/types';
import { documentPlaceholders, type PlaceholderHit } from './placeholders';
import { proseLines } from './prose';
import type { Rule, RuleContext, RuleReport } from './types';
import { incident, resolvedAt } from './util';

export const PM002: Rule = {
  id: 'PM002',
  name: 'empty-section',
  title: 'A required section is empty or holds only template placeholders',
  defaultSeverity: 'error',
  kinds: ['postmortem', 'incident'],
  check: (context) => emptySections(context).map((e) => e.report),
};

/** PM002's check on runbooks, under a runbook rule id. */
export const RB003: Rule = {
  id: 'RB003',
  name: 'runbook-empty-section',
  title: 'A runbook section its profile requires is empty or holds only template placeholders',
  defaultSeverity: 'error',
  kinds: ['runbook'],
  check: (context) => emptySections(context).map((e) => e.report),
};

/** The id of the rule that reports empty sections in a document of `kind`. */
export function emptySectionRuleId(kind: DocumentKind): 'PM002' | 'RB003' {
  return kind === 'runbook' ? 'RB003' : 'PM002';
}

/** A section reported empty: the report, and the lines it found nothing in (its placeholders are said by the report). */
export interface EmptySection {
  readonly report: RuleReport;
  /** Whether `line` is one of the lines read and found empty; false for a section reported absent. */
  covers(line: number): boolean;
}

const emptyCache = new WeakMap<
  MarkdownDocument,
  { kind: DocumentKind; profile: Profile; result: readonly EmptySection[] }
>();

/** The required sections of the document that are empty, found once per document, kind and profile (PM002/RB003 and PM003 both ask). */
export function emptySections(context: RuleContext): readonly EmptySection[] {
  const hit = emptyCache.get(context.doc);
  if (hit && hit.kind === context.kind && hit.profile === context.profile) return hit.result;
  const result = findEmptySections(context);
  emptyCache.set(context.doc, { kind: context.kind, profile: context.profile, result });
  return result;
}

function findEmptySections(context: RuleContext): EmptySection[] {
  const model = incident(context);
  const prose = proseLines(context.doc);
  const placeholders = documentPlaceholders(context.doc);
  const headingLines = new Set(context.doc.headings.map((h) => h.line));
  // A table's header and delimiter rows are structure, not content.
  const tableHeads = new Set(context.doc.tables.flatMap((t) => [t.startLine, t.startLine + 1]));
  const reports: EmptySection[] = [];
  // A record that says the incident is over has done its checklists: an unticked one is empty even where it is optional.
  const resolved = resolvedAt(model);
  const over = resolved !== undefined;
  for (const { spec, section, labelEnd } of model.sections) {
    // A section the process fills before declaring the incident resolved (seed 002's recovery checks) is owed once it says so.
    if (!section && over && spec.requiredOnceResolved) {
      reports.push({
        report: {
          message: `The record declares the incident resolved but has no "${spec.title}" section; write what was confirmed before declaring it so.`,
          range: resolved,
        },
        covers: () => false,
      });
      continue;
    }
    if (!section || !(spec.required || (over && (spec.checklist?.length || spec.requiredOnceResolved)))) continue;
    // The root cause is its statement: the commits listed under it are evidence, not a cause.
    const skipped = ROOT_CAUSE_IDS.has(spec.id) ? evidenceLines(context.doc, section) : NO_LINES;
    const scaffold = scaffoldOf(spec);
    const seen = { scaffold: false };
    // Prose first: it usually settles the question on the section's first line.
    let hasProse = false;
    for (let line = section.bodyStartLine; line < section.endLine && !hasProse; line++) {
      if (headingLines.has(line) || tableHeads.has(line) || skipped.has(line)) continue;
      // A bold label (`**Impact:** text`) starts its own line: only the value after it is content.
      const from = line === section.heading.line && labelEnd !== undefined ? labelEnd : 0;
      hasProse = lineHasContent(
        prose[line].slice(from),
        from
          ? placeholders[line]
              .filter((h) => h.start >= from)
              .map((h) => ({ ...h, start: h.start - from, end: h.end - from }))
          : placeholders[line],
        scaffold,
        seen,
      );
    }
    if (hasProse) continue;
    // A code block is content (a runbook step may be only a command).
    const inBody = (line: number) => line >= section.bodyStartLine && line < section.endLine && !skipped.has(line);
    const hasCode = context.doc.codeBlocks.some((b) => inBody(b.startLine) && b.content.trim());
    const hasInlineCode = context.doc.inlineCode.some((c) => inBody(c.line) && c.content.trim());
    if (hasCode || hasInlineCode) continue;
    const first = labelEnd !== undefined ? section.heading.line : section.bodyStartLine;
    reports.push({
      report: {
        message: emptyMessage(section.heading.text, seen.scaffold ? scaffold : null, skipped.size > 0),
        range: section.heading.range,
      },
      covers: (line) => line >= first && line < section.endLine && !skipped.has(line),
    });
  }
  return reports;
}

/** What is missing, in the words of the section's template. */
function emptyMessage(title: string, scaffold: Scaffold | null, hasEvidence: boolean): string {
  if (hasEvidence)
    return `Section "${title}" states no root cause yet (what is listed under it is evidence); write which change or condition failed and how, or what was investigated, ruled out and is still needed.`;
  if (scaffold?.questions.length)
    return `Section "${title}" answers none of its questions yet; write the answers after them.`;
  if (scaffold?.whys) return `Section "${title}" answers none of its whys yet; write each why and its because.`;
  if (scaffold?.checklist)
    return `Section "${title}" has no item ticked yet; tick what is done ([x]) or write what is not.`;
  return `Section "${title}" has no content yet; write it, or remove the template text.`;
}

const NO_LINES: ReadonlySet<number> = new Set();
const ROOT_CAUSE_IDS: ReadonlySet<string> = new Set(SECTION_ROLES.rootCause.filter((id) => id !== 'five-whys'));

/** The text a section's template writes that is not an answer: its fixed questions, its checklist's unticked boxes, a Five Whys ladder's words. */
interface Scaffold {
  /** The section's questions, lower-cased: a line that starts with one says only what follows it. */
  readonly questions: readonly string[];
  /** Whether an unticked task item (`- [ ] ...`) says nothing: the section is a checklist. */
  readonly checklist: boolean;
  /** Whether "Why" and "Because" alone say nothing: the section is a Five Whys ladder. */
  readonly whys: boolean;
}

const scaffolds = new WeakMap<SectionSpec, Scaffold | null>();

/** The scaffold of `spec`'s template, or null when its template writes only placeholders. */
function scaffoldOf(spec: SectionSpec): Scaffold | null {
  let hit = scaffolds.get(spec);
  if (hit === undefined) {
    const questions = (spec.questions ?? []).map((q) => q.toLowerCase());
    const checklist = (spec.checklist?.length ?? 0) > 0;
    const whys = spec.id === 'five-whys';
    hit = questions.length || checklist || whys ? { questions, checklist, whys } : null;
    scaffolds.set(spec, hit);
  }
  return hit;
}

/**
 * Whether a prose line says something: a letter or digit once its placeholders (`hits`, in line order), list marks
 * and table pipes are removed, and, in a section with a `scaffold`, what its template wrote around the answers
 * (`seen.scaffold` is set when the line held some of it).
 */
function lineHasContent(
  line: string,
  hits: readonly PlaceholderHit[],
  scaffold: Scaffold | null = null,
  seen = { scaffold: false },
): boolean {
  let text = line;
  for (let i = hits.length - 1; i >= 0; i--) text = text.slice(0, hits[i].start) + text.slice(hits[i].end);
  if (scaffold) {
    if (scaffold.checklist && UNTICKED.test(text)) return !(seen.scaffold = true);
    text = text.replace(LIST_MARK, '').trim();
    const lower = text.toLowerCase();
    const question = scaffold.questions.find((q) => lower.startsWith(q));
    if (question) text = text.slice(question.length);
    const rest = scaffold.whys ? text.replace(LADDER_WORDS, ' ') : text;
    seen.scaffold ||= question !== undefined || rest !== text;
    return LETTER_OR_DIGIT.test(rest);
  }
  // Pipes, colons, dashes, marks and spaces are neither letters nor digits: only the list mark (which may hold digits or an `x`) is taken off first.
  return LETTER_OR_DIGIT.test(text.replace(LIST_MARK, ''));
}

const LIST_MARK = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s*)?/;
const UNTICKED = /^\s*(?:[-*+]|\d+[.)])\s+\[ \]/;
/** The words of an unanswered Five Whys rung: "Why ...? Because ...", "Why 1:", "Answer:". */
const LADDER_WORDS = /\b(?:why|because|answer)\b|\.\.\.|…/gi;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

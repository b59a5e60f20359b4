// PM002: a required section is present but says nothing, or only its template's placeholders.
import { documentPlaceholders, type PlaceholderHit } from './placeholders';
import { proseLines } from './prose';
import type { Rule, RuleReport } from './types';
import { incident } from './util';

export const PM002: Rule = {
  id: 'PM002',
  name: 'empty-section',
  title: 'A required section is empty or holds only template placeholders',
  defaultSeverity: 'error',
  kinds: ['postmortem', 'runbook', 'incident'],
  check(context) {
    const model = incident(context);
    const prose = proseLines(context.doc);
    const placeholders = documentPlaceholders(context.doc);
    const headingLines = new Set(context.doc.headings.map((h) => h.line));
    // A table's header and delimiter rows are structure, not content.
    const tableHeads = new Set(context.doc.tables.flatMap((t) => [t.startLine, t.startLine + 1]));
    const reports: RuleReport[] = [];
    for (const { spec, section, labelEnd } of model.sections) {
      if (!spec.required || !section) continue;
      // Prose first: it usually settles the question on the section's first line.
      let hasProse = false;
      for (let line = section.bodyStartLine; line < section.endLine && !hasProse; line++) {
        if (headingLines.has(line) || tableHeads.has(line)) continue;
        // A bold label (`**Impact:** text`) starts its own line: only the value after it is content.
        const from = line === section.heading.line && labelEnd !== undefined ? labelEnd : 0;
        hasProse = lineHasContent(prose[line].slice(from), from ? placeholders[line].filter((h) => h.start >= from).map((h) => ({ ...h, start: h.start - from, end: h.end - from })) : placeholders[line]);
      }
      if (hasProse) continue;
      // A code block is content (a runbook step may be only a command).
      const hasCode = context.doc.codeBlocks.some((b) => b.startLine >= section.bodyStartLine && b.startLine < section.endLine && b.content.trim());
      const hasInlineCode = context.doc.inlineCode.some((c) => c.line >= section.bodyStartLine && c.line < section.endLine && c.content.trim());
      if (hasCode || hasInlineCode) continue;
      reports.push({ message: `Section "${section.heading.text}" has no content yet; write it, or remove the template text.`, range: section.heading.range });
    }
    return reports;
  },
};

/** Whether a prose line says something: a letter or digit once its placeholders (`hits`, in line order), list marks and table pipes are removed. */
function lineHasContent(line: string, hits: readonly PlaceholderHit[]): boolean {
  let text = line;
  for (let i = hits.length - 1; i >= 0; i--) text = text.slice(0, hits[i].start) + text.slice(hits[i].end);
  // Pipes, colons, dashes, marks and spaces are neither letters nor digits: only the list mark (which may hold digits or an `x`) is taken off first.
  return LETTER_OR_DIGIT.test(text.replace(LIST_MARK, ''));
}

const LIST_MARK = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s*)?/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

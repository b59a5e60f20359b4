// Mechanical fixes for findings, computed as text edits in core; the editor applies them as undoable WorkspaceEdits.
import { kindFromProfileFolders } from '../lint/documentKind';
import { lintModel, lintNamedFile, type LintOptions } from '../lint/lint';
import { parseMarkdown, type MarkdownDocument, type Table } from '../markdown/model';
import { range, type Range } from '../markdown/position';
import { fieldOfColumn, type ActionItem } from '../postmortem/actionItems';
import { readIncident } from '../postmortem/model';
import type { DocumentKind, Profile } from '../profiles/types';
import type { Finding } from '../rules/types';
import { sloTemplateFix, type NewFileFix } from './sloTemplate';

/** A replacement of `range` by `newText`. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A fix the user can apply. */
export interface Fix {
  /** What the fix does, in the user's words, e.g. `Add the "Root Cause" section`. */
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix to apply by default (VS Code's "preferred" quick fix). */
  readonly preferred: boolean;
  /** Disabling a rule is not a fix of the problem; editors list it last. */
  readonly kind: 'quickfix' | 'disable';
  /** A new workspace file the fix creates (never over an existing one, never outside the workspace). */
  readonly createFile?: NewFileFix;
}

/** What computing fixes needs besides the finding. */
export interface FixContext {
  readonly doc: MarkdownDocument;
  readonly kind: DocumentKind;
  readonly profile: Profile;
  /** Today's date as YYYY-MM-DD (injected so tests are stable). */
  readonly today: string;
}

const insertAt = (line: number, character: number, newText: string): TextEdit => ({
  range: range(line, character, line, character),
  newText,
});

/** The fixes offered for one finding, most useful first. */
export function fixesFor(finding: Finding, context: FixContext): Fix[] {
  const fixes: Fix[] = [];
  switch (finding.ruleId) {
    case 'PM001':
    case 'IN002':
    case 'RB001': {
      const fix = insertMissingSection(finding, context);
      if (fix) fixes.push(fix);
      break;
    }
    case 'PM004':
    case 'PM005': {
      const column = /has no "([^"]+)" column/.exec(finding.message)?.[1];
      const table = column ? context.doc.tables.find((t) => t.startLine === finding.range.start.line) : undefined;
      if (column && table) fixes.push(addColumn(context.doc, table, column));
      const item = itemAt(context, finding.range.start.line);
      if (item?.form === 'list') {
        const convert = listToTable(context, item);
        if (convert) fixes.push(convert);
      }
      break;
    }
    case 'PM003': {
      const text = context.doc.lines[finding.range.start.line]?.slice(
        finding.range.start.character,
        finding.range.end.character,
      );
      if (text === 'YYYY-MM-DD') {
        fixes.push({
          title: `Replace with today's date (${context.today})`,
          edits: [{ range: finding.range, newText: context.today }],
          preferred: true,
          kind: 'quickfix',
        });
      }
      break;
    }
    case 'PM016': {
      const file = sloTemplateFix(context.profile);
      fixes.push({ title: file.title, edits: [], preferred: true, kind: 'quickfix', createFile: file });
      break;
    }
    default:
      break;
  }
  fixes.push(...disableFixes(finding, context));
  return fixes;
}

function itemAt(context: FixContext, line: number): ActionItem | undefined {
  return readIncident(context.doc, context.kind, context.profile).actionItems?.items.find((i) => i.line === line);
}

/**
 * Inserts the missing section's heading and a prompt where the profile's order puts it:
 * before the first present section that comes after it in the profile, else at the end.
 */
function insertMissingSection(finding: Finding, context: FixContext): Fix | undefined {
  const title = /Missing required section "([^"]+)"/.exec(finding.message)?.[1];
  const model = readIncident(context.doc, context.kind, context.profile);
  const index = model.sections.findIndex((m) => m.spec.title === title);
  if (!title || index < 0) return undefined;
  const present = model.sections.filter((m) => m.section).map((m) => m.section!);
  const levels = present.map((s) => s.heading.level);
  const level = levels.length ? Math.min(...levels) : 2;
  const next = model.sections.slice(index + 1).find((m) => m.section)?.section;
  const block = `${'#'.repeat(level)} ${title}\n\n<${model.sections[index].spec.title}: write this section.>\n\n`;
  const { lines } = context.doc;
  let edit: TextEdit;
  if (next) {
    edit = insertAt(next.heading.line, 0, block);
  } else {
    const last = lines.length - 1;
    const endsWithNewline = lines[last] === '';
    const blankBefore = endsWithNewline ? (lines[last - 1]?.trim() === '' ? '' : '\n') : '\n\n';
    edit = insertAt(last, lines[last].length, `${blankBefore}${block.replace(/\n\n$/, '\n')}`);
  }
  return { title: `Add the "${title}" section`, edits: [edit], preferred: true, kind: 'quickfix' };
}

/** Appends a column to every line of a table: the name in the header, `---` in the delimiter, empty cells below. */
function addColumn(doc: MarkdownDocument, table: Table, column: string): Fix {
  const edits: TextEdit[] = [];
  for (let line = table.startLine; line < table.endLine; line++) {
    const text = doc.lines[line];
    const trimmed = text.replace(/\s+$/, '');
    const cell = line === table.startLine ? column : line === table.startLine + 1 ? '---' : ' ';
    const addition = trimmed.endsWith('|') ? ` ${cell} |` : ` | ${cell}`;
    edits.push(insertAt(line, trimmed.length, addition));
  }
  return { title: `Add a "${column}" column to the action items table`, edits, preferred: true, kind: 'quickfix' };
}

/** Rewrites the list-form action items of `at`'s section as the profile's table (Action plus its required columns). */
function listToTable(context: FixContext, at: ActionItem): Fix | undefined {
  const items =
    readIncident(context.doc, context.kind, context.profile).actionItems?.items.filter(
      (i) => i.form === 'list' && i.region.start === at.region.start,
    ) ?? [];
  if (items.length === 0) return undefined;
  const required = context.profile.actionItems.requiredColumns.filter((c) => fieldOfColumn(c) !== 'action');
  const columns = ['Action', ...required];
  const extra = (['priority', 'status'] as const).filter(
    (f) => items.some((i) => i.fields[f]) && !required.some((c) => fieldOfColumn(c) === f),
  );
  const names = [...columns, ...extra.map((f) => (f === 'priority' ? 'Priority' : 'Status'))];
  const fieldsOf = names.map((n) => fieldOfColumn(n) ?? 'action');
  const cell = (t: string) => t.replace(/\|/g, '\\|').trim();
  const rows = items.map(
    (item) =>
      `| ${fieldsOf.map((f) => cell(f === 'action' ? item.action : (item.fields[f]?.text ?? ''))).join(' | ')} |`,
  );
  const table = [`| ${names.join(' | ')} |`, `|${names.map(() => '---').join('|')}|`, ...rows].join('\n');
  const first = items[0].line;
  const last = Math.max(...items.map((i) => i.line));
  const lastListLine = context.doc.listItems
    .filter((li) => li.line >= first && li.line <= last)
    .reduce((end, li) => Math.max(end, li.endLine), last + 1);
  // Keep blank lines that end the list outside the replaced range.
  let end = lastListLine;
  while (end - 1 > last && context.doc.lines[end - 1].trim() === '') end--;
  return {
    title: 'Convert the action items list to a table',
    edits: [{ range: range(first, 0, end - 1, context.doc.lines[end - 1].length), newText: table }],
    preferred: false,
    kind: 'quickfix',
  };
}

/** Disable comments: for the next line where a comment line is safe there, and for the whole file. */
function disableFixes(finding: Finding, context: FixContext): Fix[] {
  const { doc } = context;
  const line = finding.range.start.line;
  const fixes: Fix[] = [];
  // A comment line inside a table or list would split it, so only offer "this line" outside them.
  const inTable = doc.tables.some((t) => line >= t.startLine && line < t.endLine);
  const inList = doc.listItems.some((li) => line >= li.line && line < li.endLine);
  if (!inTable && !inList) {
    const indent = /^\s*/.exec(doc.lines[line] ?? '')?.[0] ?? '';
    fixes.push({
      title: `Disable ${finding.ruleId} for this line`,
      edits: [insertAt(line, 0, `${indent}<!-- incident-workbench-disable-next-line ${finding.ruleId} -->\n`)],
      preferred: false,
      kind: 'disable',
    });
  }
  const top = doc.frontMatter ? doc.frontMatter.endLine + 1 : 0;
  fixes.push({
    title: `Disable ${finding.ruleId} for this file`,
    edits: [insertAt(top, 0, `<!-- incident-workbench-disable-file ${finding.ruleId} -->\n`)],
    preferred: false,
    kind: 'disable',
  });
  return fixes;
}

/** Applies edits to text (for tests and the CLI); edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offsets: number[] = [];
  let acc = 0;
  for (const l of lines) {
    offsets.push(acc);
    acc += l.length + 1;
  }
  const at = (p: { line: number; character: number }) => (offsets[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => at(b.range.start) - at(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, at(e.range.start)) + e.newText + out.slice(at(e.range.end));
  return out;
}

/** A finding of a workspace file together with its fixes. */
export interface FindingFixes {
  readonly finding: Finding;
  readonly fixes: readonly Fix[];
}

/**
 * Lints the workspace file at `relativePath` and returns the fixes of the findings that
 * `wanted` selects (the editor passes the diagnostics under the cursor). Empty when the
 * file is not an incident document of the profile. `options` carries what the workspace-level
 * rules need (e.g. that there is no slo.yaml, for PM016).
 */
export function fixesForFile(
  relativePath: string,
  text: string,
  profile: Profile,
  today: string,
  wanted: (finding: Finding) => boolean,
  options: LintOptions = {},
): FindingFixes[] {
  const kind = kindFromProfileFolders(relativePath, profile);
  if (!kind) return [];
  const doc = parseMarkdown(text);
  const resolved = kindFromProfileFolders(relativePath, profile, doc) ?? kind;
  const context: FixContext = { doc, kind: resolved, profile, today };
  return lintModel(doc, resolved, profile, { path: relativePath, ...options })
    .findings.filter(wanted)
    .map((finding) => ({ finding, fixes: fixesFor(finding, context) }));
}

/** The rules whose fixes only add text or reshape it without dropping any: insert a missing section, add a column, list → table. */
export const TEXT_KEEPING_FIX_RULES: ReadonlySet<string> = new Set(['PM001', 'IN002', 'RB001', 'PM004', 'PM005']);

/** What `applyTextKeepingFixes` did to one document. */
export interface FixAllResult {
  /** The document after the fixes; the input itself when none applied. */
  readonly text: string;
  /** The titles of the fixes applied, in order (e.g. `Add the "Root Cause" section`). */
  readonly applied: readonly string[];
}

/**
 * Applies, one at a time and re-linting after each, the fixes that cannot lose text (see
 * `TEXT_KEEPING_FIX_RULES`; never a disable comment, a new file or a replaced placeholder) to
 * the document at `relativePath`, its kind found as `lintNamedFile` finds it (or `forced`).
 * One at a time, so insertions at the same place keep the profile's order and edits never overlap;
 * a fix is applied at most once, so a fix that does not clear its finding cannot loop.
 */
export function applyTextKeepingFixes(
  relativePath: string,
  text: string,
  profile: Profile,
  forced?: DocumentKind,
  options: LintOptions = {},
): FixAllResult {
  const applied: string[] = [];
  const tried = new Set<string>();
  let current = text;
  for (let pass = 0; pass < 200; pass++) {
    const result = lintNamedFile(relativePath, current, profile, forced, options);
    const context: FixContext = { doc: parseMarkdown(current), kind: result.kind, profile, today: '' };
    let next: { key: string; fix: Fix } | undefined;
    for (const finding of result.findings) {
      if (!TEXT_KEEPING_FIX_RULES.has(finding.ruleId)) continue;
      const fix = fixesFor(finding, context).find((f) => f.kind === 'quickfix' && !f.createFile && f.edits.length > 0);
      const key = fix ? `${finding.ruleId} ${fix.title} ${JSON.stringify(fix.edits)}` : '';
      if (fix && !tried.has(key)) {
        next = { key, fix };
        break;
      }
    }
    if (!next) break;
    tried.add(next.key);
    current = applyEdits(current, next.fix.edits);
    applied.push(next.fix.title);
  }
  return { text: current, applied };
}

// Completion from the profile and the workspace: severities after "Severity:", known owners, rule ids in disable
// comments, the profile's missing section headings, and INCIDENT tags of existing postmortems inside comments.
import type { CompletionItem, Position } from 'vscode-languageserver';
import { fieldOfColumn } from '../core/postmortem/actionItems';
import { ALL_RULES } from '../core/rules';
import { commentSegments, formatTag, syntaxFor, type IncidentDocumentRef } from '../core/tags';
import type { DocumentEntry, WorkspaceModel } from './WorkspaceModel';

/** Completion item kinds of the protocol (`CompletionItemKind`). */
const KIND = { text: 1, enumMember: 20, value: 12, reference: 18, keyword: 14, constant: 21 } as const;

const DISABLE_COMMENT =
  /<!--\s*incident-workbench-(?:disable-file|disable-next-line|disable-line|disable|enable)((?:\s+[A-Za-z][\w-]*)*)\s+([A-Za-z][\w-]*)?$/;
const SEVERITY_FIELD = /\bseverity\b\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*([\w-]*)$/i;
const OWNER_FIELD = /\bowner\b\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*([^|]*)$/i;
const HEADING = /^(#{1,6}) +([^#]*)$/;
const TAG_PREFIX = /INCIDENT-[\w.-]*$/;

/** The completion items at `position` in `entry`, or none. */
export async function completions(
  model: WorkspaceModel,
  entry: DocumentEntry,
  position: Position,
): Promise<CompletionItem[]> {
  if (entry.tooLarge) return [];
  const lines = entry.doc?.lines ?? entry.text.split(/\r?\n/);
  const line = lines[position.line] ?? '';
  const prefix = line.slice(0, position.character);
  const replace = (start: number) => ({
    start: { line: position.line, character: start },
    end: { line: position.line, character: position.character },
  });

  const tag = TAG_PREFIX.exec(prefix);
  if (tag && inComment(model, entry, lines, position)) {
    const refs = await model.incidentRefs();
    const items: CompletionItem[] = [];
    for (const ref of refs) {
      const text = tagText(ref);
      const summary = await model.summaryOf(ref.path);
      items.push({
        label: text.slice(0, -1),
        kind: KIND.reference,
        detail: summary ? `${summary.kindLabel}: ${summary.title}` : ref.path,
        documentation: ref.path,
        textEdit: { range: replace(tag.index), newText: `${text} ` },
      });
    }
    return items;
  }
  if (!entry.doc) return [];

  const disable = DISABLE_COMMENT.exec(prefix);
  if (disable) {
    const start = position.character - (disable[2]?.length ?? 0);
    return ALL_RULES.flatMap((rule, i) => [
      {
        label: rule.id,
        kind: KIND.constant,
        detail: rule.name,
        documentation: rule.title,
        sortText: `a${String(i).padStart(3, '0')}`,
        textEdit: { range: replace(start), newText: rule.id },
      },
      {
        label: rule.name,
        kind: KIND.constant,
        detail: rule.id,
        documentation: rule.title,
        sortText: `b${String(i).padStart(3, '0')}`,
        textEdit: { range: replace(start), newText: rule.name },
      },
    ]);
  }

  const severity = SEVERITY_FIELD.exec(prefix);
  if (severity) {
    const start = position.character - severity[1].length;
    return model.profile.severities.map((level, i) => ({
      label: level.id,
      kind: KIND.enumMember,
      detail: level.label,
      documentation: {
        kind: 'markdown',
        value: [
          level.definition,
          level.responseTime ? `Response: ${level.responseTime}.` : '',
          level.updateCadence ? `Updates: ${level.updateCadence}.` : '',
        ]
          .filter(Boolean)
          .join('\n\n'),
      },
      sortText: String(i).padStart(3, '0'),
      textEdit: { range: replace(start), newText: level.id },
    }));
  }

  const ownerStart = ownerCellStart(entry, position, prefix);
  if (ownerStart !== undefined) {
    const counts = new Map<string, number>();
    for (const doc of await model.documents())
      for (const item of doc.summary?.actionItems ?? []) {
        const owner = item.owner?.trim();
        if (owner) counts.set(owner, (counts.get(owner) ?? 0) + 1);
      }
    return [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([owner, n], i) => ({
        label: owner,
        kind: KIND.value,
        detail: `owner of ${n} action item${n === 1 ? '' : 's'}`,
        sortText: String(i).padStart(4, '0'),
        textEdit: { range: replace(ownerStart), newText: owner },
      }));
  }

  const heading = HEADING.exec(prefix);
  if (heading && entry.summary) {
    const start = heading[1].length + (prefix.length - heading[1].length - heading[2].length);
    return entry.summary.model.sections
      .filter((m) => !m.section)
      .map((m, i) => ({
        label: m.spec.title,
        kind: KIND.keyword,
        detail: `missing ${entry.kind} section (${model.profile.name} profile)`,
        sortText: String(i).padStart(3, '0'),
        textEdit: { range: replace(start), newText: m.spec.title },
      }));
  }
  return [];
}

/** Where the owner typed so far starts: after "Owner:", or in an action-item table's Owner column. */
function ownerCellStart(entry: DocumentEntry, position: Position, prefix: string): number | undefined {
  const field = OWNER_FIELD.exec(prefix);
  if (field) return position.character - field[1].length;
  const table = entry.doc?.tables.find((t) => position.line > t.startLine + 1 && position.line < t.endLine);
  if (!table) return undefined;
  // The cell the cursor is in: count the unescaped pipes before it.
  const pipes = [...prefix.matchAll(/(?<!\\)\|/g)].map((m) => m.index ?? 0);
  const leading = /^\s*\|/.test(prefix) ? 1 : 0;
  const column = pipes.length - leading;
  const header = table.header.cells[column];
  if (!header || fieldOfColumn(header.text) !== 'owner') return undefined;
  const cellStart = pipes.length > 0 ? pipes[pipes.length - 1] + 1 : 0;
  return cellStart + (/^\s*/.exec(prefix.slice(cellStart))?.[0].length ?? 0);
}

/** `INCIDENT-2026-03-15 checkout:` for a document; the date alone when its slug cannot be a tag's. */
function tagText(ref: IncidentDocumentRef): string {
  try {
    return formatTag({ date: ref.date, slug: ref.slug, description: '' });
  } catch {
    return formatTag({ date: ref.date, description: '' });
  }
}

function inComment(model: WorkspaceModel, entry: DocumentEntry, lines: readonly string[], position: Position): boolean {
  const syntax = syntaxFor(entry.relativePath ?? entry.path, model.languageIdOf(entry.path));
  // Only the lines around the cursor: a block comment opened far above still counts, within reason.
  const from = Math.max(0, position.line - 200);
  return commentSegments(lines.slice(from, position.line + 1), syntax).some(
    (s) => s.line + from === position.line && s.start <= position.character && position.character <= s.end,
  );
}

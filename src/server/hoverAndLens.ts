// Hover and CodeLens for INCIDENT tags and for a timeline's measures, with the text core builds for the extension too.
import type { CodeLens, Hover, Position, Range } from 'vscode-languageserver';
import { Commands } from '../constants';
import { timelineLensTitle, timelineMetricsMarkdown } from '../core/metrics';
import { sectionByRole, SECTION_ROLES } from '../core/postmortem/model';
import {
  findTagsInFile,
  incidentLensTitle,
  linkTag,
  tagName,
  tagProblemMarkdown,
  tagSummaryMarkdown,
  unlinkedMessage,
  unlinkedTagMarkdown,
  type IncidentTag,
  type TagScan,
} from '../core/tags';
import type { DocumentEntry, WorkspaceModel } from './WorkspaceModel';
import { pathToUri } from './uri';

/** What the hover may add for a client that runs the extension's commands. */
export interface HoverOptions {
  /** Add an "Open postmortem" link running `Commands.openTagIncident` (VS Code's client trusts that command). */
  readonly commandLinks?: boolean;
}

/** The hover at `position`: a tag's incident document (or why it has none, or why it is not a tag), or a timeline's measures. */
export async function hover(
  model: WorkspaceModel,
  entry: DocumentEntry,
  position: Position,
  options: HoverOptions = {},
): Promise<Hover | null> {
  if (entry.tooLarge) return null;
  const timeline = timelineHeading(entry);
  if (timeline && entry.summary && timeline.start.line === position.line)
    return { contents: { kind: 'markdown', value: timelineMetricsMarkdown(entry.summary) }, range: timeline };
  const scan = tagsOf(model, entry);
  const problem = scan.problems.find((p) => contains(p.range, position));
  if (problem)
    return { contents: { kind: 'markdown', value: tagProblemMarkdown(problem.message) }, range: problem.range };
  const tag = scan.tags.find((t) => contains(t.range, position));
  if (!tag) return null;
  const refs = await model.incidentRefs();
  const documents = linkTag(tag, refs);
  if (documents.length === 0) {
    const why = unlinkedMessage(tag, refs, model.profile);
    return { contents: { kind: 'markdown', value: unlinkedTagMarkdown(tagName(tag), why) }, range: tag.headRange };
  }
  const summary = await model.summaryOf(documents[0].path);
  const head = summary ? tagSummaryMarkdown(summary) : `**${documents[0].path}** could not be read.\n\n`;
  const where = documents.map((d) => `\`${d.path}\``).join(', ');
  if (!options.commandLinks) return { contents: { kind: 'markdown', value: `${head}${where}` }, range: tag.headRange };
  const args = {
    folder: model.root ? pathToUri(model.root) : '',
    tag: tagName(tag),
    documents: documents.map((d) => d.path),
  };
  const open = `command:${Commands.openTagIncident}?${encodeURIComponent(JSON.stringify([args]))}`;
  const label =
    documents.length > 1
      ? `Choose one of ${documents.length} documents`
      : `Open ${summary?.kindLabel.toLowerCase() ?? 'document'}`;
  const link = `[${label}](${open} "${documents.map((d) => d.path).join(', ')}")`;
  return { contents: { kind: 'markdown', value: `${head}${link} · ${where}` }, range: tag.headRange };
}

/** The lenses of a document: above each tag its incident document, above a Timeline heading its measures. */
export async function codeLenses(model: WorkspaceModel, entry: DocumentEntry): Promise<CodeLens[]> {
  if (entry.tooLarge) return [];
  const lenses: CodeLens[] = [];
  const timeline = timelineHeading(entry);
  if (timeline && entry.summary)
    lenses.push({
      range: timeline,
      command: {
        title: timelineLensTitle(entry.summary),
        command: Commands.showErrorBudget,
        arguments: [pathToUri(entry.path)],
      },
    });
  const scan = tagsOf(model, entry);
  if (scan.tags.length === 0) return lenses;
  const refs = await model.incidentRefs();
  for (const tag of scan.tags) lenses.push(await tagLens(model, tag, linkTag(tag, refs), refs));
  return lenses;
}

async function tagLens(
  model: WorkspaceModel,
  tag: IncidentTag,
  documents: ReturnType<typeof linkTag>,
  refs: ReturnType<typeof linkTag>,
): Promise<CodeLens> {
  const args = {
    folder: model.root ? pathToUri(model.root) : '',
    tag: tagName(tag),
    documents: documents.map((d) => d.path),
    ...(documents.length === 0 ? { message: unlinkedMessage(tag, refs, model.profile) } : {}),
  };
  if (documents.length === 0)
    return {
      range: tag.headRange,
      command: { title: 'No incident document found (TG001)', command: Commands.openTagIncident, arguments: [args] },
    };
  const summary = await model.summaryOf(documents[0].path);
  let title = summary ? incidentLensTitle(summary) : documents[0].path;
  if (documents.length > 1) title += ` (+${documents.length - 1} more: choose)`;
  return { range: tag.headRange, command: { title, command: Commands.openTagIncident, arguments: [args] } };
}

/** The tags of a document, in its comments (HTML comments in Markdown). */
export function tagsOf(model: WorkspaceModel, entry: DocumentEntry): TagScan {
  if (!entry.text.includes('INCIDENT-')) return { tags: [], problems: [] };
  return findTagsInFile(entry.relativePath ?? entry.path, entry.text, model.languageIdOf(entry.path));
}

function timelineHeading(entry: DocumentEntry): Range | undefined {
  if (!entry.summary || (entry.kind !== 'postmortem' && entry.kind !== 'incident')) return undefined;
  return sectionByRole(entry.summary.model, SECTION_ROLES.timeline)?.heading.range;
}

function contains(range: Range, p: Position): boolean {
  const after = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const before = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return after && before;
}

// Hover on an INCIDENT tag: the linked document's severity, summary, root cause and action items, with a link to open it.
import * as vscode from 'vscode';
import { TAG_SYNTAX, unlinkedMessage, type IncidentSummary } from '../../core/tags';
import { toVsRange } from '../shared/convert';
import { TagCommands, TagSettings } from './ids';
import { tagName, type OpenIncidentArgs } from './tagCommandArgs';
import type { TagIndexManager } from './TagIndexManager';

/** Shows what the incident document of the tag under the pointer says. */
export class TagHoverProvider implements vscode.HoverProvider {
  constructor(private readonly index: TagIndexManager) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (!folder || !vscode.workspace.getConfiguration(TagSettings.section, document.uri).get<boolean>(TagSettings.enabled, true)) return undefined;
    const scan = this.index.tagsIn(document);
    const problem = scan.problems.find((p) => toVsRange(p.range).contains(position));
    if (problem) {
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**Not a valid INCIDENT tag** (TG002)\n\n${escapeMarkdown(problem.message)}`);
      md.appendMarkdown('\n\nA tag reads ');
      md.appendCodeblock(TAG_SYNTAX, 'text');
      return new vscode.Hover(md, toVsRange(problem.range));
    }
    const tag = scan.tags.find((t) => toVsRange(t.range).contains(position));
    if (!tag) return undefined;
    const documents = this.index.link(document.uri, tag);
    const args: OpenIncidentArgs = { folder: folder.uri.toString(), tag: tagName(tag), documents: documents.map((d) => d.path) };
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: [TagCommands.openTagIncident] };
    if (documents.length === 0) {
      md.appendMarkdown(`$(warning) **${escapeMarkdown(tagName(tag))}**: no incident document (TG001)\n\n`);
      md.appendMarkdown(escapeMarkdown(unlinkedMessage(tag, this.index.documentsFor(document.uri), this.index.profileFor(document.uri))));
      return new vscode.Hover(md, toVsRange(tag.headRange));
    }
    const summary = await this.index.summary(folder, documents[0]);
    if (summary) appendSummary(md, summary);
    else md.appendMarkdown(`**${documents[0].path}** could not be read.\n\n`);
    const open = `command:${TagCommands.openTagIncident}?${encodeURIComponent(JSON.stringify([args]))}`;
    const label = documents.length > 1 ? `Choose one of ${documents.length} documents` : `Open ${summary?.kindLabel.toLowerCase() ?? 'document'}`;
    md.appendMarkdown(`[${label}](${open} "${documents.map((d) => d.path).join(', ')}")`);
    if (documents.length === 1) md.appendMarkdown(` · \`${documents[0].path}\``);
    return new vscode.Hover(md, toVsRange(tag.headRange));
  }
}

function appendSummary(md: vscode.MarkdownString, s: IncidentSummary): void {
  const facts = [s.severity, s.date, s.status].filter((f): f is string => Boolean(f));
  md.appendMarkdown(`**${s.kindLabel}: ${escapeMarkdown(s.title)}**${facts.length > 0 ? ` · ${escapeMarkdown(facts.join(' · '))}` : ''}\n\n`);
  // The document's own Markdown, shown as Markdown (links and emphasis); HTML stays off.
  if (s.summary) md.appendMarkdown(`${s.summary}\n\n`);
  md.appendMarkdown('**Root cause:** ');
  md.appendMarkdown(s.rootCause ? `${s.rootCause}\n\n` : '_not written yet_\n\n');
  if (s.actionItems) {
    const open = s.actionItems.total - s.actionItems.done;
    md.appendMarkdown(`**Action items:** ${s.actionItems.done} of ${s.actionItems.total} done${open > 0 ? `, ${open} open` : ''}\n\n`);
  } else {
    md.appendMarkdown('**Action items:** _none listed_\n\n');
  }
}

/** Text shown as itself in Markdown: its punctuation escaped, its spaces left to wrap (unlike `appendText`). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$]/g, '\\$&');
}

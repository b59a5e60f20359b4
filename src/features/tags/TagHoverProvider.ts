// Hover on an INCIDENT tag: the linked document's severity, summary, root cause and action items, with a link to open it.
import * as vscode from 'vscode';
import {
  tagProblemMarkdown,
  tagSummaryMarkdown,
  unlinkedMessage,
  unlinkedTagMarkdown,
  type TagHoverLabels,
} from '../../core/tags';
import { toVsRange } from '../shared/convert';
import { tagName, type OpenIncidentArgs } from './tagCommandArgs';
import type { TagIndexManager } from './TagIndexManager';
import { Commands, Settings } from '../../constants';

/** Shows what the incident document of the tag under the pointer says. */
export class TagHoverProvider implements vscode.HoverProvider {
  constructor(private readonly index: TagIndexManager) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (
      !folder ||
      !vscode.workspace.getConfiguration(Settings.section, document.uri).get<boolean>(Settings.tagsEnabled, true)
    )
      return undefined;
    const scan = this.index.tagsIn(document);
    const problem = scan.problems.find((p) => toVsRange(p.range).contains(position));
    if (problem) {
      const md = new vscode.MarkdownString(tagProblemMarkdown(problem.message, labels()));
      return new vscode.Hover(md, toVsRange(problem.range));
    }
    const tag = scan.tags.find((t) => toVsRange(t.range).contains(position));
    if (!tag) return undefined;
    const documents = this.index.link(document.uri, tag);
    const args: OpenIncidentArgs = {
      folder: folder.uri.toString(),
      tag: tagName(tag),
      documents: documents.map((d) => d.path),
    };
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: [Commands.openTagIncident] };
    if (documents.length === 0) {
      const why = unlinkedMessage(tag, this.index.documentsFor(document.uri), this.index.profileFor(document.uri));
      md.appendMarkdown(unlinkedTagMarkdown(tagName(tag), why, labels()));
      return new vscode.Hover(md, toVsRange(tag.headRange));
    }
    const summary = await this.index.summary(folder, documents[0]);
    if (summary) md.appendMarkdown(tagSummaryMarkdown(summary, labels()));
    else md.appendMarkdown(`${vscode.l10n.t('**{0}** could not be read.', documents[0].path)}\n\n`);
    const open = `command:${Commands.openTagIncident}?${encodeURIComponent(JSON.stringify([args]))}`;
    const label =
      documents.length > 1
        ? vscode.l10n.t('Choose one of {0} documents', documents.length)
        : vscode.l10n.t('Open {0}', summary?.kindLabel.toLowerCase() ?? vscode.l10n.t('document'));
    md.appendMarkdown(`[${label}](${open} "${documents.map((d) => d.path).join(', ')}")`);
    if (documents.length === 1) md.appendMarkdown(` · \`${documents[0].path}\``);
    return new vscode.Hover(md, toVsRange(tag.headRange));
  }
}

/** The hover's words, translated; core writes the Markdown around them. */
function labels(): TagHoverLabels {
  return {
    notATag: vscode.l10n.t('**Not a valid INCIDENT tag** (TG002)'),
    aTagReads: vscode.l10n.t('A tag reads'),
    noDocument: (name) => vscode.l10n.t('$(warning) **{0}**: no incident document (TG001)', name),
    rootCause: vscode.l10n.t('**Root cause:**'),
    notWrittenYet: vscode.l10n.t('_not written yet_'),
    actionItemsOpen: (done, total, open) =>
      vscode.l10n.t('**Action items:** {0} of {1} done, {2} open', done, total, open),
    actionItemsDone: (done, total) => vscode.l10n.t('**Action items:** {0} of {1} done', done, total),
    noActionItems: vscode.l10n.t('**Action items:** _none listed_'),
  };
}

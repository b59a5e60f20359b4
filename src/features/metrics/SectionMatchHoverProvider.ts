// Says, on a heading (or bold label, or step) that provides a profile section, which section it satisfies and how.
import * as vscode from 'vscode';
import { describeMatch } from '../../core/postmortem/sections';
import type { WorkspaceDocuments } from '../shared/WorkspaceDocuments';

/** A hover on each line that satisfies one or more of the profile's sections. */
export class SectionMatchHoverProvider implements vscode.HoverProvider {
  constructor(private readonly documents: WorkspaceDocuments) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const summary = this.documents.fromOpen(document)?.summary;
    if (!summary) return undefined;
    const lines = summary.model.sections
      .filter((m) => m.section?.heading.line === position.line)
      .map(describeMatch)
      .filter((text): text is string => text !== undefined);
    if (lines.length === 0) return undefined;
    const md = new vscode.MarkdownString();
    md.isTrusted = false;
    md.appendText(lines.join('\n'));
    return new vscode.Hover(md, document.lineAt(position.line).range);
  }
}

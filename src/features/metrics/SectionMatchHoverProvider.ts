// Says, on a heading (or bold label, or step) that provides a profile section, which section it satisfies and how.
import * as vscode from 'vscode';
import { kindFromProfileFolders, parseMarkdown } from '../../core';
import { readIncident } from '../../core/postmortem/model';
import { describeMatch } from '../../core/postmortem/sections';
import { workspaceRelativePath, type ProfileSource } from '../shared/profileSettings';

/** A hover on each line that satisfies one or more of the profile's sections. */
export class SectionMatchHoverProvider implements vscode.HoverProvider {
  constructor(private readonly profiles: ProfileSource) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const relative = workspaceRelativePath(document.uri);
    if (!relative) return undefined;
    const profile = this.profiles.profileFor(document.uri);
    const doc = parseMarkdown(document.getText());
    const kind = kindFromProfileFolders(relative, profile, doc);
    if (!kind) return undefined;
    const lines = readIncident(doc, kind, profile).sections
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

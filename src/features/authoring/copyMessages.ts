// "Incident: Copy Status Update" and "Copy Resolution Notice": core builds the message from the active record; it is shown first, then copied.
import * as vscode from 'vscode';
import { kindFromContent, resolutionNotice, statusUpdate, type DocumentKind, type MarkdownDocument, type Profile } from '../../core';
import { activeRecord, whereKindLives } from './activeRecord';
import type { AuthoringDeps } from './deps';
import { AuthoringCommandTitles } from './ids';

type Build = (doc: MarkdownDocument, kind: DocumentKind, profile: Profile, now: Date) => string;

/** Shows the INCIDENT UPDATE message of the active record and copies it on "Copy"; resolves with the text copied, or undefined. */
export function copyStatusUpdate(deps: AuthoringDeps, target?: unknown): Promise<string | undefined> {
  return showThenCopy(deps, target, AuthoringCommandTitles.copyStatusUpdate, 'Status update', statusUpdate);
}

/** Shows the INCIDENT RESOLVED message of the active record and copies it on "Copy"; resolves with the text copied, or undefined. */
export function copyResolutionNotice(deps: AuthoringDeps, target?: unknown): Promise<string | undefined> {
  return showThenCopy(deps, target, AuthoringCommandTitles.copyResolutionNotice, 'Resolution notice', resolutionNotice);
}

async function showThenCopy(deps: AuthoringDeps, target: unknown, command: string, what: string, build: Build): Promise<string | undefined> {
  const record = activeRecord(deps.profiles, command, target);
  if (!record) return undefined;
  const { profile, name } = record;
  if (record.kind === 'runbook') {
    void vscode.window.showInformationMessage(`${name} is a runbook; ${command} works on an incident record (under the ${profile.name} profile: ${whereKindLives(profile, 'incident')}) or a postmortem.`);
    return undefined;
  }
  const kind: DocumentKind = record.kind ?? kindFromContent(record.doc, profile, ['incident', 'postmortem']) ?? 'incident';
  const text = build(record.doc, kind, profile, (deps.now ?? (() => new Date()))());
  const choice = await vscode.window.showInformationMessage(`${what} for ${name}`, { modal: true, detail: text }, 'Copy');
  if (choice !== 'Copy') return undefined;
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(check) ${what} copied to the clipboard`, 4000);
  return text;
}

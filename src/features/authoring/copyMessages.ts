// "Incident: Copy Status Update" and "Copy Resolution Notice": core builds the message from the active record; it is shown first, then copied.
import * as vscode from 'vscode';
import {
  kindFromContent,
  resolutionNotice,
  statusUpdate,
  type DocumentKind,
  type MarkdownDocument,
  type Profile,
} from '../../core';
import { activeRecord, whereKindLives } from './activeRecord';
import type { AuthoringDeps } from './deps';
import { AuthoringCommandTitles } from './commandTitles';

type Build = (doc: MarkdownDocument, kind: DocumentKind, profile: Profile, now: Date) => string;

/** Shows the INCIDENT UPDATE message of the active record and copies it on "Copy"; resolves with the text copied, or undefined. */
export function copyStatusUpdate(deps: AuthoringDeps, target?: unknown): Promise<string | undefined> {
  return showThenCopy(
    deps,
    target,
    AuthoringCommandTitles.copyStatusUpdate,
    vscode.l10n.t('Status update'),
    statusUpdate,
  );
}

/** Shows the INCIDENT RESOLVED message of the active record and copies it on "Copy"; resolves with the text copied, or undefined. */
export function copyResolutionNotice(deps: AuthoringDeps, target?: unknown): Promise<string | undefined> {
  return showThenCopy(
    deps,
    target,
    AuthoringCommandTitles.copyResolutionNotice,
    vscode.l10n.t('Resolution notice'),
    resolutionNotice,
  );
}

async function showThenCopy(
  deps: AuthoringDeps,
  target: unknown,
  command: string,
  what: string,
  build: Build,
): Promise<string | undefined> {
  const record = activeRecord(deps, command, target);
  if (!record) return undefined;
  const { profile, name } = record;
  if (record.kind === 'runbook') {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        '{0} is a runbook; {1} works on an incident record (under the {2} profile: {3}) or a postmortem.',
        name,
        command,
        profile.name,
        whereKindLives(profile, 'incident'),
      ),
    );
    return undefined;
  }
  const kind: DocumentKind =
    record.kind ?? kindFromContent(record.doc, profile, ['incident', 'postmortem']) ?? 'incident';
  const text = build(record.doc, kind, profile, (deps.now ?? (() => new Date()))());
  const copy = vscode.l10n.t('Copy');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('{0} for {1}', what, name),
    { modal: true, detail: text },
    copy,
  );
  if (choice !== copy) return undefined;
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) {0} copied to the clipboard', what), 4000);
  return text;
}

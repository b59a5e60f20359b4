// "Incident: Add Timeline Entry": asks what happened (and optionally when) and inserts it into the Timeline with core's edit, as one undoable WorkspaceEdit.
import * as vscode from 'vscode';
import {
  kindFromContent,
  readIncident,
  timelineEntryEdit,
  TimelineEntryError,
  type DocumentKind,
  type MarkdownDocument,
  type Profile,
  type TextEdit,
} from '../../core';
import { toVsRange } from '../shared/convert';
import { activeRecord, whereKindLives } from './activeRecord';
import { readArgs } from './commandArgs';
import type { AuthoringDeps } from './deps';
import { displayTime, parseTimelineInput, utcDate } from './inputs';
import { AuthoringCommandTitles } from './commandTitles';

/** The command's optional argument; with `text` nothing is asked (same forms as the prompt: `text`, `HH:MM text`, `YYYY-MM-DD HH:MM text`). */
export interface AddTimelineEntryArgs {
  readonly text?: string;
}

/** Runs the command; resolves with the line the entry was written on, or undefined when nothing was changed. */
export async function addTimelineEntry(deps: AuthoringDeps, rawArgs?: unknown): Promise<number | undefined> {
  const record = activeRecord(deps, AuthoringCommandTitles.addTimelineEntry, rawArgs);
  if (!record) return undefined;
  const { document, profile, name } = record;
  if (record.kind === 'runbook') {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        '{0} is a runbook; {1} works on an incident record or a postmortem (under the {2} profile: {3} or {4}).',
        name,
        AuthoringCommandTitles.addTimelineEntry,
        profile.name,
        whereKindLives(profile, 'incident'),
        whereKindLives(profile, 'postmortem'),
      ),
    );
    return undefined;
  }
  const kind: DocumentKind =
    record.kind ?? kindFromContent(record.doc, profile, ['postmortem', 'incident']) ?? 'postmortem';
  const now = () => (deps.now ?? (() => new Date()))();
  const model = readIncident(record.doc, kind, profile);
  const date = model.date ? `${model.date.year}-${pad(model.date.month)}-${pad(model.date.day)}` : utcDate(now());

  // Say there is no Timeline before asking for the text, not after.
  const first = editFor(record.doc, kind, profile, now(), 'x');
  if (typeof first === 'string') {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0}: {1}', name, first));
    return undefined;
  }

  const args = readArgs(rawArgs, ['text'] as const);
  const typed =
    args?.text !== undefined
      ? args.text
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('{0} — {1}', AuthoringCommandTitles.addTimelineEntry, name),
          prompt: vscode.l10n.t(
            'What happened? It is logged at the current time (UTC); start with HH:MM to log it at another time on {0}, or with YYYY-MM-DD HH:MM.',
            date,
          ),
          placeHolder: vscode.l10n.t('e.g. Rolled back deploy 4f2a1c   or   14:32 Latency alert fired'),
          ignoreFocusOut: true,
          validateInput: (value) => {
            const input = parseTimelineInput(value, date, now());
            if (!input.ok) return value.trim() ? input.message : undefined;
            return {
              message: input.timed
                ? vscode.l10n.t('At {0}', displayTime(input.at))
                : vscode.l10n.t('At {0} (now)', displayTime(input.at)),
              severity: vscode.InputBoxValidationSeverity.Info,
            };
          },
        });
  // Enter on an empty box is a cancel, not a mistake to report.
  if (typed === undefined || typed.trim() === '') return undefined;
  const input = parseTimelineInput(typed, date, now());
  if (!input.ok) {
    void vscode.window.showErrorMessage(input.message);
    return undefined;
  }
  if (document.isClosed) return undefined;

  // Read the text again: it may have changed while the prompt was open.
  const current = deps.documents.modelOf(document);
  if (!current) return undefined;
  const edit = editFor(current, kind, profile, input.at, input.text);
  if (typeof edit === 'string') {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0}: {1}', name, edit));
    return undefined;
  }
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(document.uri, toVsRange(edit.range), edit.newText, {
    label: AuthoringCommandTitles.addTimelineEntry,
    needsConfirmation: false,
  });
  if (!(await vscode.workspace.applyEdit(workspaceEdit))) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        '{0}: the editor did not accept the change to {1}; nothing was changed.',
        AuthoringCommandTitles.addTimelineEntry,
        name,
      ),
    );
    return undefined;
  }
  const line = edit.range.start.line + (edit.newText.startsWith('\n') ? 1 : 0);
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
  if (editor) {
    const position = new vscode.Position(line, document.lineAt(Math.min(line, document.lineCount - 1)).text.length);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  deps.log.info(`Added a timeline entry at ${displayTime(input.at)} to ${name}, line ${line + 1}.`);
  return line;
}

/** Core's edit, or the message (for the author) why there is none. */
function editFor(
  doc: MarkdownDocument,
  kind: DocumentKind,
  profile: Profile,
  at: Date,
  text: string,
): TextEdit | string {
  try {
    return timelineEntryEdit(doc, kind, profile, at, text);
  } catch (e) {
    if (e instanceof TimelineEntryError) return e.message;
    throw e;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

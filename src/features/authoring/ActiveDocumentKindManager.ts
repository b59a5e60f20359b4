// Keeps the `incidentWorkbench:activeDocumentKind` context key on the active editor's document kind, for menus' `when` clauses.
import * as vscode from 'vscode';
import type { ProfileSource } from '../shared/profileSettings';
import type { WorkspaceDocuments } from '../shared/WorkspaceDocuments';
import { isMarkdown, kindOf } from './activeRecord';
import { ContextKeys } from '../../constants';

/** Owns the context key and the listeners that update it. */
export class ActiveDocumentKindManager implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private current: string | undefined;

  constructor(
    private readonly deps: {
      readonly profiles: ProfileSource;
      readonly documents: WorkspaceDocuments;
      readonly log: vscode.LogOutputChannel;
    },
    onDidChangeProfiles?: vscode.Event<void>,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      // The agent profile tells records from postmortems by their title, which a save may change.
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (d === vscode.window.activeTextEditor?.document) this.update();
      }),
    );
    if (onDidChangeProfiles) this.disposables.push(onDidChangeProfiles(() => this.update()));
    this.update();
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }

  private update(): void {
    let kind = '';
    const document = vscode.window.activeTextEditor?.document;
    if (document && isMarkdown(document)) {
      try {
        const profile = this.deps.profiles.profileFor(document.uri);
        // Over the size limit the layer gives no model and the folder alone decides.
        kind = kindOf(document.uri, profile, this.deps.documents.modelOf(document)) ?? '';
      } catch (e) {
        this.deps.log.error(
          `Could not tell the kind of ${document.uri.fsPath}: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    }
    if (kind === this.current) return;
    this.current = kind;
    void vscode.commands.executeCommand('setContext', ContextKeys.activeDocumentKind, kind);
  }
}

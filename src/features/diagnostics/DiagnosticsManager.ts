// Owns the diagnostic collection: lints incident documents on open and (debounced) on edit, clears on close and delete.
import * as vscode from 'vscode';
import { kindFromProfileFolders, lintModel, type Finding, type Profile } from '../../core';
import { DIAGNOSTIC_COLLECTION, DIAGNOSTIC_SOURCE, Settings } from '../../constants';
import type { SloDefinition } from '../../core/slo/types';
import type { WorkspaceFacts } from '../../core/rules/postmortemRequired';
import { splitByBaseline, type Baseline } from '../../core/lint/baseline';
import { splitLines } from '../../core/markdown/model';
import { toVsRange, toVsSeverity } from '../shared/convert';
import { formatSize } from '../shared/fileSizeLimit';
import { workspaceRelativePath, type ProfileSource } from '../shared/profileSettings';
import type { WorkspaceDocument, WorkspaceDocuments } from '../shared/WorkspaceDocuments';

/** What the manager needs from the extension. */
export interface DiagnosticsDeps {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  readonly profiles: ProfileSource;
  /** The one workspace-document layer: the text and model linted come from it. */
  readonly documents: WorkspaceDocuments;
  /** Fires when a configuration file changed what profile applies. */
  readonly onDidChangeProfiles: vscode.Event<void>;
  /** The SLOs of the document's workspace folder (for PM015). */
  readonly slosFor?: (uri: vscode.Uri) => readonly SloDefinition[];
  /** Fires when an SLO file changed. */
  readonly onDidChangeSlos?: vscode.Event<void>;
  /** True when the document's workspace folder has no SLO file (for PM016); undefined when not known yet. */
  readonly sloFileMissingFor?: (uri: vscode.Uri) => boolean | undefined;
  /** The postmortems of the document's workspace folder (for IN001); undefined when not needed or not read yet. */
  readonly workspaceFor?: (uri: vscode.Uri) => WorkspaceFacts | undefined;
  /** Fires when the workspace's postmortems changed. */
  readonly onDidChangeWorkspace?: vscode.Event<void>;
  /** The baseline of the document's workspace folder: the findings it holds are shown as hints. */
  readonly baselineFor?: (uri: vscode.Uri) => Baseline | undefined;
  /** Fires when a baseline changed. */
  readonly onDidChangeBaseline?: vscode.Event<void>;
  /**
   * The language server, when it lints open documents (VS Code syncs them to it): this manager then lints only the
   * documents the server does not (before it runs, in a second workspace folder, what "Lint All Incident Documents"
   * finds in documents that are not open), and drops those findings once the server lints the document.
   */
  readonly server?: {
    /** Whether the server lints `uri` now. */
    serves(uri: vscode.Uri): boolean;
    /** Fires when the server starts (it lints every open document then). */
    readonly onDidStart: vscode.Event<void>;
  };
}

/** While edits keep coming, the longest wait for findings, in debounce delays. */
const MAX_WAIT_DEBOUNCES = 2;

/** Lints documents and publishes their findings in the Problems panel. */
export class DiagnosticsManager implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_COLLECTION);
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** When the oldest edit not yet linted was made, per document: bounds the wait while typing goes on. */
  private readonly pendingSince = new Map<string, number>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(private readonly deps: DiagnosticsDeps) {
    if (deps.server) {
      const server = deps.server;
      // Once the server runs, what it lints leaves this collection (its own has the findings).
      this.disposables.push(
        server.onDidStart(() =>
          this.collection.forEach((uri) => {
            if (server.serves(uri)) this.collection.delete(uri);
          }),
        ),
      );
    }
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.lintNow(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((u) => this.forget(u))),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach((f) => this.forget(f.oldUri))),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(Settings.section)) this.lintAllOpen();
      }),
      deps.onDidChangeProfiles(() => this.lintAllOpen()),
      ...(deps.onDidChangeSlos ? [deps.onDidChangeSlos(() => this.lintAllOpen())] : []),
      ...(deps.onDidChangeWorkspace ? [deps.onDidChangeWorkspace(() => this.lintAllOpen())] : []),
      ...(deps.onDidChangeBaseline ? [deps.onDidChangeBaseline(() => this.lintAllOpen())] : []),
    );
    this.lintAllOpen();
  }

  /** The workspace-relative path and profile under which `uri` is linted, or undefined when it is not an incident document. */
  classify(uri: vscode.Uri): { relativePath: string; profile: Profile } | undefined {
    const relativePath = workspaceRelativePath(uri);
    if (relativePath === undefined) return undefined;
    const profile = this.deps.profiles.profileFor(uri);
    return kindFromProfileFolders(relativePath, profile) ? { relativePath, profile } : undefined;
  }

  /**
   * Lints the document at `uri` as the workspace-document layer read it (`read`: an open editor's, or the file's
   * through `documents.read`) and publishes the findings; returns them. A document over the size limit gets one
   * note instead; undefined for a document that is not an incident document.
   */
  publish(uri: vscode.Uri, read: (uri: vscode.Uri) => WorkspaceDocument | undefined): Finding[] | undefined {
    const target = this.classify(uri);
    if (!target || !this.enabled(uri)) {
      this.collection.delete(uri);
      return undefined;
    }
    const document = read(uri);
    if (!document) {
      const over = this.deps.documents.oversize(uri);
      if (over && !this.serverLints(uri)) this.collection.set(uri, [tooLargeDiagnostic(over.size, over.limit)]);
      else this.collection.delete(uri);
      return over ? [] : undefined;
    }
    const kind = document.kind ?? kindFromProfileFolders(document.path, document.profile);
    if (!kind) {
      this.collection.delete(uri);
      return undefined;
    }
    const findings = lintModel(document.doc, kind, document.profile, {
      path: document.path,
      slos: this.deps.slosFor?.(uri),
      sloFileMissing: this.deps.sloFileMissingFor?.(uri),
      workspace: this.deps.workspaceFor?.(uri),
    }).findings;
    const baseline = this.deps.baselineFor?.(uri);
    // Findings the baseline holds were there before the team adopted the tool: hints, not warnings.
    const old = baseline
      ? new Set(
          splitByBaseline(baseline, [
            { path: document.path, lines: splitLines(document.text), findings },
          ]).baselined.get(document.path),
        )
      : undefined;
    if (this.serverLints(uri)) this.collection.delete(uri);
    else
      this.collection.set(
        uri,
        findings.map((f) => this.toDiagnostic(f, old?.has(f))),
      );
    return [...findings];
  }

  /** Whether the language server publishes the findings of `uri`: it is open (synced to the server). */
  private serverLints(uri: vscode.Uri): boolean {
    return this.deps.server?.serves(uri) === true;
  }

  /** Lints every open document again (after a settings change), but those the language server lints. */
  lintAllOpen(): void {
    for (const doc of vscode.workspace.textDocuments) this.lintNow(doc);
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
    this.disposables.forEach((d) => d.dispose());
  }

  private enabled(uri: vscode.Uri): boolean {
    return vscode.workspace.getConfiguration(Settings.section, uri).get<boolean>(Settings.diagnosticsEnabled, true);
  }

  private isCandidate(doc: vscode.TextDocument): boolean {
    return doc.uri.scheme !== 'output' && (doc.languageId === 'markdown' || /\.(?:md|markdown)$/i.test(doc.uri.path));
  }

  private lintNow(doc: vscode.TextDocument): void {
    if (!this.isCandidate(doc)) return;
    if (this.serverLints(doc.uri)) return this.forget(doc.uri);
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.pendingSince.delete(key);
    try {
      this.publish(doc.uri, () => this.deps.documents.fromOpen(doc));
    } catch (e) {
      // A bug in a rule must never take the extension host down; say where it happened.
      this.deps.log.error(
        `Linting ${doc.uri.fsPath} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
    }
  }

  /**
   * Lints `doc` once edits pause for the debounce delay, but never later than
   * MAX_WAIT_DEBOUNCES delays after the first unlinted edit: findings keep up with someone
   * typing without a pause (a plain debounce would wait for them to stop).
   */
  private schedule(doc: vscode.TextDocument): void {
    if (!this.isCandidate(doc)) return;
    if (this.serverLints(doc.uri)) return this.forget(doc.uri);
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    const delay = vscode.workspace
      .getConfiguration(Settings.section, doc.uri)
      .get<number>(Settings.diagnosticsDebounceMs, 300);
    const now = Date.now();
    const since = this.pendingSince.get(key) ?? now;
    this.pendingSince.set(key, since);
    const wait = Math.max(0, Math.min(delay, since + delay * MAX_WAIT_DEBOUNCES - now));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (doc.isClosed) return;
        this.lintNow(doc);
      }, wait),
    );
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.pendingSince.delete(key);
    this.collection.delete(uri);
  }

  private toDiagnostic(finding: Finding, baselined = false): vscode.Diagnostic {
    const diagnostic = new vscode.Diagnostic(
      toVsRange(finding.range),
      finding.message,
      baselined ? vscode.DiagnosticSeverity.Hint : toVsSeverity(finding.severity),
    );
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = { value: finding.ruleId, target: ruleDocUri(this.deps.extensionUri, finding.ruleId) };
    return diagnostic;
  }
}

/** The rule's documentation page, shipped with the extension. */
export function ruleDocUri(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
}

/**
 * The one note a document over the size limit gets, at its first line. It has no source, so
 * the quick-fix provider (which lints on request) leaves it alone.
 */
function tooLargeDiagnostic(size: number, limit: number): vscode.Diagnostic {
  const message = vscode.l10n.t(
    'Incident Workbench did not lint this document: it is {0}, more than the {1} limit. Raise the setting "{2}" to lint it.',
    formatSize(size),
    formatSize(limit),
    `${Settings.section}.${Settings.diagnosticsMaxFileSize}`,
  );
  return new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Information);
}

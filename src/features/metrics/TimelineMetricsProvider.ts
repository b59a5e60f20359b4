// Shows time to detect, mitigate and recover and the duration on a postmortem's Timeline heading: a hover and a CodeLens.
import * as vscode from 'vscode';
import type { IncidentSummary } from '../../core/incident/summary';
import { timelineLensTitle, timelineMetricsMarkdown } from '../../core/metrics';
import { sectionByRole, SECTION_ROLES } from '../../core/postmortem/model';
import type { ProfileSource } from '../shared/profileSettings';
import type { WorkspaceDocuments } from '../shared/WorkspaceDocuments';
import { toVsRange } from '../shared/convert';
import { Commands } from '../../constants';

/** What the provider needs from the extension. */
export interface MetricsDeps {
  readonly profiles: ProfileSource;
  /** The documents' text, model and summary, by URI and version. */
  readonly documents: WorkspaceDocuments;
  /** Fires when something other than the document changes the lenses (profile, SLOs). */
  readonly onDidChange?: vscode.Event<void>;
  /** The language server gives the Timeline hover and CodeLens: only the section hover is provided here. */
  readonly serverProvidesTimeline?: boolean;
}

/** Computes the measures of postmortems and incident records (cached by URI and version) for the hover and the lens. */
export class TimelineMetricsProvider implements vscode.HoverProvider, vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [this.changed];
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly deps: MetricsDeps) {
    if (deps.onDidChange) {
      this.subscriptions.push(
        deps.onDidChange(() => {
          this.deps.documents.clear();
          this.changed.fire();
        }),
      );
    }
  }

  /** The summary of `document` when it is a postmortem or incident record with a Timeline section. */
  summaryOf(document: vscode.TextDocument): IncidentSummary | undefined {
    const entry = this.deps.documents.fromOpen(document);
    return entry?.kind === 'postmortem' || entry?.kind === 'incident' ? entry.summary : undefined;
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const summary = this.summaryOf(document);
    const heading = summary && timelineHeading(summary);
    if (!summary || !heading || heading.start.line !== position.line) return undefined;
    return new vscode.Hover(hoverText(summary), toVsRange(heading));
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const summary = this.summaryOf(document);
    const heading = summary && timelineHeading(summary);
    if (!summary || !heading) return [];
    const title = timelineLensTitle(summary);
    return [
      new vscode.CodeLens(toVsRange(heading), {
        title,
        tooltip: vscode.l10n.t(
          'Time to detect, mitigate and recover, and the duration, from this timeline. Click for the error budget.',
        ),
        command: Commands.showErrorBudget,
        arguments: [document.uri],
      }),
    ];
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
  }
}

function timelineHeading(summary: IncidentSummary) {
  return sectionByRole(summary.model, SECTION_ROLES.timeline)?.heading.range;
}

function hoverText(summary: IncidentSummary): vscode.MarkdownString {
  const md = new vscode.MarkdownString(timelineMetricsMarkdown(summary), true);
  md.isTrusted = false;
  return md;
}

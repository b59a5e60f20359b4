// Registers the Timeline hover and CodeLens with time to detect, mitigate and recover and the duration, and the hover saying which profile section a heading satisfies.
import * as vscode from 'vscode';
import { workspaceDocuments } from '../shared/documentSelector';
import { SectionMatchHoverProvider } from './SectionMatchHoverProvider';
import { TimelineMetricsProvider, type MetricsDeps } from './TimelineMetricsProvider';

export function register(_context: vscode.ExtensionContext, deps: MetricsDeps): vscode.Disposable {
  const markdown = workspaceDocuments('markdown');
  const sections = vscode.languages.registerHoverProvider(markdown, new SectionMatchHoverProvider(deps.documents));
  if (deps.serverProvidesTimeline) return sections;
  const provider = new TimelineMetricsProvider(deps);
  return vscode.Disposable.from(
    provider,
    vscode.languages.registerHoverProvider(markdown, provider),
    vscode.languages.registerCodeLensProvider(markdown, provider),
    sections,
  );
}

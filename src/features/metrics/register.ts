// Registers the Timeline hover and CodeLens with time to detect, mitigate and recover and the duration, and the hover saying which profile section a heading satisfies.
import * as vscode from 'vscode';
import { SectionMatchHoverProvider } from './SectionMatchHoverProvider';
import { TimelineMetricsProvider, type MetricsDeps } from './TimelineMetricsProvider';

const MARKDOWN: vscode.DocumentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'vscode-remote' },
  { language: 'markdown', scheme: 'vscode-vfs' },
];

export function register(_context: vscode.ExtensionContext, deps: MetricsDeps): vscode.Disposable {
  const provider = new TimelineMetricsProvider(deps);
  return vscode.Disposable.from(
    provider,
    vscode.languages.registerHoverProvider(MARKDOWN, provider),
    vscode.languages.registerCodeLensProvider(MARKDOWN, provider),
    vscode.languages.registerHoverProvider(MARKDOWN, new SectionMatchHoverProvider(deps.documents)),
  );
}

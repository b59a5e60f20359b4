// The chart pages' HTML (Show Trends, Show Error Budget): the same strict Content Security Policy as the wizard, one script with a nonce, local resources only.
import { escapeHtml, wizardContentSecurityPolicy } from './html';

/** What the page needs from the host: every value is a string the host computed (URIs already converted with `asWebviewUri`). */
export interface ChartsHtmlOptions {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** A fresh random nonce (`crypto.randomBytes`, base64) for the one script tag. */
  readonly nonce: string;
  /** `media/charts.js` as a webview URI. */
  readonly scriptUri: string;
  /** `media/charts.css` as a webview URI. */
  readonly styleUri: string;
  readonly title: string;
  /** The page's kind: the body is `data-webview="incident-<kind>"`, so tests and styles tell the pages apart. */
  readonly kind: 'trends' | 'budget';
}

/** The policy: nothing by default; the script only with the nonce; styles and images only from the extension. */
export function chartsContentSecurityPolicy(cspSource: string, nonce: string): string {
  return wizardContentSecurityPolicy(cspSource, nonce);
}

/** The whole page: an empty main the script fills from the host's message (no user text in the HTML). */
export function chartsHtml(options: ChartsHtmlOptions): string {
  const { cspSource, nonce, scriptUri, styleUri, title, kind } = options;
  if (kind !== 'trends' && kind !== 'budget') throw new Error('Unknown chart page kind.');
  for (const value of [scriptUri, styleUri]) {
    if (/["<>\s;]/.test(value))
      throw new Error('A chart page resource URI contains a character not allowed in an attribute.');
  }
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${chartsContentSecurityPolicy(cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${styleUri}">
<title>${escapeHtml(title)}</title>
</head>
<body class="iw-charts-page" data-webview="incident-${kind}">
<main id="charts" aria-busy="true"><p class="loading">${escapeHtml(title)}…</p></main>
<script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>
`;
}

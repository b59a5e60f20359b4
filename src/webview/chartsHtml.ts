// The chart pages' HTML (Show Trends, Show Error Budget): built by the one webview page builder (src/webview/html.ts): its strict policy, one script with a nonce, local resources only.
import { webviewPage } from './html';

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

/** The whole page: an empty main the script fills from the host's message (no user text in the HTML). */
export function chartsHtml(options: ChartsHtmlOptions): string {
  if (options.kind !== 'trends' && options.kind !== 'budget') throw new Error('Unknown chart page kind.');
  return webviewPage({
    ...options,
    webview: `incident-${options.kind}`,
    bodyClass: 'iw-charts-page',
    rootId: 'charts',
    loading: `${options.title}…`,
  });
}

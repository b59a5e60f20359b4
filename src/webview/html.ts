// The wizard webview's HTML page and Content Security Policy, built from plain strings so it can be tested without VS Code.

/** What the page needs from the host: every value is a string the host computed (URIs already converted with `asWebviewUri`). */
export interface WizardHtmlOptions {
  /** `webview.cspSource`: the origin local resources are served from. */
  readonly cspSource: string;
  /** A fresh random nonce (base64 or hex, at least 16 bytes of entropy) for the one script tag. */
  readonly nonce: string;
  /** The bundled wizard script (`media/wizard.js`) as a webview URI. */
  readonly scriptUri: string;
  /** The wizard's style sheet (`media/wizard.css`) as a webview URI. */
  readonly styleUri: string;
  /** The page title (the panel's title). */
  readonly title: string;
}

/** Characters a nonce may contain: base64 and hex only, so it can never close the attribute or the policy. */
const NONCE = /^[A-Za-z0-9+/=_-]{16,}$/;

/**
 * The Content Security Policy of the wizard page: nothing is allowed by default; scripts only
 * with the nonce; styles, images and fonts only from the extension's own resources. No
 * `unsafe-inline`, no `unsafe-eval`, no network.
 */
export function wizardContentSecurityPolicy(cspSource: string, nonce: string): string {
  assertNonce(nonce);
  assertAttributeSafe('cspSource', cspSource);
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
  ].join('; ');
}

/** One webview page as every panel writes it: what differs between the wizard and the chart pages. */
export interface WebviewPageOptions {
  /** `webview.cspSource`: the origin local resources are served from. */
  readonly cspSource: string;
  /** A fresh random nonce (base64 or hex, at least 16 bytes of entropy) for the one script tag. */
  readonly nonce: string;
  /** The page's script as a webview URI. */
  readonly scriptUri: string;
  /** The page's style sheet as a webview URI. */
  readonly styleUri: string;
  /** The page title (escaped here). */
  readonly title: string;
  /** The body's `data-webview` name, so tests and styles tell the pages apart. */
  readonly webview: string;
  /** A class for the body, if any. */
  readonly bodyClass?: string;
  /** The root element's id, which the script fills. */
  readonly rootId: string;
  /** The text shown until the script has run (escaped here). */
  readonly loading: string;
}

/**
 * The one HTML builder of the webview pages: the CSP meta tag first, the style sheet, an empty root the script
 * fills, and the one script tag with the nonce. It holds no user text but the title: data arrives by message.
 */
export function webviewPage(options: WebviewPageOptions): string {
  const { cspSource, nonce, scriptUri, styleUri, title, webview, bodyClass, rootId, loading } = options;
  for (const [name, value] of Object.entries({ scriptUri, styleUri, webview, rootId, bodyClass: bodyClass ?? '' }))
    assertAttributeSafe(name, value);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${wizardContentSecurityPolicy(cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${styleUri}">
<title>${escapeHtml(title)}</title>
</head>
<body${bodyClass ? ` class="${bodyClass}"` : ''} data-webview="${webview}">
<main id="${rootId}" aria-busy="true"><p class="loading">${escapeHtml(loading)}</p></main>
<script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>
`;
}

/** The wizard's page. */
export function wizardHtml(options: WizardHtmlOptions): string {
  return webviewPage({
    ...options,
    webview: 'incident-wizard',
    rootId: 'wizard',
    loading: 'Loading the incident wizard…',
  });
}

/** Escapes text for an HTML text node or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );
}

function assertNonce(nonce: string): void {
  if (!NONCE.test(nonce)) throw new Error('The webview nonce must be at least 16 base64 or hex characters.');
}

function assertAttributeSafe(name: string, value: string): void {
  if (/["<>\s;]/.test(value) && name !== 'cspSource')
    throw new Error(`The webview ${name} contains a character not allowed in an attribute.`);
  if (/["<>;]/.test(value)) throw new Error(`The webview ${name} contains a character not allowed in the policy.`);
}

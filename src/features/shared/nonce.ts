// The nonce of a webview page's Content-Security-Policy, from the Web Crypto API (Node and the web worker alike).

/** 18 random bytes, base64: a fresh nonce for one page. */
export function newNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

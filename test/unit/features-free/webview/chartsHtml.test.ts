import * as assert from 'node:assert/strict';
import { chartsHtml } from '../../../../src/webview/chartsHtml';
import { chartsWebviewMessageSchema } from '../../../../src/webview/chartsProtocol';

const NONCE = 'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2';
const options = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: NONCE,
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/charts.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/charts.css',
  title: 'Incident Trends',
  kind: 'trends' as const,
};

describe('the chart pages (src/webview/chartsHtml.ts)', () => {
  it('has a CSP that denies everything by default and runs only the nonce-tagged script', () => {
    const html = chartsHtml(options);
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
    assert.match(policy, /^default-src 'none'; /);
    assert.match(policy, new RegExp(`script-src 'nonce-${NONCE}'`));
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|https?:\/\/(?!file\+)/);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, [`<script nonce="${NONCE}" src="${options.scriptUri}">`]);
    assert.match(html, /<body class="iw-charts-page" data-webview="incident-trends">/);
    assert.match(
      html,
      /<link rel="stylesheet" href="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/media\/charts\.css">/,
    );
  });

  it('refuses a short nonce and a resource URI that would break out of its attribute', () => {
    assert.throws(() => chartsHtml({ ...options, nonce: 'abc' }), /nonce/);
    assert.throws(() => chartsHtml({ ...options, scriptUri: 'x" onload="alert(1)' }), /not allowed/);
  });

  it('escapes the title and puts no other text in the page', () => {
    const html = chartsHtml({ ...options, title: '<img src=x onerror=alert(1)>' });
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /<title>&lt;img src=x onerror=alert\(1\)&gt;<\/title>/);
  });

  it('accepts only the page messages it knows', () => {
    assert.ok(chartsWebviewMessageSchema.safeParse({ type: 'ready' }).success);
    assert.ok(chartsWebviewMessageSchema.safeParse({ type: 'openText' }).success);
    assert.ok(!chartsWebviewMessageSchema.safeParse({ type: 'openText', path: '/etc/passwd' }).success);
    assert.ok(!chartsWebviewMessageSchema.safeParse({ type: 'eval' }).success);
  });
});

import * as assert from 'node:assert/strict';
import { escapeHtml, wizardContentSecurityPolicy, wizardHtml } from '../../../../src/webview/html';

const NONCE = 'q1w2e3r4t5y6u7i8o9p0aAbBcCdD';
const options = {
  cspSource: "'self' https://*.vscode-cdn.net",
  nonce: NONCE,
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/wizard.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/wizard.css',
  title: 'Incident Wizard',
};

/** The directives of the page's CSP meta tag, by name. */
function policyOf(html: string): Map<string, string> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  assert.ok(content, 'the page has a CSP meta tag');
  return new Map(
    content
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
  );
}

describe('the wizard page (src/webview/html.ts)', () => {
  it("denies everything by default and allows scripts only with the page's nonce", () => {
    const policy = policyOf(wizardHtml(options));
    assert.equal(policy.get('default-src'), "'none'");
    assert.equal(policy.get('script-src'), `'nonce-${NONCE}'`);
    assert.equal(policy.get('style-src'), options.cspSource);
    assert.equal(policy.get('img-src'), options.cspSource);
    assert.equal(policy.get('font-src'), options.cspSource);
    assert.deepEqual([...policy.keys()].sort(), ['default-src', 'font-src', 'img-src', 'script-src', 'style-src']);
    for (const value of policy.values()) assert.doesNotMatch(value, /unsafe-inline|unsafe-eval|\*\s*$|data:/);
  });

  it('has exactly one script tag, carrying the nonce, and no inline script or event handler', () => {
    const html = wizardHtml(options);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, [`<script nonce="${NONCE}" src="${options.scriptUri}">`]);
    assert.match(html, /<script[^>]*><\/script>/, 'the script tag is empty');
    assert.doesNotMatch(html, /\son[a-z]+=/i);
    assert.doesNotMatch(html, /<style\b|\sstyle=/i);
  });

  it('puts the policy before the style sheet and the script', () => {
    const html = wizardHtml(options);
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<link rel="stylesheet"'));
    assert.ok(html.indexOf('<link rel="stylesheet"') < html.indexOf('<script'));
  });

  it('escapes the title and refuses values that could break out of an attribute or the policy', () => {
    assert.match(
      wizardHtml({ ...options, title: '<img src=x onerror=alert(1)> & "x"' }),
      /<title>&lt;img src=x onerror=alert\(1\)&gt; &amp; &quot;x&quot;<\/title>/,
    );
    assert.throws(() => wizardHtml({ ...options, nonce: 'short' }), /nonce/);
    assert.throws(() => wizardHtml({ ...options, nonce: `${NONCE}" onload="x` }), /nonce/);
    assert.throws(() => wizardHtml({ ...options, scriptUri: 'https://x/a.js" onload="alert(1)' }), /scriptUri/);
    assert.throws(() => wizardContentSecurityPolicy("'self'; script-src *", NONCE), /cspSource/);
  });

  it('escapes the five HTML special characters', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

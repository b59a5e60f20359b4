import * as assert from 'node:assert/strict';
import { classifyLink } from '../../../../src/webview/links';

const FROM = 'docs/postmortems/2026-04-02-checkout-502.md';

describe('links clicked in the wizard preview (src/webview/links.ts)', () => {
  it('opens http and https links as web pages', () => {
    assert.deepEqual(classifyLink('https://status.example.com/incidents/1', FROM), {
      kind: 'web',
      url: 'https://status.example.com/incidents/1',
    });
    assert.deepEqual(classifyLink('HTTP://example.com', FROM), { kind: 'web', url: 'http://example.com/' });
  });

  it('resolves relative paths against the postmortem folder and keeps them inside the workspace', () => {
    assert.deepEqual(classifyLink('../runbooks/checkout-api-high-error-rate.md', FROM), {
      kind: 'file',
      path: 'docs/runbooks/checkout-api-high-error-rate.md',
    });
    assert.deepEqual(classifyLink('./other%20file.md#timeline', FROM), {
      kind: 'file',
      path: 'docs/postmortems/other file.md',
    });
    assert.equal(classifyLink('../../../etc/passwd', FROM).kind, 'refused');
    assert.equal(classifyLink('/etc/passwd', FROM).kind, 'refused');
  });

  it('refuses every other scheme, fragments and empty links', () => {
    for (const href of [
      'file:///etc/passwd',
      'command:workbench.action.terminal.new',
      'javascript:alert(1)',
      'vscode://x',
      'data:text/html,x',
      'JaVaScRiPt:alert(1)',
      '#section',
      '  ',
      'https://[bad',
    ]) {
      assert.equal(classifyLink(href, FROM).kind, 'refused', href);
    }
  });
});

import * as assert from 'node:assert/strict';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import { runbookSkeletons, suggestRunbooks } from '../../../../src/core/wizard';
import { emptyDraft } from '../../../../src/webview/protocol';

const harness = findProfile('harness') as Profile;

describe('wizard runbooks', () => {
  it("suggests updating a service's runbooks and creating one for a service without any", () => {
    const known = [
      {
        service: 'checkout-api',
        failureMode: 'pool-exhaustion',
        path: 'docs/runbooks/checkout-api-pool-exhaustion.md',
      },
      { service: 'search', failureMode: 'slow-queries', path: 'docs/runbooks/search-slow-queries.md' },
    ];
    assert.deepEqual(suggestRunbooks(known, ['Checkout API', 'payments', 'payments', ' ']), [
      {
        service: 'checkout-api',
        failureMode: 'pool-exhaustion',
        action: 'update',
        path: 'docs/runbooks/checkout-api-pool-exhaustion.md',
      },
      { service: 'payments', failureMode: '', action: 'create' },
    ]);
  });

  it("writes a skeleton for each runbook to create, in the profile's runbook folder", () => {
    const draft = emptyDraft();
    draft.document.runbooks = [
      { service: 'checkout-api', failureMode: 'pool exhaustion', action: 'create' },
      {
        service: 'search',
        failureMode: 'slow queries',
        action: 'update',
        path: 'docs/runbooks/search-slow-queries.md',
      },
      { service: '', failureMode: 'nameless', action: 'create' },
    ];
    const skeletons = runbookSkeletons(harness, draft, '2026-03-16');
    assert.deepEqual(
      skeletons.map((s) => s.path),
      ['docs/runbooks/checkout-api-pool-exhaustion.md'],
    );
    const doc = parseMarkdown(skeletons[0].text);
    assert.equal(doc.title?.text, 'Runbook: checkout-api pool exhaustion');
    assert.deepEqual(
      doc.sections.filter((s) => s.heading.level === 2).map((s) => s.heading.text),
      harness.documents.runbook!.sections.map((s) => s.title),
    );
  });
});

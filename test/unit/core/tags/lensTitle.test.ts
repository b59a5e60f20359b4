import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import { summarizeIncident } from '../../../../src/core/incident/summary';
import { incidentLensTitle } from '../../../../src/core/tags';

const harness = findProfile('harness') as Profile;
const sample = path.resolve(__dirname, '../../../../../examples/acme-shop');
const read = (rel: string) => readFileSync(path.join(sample, rel), 'utf8');

describe('incident summaries in tag CodeLenses', () => {
  it('summarises the sample SEV2 postmortem: title without the kind, severity, date, status, summary, root cause, action items', () => {
    const rel = 'docs/postmortems/2026-03-15-user-service-timeout.md';
    const s = summarizeIncident({ path: rel, text: read(rel), profile: harness });
    assert.equal(s.kind, 'postmortem');
    assert.equal(s.title, 'User service timeouts on preferences endpoint');
    assert.deepEqual([s.severity, s.dateText, s.status], ['SEV2', '2026-03-15', 'Resolved']);
    assert.match(s.summary ?? '', /^On 2026-03-15 between 14:28 and 15:19 UTC, about 40% of requests/);
    assert.ok((s.summary ?? '').endsWith('…') && (s.summary ?? '').length <= 600, 'cut at 600 characters');
    assert.match(s.rootCause ?? '', /^Commit `7d3e91a` .* instead of one indexed lookup\.$/);
    assert.deepEqual([s.actionItemCounts?.total, s.actionItemCounts?.done], [6, 2]);
    assert.equal(incidentLensTitle(s), 'Postmortem: User service timeouts on preferences endpoint (SEV2, 2026-03-15)');
  });

  it('says when a draft has no root cause yet', () => {
    const rel = 'docs/postmortems/2026-03-20-payment-service-crashloop.md';
    const s = summarizeIncident({ path: rel, text: read(rel), profile: harness });
    assert.equal(incidentLensTitle(s), 'Postmortem: Payment service crash loop (SEV1, 2026-03-20)');
    assert.equal(s.rootCause, undefined);
    assert.deepEqual([s.actionItemCounts?.total, s.actionItemCounts?.done], [4, 1]);
  });

  it('takes the first paragraph only, skipping tables, and falls back to the file name without a title', () => {
    const text = [
      '**Severity:** SEV3',
      '',
      '## Summary',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      'First line',
      'second line.',
      '',
      'Next paragraph.',
      '',
      '## Action Items',
      '- [x] done (owner: @a, due: 2026-04-01)',
      '- [ ] open (owner: @b, due: 2026-04-02)',
    ].join('\n');
    const s = summarizeIncident({ path: 'docs/incidents/2026-04-01-api.md', text: text, profile: harness });
    assert.deepEqual(
      [s.kind, s.kindLabel, s.title, s.summary, s.severity],
      ['incident', 'Incident', '2026-04-01-api', 'First line second line.', 'SEV3'],
    );
    // The file name dates it, as it dates the document in the trees and the index.
    assert.equal(incidentLensTitle(s), 'Incident: 2026-04-01-api (SEV3, 2026-04-01)');
  });
});

import * as assert from 'node:assert/strict';
import { summarizeIncident } from '../../../../src/core/incident/summary';
import { previewDecorations, previewHeaderHtml } from '../../../../src/core/metrics';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import { parseSloFile } from '../../../../src/core/slo';
import { CLEAN_POSTMORTEM } from '../../../fixtures/documents';

const harness = findProfile('harness') as Profile;
const slos = parseSloFile('slos:\n  - {service: checkout, objective: 99.9, window: 30d}\n').slos;

describe('previewDecorations', () => {
  const summary = summarizeIncident({
    path: 'docs/postmortems/2026-03-15-checkout-latency.md',
    text: CLEAN_POSTMORTEM.replace('**Status:** Resolved', '**Status:** Resolved\n**Affected requests:** 40%'),
    profile: harness,
  });

  it('gives the severity badge, the measures and the budget consumed', () => {
    const d = previewDecorations(summary, { today: { year: 2026, month: 3, day: 25 }, slos });
    assert.deepEqual(d.badge, {
      text: 'SEV2 · Major',
      rank: 2,
      detail: 'Major feature degradation affecting a significant subset of users.',
    });
    // 51 min × 40% = 20.4 of 43.2 minutes = 47.2%.
    assert.deepEqual(
      d.strip.map((s) => `${s.label}: ${s.value}`),
      ['Time to detect: 4 min', 'Time to recover: 47 min', 'Duration: 51 min', 'Budget (checkout): 47.2%'],
    );
    assert.equal(d.strip[3].detail, '20.4 min of 43.2 min (99.9% over 30 days (rolling)).');
    assert.deepEqual(d.notes, []);
  });

  it('marks open action items past their due date, not done ones or future ones', () => {
    // Items due 2026-03-22 (line 35) and 2026-03-29 (line 36), both open.
    const lines = summary.model.actionItems?.items.map((i) => i.line);
    assert.deepEqual(previewDecorations(summary, { today: { year: 2026, month: 3, day: 25 } }).overdue, [
      { line: lines?.[0], due: '2026-03-22' },
    ]);
    assert.deepEqual(previewDecorations(summary, { today: { year: 2026, month: 3, day: 22 } }).overdue, []);
  });

  it('states the full-outage assumption when no affected fraction is given', () => {
    const plain = summarizeIncident({
      path: 'docs/postmortems/2026-03-15-checkout-latency.md',
      text: CLEAN_POSTMORTEM,
      profile: harness,
    });
    const d = previewDecorations(plain, { today: { year: 2026, month: 3, day: 1 }, slos });
    // 51 of 43.2 minutes.
    assert.deepEqual([d.strip[3].value, d.strip[3].tone], ['118.1%', 'warning']);
    assert.match(d.notes[0], /^Budget: no affected fraction stated/);
  });

  it('renders escaped HTML with theme classes and nothing remote', () => {
    const html = previewHeaderHtml({
      badge: { text: 'SEV<1>', rank: 1, detail: 'a "b"' },
      strip: [{ label: 'Duration', value: '—', detail: 'Not computable.', tone: 'muted' }],
      notes: ['x & y'],
      overdue: [],
    });
    assert.equal(
      html,
      '<div class="iw-header"><span class="iw-badge iw-sev-1" title="a &quot;b&quot;">SEV&lt;1&gt;</span><dl class="iw-metrics"><div class="iw-metric iw-muted" title="Not computable."><dt>Duration</dt><dd>—</dd></div></dl><p class="iw-note">x &amp; y</p></div>\n',
    );
    assert.doesNotMatch(html, /https?:|src=/);
  });
});

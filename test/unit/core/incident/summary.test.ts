import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { summarizeIncident, type IncidentSummary } from '../../../../src/core/incident/summary';
import { TITLE_PREFIX } from '../../../../src/core/incident/title';
import { indexEntries } from '../../../../src/core/incidentIndex/indexFile';
import { lintText } from '../../../../src/core/lint/lint';
import { kindFromProfileFolders } from '../../../../src/core/lint/documentKind';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { previewDecorations } from '../../../../src/core/metrics/preview';
import { DATE_ORDER } from '../../../../src/core/postmortem/incidentDate';
import { BUILT_IN_PROFILES as PROFILES, findProfile } from '../../../../src/core/profiles';
import type { Profile } from '../../../../src/core/profiles/types';
import { incidentLensTitle } from '../../../../src/core/tags';
import { renderDocument } from '../../../../src/core/templates/templates';
import { groupIncidents, incidentDescription, incidentItem, incidentLabel } from '../../../../src/core/trees/model';

const harness = findProfile('harness') as Profile;
const ROOT = path.resolve(__dirname, '../../../../..');
const SAMPLE = path.join(ROOT, 'examples', 'acme-shop');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'postmortems');

const TIMELINE = ['## Timeline', '', '- 14:00 UTC errors began', '- 14:10 UTC alert fired', '- 14:40 UTC resolved', ''];

function summary(text: string, file = 'docs/postmortems/checkout.md', profile: Profile = harness): IncidentSummary {
  return summarizeIncident({ path: file, text, profile });
}

describe('summarizeIncident: one summary of an incident document', () => {
  describe('reads the date from each place, in DATE_ORDER', () => {
    const cases: Array<{ source: string; text: string; file?: string; date: string }> = [
      {
        source: 'front-matter',
        text: '---\ndate: 2026-01-05\n---\n# Checkout 2026-02-06\n\n**Date:** 2026-03-07\n',
        file: 'docs/postmortems/2026-04-08-x.md',
        date: '2026-01-05',
      },
      {
        source: 'field',
        text: '# Checkout 2026-02-06\n\n**Date:** 2026-03-07\n',
        file: 'docs/postmortems/2026-04-08-x.md',
        date: '2026-03-07',
      },
      {
        source: 'field',
        text: '# Checkout\n\n| Field | Value |\n|---|---|\n| Incident date | 9 Mar 2026 |\n',
        date: '2026-03-09',
      },
      {
        source: 'title',
        text: '# Checkout outage 2026-02-06\n',
        file: 'docs/postmortems/2026-04-08-x.md',
        date: '2026-02-06',
      },
      {
        source: 'file-name',
        text: '# Checkout outage\n\nSeverity: SEV2.\n',
        file: 'docs/postmortems/2026-04-08-checkout.md',
        date: '2026-04-08',
      },
      {
        source: 'timeline',
        text: [
          '# Checkout outage',
          '',
          '## Timeline',
          '',
          '- 2026-05-09 14:00 UTC errors began',
          '- 14:10 UTC alert fired',
          '',
        ].join('\n'),
        date: '2026-05-09',
      },
    ];
    for (const c of cases) {
      it(`from the ${c.source}${c.file ? ` (with ${path.basename(c.file)})` : ''}: ${c.date}`, () => {
        const s = summary(c.text, c.file);
        assert.deepEqual([s.dateText, s.dateSource], [c.date, c.source]);
      });
    }

    it('writes the order down once, file name before the first timeline event', () => {
      assert.deepEqual(DATE_ORDER, ['front-matter', 'field', 'title', 'file-name', 'timeline']);
    });

    it('has no date when no place gives one, and then dates no timeline', () => {
      const s = summary(['# Checkout', '', ...TIMELINE].join('\n'));
      assert.deepEqual([s.date, s.dateText, s.dateSource], [undefined, '', undefined]);
    });

    it('dates the timeline from the file name, so the measures are anchored to that day', () => {
      const s = summary(['# Checkout', '', ...TIMELINE].join('\n'), 'docs/postmortems/2026-04-08-checkout.md');
      assert.equal(s.metrics.duration.minutes, 40);
      assert.equal(s.metrics.milestones.start?.entry.minutes, Date.UTC(2026, 3, 8, 14, 0) / 60_000);
    });
  });

  describe('reads the severity in each form, as PM011 does', () => {
    const cases: Array<{ form: string; text: string; severity: string | undefined; rank: number | undefined }> = [
      { form: 'a bold label', text: '**Severity:** SEV2', severity: 'SEV2', rank: 1 },
      { form: 'front matter', text: '---\nseverity: sev-1\n---', severity: 'SEV1', rank: 0 },
      { form: 'a table row', text: '| Field | Value |\n|---|---|\n| Severity | SEV3 |', severity: 'SEV3', rank: 2 },
      { form: 'a preamble line', text: 'Severity: SEV4', severity: 'SEV4', rank: 3 },
      {
        form: 'a sentence "Severity: SEV2."',
        text: '## Summary\n\nCheckout failed for a fifth of users. Severity: SEV2.',
        severity: 'SEV2',
        rank: 1,
      },
      {
        form: 'a sentence "Severity: SEV2 (major ...)"',
        text: '## Summary\n\nSeverity: SEV2 (major degradation, 40% of requests timing out)',
        severity: 'SEV2',
        rank: 1,
      },
      {
        form: 'a sentence "a SEV1 incident"',
        text: '## Summary\n\nThis was declared a SEV1 incident at 14:05.',
        severity: 'SEV1',
        rank: 0,
      },
      { form: 'a value outside the scale', text: '**Severity:** Huge', severity: 'Huge', rank: undefined },
      {
        form: 'nowhere',
        text: '## Summary\n\nCheckout failed for a fifth of users.',
        severity: undefined,
        rank: undefined,
      },
    ];
    for (const c of cases) {
      it(`in ${c.form}: ${c.severity ?? 'none'}`, () => {
        const text = c.text.startsWith('---') ? `${c.text}\n# Checkout\n` : `# Checkout\n\n${c.text}\n`;
        const s = summary(text);
        assert.deepEqual([s.severity, s.severityRank], [c.severity, c.rank]);
        const noSeverity = lintText(text, 'postmortem', harness, {
          path: 'docs/postmortems/checkout.md',
        }).findings.filter((f) => f.ruleId === 'PM011' && /states no severity/.test(f.message));
        assert.equal(
          noSeverity.length,
          c.severity === undefined ? 1 : 0,
          'PM011 says "no severity" exactly when the summary has none',
        );
      });
    }
  });

  describe('reads the title without a kind prefix', () => {
    const cases: Array<[string, string]> = [
      ['# Postmortem: Checkout latency', 'Checkout latency'],
      ['# PIR: Checkout latency', 'Checkout latency'],
      ['# Post-mortem — Checkout latency', 'Checkout latency'],
      ['# Incident report - Checkout latency', 'Checkout latency'],
      ['# RCA: Checkout latency', 'Checkout latency'],
      ['# Checkout latency', 'Checkout latency'],
      ['# Postmortem:', 'checkout'],
      ['No title here.', 'checkout'],
    ];
    for (const [heading, title] of cases) {
      it(`"${heading}" → "${title}"`, () => assert.equal(summary(`${heading}\n`).title, title));
    }
    it('strips with one pattern', () => assert.ok(TITLE_PREFIX.test('PIR: X') && !TITLE_PREFIX.test('Pirates: X')));
  });

  it('reads status, services, root cause and action items with their state', () => {
    const text = [
      '# Postmortem: Checkout',
      '',
      '**Date:** 2026-03-15',
      '**Status:** Resolved',
      '**Services:** checkout-api, payments',
      '',
      '## Root Cause',
      '',
      'A missing index on `orders.user_id`.',
      '',
      '## Action Items',
      '',
      '- [x] Add the index (owner: @db, due: 2026-03-20)',
      '- [ ] [P0] Alert on slow queries (owner: @sre, due: 2026-03-25)',
      '',
    ].join('\n');
    const s = summary(text);
    assert.equal(s.status, 'Resolved');
    assert.deepEqual(s.services, ['checkout-api', 'payments']);
    assert.equal(s.service, 'checkout-api');
    assert.equal(s.rootCause, 'A missing index on `orders.user_id`.');
    assert.deepEqual(s.actionItemCounts, { total: 2, open: 1, done: 1, p0: 1 });
    assert.deepEqual(
      s.actionItems.map((i) => [i.done, i.owner, i.dueText, i.p0]),
      [
        [true, '@db', '2026-03-20', false],
        [false, '@sre', '2026-03-25', true],
      ],
    );
  });

  it('is computed once per parsed document, path, kind and profile', () => {
    const doc = parseMarkdown('# Checkout\n\n**Severity:** SEV2\n');
    const a = summarizeIncident({ path: 'docs/postmortems/a.md', doc, profile: harness });
    assert.equal(summarizeIncident({ path: 'docs/postmortems/a.md', doc, profile: harness }), a);
    assert.notEqual(summarizeIncident({ path: 'docs/postmortems/2026-01-01-a.md', doc, profile: harness }), a);
    assert.equal(
      summarizeIncident({ path: 'docs/postmortems/a.md', doc, profile: harness, kind: 'incident' }).kind,
      'incident',
    );
  });
});

/** What each consumer shows of a summary's date, title and severity. */
function projections(s: IncidentSummary): Record<string, { date: string; title: string; severity: string }> {
  const item = incidentItem(s, `file:///w/${s.path}`);
  const yearGroup = groupIncidents([item], 'year')[0];
  const severityGroup = groupIncidents([item], 'severity')[0];
  const description = incidentDescription(item).split(' · ');
  const entry = indexEntries([s])[0];
  const lens = /^(?:Postmortem|Incident|Runbook): (.*?)(?: \(([^,)]*)(?:, (\d{4}-\d{2}-\d{2}))?\))?$/.exec(
    incidentLensTitle(s),
  );
  const lensFacts = [lens?.[2], lens?.[3]].filter((f): f is string => Boolean(f));
  const badge = previewDecorations(s, { today: { year: 2026, month: 12, day: 1 } }).badge;
  return {
    tree: {
      date: yearGroup.label === 'No date' ? '' : description[0],
      title: incidentLabel(item),
      severity: severityGroup.label === 'No severity' ? '' : severityGroup.label,
    },
    index: { date: entry.date ?? '', title: entry.title, severity: entry.severity ?? '' },
    codeLens: {
      date: lensFacts.find((f) => /^\d{4}-/.test(f)) ?? '',
      title: lens?.[1] ?? '',
      severity: lensFacts.find((f) => !/^\d{4}-\d{2}-\d{2}$/.test(f)) ?? '',
    },
    preview: { date: s.dateText, title: s.title, severity: badge ? badge.text.split(' · ')[0] : '' },
  };
}

function assertAgree(s: IncidentSummary, where: string): void {
  const expected = { date: s.dateText, title: s.title, severity: s.severity ?? '' };
  for (const [consumer, seen] of Object.entries(projections(s)))
    assert.deepEqual(seen, expected, `${consumer} on ${where}`);
  if (s.date)
    assert.equal(
      groupIncidents([incidentItem(s, 'u')], 'year')[0].label,
      String(s.date.year),
      `year group of ${where}`,
    );
}

describe('every view projects the same date, title and severity', () => {
  it('on the sample workspace', () => {
    const folder = path.join(SAMPLE, 'docs', 'postmortems');
    const files = readdirSync(folder).filter((f) => f.endsWith('.md'));
    assert.ok(files.length >= 2);
    for (const file of files) {
      const rel = `docs/postmortems/${file}`;
      const s = summary(readFileSync(path.join(folder, file), 'utf8'), rel);
      assert.ok(s.dateText && s.severity, `${rel} has a date and a severity`);
      assertAgree(s, rel);
    }
  });

  it('on the corpus postmortems', function () {
    if (!existsSync(CORPUS)) this.skip();
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.md'));
    for (const file of files) {
      for (const profile of [harness, ...PROFILES.filter((p) => p !== harness).slice(0, 1)]) {
        assertAgree(
          summary(readFileSync(path.join(CORPUS, file), 'utf8'), `docs/postmortems/${file}`, profile),
          `${file} (${profile.name})`,
        );
      }
    }
  });

  it('on new postmortems of every profile, and on documents dated and rated in every form', () => {
    for (const profile of PROFILES) {
      if (!profile.documents.postmortem) continue;
      const severity = profile.severities[1]?.id;
      const text = renderDocument(profile, 'postmortem', { title: 'Checkout latency', date: '2026-05-02', severity });
      const s = summary(text, 'docs/postmortems/2026-05-02-checkout-latency.md', profile);
      assert.equal(s.dateText, '2026-05-02', profile.name);
      assertAgree(s, `new ${profile.name} postmortem`);
    }
    const dates = ['', '**Date:** 2026-03-07\n', '---\ndate: 2026-01-05\n---\n'];
    const severities = [
      '',
      '**Severity:** SEV3\n',
      '## Summary\n\nSeverity: SEV2.\n',
      '## Summary\n\nA SEV1 incident.\n',
    ];
    for (const [i, date] of dates.entries()) {
      for (const [j, sev] of severities.entries()) {
        const text = date.startsWith('---')
          ? `${date}# PIR: Case ${i}${j}\n\n${sev}`
          : `# PIR: Case ${i}${j}\n\n${date}${sev}`;
        for (const file of ['docs/postmortems/2026-04-08-case.md', 'docs/postmortems/case.md'])
          assertAgree(summary(text, file), `${JSON.stringify(text)} at ${file}`);
      }
    }
  });

  it("on the issue's workspace: harness postmortems named by date, severity stated in a sentence", () => {
    const docs = ['checkout-errors', 'search-slow', 'login-loop'].map((slug, i) => ({
      path: `docs/postmortems/2026-0${i + 1}-1${i}-${slug}.md`,
      text: `# Postmortem: ${slug}\n\n## Summary\n\nUsers saw errors for forty minutes. Severity: SEV${i + 1}.\n\n${TIMELINE.join('\n')}`,
    }));
    const summaries = docs.map((d) => summary(d.text, d.path));
    assert.deepEqual(
      summaries.map((s) => [s.dateText, s.dateSource, s.severity, s.severityRank]),
      [
        ['2026-01-10', 'file-name', 'SEV1', 0],
        ['2026-02-11', 'file-name', 'SEV2', 1],
        ['2026-03-12', 'file-name', 'SEV3', 2],
      ],
    );
    assert.deepEqual(
      groupIncidents(
        summaries.map((s) => incidentItem(s, s.path)),
        'year',
      ).map((g) => [g.label, g.items.length]),
      [['2026', 3]],
    );
    for (const [i, d] of docs.entries()) {
      assertAgree(summaries[i], d.path);
      assert.equal(kindFromProfileFolders(d.path, harness), 'postmortem');
      const pm011 = lintText(d.text, 'postmortem', harness, { path: d.path }).findings.filter(
        (f) => f.ruleId === 'PM011',
      );
      assert.deepEqual(pm011, [], `no PM011 on ${d.path}`);
    }
  });
});

import * as assert from 'node:assert/strict';
import { summarizeIncident } from '../../../../src/core/incident/summary';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import {
  attributeServices,
  budgetJson,
  budgetMinutes,
  budgetReport,
  parseSloFile,
  periodAt,
  readAffected,
  type SloDefinition,
  type SloWindow,
} from '../../../../src/core/slo';

const harness = findProfile('harness') as Profile;
const minutes = (iso: string) => Date.parse(`${iso}Z`) / 60_000;
const slo = (objective: number, window: SloWindow): SloDefinition => ({
  name: 's',
  service: 's',
  objective,
  window,
  format: 'short',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  assumptions: [],
});
const rolling = (count: number, unit: SloWindow['unit']): SloWindow => ({
  kind: 'rolling',
  duration: `${count}${unit}`,
  count,
  unit,
});

/** A postmortem of `service` on `date`: first errors at `from`, alert two minutes later, resolved at `to` (UTC). */
function postmortem(
  file: string,
  date: string,
  from: string,
  to: string,
  extra = '',
  actions = '- [ ] Add a test (owner: @a, due: 2026-04-01)',
): string {
  const alert = `${from.slice(0, 3)}${String(+from.slice(3) + 2).padStart(2, '0')}`;
  return `# Postmortem: ${file}\n\n**Date:** ${date}\n**Severity:** SEV2\n${extra}\n## Summary\nIt broke.\n\n## Timeline\n- ${from} UTC first errors\n- ${alert} UTC alert fired\n- ${to} UTC incident resolved\n\n## Action Items\n${actions}\n`;
}

describe('budgetMinutes', () => {
  it('is the window in minutes times the allowed failure: 99.9% of 30 days is 43.2 minutes', () => {
    const cases: Array<[number, SloWindow, number]> = [
      [99.9, rolling(30, 'd'), 43.2], // 43,200 × 0.1%
      [99.95, rolling(30, 'd'), 21.6], // 43,200 × 0.05%
      [99.5, rolling(28, 'd'), 201.6], // 40,320 × 0.5%
      [99, rolling(1, 'w'), 100.8], // 10,080 × 1%
    ];
    for (const [objective, window, expected] of cases) {
      const s = slo(objective, window);
      const period = periodAt(window, 0);
      assert.equal(Math.round(budgetMinutes(s, period.end - period.start) * 1000) / 1000, expected);
    }
  });
});

describe('periodAt', () => {
  it('is the duration up to the moment for a rolling window', () => {
    assert.deepEqual(periodAt(rolling(30, 'd'), minutes('2026-03-20T09:37')), {
      start: minutes('2026-02-18T09:37'),
      end: minutes('2026-03-20T09:37'),
    });
  });

  it('is the calendar month, week (from Monday) or quarter holding the moment for a calendar window', () => {
    const calendar = (count: number, unit: SloWindow['unit']): SloWindow => ({
      kind: 'calendar',
      duration: `${count}${unit}`,
      count,
      unit,
    });
    // March 2026 has 31 days: 44,640 minutes, a 99.9% budget of 44.64 minutes.
    assert.deepEqual(periodAt(calendar(1, 'M'), minutes('2026-03-15T12:00')), {
      start: minutes('2026-03-01T00:00'),
      end: minutes('2026-04-01T00:00'),
    });
    // 2026-03-18 is a Wednesday.
    assert.deepEqual(periodAt(calendar(1, 'w'), minutes('2026-03-18T12:00')), {
      start: minutes('2026-03-16T00:00'),
      end: minutes('2026-03-23T00:00'),
    });
    assert.deepEqual(periodAt(calendar(1, 'Q'), minutes('2026-05-10T00:00')), {
      start: minutes('2026-04-01T00:00'),
      end: minutes('2026-07-01T00:00'),
    });
  });
});

describe('readAffected', () => {
  const affected = (text: string) => {
    const a = readAffected(summarizeIncident({ path: 'x.md', text, profile: harness }).model);
    return a.kind === 'absent'
      ? 'absent'
      : `${a.kind} ${a.kind === 'stated' ? a.fraction : ''} ${a.source} line ${a.range.start.line + 1}`.replace(
          '  ',
          ' ',
        );
  };

  it('reads front matter, a header field, then a Summary line', () => {
    assert.equal(
      affected('---\naffected: 40%\n---\n# P\n\n**Affected requests:** 10%\n'),
      'stated 0.4 front-matter line 2',
    );
    assert.equal(affected('# P\n\n**Affected requests:** about 10 %\n'), 'stated 0.1 header line 3');
    assert.equal(affected('# P\n\nAffected traffic: 0.25\n\n## Summary\nx\n'), 'stated 0.25 header line 3');
    assert.equal(
      affected('# P\n\n## Summary\nCheckout was slow.\nAffected requests: 25%\n'),
      'stated 0.25 summary line 5',
    );
  });

  it('says when the value is not a percentage, and when there is none', () => {
    assert.equal(affected('# P\n\n**Affected:** many\n'), 'invalid header line 3');
    assert.equal(affected('# P\n\n**Affected:** 140%\n'), 'invalid header line 3');
    assert.equal(affected('# P\n\n## Summary\nNo numbers.\n'), 'absent');
  });
});

describe('attributeServices', () => {
  const slos = parseSloFile(
    'slos:\n  - {service: user-service, objective: 99.9}\n  - {service: user, objective: 99}\n  - {service: payment-service, objective: 99.95}\n',
  ).slos;
  const attribution = (file: string, text: string) => {
    const a = attributeServices(summarizeIncident({ path: file, text, profile: harness }), slos);
    return `${a.services.join(',')} (${a.source ?? 'none'})`;
  };

  it('takes a Service field first, then whole words of the file name, then of the title', () => {
    assert.equal(
      attribution('docs/postmortems/2026-03-15-user-service-timeout.md', '---\nservice: Payment Service\n---\n# P\n'),
      'payment-service (field)',
    );
    assert.equal(
      attribution('docs/postmortems/2026-03-15-user-service-timeout.md', '# P\n'),
      'user-service (file name)',
    );
    assert.equal(
      attribution('docs/postmortems/2026-03-20-outage.md', '# Postmortem: Payment service crash loop\n'),
      'payment-service (title)',
    );
    assert.equal(
      attribution('docs/postmortems/2026-03-20-outage.md', '# Postmortem: users cannot log in\n'),
      ' (none)',
    );
  });

  it("keeps a field's names even when no SLO has them", () => {
    assert.equal(attribution('x.md', '**Services:** search, user-service\n'), 'search,user-service (field)');
  });
});

describe('budgetReport', () => {
  const slos = parseSloFile('slos:\n  - {service: checkout, objective: 99.9, window: 30d}\n').slos;
  const incidents = [
    // 30 minutes, 50% affected: 15 of 43.2 minutes.
    summarizeIncident({
      path: 'docs/postmortems/2026-03-01-checkout-slow.md',
      text: postmortem('Checkout slow', '2026-03-01', '10:00', '10:30', '**Affected requests:** 50%\n'),
      profile: harness,
    }),
    // 30 minutes, nothing stated: a full outage, 30 of 43.2 minutes.
    summarizeIncident({
      path: 'docs/postmortems/2026-03-20-checkout-down.md',
      text: postmortem('Checkout down', '2026-03-20', '10:00', '10:30'),
      profile: harness,
    }),
    // 60 minutes on 2026-01-10: outside the 30 days before 2026-03-20.
    summarizeIncident({
      path: 'docs/postmortems/2026-01-10-checkout-old.md',
      text: postmortem('Checkout old', '2026-01-10', '08:00', '09:00'),
      profile: harness,
    }),
    // No service among the SLOs.
    summarizeIncident({
      path: 'docs/postmortems/2026-03-05-search.md',
      text: postmortem('Search', '2026-03-05', '08:00', '09:00'),
      profile: harness,
    }),
  ];

  it('counts the incidents of the window ending at the latest incident, and says the budget is exhausted below zero', () => {
    const report = budgetReport(incidents, slos, { now: 0 });
    assert.equal(report.at, minutes('2026-03-20T10:30'));
    assert.equal(report.atSource, 'latest incident');
    assert.deepEqual(budgetJson(report), {
      slos: [
        {
          name: 'checkout',
          service: 'checkout',
          objective: 99.9,
          windowDays: 30,
          budgetMinutes: 43.2,
          // 15 + 30 = 45; 43.2 − 45 = −1.8.
          consumedMinutes: 45,
          remainingMinutes: -1.8,
          exhausted: true,
          incidents: [
            { path: 'docs/postmortems/2026-03-01-checkout-slow.md', consumedMinutes: 15, share: 0.3472 },
            { path: 'docs/postmortems/2026-03-20-checkout-down.md', consumedMinutes: 30, share: 0.6944 },
          ],
        },
      ],
    });
  });

  it('ends the windows at a given date, or at the end of one incident', () => {
    const asOf = budgetJson(budgetReport(incidents, slos, { asOf: minutes('2026-03-11T00:00'), now: 0 })).slos[0];
    assert.deepEqual(
      [asOf.consumedMinutes, asOf.remainingMinutes, asOf.exhausted, asOf.incidents.length],
      [15, 28.2, false, 1],
    );
    const focus = budgetReport(incidents, slos, { focusPath: 'docs/postmortems/2026-01-10-checkout-old.md', now: 0 });
    assert.equal(focus.at, minutes('2026-01-10T09:00'));
    assert.deepEqual(budgetJson(focus).slos[0].incidents, [
      { path: 'docs/postmortems/2026-01-10-checkout-old.md', consumedMinutes: 60, share: 1.3889 },
    ]);
  });

  it('lists an incident whose duration is unknown without counting it', () => {
    const unknown = summarizeIncident({
      path: 'docs/postmortems/2026-03-19-checkout-blip.md',
      text: '# P\n\n**Date:** 2026-03-19\n\n## Timeline\n- 10:00 UTC first errors\n',
      profile: harness,
    });
    const json = budgetJson(budgetReport([unknown], slos, { now: 0 })).slos[0];
    assert.deepEqual(
      [json.consumedMinutes, json.incidents],
      [0, [{ path: 'docs/postmortems/2026-03-19-checkout-blip.md', consumedMinutes: null, share: null }]],
    );
  });
});

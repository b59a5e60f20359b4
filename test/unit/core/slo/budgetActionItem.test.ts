import * as assert from 'node:assert/strict';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import { parseSloFile, PM015 } from '../../../../src/core/slo';
import type { RuleContext } from '../../../../src/core/rules';

const harness = findProfile('harness') as Profile;
const slos = parseSloFile('slos:\n  - {service: checkout, objective: 99.9, window: 30d}\n').slos;

/** A checkout postmortem of 30 minutes (10:00 → 10:30 UTC) with the given header lines and action items. */
function doc(header: string, actions: string): string {
  return `# Postmortem: Checkout down\n\n**Date:** 2026-03-20\n${header}\n## Timeline\n- 10:00 UTC first errors\n- 10:02 UTC alert fired\n- 10:30 UTC incident resolved\n\n## Action Items\n${actions}\n`;
}

function run(
  text: string,
  context: Partial<RuleContext> = { slos, path: 'docs/postmortems/2026-03-20-checkout-down.md' },
): string[] {
  const reports = PM015.check({
    doc: parseMarkdown(text),
    kind: 'postmortem',
    profile: harness,
    ...context,
  } as RuleContext);
  return reports.map(
    (r) => `${r.range.start.line + 1}:${r.range.start.character}-${r.range.end.character} ${r.message}`,
  );
}

const P1 = '| Action | Owner | Priority | Due Date |\n|---|---|---|---|\n| Add a canary | @a | P1 | 2026-04-01 |';
const P0 = '| Action | Owner | Priority | Due Date |\n|---|---|---|---|\n| Add a canary | @a | P0 | 2026-04-01 |';

describe('PM015 budget-without-p0', () => {
  it('reports an incident over 20% of the budget without a P0 action item, at the Action Items heading', () => {
    // 30 minutes of full outage (assumed) of a 43.2-minute budget: 69.4%.
    assert.deepEqual(run(doc('', P1)), [
      '10:0-15 This incident consumed 69.4% of the error budget of checkout (30 min of 43.2 min, 99.9% over 30 days (rolling); no affected fraction stated, so a full outage is assumed); above 20% the error-budget policy asks for at least one P0 action item.',
    ]);
  });

  it('accepts a P0 item, in a Priority column or as [P0] in a list', () => {
    assert.deepEqual(run(doc('', P0)), []);
    assert.deepEqual(run(doc('', '- [P0] Add a canary (owner: @a, due: 2026-04-01)')), []);
  });

  it('accepts an incident at or below 20%: 30 minutes at 25% affected is 7.5 of 43.2 minutes, 17.4%', () => {
    assert.deepEqual(run(doc('**Affected requests:** 25%\n', P1)), []);
  });

  it('reports nothing without SLOs, for another service, or when the duration is unknown', () => {
    assert.deepEqual(run(doc('', P1), {}), []);
    assert.deepEqual(
      run(doc('', P1).replace('Checkout down', 'Search down'), { slos, path: 'docs/postmortems/2026-03-20-search.md' }),
      [],
    );
    assert.deepEqual(run(doc('', P1).replace('- 10:30 UTC incident resolved\n', '')), []);
  });

  it('finds the service from the title when no path is given', () => {
    assert.equal(run(doc('', P1), { slos }).length, 1);
  });
});

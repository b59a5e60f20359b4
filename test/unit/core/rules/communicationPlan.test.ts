import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../../../src/core/lint/lint';
import { findProfile, type Profile } from '../../../../src/core/profiles';

const prodcraft = findProfile('prodcraft') as Profile;
const fixture = readFileSync(
  path.resolve(__dirname, '../../../../../test/fixtures/profiles/prodcraft/incident.md'),
  'utf8',
);

function withPlan(plan: string): string {
  return fixture.replace(/## Communication Plan\n[^\n]*\n/, `## Communication Plan\n${plan}\n`);
}

function pm017(text: string, profile: Profile = prodcraft): string[] {
  return lintText(text, 'incident', profile)
    .findings.filter((f) => f.ruleId === 'PM017')
    .map((f) => `${f.range.start.line + 1} ${f.severity} ${f.message}`);
}

describe('PM017 communication-plan', () => {
  const line = fixture.split('\n').indexOf('## Communication Plan') + 1;

  it('accepts the prodcraft record whose plan gives a cadence and an owner', () => {
    assert.deepEqual(pm017(fixture), []);
  });

  it('reports, as a prodcraft error (seed 002 quality gate), a plan that says neither, or only one', () => {
    assert.deepEqual(pm017(withPlan('We will keep stakeholders informed.')), [
      `${line} error The Communication Plan section does not say how often updates go out and who sends them; write the cadence and the owner, e.g. "Updates in #inc-channel every 30 minutes (owner: @comms-lead)".`,
    ]);
    assert.match(pm017(withPlan('Updates go out every 30 minutes.'))[0], /does not say who sends the updates/);
    assert.match(pm017(withPlan('Owner: @sam posts to #inc-sso.'))[0], /does not say how often updates go out;/);
  });

  it('accepts the cadence and owner in other words: hourly, at fixed times, the Communications Lead named in the header', () => {
    assert.deepEqual(pm017(withPlan('Hourly updates in #inc-sso, sent by Sam.')), []);
    assert.deepEqual(pm017(withPlan('The Communications Lead posts at 09:00 and 15:00.')), []);
  });

  it('is off under the profiles whose process asks for no communication plan', () => {
    assert.deepEqual(
      pm017(withPlan('We will keep stakeholders informed.'), { ...prodcraft, name: 'custom', rules: {} }),
      [],
    );
  });
});

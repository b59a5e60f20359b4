import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseSloFile, type SloFile } from '../../../../src/core/slo';

const FIXTURES = path.resolve(__dirname, '../../../../..', 'test', 'fixtures', 'slo');
const read = (name: string) => parseSloFile(readFileSync(path.join(FIXTURES, name), 'utf8'), name);

/** Each SLO as `name service objective window-kind duration (line)`, 1-based line. */
function show(file: SloFile): string[] {
  return file.slos.map(
    (s) =>
      `${s.name} ${s.service} ${s.objective} ${s.window.kind} ${s.window.duration} (line ${s.range.start.line + 1})`,
  );
}

/** Each problem as `line:column severity message`, 1-based. */
function problems(file: SloFile): string[] {
  return file.problems.map(
    (p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.severity} ${p.message}`,
  );
}

describe('parseSloFile', () => {
  it('reads the short form, flow and block entries, the name defaulting to the service', () => {
    const file = read('short.yaml');
    assert.deepEqual(show(file), [
      'user-service user-service 99.9 rolling 30d (line 3)',
      'payment-service payment-service 99.95 rolling 30d (line 4)',
      'search-weekly search 99 rolling 7d (line 5)',
    ]);
    assert.deepEqual(file.problems, []);
  });

  it('reads OpenSLO v1 documents: target and targetPercent, rolling and calendar windows, one SLO per objective, other kinds skipped', () => {
    const file = read('openslo.yaml');
    assert.deepEqual(show(file), [
      'search-availability search 99.5 rolling 28d (line 37)',
      'checkout-monthly/Fast checkout 99.9 calendar 1M (line 54)',
      'checkout-monthly/Available checkout 99.5 calendar 1M (line 56)',
    ]);
    assert.deepEqual(
      file.slos.map((s) => s.budgetingMethod),
      ['Occurrences', 'Timeslices', 'Timeslices'],
    );
    assert.equal(file.slos[1].window.anchor, Date.UTC(2026, 0, 1) / 60_000);
    assert.deepEqual(file.problems, []);
  });

  it('reads Sloth prometheus/v1 with its default 30-day window, said as an assumption', () => {
    const file = read('sloth.yaml');
    assert.deepEqual(show(file), [
      'requests-availability inventory 99.9 rolling 30d (line 6)',
      'requests-latency inventory 99 rolling 30d (line 15)',
    ]);
    assert.deepEqual(file.slos[0].assumptions, ["Sloth files give no window; Sloth's default of 30d is used"]);
  });

  it("reads Sloth's Kubernetes form", () => {
    const file = parseSloFile(
      'apiVersion: sloth.slok.dev/v1\nkind: PrometheusServiceLevel\nmetadata: {name: x}\nspec:\n  service: cart\n  slos:\n    - {name: avail, objective: 99.95}\n',
    );
    assert.deepEqual(show(file), ['avail cart 99.95 rolling 30d (line 7)']);
  });

  it('reports each error at its line and column and leaves the broken definitions out', () => {
    const file = read('invalid.yaml');
    assert.deepEqual(show(file), []);
    assert.deepEqual(problems(file), [
      '3:16 error slos[0].objective: must be a percentage such as 99.9 (got "high")',
      '4:13 error slos[0].window: must be a whole number and a unit, such as 30d, 4w or 1M (units m, h, d, w, M, Q, Y) (got "30days")',
      '6:16 error slos[1].objective: must be a percentage above 0 and below 100, such as 99.9 (100% leaves no error budget) (got the number 100)',
      '7:5 warning slos[1].colour: unknown key, ignored; an entry has name, service, objective, window, description',
      '8:5 error slos[2].service: is required',
      '18:7 error spec.timeWindow[0]: say isRolling: true for a rolling window, or give calendar (startTime and timeZone) for a calendar window',
      '19:20 error spec.budgetingMethod: must be one of Occurrences, Timeslices, RatioTimeslices (got "Sometimes")',
      '21:22 error spec.objectives[0].targetPercent: give target or targetPercent, not both',
    ]);
  });

  it('reports YAML syntax errors, an empty file and a file of something else', () => {
    // The YAML library notices the unclosed list where the text ends.
    assert.deepEqual(problems(parseSloFile('slos: [1, 2\n')), [
      '2:1 error invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    assert.deepEqual(problems(parseSloFile('')), [
      '1:1 warning the file defines no SLO; list them under slos: (see docs/metrics.md)',
    ]);
    assert.match(problems(parseSloFile('colour: red\n'))[0], /^1:1 error not an SLO definition: expected OpenSLO/);
  });

  it('reads a single short entry or a list at the top, and warns about a rolling month', () => {
    assert.deepEqual(show(parseSloFile('service: api\nobjective: "99.5%"\nwindow: 1M\n')), [
      'api api 99.5 rolling 1M (line 1)',
    ]);
    assert.deepEqual(parseSloFile('service: api\nobjective: 99.5\nwindow: 1M\n').slos[0].assumptions, [
      'a rolling 1M window is counted as 30 days',
    ]);
    assert.deepEqual(show(parseSloFile('- {service: a, objective: 99}\n- {service: b, objective: 98, window: 4w}\n')), [
      'a a 99 rolling 30d (line 1)',
      'b b 98 rolling 4w (line 2)',
    ]);
    assert.deepEqual(parseSloFile('- {service: a, objective: 99}\n').slos[0].assumptions, [
      'no window given; 30d is used',
    ]);
  });

  it('warns about two SLOs with one name and an unknown OpenSLO version', () => {
    assert.deepEqual(
      problems(parseSloFile('slos:\n  - {service: a, objective: 99}\n  - {service: a, objective: 98}\n')),
      ['3:5 warning the name "a" is used by more than one SLO; give each a distinct name'],
    );
    assert.match(
      problems(parseSloFile('apiVersion: openslo/v2alpha\nkind: SLO\n'))[0],
      /^1:1 warning apiVersion: only openslo\/v1 is read/,
    );
  });
});

import * as assert from 'node:assert/strict';
import { drawChart, linearScale, minutesLabel, niceTicks, stepPath, type ChartView } from '../../../../src/core/charts';

const bars = (values: Array<number | null>, labels = values.map((_, i) => `2026-0${i + 1}`)): ChartView => ({
  id: 'test',
  title: 'Test',
  summary: 'Test chart.',
  yLabel: 'Minutes',
  formatY: 'minutes',
  x: { kind: 'category', labels },
  series: [{ name: 'Median', kind: 'bar', points: values.map((y, x) => ({ x, y })) }],
  table: { caption: 'Test', headers: ['Month', 'Median'], rows: [] },
  notes: [],
});

describe('chart geometry', () => {
  it('picks round ticks from 0 to just above the maximum', () => {
    assert.deepEqual(niceTicks(0, 47), { min: 0, max: 50, values: [0, 10, 20, 30, 40, 50] });
    assert.deepEqual(niceTicks(0, 3).values, [0, 1, 2, 3]);
    assert.deepEqual(niceTicks(0, 1.2).values, [0, 0.25, 0.5, 0.75, 1, 1.25]);
    assert.deepEqual(niceTicks(0, 0), { min: 0, max: 0.2, values: [0, 0.2] });
    // A budget overspent by 3.4 of 21.6 minutes: the axis goes below zero.
    const t = niceTicks(-3.4, 21.6);
    assert.deepEqual([t.min, t.max], [-5, 25]);
  });

  it('maps values linearly, and a flat domain to the start of the range', () => {
    const y = linearScale([0, 50], [200, 0]);
    assert.deepEqual([y(0), y(25), y(50)], [200, 100, 0]);
    assert.equal(linearScale([3, 3], [10, 20])(3), 10);
  });

  it('draws a step series flat until each step, then down to its level, then on to the end', () => {
    assert.deepEqual(
      stepPath(
        0,
        40,
        [
          { x: 10, y: 35 },
          { x: 20, y: 10 },
        ],
        30,
      ),
      [
        { x: 0, y: 40 },
        { x: 10, y: 40 },
        { x: 10, y: 35 },
        { x: 20, y: 35 },
        { x: 20, y: 10 },
        { x: 30, y: 10 },
      ],
    );
  });

  it('draws one bar per known value, its height proportional to the value', () => {
    const drawing = drawChart(bars([30, null, 15]), 640, 260);
    const rects = drawing.shapes.filter((s) => s.tag === 'rect');
    assert.equal(rects.length, 2);
    const [a, b] = rects.map((r) => Number(r.attrs.height));
    // 30 and 15 on an axis to 30: the first bar is twice the second.
    assert.ok(Math.abs(a / b - 2) < 0.02, `${a} / ${b}`);
    assert.deepEqual(
      rects.map((r) => r.title),
      ['2026-01: Median 30 min', '2026-03: Median 15 min'],
    );
    const labels = drawing.shapes.filter((s) => s.tag === 'text').map((s) => s.text);
    assert.ok(labels.includes('2026-02'), 'a month without a value keeps its label');
  });

  it('stacks the bars of several series and adds a legend', () => {
    const view: ChartView = {
      ...bars([1, 2]),
      formatY: 'count',
      series: [
        {
          name: 'SEV1',
          kind: 'bar',
          points: [
            { x: 0, y: 1 },
            { x: 1, y: 2 },
          ],
        },
        {
          name: 'SEV2',
          kind: 'bar',
          points: [
            { x: 0, y: 3 },
            { x: 1, y: 0 },
          ],
        },
      ],
    };
    const rects = drawChart(view).shapes.filter((s) => s.tag === 'rect' && s.title);
    const first = rects.filter((r) => r.title?.startsWith('2026-01'));
    // SEV2 sits on top of SEV1: its bottom edge is SEV1's top edge.
    assert.equal(Number(first[1].attrs.y) + Number(first[1].attrs.height), Number(first[0].attrs.y));
    assert.ok(
      drawChart(view).shapes.some((s) => s.tag === 'text' && s.text === 'SEV2' && s.attrs.class === 'iw-legend'),
    );
  });

  it('labels minutes as minutes, hours or days', () => {
    assert.deepEqual(
      [minutesLabel(45), minutesLabel(180), minutesLabel(4320), minutesLabel(-5)],
      ['45 min', '3 h', '3 d', '-5 min'],
    );
  });
});

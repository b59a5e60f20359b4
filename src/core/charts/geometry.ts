// Chart geometry in plain numbers: nice axis ticks, linear scales, step series, and the layout of a chart view as SVG shapes any renderer can draw.
import type { ChartView } from './views';

/** Round axis bounds and the tick values between them. */
export interface Ticks {
  /** The top of the axis: the smallest "nice" value at or above the data's maximum (at least one step). */
  readonly max: number;
  /** The bottom of the axis: 0, or a nice value below zero when the data goes negative. */
  readonly min: number;
  /** Evenly spaced values from min to max, both included. */
  readonly values: readonly number[];
}

/** Ticks for values between `low` and `high` (0 is always on the axis), about `count` steps of 1, 2, 2.5 or 5 × 10^n. */
export function niceTicks(low: number, high: number, count = 5): Ticks {
  const lo = Math.min(0, low);
  const hi = Math.max(0, high);
  const span = hi - lo || 1;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw - 1e-12) as number;
  const min = Math.floor(lo / step + 1e-9) * step;
  const max = Math.max(Math.ceil(hi / step - 1e-9) * step, min + step);
  const values: number[] = [];
  for (let v = min; v <= max + step / 2; v += step) values.push(round(v));
  return { min: round(min), max: round(max), values };
}

/** A linear map from a domain to a range (pixels); a flat domain maps to the range's start. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** A point of a series: x in the view's x units (category index or minutes), y in its y units. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * The corners of a step series that starts at `start` and changes to each point's y at its x:
 * horizontal to the next x, then vertical to its y; the last level runs on to `end`.
 */
export function stepPath(startX: number, startY: number, steps: readonly Point[], endX: number): Point[] {
  const out: Point[] = [{ x: startX, y: startY }];
  let y = startY;
  for (const s of [...steps].sort((a, b) => a.x - b.x)) {
    out.push({ x: s.x, y }, { x: s.x, y: s.y });
    y = s.y;
  }
  out.push({ x: endX, y });
  return out;
}

/** One SVG element to draw: its tag, its attributes and, for `text` and `title`, its text (always set as text, never parsed). */
export interface Shape {
  readonly tag: 'rect' | 'line' | 'polyline' | 'circle' | 'text' | 'g';
  readonly attrs: Readonly<Record<string, string | number>>;
  readonly text?: string;
  /** A tooltip (an SVG `<title>` child), set as text. */
  readonly title?: string;
}

/** The drawing of one chart: its size and shapes in drawing order. */
export interface ChartDrawing {
  readonly width: number;
  readonly height: number;
  readonly shapes: readonly Shape[];
}

// The left margin holds tick labels such as `40 min` and, left of them, the rotated axis label.
const MARGIN = { top: 12, right: 16, bottom: 44, left: 72 };

/**
 * Lays out `view` in a `width` × `height` box: grid lines and y tick labels, x labels, then
 * the series (stacked bars per category, or step lines over time) and the markers. Colours
 * are classes (`iw-series-N`, `iw-axis`, ...) that a style sheet maps to theme colours.
 */
export function drawChart(view: ChartView, width = 640, height = 260): ChartDrawing {
  const shapes: Shape[] = [];
  const plot = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom };
  const ys = view.series.flatMap((s) => s.points.map((p) => p.y)).filter((y): y is number => y !== null);
  const stackedTops = view.x.kind === 'category' ? stackTotals(view) : [];
  const ticks = niceTicks(
    Math.min(0, ...ys, ...(view.yFloor === undefined ? [] : [view.yFloor])),
    Math.max(0, ...ys, ...stackedTops, ...(view.yCeiling === undefined ? [] : [view.yCeiling])),
  );
  const y = linearScale([ticks.min, ticks.max], [plot.bottom, plot.top]);
  for (const t of ticks.values) {
    shapes.push({
      tag: 'line',
      attrs: { class: t === 0 ? 'iw-axis' : 'iw-grid', x1: plot.left, x2: plot.right, y1: px(y(t)), y2: px(y(t)) },
    });
    shapes.push({
      tag: 'text',
      attrs: { class: 'iw-tick', x: plot.left - 6, y: px(y(t) + 4), 'text-anchor': 'end' },
      text: view.formatY === 'minutes' ? minutesLabel(t) : String(t),
    });
  }
  shapes.push({
    tag: 'text',
    attrs: {
      class: 'iw-axis-label',
      x: 11,
      y: px((plot.top + plot.bottom) / 2),
      transform: `rotate(-90 11 ${px((plot.top + plot.bottom) / 2)})`,
      'text-anchor': 'middle',
    },
    text: view.yLabel,
  });
  if (view.x.kind === 'category') drawCategories(view, view.x.labels, plot, y, shapes);
  else drawTime(view, view.x, plot, y, shapes);
  return { width, height, shapes };
}

type Plot = { left: number; right: number; top: number; bottom: number };

function drawCategories(
  view: ChartView,
  labels: readonly string[],
  plot: Plot,
  y: (v: number) => number,
  shapes: Shape[],
): void {
  const band = (plot.right - plot.left) / Math.max(1, labels.length);
  const barWidth = Math.max(2, Math.min(48, band * 0.7));
  // Thin the labels so they never overlap (about 56 px each).
  const every = Math.max(1, Math.ceil(56 / band));
  labels.forEach((label, i) => {
    if (i % every !== 0) return;
    shapes.push({
      tag: 'text',
      attrs: { class: 'iw-tick', x: px(plot.left + band * (i + 0.5)), y: plot.bottom + 16, 'text-anchor': 'middle' },
      text: label,
    });
  });
  const base = new Array<number>(labels.length).fill(0);
  view.series.forEach((series, s) => {
    for (const p of series.points) {
      if (p.y === null || p.y === 0) continue;
      const from = base[p.x] ?? 0;
      const to = from + p.y;
      base[p.x] = to;
      const top = Math.min(y(from), y(to));
      shapes.push({
        tag: 'rect',
        attrs: {
          class: `iw-bar iw-series-${s % 8}`,
          x: px(plot.left + band * (p.x + 0.5) - barWidth / 2),
          y: px(top),
          width: px(barWidth),
          height: px(Math.max(1, Math.abs(y(from) - y(to)))),
        },
        title: `${labels[p.x]}: ${series.name} ${view.formatY === 'minutes' ? minutesLabel(p.y) : p.y}`,
      });
    }
  });
  if (view.series.length > 1) legend(view, plot, shapes);
}

function drawTime(
  view: ChartView,
  x: Extract<ChartView['x'], { kind: 'time' }>,
  plot: Plot,
  y: (v: number) => number,
  shapes: Shape[],
): void {
  const sx = linearScale([x.start, x.end], [plot.left, plot.right]);
  for (const t of x.ticks) {
    shapes.push({
      tag: 'line',
      attrs: { class: 'iw-grid', x1: px(sx(t.at)), x2: px(sx(t.at)), y1: plot.top, y2: plot.bottom },
    });
    shapes.push({
      tag: 'text',
      attrs: { class: 'iw-tick', x: px(sx(t.at)), y: plot.bottom + 16, 'text-anchor': 'middle' },
      text: t.label,
    });
  }
  view.series.forEach((series, s) => {
    const known = series.points.filter((p): p is Point => p.y !== null);
    if (known.length === 0) return;
    const [first, ...rest] = known;
    const corners = series.kind === 'step' ? stepPath(first.x, first.y, rest, x.end) : known;
    shapes.push({
      tag: 'polyline',
      attrs: {
        class: `iw-line iw-series-${s % 8}`,
        fill: 'none',
        points: corners.map((c) => `${px(sx(c.x))},${px(y(c.y))}`).join(' '),
      },
    });
  });
  for (const m of view.markers ?? []) {
    shapes.push({
      tag: 'circle',
      attrs: { class: 'iw-marker', cx: px(sx(m.x)), cy: px(y(m.y)), r: 4 },
      title: m.label,
    });
  }
  if (view.series.length > 1) legend(view, plot, shapes);
}

function legend(view: ChartView, plot: Plot, shapes: Shape[]): void {
  let x = plot.left;
  const top = plot.bottom + 30;
  view.series.forEach((series, s) => {
    shapes.push({ tag: 'rect', attrs: { class: `iw-bar iw-series-${s % 8}`, x, y: top - 9, width: 10, height: 10 } });
    shapes.push({ tag: 'text', attrs: { class: 'iw-legend', x: x + 14, y: top }, text: series.name });
    x += 24 + series.name.length * 7;
  });
}

function stackTotals(view: ChartView): number[] {
  const totals: number[] = [];
  for (const s of view.series) for (const p of s.points) totals[p.x] = (totals[p.x] ?? 0) + (p.y ?? 0);
  return totals.filter((t) => t !== undefined);
}

/** An axis label for minutes: `45 min`, `2 h`, `1.5 d`. */
export function minutesLabel(minutes: number): string {
  const m = Math.abs(minutes);
  const sign = minutes < 0 ? '-' : '';
  if (m < 120) return `${sign}${round(m)} min`;
  if (m < 2880) return `${sign}${round(m / 60)} h`;
  return `${sign}${round(m / 1440)} d`;
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

function px(v: number): number {
  return Math.round(v * 10) / 10;
}

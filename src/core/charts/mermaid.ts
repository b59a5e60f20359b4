// Reads back the Mermaid `xychart-beta` charts the index writes, so the Markdown preview can draw them as SVG with a table of their numbers.
import { formatMinutes } from '../metrics/format';
import type { ChartView } from './views';

const QUOTED = /"([^"]*)"/g;

/**
 * The chart view of one `xychart-beta` block (title, x-axis labels, y-axis label, one or more
 * `bar` or `line` series); undefined when the text is not such a chart or its series do not
 * match its labels. `id` names the view in the page.
 */
export function viewFromXyChart(text: string, id: string): ChartView | undefined {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines[0] !== 'xychart-beta') return undefined;
  let title = '';
  let labels: string[] | undefined;
  let yLabel = '';
  const values: number[][] = [];
  for (const line of lines.slice(1)) {
    const [keyword] = line.split(/\s+/, 1);
    const rest = line.slice(keyword.length).trim();
    if (keyword === 'title') title = /^"([^"]*)"$/.exec(rest)?.[1] ?? rest;
    else if (keyword === 'x-axis')
      labels = /^\[(.*)\]$/.exec(rest) ? [...rest.matchAll(QUOTED)].map((m) => m[1]) : undefined;
    else if (keyword === 'y-axis') yLabel = /^"([^"]*)"/.exec(rest)?.[1] ?? '';
    else if (keyword === 'bar' || keyword === 'line') {
      const list = /^\[(.*)\]$/.exec(rest)?.[1];
      if (list === undefined) return undefined;
      const numbers = list.split(',').map((v) => Number(v.trim()));
      if (numbers.some((n) => !Number.isFinite(n))) return undefined;
      values.push(numbers);
    }
  }
  if (!labels || labels.length === 0 || values.length === 0 || values.some((v) => v.length !== labels?.length))
    return undefined;
  const minutes = /\bminutes?\b/i.test(`${title} ${yLabel}`);
  const name = title.replace(/\s*\((?:minutes)\)\s*$/i, '');
  const x = labels;
  return {
    id,
    title: name || 'Chart',
    summary: `${name || 'Chart'}: bars for ${x.length} value${x.length === 1 ? '' : 's'} from ${x[0]} to ${x[x.length - 1]}.`,
    yLabel,
    formatY: minutes ? 'minutes' : 'count',
    x: { kind: 'category', labels: x },
    series: values.map((v, s) => ({
      name: values.length === 1 ? yLabel || name : `${yLabel} ${s + 1}`,
      kind: 'bar' as const,
      points: v.map((y, i) => ({ x: i, y })),
    })),
    table: {
      caption: name || 'Chart',
      headers: ['', ...(values.length === 1 ? [yLabel || 'Value'] : values.map((_, s) => `${yLabel} ${s + 1}`))],
      rows: x.map((label, i) => [label, ...values.map((v) => (minutes ? formatMinutes(v[i]) : String(v[i])))]),
    },
    notes: [],
  };
}

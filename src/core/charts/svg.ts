// A chart view as an HTML string (SVG picture plus its data table), for the Markdown preview; every text escaped, nothing remote.
import { drawChart, type Shape } from './geometry';
import type { ChartView } from './views';

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );
}

/** Attribute names a shape may carry: letters, digits and dashes only, so an attribute can never break out. */
const ATTRIBUTE_NAME = /^[a-zA-Z][a-zA-Z0-9-]*$/;

function shapeSvg(shape: Shape): string {
  const attrs = Object.entries(shape.attrs)
    .filter(([name]) => ATTRIBUTE_NAME.test(name))
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
  const inner = `${shape.title === undefined ? '' : `<title>${escapeXml(shape.title)}</title>`}${shape.text === undefined ? '' : escapeXml(shape.text)}`;
  return `<${shape.tag}${attrs}>${inner}</${shape.tag}>`;
}

/** The chart as an `<svg>` element with the view's summary as its accessible name. */
export function chartSvg(view: ChartView, width = 640, height = 260): string {
  const drawing = drawChart(view, width, height);
  return `<svg class="iw-chart" role="img" aria-label="${escapeXml(view.summary)}" viewBox="0 0 ${drawing.width} ${drawing.height}" xmlns="http://www.w3.org/2000/svg">${drawing.shapes.map(shapeSvg).join('')}</svg>`;
}

/** The view's numbers as a table with a caption. */
export function chartTableHtml(view: ChartView): string {
  const head = view.table.headers.map((h) => `<th scope="col">${escapeXml(h)}</th>`).join('');
  const rows = view.table.rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeXml(c)}</th>` : `<td>${escapeXml(c)}</td>`)).join('')}</tr>`,
    )
    .join('');
  return `<table class="iw-chart-table"><caption>${escapeXml(view.table.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** The chart and its table side by side, with its notes, as the preview shows one chart. */
export function chartFigureHtml(view: ChartView): string {
  const notes = view.notes.map((n) => `<p class="iw-chart-note">${escapeXml(n)}</p>`).join('');
  return `<figure class="iw-chart-figure" data-chart="${escapeXml(view.id)}"><figcaption>${escapeXml(view.title)}</figcaption><div class="iw-chart-row">${chartSvg(view)}<div class="iw-chart-data">${chartTableHtml(view)}</div></div>${notes}</figure>\n`;
}

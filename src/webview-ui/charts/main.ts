// The chart pages' script (Show Trends, Show Error Budget): draws each chart as SVG with DOM calls beside a table of its numbers, and keeps the page in the webview state so hiding or reloading loses nothing.
import { drawChart, type Shape } from '../../core/charts/geometry';
import type { ChartView } from '../../core/charts/views';
import type { ChartsPage, ChartsPageState, ChartsWebviewMessage } from '../../webview/chartsProtocol';

const SVG = 'http://www.w3.org/2000/svg';
const vscode = acquireVsCodeApi<ChartsPageState>();
const root = document.getElementById('charts') as HTMLElement;

function post(message: ChartsWebviewMessage): void {
  vscode.postMessage(message);
}

/** `<tag>` with attributes and children; strings become text nodes (never parsed as HTML). */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string>,
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  return e;
}

function svgShape(shape: Shape): SVGElement {
  const e = document.createElementNS(SVG, shape.tag);
  for (const [k, v] of Object.entries(shape.attrs)) e.setAttribute(k, String(v));
  if (shape.title !== undefined) {
    const title = document.createElementNS(SVG, 'title');
    title.textContent = shape.title;
    e.appendChild(title);
  }
  if (shape.text !== undefined) e.appendChild(document.createTextNode(shape.text));
  return e;
}

function chartSvg(view: ChartView): SVGSVGElement {
  const drawing = drawChart(view);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'iw-chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', view.summary);
  svg.setAttribute('viewBox', `0 0 ${drawing.width} ${drawing.height}`);
  for (const shape of drawing.shapes) svg.appendChild(svgShape(shape));
  return svg;
}

function table(view: ChartView, label: string): HTMLElement {
  const head = el('tr', {}, ...view.table.headers.map((h) => el('th', { scope: 'col' }, h)));
  const rows = view.table.rows.map((r) =>
    el('tr', {}, ...r.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, c) : el('td', {}, c)))),
  );
  const t = el(
    'table',
    { class: 'iw-chart-table' },
    el('caption', {}, view.table.caption),
    el('thead', {}, head),
    el('tbody', {}, ...rows),
  );
  // The table scrolls on its own; tabindex lets a keyboard user reach and scroll it.
  return el(
    'div',
    { class: 'iw-chart-data', tabindex: '0', role: 'region', 'aria-label': `${label}: ${view.table.caption}` },
    t,
  );
}

function render(page: ChartsPage): void {
  while (root.firstChild) root.removeChild(root.firstChild);
  root.setAttribute('aria-busy', 'false');
  const toolbar = el('div', { class: 'iw-toolbar' });
  const refresh = el('button', { type: 'button' }, page.labels.refresh);
  refresh.addEventListener('click', () => post({ type: 'refresh' }));
  toolbar.appendChild(refresh);
  if (page.labels.openText) {
    const open = el('button', { type: 'button', class: 'secondary' }, page.labels.openText);
    open.addEventListener('click', () => post({ type: 'openText' }));
    toolbar.appendChild(open);
  }
  root.append(el('h1', {}, page.title), toolbar, ...page.intro.map((p) => el('p', { class: 'intro' }, p)));
  if (page.views.length === 0) root.appendChild(el('p', { class: 'muted' }, page.labels.empty));
  for (const view of page.views) {
    const id = `chart-${view.id}`;
    const section = el(
      'section',
      { class: 'iw-chart-figure', 'aria-labelledby': id },
      el('h2', { id }, view.title),
      el('div', { class: 'iw-chart-row' }, chartSvg(view), table(view, page.labels.data)),
      ...view.notes.map((n) => el('p', { class: 'iw-chart-note' }, n)),
    );
    root.appendChild(section);
  }
  if (page.text) {
    root.append(
      el('h2', { id: 'report-text' }, page.labels.openText ?? 'Report'),
      el('pre', { class: 'iw-report', tabindex: '0', 'aria-labelledby': 'report-text' }, page.text),
    );
  }
}

/** The host's page, checked for the shape the drawing relies on (the host builds it from core's types). */
function isPage(value: unknown): value is ChartsPage {
  const p = value as ChartsPage | undefined;
  return (
    !!p &&
    typeof p.title === 'string' &&
    Array.isArray(p.intro) &&
    Array.isArray(p.views) &&
    typeof p.labels === 'object' &&
    p.views.every(
      (v) =>
        typeof v.id === 'string' &&
        Array.isArray(v.series) &&
        typeof v.table === 'object' &&
        Array.isArray(v.table.rows),
    )
  );
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data as { type?: unknown; page?: unknown } | undefined;
  if (message?.type !== 'show' || !isPage(message.page)) return;
  vscode.setState({ page: message.page });
  render(message.page);
});

// A page kept in the state (hidden and shown again, or reloaded) is drawn at once; the host then sends fresh numbers.
const saved = vscode.getState()?.page;
if (saved && isPage(saved)) render(saved);
post({ type: 'ready' });

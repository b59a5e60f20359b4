// Small DOM builders for the wizard: elements from tag, attributes and children, with text only ever set as text (never parsed as HTML).

/** Attributes and properties an element may get; `text` becomes its textContent. */
export interface Attrs {
  readonly [name: string]: string | number | boolean | undefined;
}

type Child = Node | string | null | undefined | false;

/**
 * Creates `<tag>` with `attrs` (`class`, `id`, `aria-*`, `for`, ...; `false`/`undefined`
 * leave an attribute out, `true` sets it empty) and appends `children`, strings as text nodes.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'text') element.textContent = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

/** Appends children, strings as text nodes; skips empty ones. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Removes every child of `element`. */
export function clear(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}

let counter = 0;
/** A fresh element id with a readable prefix. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A stable id for a draft field path (`assess.title` → `field-assess-title`). */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

/** The id of the live region that shows the findings of a field. */
export function findingsId(path: string): string {
  return `findings-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

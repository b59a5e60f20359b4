// Labelled form controls bound to a field of the draft, each with a live region for the linter's findings on that field.
import { ACTION_ITEM_PRIORITIES } from '../webview/protocol';
import { getPath, setPath, type App } from './app';
import { fieldId, findingsId, h } from './dom';

/** Options of a text control. */
export interface TextFieldOptions {
  /** A `<textarea>` with this many rows instead of an `<input>`. */
  readonly rows?: number;
  /** The input type: `text` (default), `datetime-local`, `date`, `number`. */
  readonly type?: string;
  /** A sentence under the label saying what to write. */
  readonly hint?: string;
  /** The element id; default from the path. */
  readonly id?: string;
  readonly placeholder?: string;
  /** The `maxlength`; the protocol refuses longer text. */
  readonly maxLength?: number;
  /** The stored value from the control's value (default: as typed). */
  readonly parse?: (value: string) => unknown;
  /** The control's value from the stored value (default: the string). */
  readonly format?: (value: unknown) => string;
}

/**
 * A region that shows the findings of `path`; `main.ts` fills every such region after each evaluation, with
 * the findings of a field only once it was touched (an element with `data-field` had input, a change, a click
 * or lost the focus) or Finish was pressed.
 */
export function findingsRegion(path: string): HTMLElement {
  return h('div', { class: 'findings', id: findingsId(path), 'data-findings-for': path, 'aria-live': 'polite' });
}

/** A labelled `<input>` or `<textarea>` for the string at `path`. */
export function textField(app: App, path: string, label: string, options: TextFieldOptions = {}): HTMLElement {
  const id = options.id ?? fieldId(path);
  const hintId = options.hint ? `${id}-hint` : undefined;
  const control = options.rows
    ? h('textarea', { id, rows: options.rows, maxlength: options.maxLength ?? 20000 })
    : h('input', {
        id,
        type: options.type ?? 'text',
        maxlength: options.type ? undefined : (options.maxLength ?? 500),
      });
  if (options.placeholder) control.setAttribute('placeholder', options.placeholder);
  control.setAttribute('data-field', path);
  control.setAttribute('aria-describedby', [hintId, findingsId(path)].filter(Boolean).join(' '));
  const stored = getPath(app.draft, path);
  control.value = options.format ? options.format(stored) : typeof stored === 'string' ? stored : '';
  control.addEventListener('input', () => {
    setPath(app.draft, path, options.parse ? options.parse(control.value) : control.value);
    app.changed();
  });
  return h(
    'div',
    { class: `field${options.rows ? ' field-wide' : ''}` },
    h('label', { for: id, text: label }),
    options.hint ? h('p', { class: 'hint', id: hintId, text: options.hint }) : null,
    control,
    findingsRegion(path),
  );
}

/** A labelled `<select>` for the string at `path`; `choices` are [value, text] pairs, an empty first choice is added. */
export function selectField(
  app: App,
  path: string,
  label: string,
  choices: ReadonlyArray<readonly [string, string]>,
  options: { id?: string; onChange?: () => void; emptyText?: string } = {},
): HTMLElement {
  const id = options.id ?? fieldId(path);
  const select = h(
    'select',
    { id, 'aria-describedby': findingsId(path), 'data-field': path },
    h('option', { value: '', text: options.emptyText ?? 'Choose…' }),
    ...choices.map(([value, text]) => h('option', { value, text })),
  );
  const stored = getPath(app.draft, path);
  select.value = typeof stored === 'string' ? stored : '';
  select.addEventListener('change', () => {
    setPath(app.draft, path, select.value);
    app.changed();
    options.onChange?.();
  });
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), select, findingsRegion(path));
}

/**
 * A growing list of text entries (5 Whys, contributing factors): one labelled control per
 * entry with a Remove button, and an Add button. Adding or removing rebuilds the phase and
 * focuses the new (or the neighbouring) entry.
 */
export function listField(
  app: App,
  path: string,
  options: {
    legend: string;
    itemLabel: (index: number) => string;
    addText: string;
    rows?: number;
    hint?: string;
    keepOne?: boolean;
  },
): HTMLElement {
  const items = getPath(app.draft, path) as string[];
  const idOf = (index: number) => `${fieldId(path)}-${index}`;
  const list = h('ol', { class: 'entries' });
  items.forEach((_, index) => {
    const remove = h('button', {
      type: 'button',
      class: 'secondary remove',
      text: 'Remove',
      'aria-label': `Remove ${options.itemLabel(index).toLowerCase()}`,
    });
    remove.addEventListener('click', () => {
      items.splice(index, 1);
      if (options.keepOne && items.length === 0) items.push('');
      app.changed();
      app.rerender(items.length > 0 ? idOf(Math.min(index, items.length - 1)) : `${fieldId(path)}-add`);
    });
    const field = textField(app, `${path}.${index}`, options.itemLabel(index), { rows: options.rows, id: idOf(index) });
    field.appendChild(remove);
    list.appendChild(h('li', {}, field));
  });
  const add = h('button', { type: 'button', id: `${fieldId(path)}-add`, class: 'secondary', text: options.addText });
  add.addEventListener('click', () => {
    if (items.length >= 100) return;
    items.push('');
    app.changed();
    app.rerender(idOf(items.length - 1));
  });
  const hintId = options.hint ? `${fieldId(path)}-hint` : undefined;
  return h(
    'fieldset',
    { class: 'list', 'aria-describedby': hintId, 'data-field': path },
    h('legend', { text: options.legend }),
    options.hint ? h('p', { class: 'hint', id: hintId, text: options.hint }) : null,
    list,
    add,
    findingsRegion(path),
  );
}

/** The priorities offered for action items, most urgent first. */
export const PRIORITY_CHOICES = ACTION_ITEM_PRIORITIES.map((p) => [p, p] as const);

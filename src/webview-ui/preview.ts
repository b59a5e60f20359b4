// Renders the postmortem's Markdown as DOM nodes by walking markdown-it's token stream: text only ever as text, a fixed set of tags, no raw HTML.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { append, clear, h } from './dom';

/** The same parser setup the extension uses for documents: CommonMark plus tables and strikethrough, raw HTML off. */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** The only elements the preview creates; a token asking for another tag is shown as its text. */
const ALLOWED_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'strong',
  'em',
  's',
  'code',
  'pre',
  'hr',
  'br',
  'a',
]);

/** Called when a link in the preview is activated, with the link's target as written. */
export type OpenLink = (href: string) => void;

/** Replaces the children of `target` with the rendering of `markdown`. */
export function renderPreview(target: HTMLElement, markdown: string, openLink: OpenLink): void {
  clear(target);
  walk(target, md.parse(markdown, {}), openLink, (into, token) => {
    if (token.type === 'inline') walk(into, token.children ?? [], openLink, inlineLeaf);
    else if (token.type === 'fence' || token.type === 'code_block')
      into.appendChild(h('pre', {}, h('code', { text: token.content })));
    else if (token.type === 'hr') into.appendChild(h('hr'));
    else append(into, token.content);
  });
}

/**
 * Walks a token list (block tokens, or an inline token's children): opening tokens add an
 * element and nest into it, closing tokens leave it, and every other token goes to `leaf` with
 * the element it belongs in.
 */
function walk(
  parent: HTMLElement,
  tokens: readonly Token[],
  openLink: OpenLink,
  leaf: (into: HTMLElement, token: Token) => void,
): void {
  const stack: HTMLElement[] = [parent];
  for (const token of tokens) {
    const top = stack[stack.length - 1];
    if (token.nesting === 1) {
      const element = openElement(token, openLink);
      top.appendChild(element);
      stack.push(element);
    } else if (token.nesting === -1) {
      if (stack.length > 1) stack.pop();
    } else {
      leaf(top, token);
    }
  }
}

/** Adds an inline token that opens nothing (text, code, breaks, images) to `into`. */
function inlineLeaf(into: HTMLElement, token: Token): void {
  if (token.type === 'code_inline') into.appendChild(h('code', { text: token.content }));
  else if (token.type === 'softbreak') append(into, '\n');
  else if (token.type === 'hardbreak') into.appendChild(h('br'));
  else if (token.type === 'image') append(into, `[image: ${token.content || token.attrGet('src') || ''}]`);
  else append(into, token.content); // text, and anything else as its text
}

/** The element for an opening token; links become buttons-in-disguise that ask the host to open them. */
function openElement(token: Token, openLink: OpenLink): HTMLElement {
  const tag = ALLOWED_TAGS.has(token.tag) ? (token.tag as keyof HTMLElementTagNameMap) : 'span';
  if (tag === 'a') {
    const href = token.attrGet('href') ?? '';
    // No real href: the host decides what may be opened (http, https, files in the workspace).
    const link = h('a', { href: '#', title: href, 'data-href': href });
    link.addEventListener('click', (event) => {
      event.preventDefault();
      openLink(href);
    });
    return link;
  }
  const element = document.createElement(tag);
  if (tag === 'ol') {
    const start = token.attrGet('start');
    if (start && /^\d+$/.test(start)) element.setAttribute('start', start);
  }
  return element;
}

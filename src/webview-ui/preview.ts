// Renders the postmortem's Markdown as DOM nodes by walking markdown-it's token stream: text only ever as text, a fixed set of tags, no raw HTML.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { append, clear, h } from './dom';

/** The same parser setup the extension uses for documents: CommonMark plus tables and strikethrough, raw HTML off. */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** The only elements the preview creates; a token asking for another tag is shown as its text. */
const ALLOWED_TAGS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  'strong', 'em', 's', 'code', 'pre', 'hr', 'br', 'a',
]);

/** Called when a link in the preview is activated, with the link's target as written. */
export type OpenLink = (href: string) => void;

/** Replaces the children of `target` with the rendering of `markdown`. */
export function renderPreview(target: HTMLElement, markdown: string, openLink: OpenLink): void {
  clear(target);
  const stack: HTMLElement[] = [target];
  const top = () => stack[stack.length - 1];
  for (const token of md.parse(markdown, {})) {
    if (token.nesting === 1) {
      const element = openElement(token, openLink);
      top().appendChild(element);
      stack.push(element);
    } else if (token.nesting === -1) {
      if (stack.length > 1) stack.pop();
    } else if (token.type === 'inline') {
      renderInline(top(), token.children ?? [], openLink);
    } else if (token.type === 'fence' || token.type === 'code_block') {
      top().appendChild(h('pre', {}, h('code', { text: token.content })));
    } else if (token.type === 'hr') {
      top().appendChild(h('hr'));
    } else {
      append(top(), token.content);
    }
  }
}

function renderInline(parent: HTMLElement, tokens: Token[], openLink: OpenLink): void {
  const stack: HTMLElement[] = [parent];
  const top = () => stack[stack.length - 1];
  for (const token of tokens) {
    if (token.nesting === 1) {
      const element = openElement(token, openLink);
      top().appendChild(element);
      stack.push(element);
    } else if (token.nesting === -1) {
      if (stack.length > 1) stack.pop();
    } else if (token.type === 'text') {
      append(top(), token.content);
    } else if (token.type === 'code_inline') {
      top().appendChild(h('code', { text: token.content }));
    } else if (token.type === 'softbreak') {
      append(top(), '\n');
    } else if (token.type === 'hardbreak') {
      top().appendChild(h('br'));
    } else if (token.type === 'image') {
      append(top(), `[image: ${token.content || token.attrGet('src') || ''}]`);
    } else {
      append(top(), token.content);
    }
  }
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

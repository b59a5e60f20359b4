// Decides what a link clicked in the wizard's preview may open: web pages over http(s), or a file inside the workspace folder; nothing else.
import { assertSafeRelativePath } from '../core/templates/paths';

/** What the host may do with a clicked link. */
export type LinkTarget =
  | { readonly kind: 'web'; readonly url: string }
  | { readonly kind: 'file'; /** Workspace-relative, forward slashes, checked safe. */ readonly path: string }
  | { readonly kind: 'refused'; /** Why, in the user's words. */ readonly reason: string };

/**
 * Classifies `href` from a document that will live at `fromPath` (workspace-relative): `http:`
 * and `https:` URLs are web links; a relative path (optionally `#fragment`) resolves against
 * the document's folder and must stay inside the workspace; every other scheme
 * (`file:`, `command:`, `javascript:`, `vscode:`, ...) and every absolute path is refused.
 */
export function classifyLink(href: string, fromPath: string): LinkTarget {
  const trimmed = href.trim();
  if (trimmed.length === 0 || trimmed.startsWith('#'))
    return { kind: 'refused', reason: 'The link points inside the preview.' };
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') {
    try {
      return { kind: 'web', url: new URL(trimmed).toString() };
    } catch {
      return { kind: 'refused', reason: `"${trimmed}" is not a valid web address.` };
    }
  }
  if (scheme)
    return {
      kind: 'refused',
      reason: `Links with "${scheme}:" are not opened from the wizard; only http, https and files in the workspace are.`,
    };
  if (trimmed.startsWith('/') || trimmed.startsWith('\\'))
    return { kind: 'refused', reason: 'Absolute paths are not opened from the wizard.' };
  let pathPart = trimmed.replace(/[?#].*$/, '');
  try {
    pathPart = decodeURIComponent(pathPart);
  } catch {
    return { kind: 'refused', reason: `"${trimmed}" is not a valid path.` };
  }
  const segments = fromPath.split('/').slice(0, -1);
  for (const segment of pathPart.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return { kind: 'refused', reason: `"${trimmed}" leads outside the workspace folder.` };
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  const path = segments.join('/');
  try {
    assertSafeRelativePath(path);
  } catch (e) {
    return { kind: 'refused', reason: e instanceof Error ? e.message : String(e) };
  }
  return { kind: 'file', path };
}

// Converts between the `file:` URIs of the protocol and the forward-slash paths the server keys documents by.

/** The path of a `file:` URI (`/home/a/x.md`, `c:/x.md` on Windows); undefined for other schemes. */
export function uriToPath(uri: string): string | undefined {
  const m = /^file:\/\/([^/]*)(\/.*)?$/i.exec(uri);
  if (!m) return undefined;
  let path = decodeURIComponent(m[2] ?? '/');
  // file:///c%3A/x.md → c:/x.md
  if (/^\/[A-Za-z]:/.test(path)) path = path.slice(1, 2).toLowerCase() + path.slice(2);
  return m[1] && m[1] !== 'localhost' ? `//${m[1]}${path}` : path;
}

/** The `file:` URI of a path, encoded as VS Code and Neovim encode it. */
export function pathToUri(path: string): string {
  const p = path.replace(/\\/g, '/');
  const withSlash = /^[A-Za-z]:/.test(p) ? `/${p.slice(0, 1).toLowerCase()}${p.slice(1)}` : p;
  const encoded = withSlash
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%3A/gi, (s, offset: number) => (offset === 1 ? ':' : s)))
    .join('/');
  return `file://${encoded}`;
}

/** `path` relative to `root` with forward slashes, or undefined when it is not inside `root`. */
export function relativeTo(root: string, path: string): string | undefined {
  const base = root.replace(/\/+$/, '');
  if (!path.startsWith(`${base}/`)) return undefined;
  return path.slice(base.length + 1);
}

/** `root` joined with a relative path. */
export function joinPath(root: string, relative: string): string {
  return `${root.replace(/\/+$/, '')}/${relative.replace(/^\/+/, '')}`;
}

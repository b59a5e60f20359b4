// Converts between the `file:` URIs of the protocol and the forward-slash paths the server keys documents by.
// A hierarchical URI of another scheme (`memfs:/ws/x.md`, `vscode-vfs://github/o/r/x.md`: the browser entry's
// workspaces) is its own key, kept as the client wrote it; the client's file system (./clientFileSystem.ts) reads it.

/** A URI of another scheme with a path (the scheme has two letters or more, so `c:/x` stays a Windows path). */
const HIERARCHICAL_URI = /^[A-Za-z][\w+.-]+:\/\S*$/;

/** The path of a `file:` URI (`/home/a/x.md`, `c:/x.md` on Windows); a hierarchical URI of another scheme as it is; else undefined. */
export function uriToPath(uri: string): string | undefined {
  const m = /^file:\/\/([^/]*)(\/.*)?$/i.exec(uri);
  if (!m) return HIERARCHICAL_URI.test(uri) ? uri : undefined;
  let path = decodeURIComponent(m[2] ?? '/');
  // file:///c%3A/x.md → c:/x.md
  if (/^\/[A-Za-z]:/.test(path)) path = path.slice(1, 2).toLowerCase() + path.slice(2);
  return m[1] && m[1] !== 'localhost' ? `//${m[1]}${path}` : path;
}

/** The `file:` URI of a path, encoded as VS Code and Neovim encode it (a key that is a URI of another scheme is returned as it is). */
export function pathToUri(path: string): string {
  if (HIERARCHICAL_URI.test(path) && !/^file:/i.test(path)) return path;
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

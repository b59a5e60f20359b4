// A test-only file system in memory for the `memfs:` scheme (after VS Code's fsprovider sample), in the web worker
// extension host: scripts/integration.mjs --web --memfs bundles it with a copy of a sample workspace (MEMFS_SEED:
// relative path → text) and opens memfs:/<folder>, standing in for github.dev's virtual file system. Nothing here is
// on disk: Incident Workbench can only reach these files through vscode.workspace.fs and URIs.
import * as vscode from 'vscode';

declare const MEMFS_SEED: { readonly folder: string; readonly files: Readonly<Record<string, string>> };

export const SCHEME = 'memfs';

class File implements vscode.FileStat {
  readonly type = vscode.FileType.File;
  readonly ctime = Date.now();
  mtime = Date.now();
  constructor(public data: Uint8Array) {}
  get size(): number {
    return this.data.byteLength;
  }
}

class Directory implements vscode.FileStat {
  readonly type = vscode.FileType.Directory;
  readonly ctime = Date.now();
  mtime = Date.now();
  readonly entries = new Map<string, File | Directory>();
  readonly size = 0;
}

type Entry = File | Directory;

/** The files, in memory; every change fires `onDidChangeFile`, so VS Code's watchers see it. */
export class MemFs implements vscode.FileSystemProvider {
  private readonly root = new Directory();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined); // every change is reported anyway
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    return this.lookup(uri);
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    return [...this.directory(uri).entries].map(([name, entry]) => [name, entry.type]);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const entry = this.lookup(uri);
    if (!(entry instanceof File)) throw vscode.FileSystemError.FileIsADirectory(uri);
    return entry.data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): void {
    const parent = this.directory(uri.with({ path: dirname(uri.path) }));
    const name = basename(uri.path);
    const entry = parent.entries.get(name);
    if (entry instanceof Directory) throw vscode.FileSystemError.FileIsADirectory(uri);
    if (!entry && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    if (entry && options.create && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    if (entry) {
      entry.data = content;
      entry.mtime = Date.now();
      this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
      return;
    }
    parent.entries.set(name, new File(content));
    parent.mtime = Date.now();
    this.emitter.fire([{ type: vscode.FileChangeType.Created, uri }]);
  }

  rename(oldUri: vscode.Uri, newUri: vscode.Uri, options: { overwrite: boolean }): void {
    if (!options.overwrite && this.tryLookup(newUri)) throw vscode.FileSystemError.FileExists(newUri);
    const entry = this.lookup(oldUri);
    this.directory(oldUri.with({ path: dirname(oldUri.path) })).entries.delete(basename(oldUri.path));
    this.directory(newUri.with({ path: dirname(newUri.path) })).entries.set(basename(newUri.path), entry);
    this.emitter.fire([
      { type: vscode.FileChangeType.Deleted, uri: oldUri },
      { type: vscode.FileChangeType.Created, uri: newUri },
    ]);
  }

  delete(uri: vscode.Uri): void {
    const parent = this.directory(uri.with({ path: dirname(uri.path) }));
    if (!parent.entries.delete(basename(uri.path))) throw vscode.FileSystemError.FileNotFound(uri);
    parent.mtime = Date.now();
    this.emitter.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  createDirectory(uri: vscode.Uri): void {
    const parent = this.directory(uri.with({ path: dirname(uri.path) }));
    const name = basename(uri.path);
    if (parent.entries.has(name)) throw vscode.FileSystemError.FileExists(uri);
    parent.entries.set(name, new Directory());
    parent.mtime = Date.now();
    this.emitter.fire([{ type: vscode.FileChangeType.Created, uri }]);
  }

  /** Writes `text` at `path` (absolute, forward slashes), making its folders; fires no event (for seeding). */
  seed(path: string, text: string): void {
    const parts = path.split('/').filter((p) => p !== '');
    let dir = this.root;
    for (const part of parts.slice(0, -1)) {
      let next = dir.entries.get(part);
      if (!next) dir.entries.set(part, (next = new Directory()));
      if (!(next instanceof Directory)) throw new Error(`memfs: ${part} in ${path} is a file`);
      dir = next;
    }
    dir.entries.set(parts[parts.length - 1], new File(new TextEncoder().encode(text)));
  }

  private tryLookup(uri: vscode.Uri): Entry | undefined {
    let entry: Entry = this.root;
    for (const part of uri.path.split('/').filter((p) => p !== '')) {
      if (!(entry instanceof Directory)) return undefined;
      const child: Entry | undefined = entry.entries.get(part);
      if (!child) return undefined;
      entry = child;
    }
    return entry;
  }

  private lookup(uri: vscode.Uri): Entry {
    const entry = this.tryLookup(uri);
    if (!entry) throw vscode.FileSystemError.FileNotFound(uri);
    return entry;
  }

  private directory(uri: vscode.Uri): Directory {
    const entry = this.lookup(uri);
    if (!(entry instanceof Directory)) throw vscode.FileSystemError.FileNotADirectory(uri);
    return entry;
  }
}

function dirname(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  return slash <= 0 ? '/' : trimmed.slice(0, slash);
}

function basename(path: string): string {
  return path.replace(/\/+$/, '').split('/').pop() ?? '';
}

export function activate(context: vscode.ExtensionContext): void {
  const memfs = new MemFs();
  for (const [relative, text] of Object.entries(MEMFS_SEED.files))
    memfs.seed(`/${MEMFS_SEED.folder}/${relative}`, text);
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(SCHEME, memfs, { isCaseSensitive: true, isReadonly: false }),
  );
}

export function deactivate(): void {}

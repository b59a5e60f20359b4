// What the language server needs of a file system, so the server itself stays free of Node APIs (a browser build passes another adapter).

/** A file's change stamp. */
export interface FileStat {
  /** Modification time, milliseconds. */
  readonly mtime: number;
  /** Size in bytes. */
  readonly size: number;
}

/** The file system the language server reads the workspace from (absolute paths with forward slashes). */
export interface ServerFileSystem {
  /** The file's stamp, or undefined when there is no such file. */
  stat(path: string): Promise<FileStat | undefined>;
  /** The file's text (UTF-8), or undefined when it cannot be read. */
  readText(path: string): Promise<string | undefined>;
  /** The Markdown files under `root`, absolute, skipping dependency and build folders (node_modules, .git, dist...). */
  findMarkdownFiles(root: string): Promise<string[]>;
}

// Finds a ripgrep binary: the one VS Code ships under its install folder (`vscode.env.appRoot`, as it moved between releases), else `rg` on the PATH. The extension, the tests and the bench all look here.
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

/**
 * Where VS Code builds keep ripgrep under `appRoot`, newest layout first:
 * `@vscode/ripgrep-universal` (one package, a binary per platform; VS Code 1.10x and
 * code-server 4.139), `@vscode/ripgrep` and the older `vscode-ripgrep`, each in
 * `node_modules` or `node_modules.asar.unpacked`.
 */
export function ripgrepCandidates(
  appRoot: string,
  platform: string = process.platform,
  arch: string = process.arch,
): string[] {
  const exe = platform === 'win32' ? 'rg.exe' : 'rg';
  return ['node_modules', 'node_modules.asar.unpacked'].flatMap((modules) => [
    path.join(appRoot, modules, '@vscode', 'ripgrep-universal', 'bin', `${platform}-${arch}`, exe),
    path.join(appRoot, modules, '@vscode', 'ripgrep', 'bin', exe),
    path.join(appRoot, modules, 'vscode-ripgrep', 'bin', exe),
  ]);
}

/**
 * The path of VS Code's bundled ripgrep, or undefined when there is none: first the path the
 * package itself exports (`rgPath` of `@vscode/ripgrep`, resolved from `appRoot`; inside an
 * asar archive the binary is in the `.asar.unpacked` twin), then the layout of
 * `@vscode/ripgrep-universal` (`bin/<platform>-<arch>/rg`, an ES module we do not load),
 * then the known places. Only an executable file is returned.
 */
export function findBundledRipgrep(appRoot: string | undefined): string | undefined {
  if (!appRoot) return undefined;
  const found: string[] = [];
  const require = createRequire(path.join(appRoot, 'package.json'));
  try {
    const exported = (require('@vscode/ripgrep') as { rgPath?: unknown }).rgPath;
    if (typeof exported === 'string')
      found.push(exported.replace(/\bnode_modules\.asar\b(?!\.unpacked)/, 'node_modules.asar.unpacked'));
  } catch {
    // Not there (newer builds ship @vscode/ripgrep-universal), or not loadable from here.
  }
  try {
    const packageDir = path.dirname(require.resolve('@vscode/ripgrep-universal/package.json'));
    found.push(
      path.join(
        packageDir,
        'bin',
        `${process.platform}-${process.arch}`,
        process.platform === 'win32' ? 'rg.exe' : 'rg',
      ),
    );
  } catch {
    // The package is missing or does not export its package.json; the probes below still look.
  }
  found.push(...ripgrepCandidates(appRoot));
  return found.find(isExecutable);
}

/** A ripgrep binary and where it came from. */
export interface RipgrepLocation {
  readonly path: string;
  /** `bundled`: the one inside a VS Code (or code-server) install; `path`: an `rg` found on the PATH. */
  readonly source: 'bundled' | 'path';
}

/** The first executable `rg` in the folders of `pathVariable` (the PATH's syntax), or undefined. */
export function findRipgrepOnPath(pathVariable: string | undefined = process.env.PATH): string | undefined {
  const exe = process.platform === 'win32' ? 'rg.exe' : 'rg';
  return (pathVariable ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map((folder) => path.join(folder, exe))
    .find(isExecutable);
}

/**
 * The ripgrep to use: the one bundled with the VS Code whose install folder is `appRoot` first (it is
 * the version the editor was tested with and needs no install), else `rg` on the PATH.
 */
export function locateRipgrep(
  appRoot: string | undefined,
  pathVariable: string | undefined = process.env.PATH,
): RipgrepLocation | undefined {
  const bundled = findBundledRipgrep(appRoot);
  if (bundled) return { path: bundled, source: 'bundled' };
  const onPath = findRipgrepOnPath(pathVariable);
  return onPath ? { path: onPath, source: 'path' } : undefined;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `ripgrep 15.0.0` for the binary at `rgPath`, or undefined when it does not run. */
export function ripgrepVersion(rgPath: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(rgPath, ['--version'], { timeout: 5000, windowsHide: true }, (error, stdout) => {
      resolve(error ? undefined : stdout.split('\n')[0].trim() || undefined);
    });
  });
}

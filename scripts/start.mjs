// `npm start`: builds the extension and opens examples/acme-shop with it, in desktop VS Code when `code` is on PATH, otherwise in code-server on 127.0.0.1 until Ctrl+C.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { cacheDir, ensureCodeServer, freePort, repoRoot, startCodeServer } from './codeServer.mjs';
import { provision } from './provision.mjs';

const workspace = join(repoRoot, 'examples', 'acme-shop');

/** A desktop VS Code `code` on PATH (not the remote CLI a code-server terminal provides). */
function desktopCode() {
  if (process.env.VSCODE_IPC_HOOK_CLI) return undefined;
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(folder, 'code');
    if (folder && existsSync(candidate) && !/remote-cli|code-server/.test(candidate)) return candidate;
  }
  return undefined;
}

/** Makes `<extensionsDir>/<publisher>.<name>-<version>` a link to the repository, removing links left by other versions. */
async function linkRepository(extensionsDir) {
  const manifest = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8'));
  const prefix = `${manifest.publisher}.${manifest.name}-`.toLowerCase();
  const wanted = `${prefix}${manifest.version}`;
  await mkdir(extensionsDir, { recursive: true });
  for (const entry of await readdir(extensionsDir)) {
    if (!entry.startsWith(prefix)) continue;
    const path = join(extensionsDir, entry);
    const isCurrentLink =
      entry === wanted && (await lstat(path)).isSymbolicLink() && (await readlink(path)) === repoRoot;
    if (!isCurrentLink) await rm(path, { recursive: true, force: true });
  }
  const link = join(extensionsDir, wanted);
  if (!existsSync(link)) {
    await symlink(repoRoot, link, 'dir');
    // VS Code records the folders it found in extensions.json on its first scan and marks any
    // folder added later as obsolete; without the file it scans the folder afresh.
    await rm(join(extensionsDir, 'extensions.json'), { force: true });
    await rm(join(extensionsDir, '.obsolete'), { force: true });
  }
  return link;
}

async function main() {
  console.log('> node scripts/build.mjs');
  const build = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  if (!existsSync(workspace)) throw new Error(`the sample workspace ${workspace} does not exist`);

  const code = desktopCode();
  if (code) {
    console.log(`> ${code} --extensionDevelopmentPath=${repoRoot} ${workspace}`);
    const result = spawnSync(code, [`--extensionDevelopmentPath=${repoRoot}`, workspace], { stdio: 'inherit' });
    process.exit(result.status ?? 0);
  }

  // The first run installs the Debian packages code-server builds against, then code-server itself
  // (a few minutes, once); later runs find both and start in seconds.
  provision({ purpose: 'start' });
  const entry = await ensureCodeServer();
  const extensionsDir = join(cacheDir(), 'dev-extensions');
  const link = await linkRepository(extensionsDir);
  // A fresh user-data-dir each time: code-server caches extension manifests, so a changed package.json would go unseen.
  const userDataDir = await mkdtemp(join(tmpdir(), 'iw-start-'));
  const preferred = Number(process.env.PORT || 8080);
  const port = await freePort(preferred);
  if (port !== preferred) console.log(`port ${preferred} is busy; using ${port}`);

  const server = await startCodeServer({
    entry,
    port,
    userDataDir,
    extensionsDir,
    onLine: (line) => {
      if (/error|warn/i.test(line) && !/open-vsx|telemetry|api\.github\.com/i.test(line))
        console.log(`[code-server] ${line}`);
    },
  });
  console.log(
    `\nIncident Workbench (${link} -> ${repoRoot}) is running in code-server:\n\n  ${server.url}/?folder=${encodeURI(workspace)}\n`,
  );
  console.log('After changing the code, run `npm run build` and reload the window. Ctrl+C stops.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    await rm(userDataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const { code: exitCode, signal } = await server.exitPromise;
  if (!stopping) {
    console.error(`code-server stopped (${signal ?? `exit ${exitCode}`})`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});

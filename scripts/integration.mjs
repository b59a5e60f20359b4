// Runs the integration suite inside a real VS Code (code-server + headless Chromium) against the packaged .vsix and a copy of examples/acme-shop, and prints `N passed, N failed` last.
//
// Usage: node scripts/integration.mjs [--no-compile] [--grep <regexp>] [--workspace <folder>] [--timeout <seconds>] [--keep] [--untrusted]
//   --no-compile   skip `tsc -p .` (scripts/test.mjs has just run it)
//   --workspace    the sample workspace to copy (default examples/acme-shop)
//   --keep         keep the temporary folder (user data, extensions, workspace copy) for inspection
//   --web          the browser-only variant of the .vsix (its `main` removed) in the web worker extension host, with
//                  the web test runner (test/integration/web, bundled here); writes test-results/integration-web.json
//   --memfs        with --web (implied): the workspace copy is served from memory by a test-only FileSystemProvider
//                  (test/integration/web/memfs, the `memfs:` scheme) and opened as memfs:/<name>, a virtual workspace
//                  as on github.dev; writes test-results/integration-web-memfs.json
//   --untrusted    Restricted Mode: workspace trust on and not granted; runs only the "Restricted mode" suite
//                  (unless --grep says otherwise) and writes test-results/integration-untrusted.json
//
// A test may ask to go on after a window reload (uiBridge.ts continueAfterReload): the page is reloaded
// when the runner writes <results>.continue, and the runner in the new extension host finishes the run.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { ensureCodeServer, installExtension, linkExtension, repoRoot, startCodeServer } from './codeServer.mjs';

const { values: options } = parseArgs({
  options: {
    'no-compile': { type: 'boolean', default: false },
    grep: { type: 'string', default: '' },
    workspace: { type: 'string', default: join(repoRoot, 'examples', 'acme-shop') },
    timeout: { type: 'string', default: '900' },
    keep: { type: 'boolean', default: false },
    untrusted: { type: 'boolean', default: false },
    web: { type: 'boolean', default: false },
    memfs: { type: 'boolean', default: false },
  },
});
if (options.memfs) options.web = true;
if (options.untrusted && !options.grep) options.grep = 'Restricted mode';

// Restricted Mode: trust on, no prompt, so the folder opens untrusted. The test runner declares no
// support for untrusted workspaces, so it is allowed here by setting rather than in its manifest.
const UNTRUSTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.emptyWindow': false,
  'extensions.supportUntrustedWorkspaces': { 'incident-workbench-tests.test-runner': { supported: true } },
};

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const RESULTS_DIR = join(repoRoot, 'test-results');
const OVERALL_TIMEOUT_MS = Number(options.timeout) * 1000;
const RUNNER_START_TIMEOUT_MS = 120_000;

// Harmless log lines caused by having no network (real-vscode.md §8); everything else is shown.
const NOISE = [
  /open-vsx\.org/i,
  /\bgithub\b/i, // api.github.com look-ups, the GitHub authentication provider
  /vsda/i, // Microsoft's proprietary signing module, absent from code-server by design
  /telemetry|vortex\.data\.microsoft|dc\.services\.visualstudio|mobile\.events\.data|default\.exp-tas\.com|exp-tas/i,
  /marketplace|gallery/i,
  /update\.code\.visualstudio\.com|az764295\.vo\.msecnd|vscode-cdn|vscode-unpkg/i,
];
const isNoise = (line) => NOISE.some((pattern) => pattern.test(line));
// Logged because we stop code-server, not a problem.
const OWN_SHUTDOWN = /terminated by itself with code null, signal: SIGTERM/;
const EXTENSION_HOST_DIED =
  /extension host.*(terminated unexpectedly|exited with code|crashed)|\[ExtensionHost\S*\].*(terminated|exit)/i;

function stage(title) {
  console.log(`\n=== ${title}`);
}

function runOrExit(command, args) {
  console.log(`> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

/** The HTTP endpoint suite tests call (IW_UI_BRIDGE) for what only the browser can do. */
function startUiBridge(getPage, resultsFile) {
  let queue = Promise.resolve();
  const actions = {
    // The web test runner cannot write files: it posts its results here (partial ones while it runs).
    async report({ partial, results }) {
      await writeFile(partial ? `${resultsFile}.partial` : resultsFile, JSON.stringify(results));
      return {};
    },
    async palette({ title }) {
      if (typeof title !== 'string' || !title) throw new Error('palette needs a title');
      const page = await getPage();
      const widget = page.locator('.quick-input-widget');
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const input = widget.locator('input').first();
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(`>${title}`);
      // Wait until the list has caught up with the typing and the best match is the command.
      const focused = widget.locator('.monaco-list-row.focused');
      const deadline = Date.now() + 10_000;
      for (;;) {
        const label =
          (await focused
            .first()
            .getAttribute('aria-label', { timeout: 1000 })
            .catch(() => null)) ?? '';
        if (label.toLowerCase().startsWith(title.toLowerCase())) break;
        if (Date.now() > deadline) {
          const rows = await widget
            .locator('.monaco-list-row')
            .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
          await page.keyboard.press('Escape');
          throw new Error(
            `no command titled "${title}" in the palette (it offers: ${rows.slice(0, 8).join(' | ') || 'nothing'})`,
          );
        }
        await delay(100);
      }
      await page.keyboard.press('Enter');
      await widget.waitFor({ state: 'hidden', timeout: 10_000 });
      return {};
    },
    async keys({ keys }) {
      if (!Array.isArray(keys)) throw new Error('keys needs an array');
      const page = await getPage();
      for (const key of keys) await page.keyboard.press(String(key));
      return {};
    },
    // Types into the focused element, one character every intervalMs on a fixed schedule (so the
    // browser's own time per key does not slow the rate down); resolves with how long it took.
    async type({ text, intervalMs = 50 }) {
      if (typeof text !== 'string') throw new Error('type needs a text');
      const page = await getPage();
      const started = Date.now();
      const characters = [...text];
      for (let i = 0; i < characters.length; i++) {
        const wait = started + i * Number(intervalMs) - Date.now();
        if (wait > 0) await delay(wait);
        await page.keyboard.type(characters[i]);
      }
      return { ms: Date.now() - started };
    },
    async notifications() {
      const page = await getPage();
      return { messages: await page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts() };
    },
    // Reads the first visible element matching a CSS selector of the workbench (a status bar entry, the quick pick's title).
    async domText({ selector }) {
      if (typeof selector !== 'string' || !selector) throw new Error('domText needs a selector');
      const page = await getPage();
      const element = page.locator(selector).first();
      await element.waitFor({ state: 'visible', timeout: 10_000 });
      return { text: await element.innerText(), label: await element.getAttribute('aria-label') };
    },
    // Clicks the button a user reads as `name` (exact) inside the first element matching `within` (e.g. a walkthrough step).
    async clickButton({ within, name }) {
      if (typeof within !== 'string' || typeof name !== 'string') throw new Error('clickButton needs within and name');
      const page = await getPage();
      await page.locator(within).first().getByRole('button', { name, exact: true }).first().click({ timeout: 10_000 });
      return {};
    },
    async screenshot({ name }) {
      if (typeof name !== 'string' || !/^[\w.-]+$/.test(name)) throw new Error(`bad screenshot name: ${name}`);
      const page = await getPage();
      const path = join(RESULTS_DIR, `${name}.png`);
      await mkdir(RESULTS_DIR, { recursive: true });
      await page.screenshot({ path });
      console.log(`  [ui] screenshot ${path}`);
      return { path };
    },
    async focusProblems() {
      await actions.palette({ title: 'View: Focus Problems' });
      const page = await getPage();
      const panel = page.locator('.markers-panel').first();
      await panel.waitFor({ state: 'visible', timeout: 10_000 });
      await delay(500); // let the tree render its rows
      return { text: (await panel.innerText()).slice(0, 20_000) };
    },
    // Acts inside a webview whose page marks its <body> with data-webview="<webview>" (the page is
    // in nested iframes: iframe.webview > iframe#active-frame). Steps run in order; each finds its
    // control by its visible label or button name (exact, nth match), as a user would.
    async webview({ webview, steps, timeoutMs = 20_000 }) {
      if (typeof webview !== 'string' || !Array.isArray(steps))
        throw new Error('webview needs a webview name and steps');
      const page = await getPage();
      const deadline = Date.now() + timeoutMs;
      let frame;
      while (!frame) {
        for (const candidate of page.frames()) {
          const name = await candidate.evaluate(() => globalThis.document.body?.dataset.webview ?? '').catch(() => '');
          if (name === webview) {
            frame = candidate;
            break;
          }
        }
        if (!frame && Date.now() > deadline) throw new Error(`no webview "${webview}" is open`);
        if (!frame) await delay(200);
      }
      const results = [];
      for (const step of steps) {
        const nth = step.nth ?? 0;
        const byLabel = (label) => frame.getByLabel(label, { exact: true }).nth(nth);
        if ('fill' in step) await byLabel(step.fill).fill(String(step.value ?? ''), { timeout: 10_000 });
        else if ('check' in step) await byLabel(step.check).check({ timeout: 10_000 });
        else if ('select' in step) await byLabel(step.select).selectOption(String(step.value), { timeout: 10_000 });
        else if ('click' in step)
          await frame.getByRole('button', { name: step.click, exact: true }).nth(nth).click({ timeout: 10_000 });
        else if ('waitFor' in step) await frame.locator(step.waitFor).first().waitFor({ timeout: 10_000 });
        else if ('value' in step) {
          results.push(await byLabel(step.value).inputValue({ timeout: 10_000 }));
          continue;
        } else if ('text' in step) {
          results.push(await frame.locator(step.text).first().textContent({ timeout: 10_000 }));
          continue;
        } else if ('attribute' in step) {
          results.push(await frame.locator(step.attribute).first().getAttribute(step.name, { timeout: 10_000 }));
          continue;
        } else if ('property' in step) {
          results.push(
            String(
              (await frame
                .locator(step.property)
                .first()
                .evaluate((el, name) => el[name], step.name, { timeout: 10_000 })) ?? '',
            ),
          );
          continue;
        } else if ('focused' in step) {
          results.push(await frame.evaluate(() => globalThis.document.activeElement?.id ?? ''));
          continue;
        }
        // A JavaScript expression evaluated in the page (checks a label cannot express); its value as JSON.
        else if ('evaluate' in step) {
          results.push(JSON.stringify((await frame.evaluate(String(step.evaluate))) ?? null));
          continue;
        } else if ('pause' in step) await delay(Math.min(Number(step.pause) || 0, 5_000));
        else throw new Error(`unknown webview step ${JSON.stringify(step)}`);
        results.push(null);
      }
      return { results };
    },
  };

  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const name = (req.url ?? '').replace(/^\//, '');
      const reply = (status, value) => {
        // The web test runner calls from the workbench's origin (another port).
        res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
        res.end(JSON.stringify(value));
      };
      if (req.method !== 'POST' || !Object.hasOwn(actions, name)) {
        reply(404, { error: `unknown UI bridge action: ${req.method} /${name}` });
        return;
      }
      // One browser action at a time, in arrival order.
      queue = queue.then(async () => {
        try {
          reply(200, await actions[name](body ? JSON.parse(body) : {}));
        } catch (error) {
          console.log(`  [ui] ${name} failed: ${error.message}`);
          reply(500, { error: error.message });
        }
      });
    });
  });
  return new Promise((resolvePromise) => {
    server.listen(0, '127.0.0.1', () => resolvePromise({ server, url: `http://127.0.0.1:${server.address().port}` }));
  });
}

/** Prints the [error] lines VS Code logged under `<userDataDir>/logs` (extension host, this extension's own log), noise left out. */
async function printLoggedErrors(userDataDir) {
  const files = (await readdir(join(userDataDir, 'logs'), { recursive: true }).catch(() => [])).filter((file) =>
    file.endsWith('.log'),
  );
  const errors = [];
  for (const file of files) {
    const text = await readFile(join(userDataDir, 'logs', file), 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
      if (/\[error\]/.test(line) && !isNoise(line) && !OWN_SHUTDOWN.test(line)) errors.push(`  ${file}: ${line}`);
    }
  }
  if (errors.length) console.log(`\nErrors logged by VS Code:\n${errors.join('\n')}`);
}

/** Prints the figures the Reliability suite wrote to test-results/load.json during this run, if it did. */
async function printLoadFigures(since) {
  const file = join(RESULTS_DIR, 'load.json');
  const figures = existsSync(file) && (await stat(file)).mtimeMs >= since ? await readJson(file) : undefined;
  if (figures && Object.keys(figures).length)
    console.log(`\n  Reliability figures (${file}):\n${JSON.stringify(figures, null, 2).replace(/^/gm, '    ')}`);
}

async function readJson(file) {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function printResults(results) {
  let lastPath = [];
  for (const test of results.tests) {
    const suites = test.titlePath.slice(0, -1);
    suites.forEach((title, depth) => {
      if (lastPath[depth] !== title) console.log(`${'  '.repeat(depth + 1)}${title}`);
    });
    lastPath = suites;
    const indent = '  '.repeat(suites.length + 1);
    const mark = { passed: '✔', failed: '✘', pending: '-' }[test.state];
    console.log(`${indent}${mark} ${test.title}${test.state === 'passed' ? ` (${test.durationMs} ms)` : ''}`);
  }
  const failures = results.tests.filter((test) => test.state === 'failed');
  failures.forEach((test, index) => {
    console.log(`\n  ${index + 1}) ${test.fullTitle}:`);
    console.log(`     ${test.error?.message?.split('\n').join('\n     ')}`);
    if (test.error?.expected !== undefined) {
      console.log(`     expected: ${test.error.expected.split('\n').join('\n               ')}`);
      console.log(`     actual:   ${test.error.actual.split('\n').join('\n               ')}`);
    }
    const frames = (test.error?.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line) && /suite/.test(line));
    if (frames.length) console.log(frames.slice(0, 3).join('\n'));
  });
  for (const error of results.errors ?? []) console.log(`\n  suite error: ${error.stack || error.message}`);
  console.log(
    `\n  ${results.passed} passing, ${results.failed} failing, ${results.pending} pending (${results.durationMs ?? '?'} ms)`,
  );
}

/**
 * The packaged .vsix as VS Code would install it, with `main` removed from its manifest: VS Code then runs its
 * `browser` entry in the web worker extension host (real-vscode.md item 10). Returns the extension's folder.
 */
async function browserOnlyVariant(vsix, temp) {
  const unpacked = join(temp, 'vsix');
  runOrExit('unzip', ['-q', vsix, '-d', unpacked]);
  const folder = join(unpacked, 'extension');
  const manifest = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8'));
  if (!manifest.browser) throw new Error(`${vsix} has no browser entry`);
  delete manifest.main;
  await writeFile(join(folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return folder;
}

/** The web test runner (test/integration/web) as a web extension: its manifest and one bundle for the web worker. */
async function buildWebRunner(temp) {
  const folder = join(temp, 'web-runner');
  await mkdir(join(folder, 'dist'), { recursive: true });
  await cp(join(repoRoot, 'test', 'integration', 'web', 'runner', 'package.json'), join(folder, 'package.json'));
  await build({
    entryPoints: [join(repoRoot, 'test', 'integration', 'web', 'runner.ts')],
    outfile: join(folder, 'dist', 'runner.js'),
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return folder;
}

/** Every text file under `folder`, relative path (forward slashes) → text: what the memfs extension starts with. */
async function textFilesOf(folder) {
  const files = {};
  for (const rel of (await readdir(folder, { recursive: true })).sort()) {
    const path = join(folder, rel);
    if (!(await stat(path)).isFile()) continue;
    const bytes = await readFile(path);
    if (bytes.includes(0)) throw new Error(`${path}: the memfs seed takes text files only`);
    files[rel.split(/[\\/]/).join('/')] = bytes.toString('utf8');
  }
  return files;
}

/** The memfs extension (test/integration/web/memfs) as a web extension, seeded with the sample workspace's files. */
async function buildMemfs(temp, workspace, name) {
  const folder = join(temp, 'memfs');
  await mkdir(join(folder, 'dist'), { recursive: true });
  await cp(join(repoRoot, 'test', 'integration', 'web', 'memfs', 'package.json'), join(folder, 'package.json'));
  await build({
    entryPoints: [join(repoRoot, 'test', 'integration', 'web', 'memfs', 'extension.ts')],
    outfile: join(folder, 'dist', 'memfs.js'),
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    define: { MEMFS_SEED: JSON.stringify({ folder: name, files: await textFilesOf(workspace) }) },
    logLevel: 'warning',
  });
  return folder;
}

async function main() {
  const started = Date.now();
  if (!existsSync(options.workspace)) {
    throw new Error(`the sample workspace ${options.workspace} does not exist`);
  }
  if (!options['no-compile']) {
    stage('Compiling the suite (tsc -p .)');
    runOrExit(join(repoRoot, 'node_modules', '.bin', 'tsc'), ['-p', '.']);
  }
  stage('Packaging the extension (npm run package)');
  runOrExit('npm', ['run', '--silent', 'package']);
  const manifest = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8'));
  const vsix = join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);

  stage('Preparing code-server');
  const entry = await ensureCodeServer();
  const temp = await mkdtemp(join(tmpdir(), 'iw-integration-'));
  const userDataDir = join(temp, 'user-data');
  const extensionsDir = join(temp, 'extensions');
  const workspace = join(temp, 'workspace', basename(options.workspace));
  const resultsFile = join(temp, 'results.json');
  await mkdir(RESULTS_DIR, { recursive: true });
  await mkdir(userDataDir, { recursive: true });
  // Link the test runner first: the first scan of an extensions dir (here: by --install-extension)
  // records every folder in extensions.json; a folder added later is marked obsolete instead.
  const workspaceName = basename(options.workspace);
  if (options.web) {
    await linkExtension(await buildWebRunner(temp), extensionsDir);
    if (options.memfs) await linkExtension(await buildMemfs(temp, options.workspace, workspaceName), extensionsDir);
    await linkExtension(await browserOnlyVariant(vsix, temp), extensionsDir);
    console.log(`installed the browser-only variant of ${vsix}`);
  } else {
    await linkExtension(join(repoRoot, 'test', 'integration', 'host'), extensionsDir);
    await installExtension({ entry, vsix, extensionsDir, userDataDir });
    console.log(`installed ${vsix}`);
  }
  await cp(options.workspace, workspace, { recursive: true });
  console.log(`workspace copy: ${workspace}`);

  let browser;
  let page;
  let server;
  let bridge;
  let results;
  let failure = '';
  let pageReady;
  const readyPromise = new Promise((resolvePromise) => {
    pageReady = resolvePromise;
  });
  const logLines = [];
  let stopping = false;
  // code-server runs in its own process group, so Ctrl+C does not reach it: stop it, and let the
  // run clean up as after any other failure (or give up after 15 s).
  let interrupted = '';
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      interrupted = signal;
      stopping = true;
      console.log(`\n${signal}: stopping code-server and the browser`);
      server?.stop();
      setTimeout(() => process.exit(130), 15_000).unref();
    });
  }
  try {
    bridge = await startUiBridge(() => readyPromise, resultsFile);
    const require = createRequire(join(repoRoot, 'package.json'));
    let extensionHostDied = '';
    let reloadStarted = 0;
    server = await startCodeServer({
      entry,
      userDataDir,
      extensionsDir,
      // In a browser VS Code saves after a delay by default; the tests need desktop behaviour,
      // where an edit stays unsaved until it is saved or reverted. VS Code's own git extension is
      // off: the authoring suite makes and removes a repository, and the built-in extension's git
      // processes then failed with EPIPE inside the shared extension host, failing an unrelated
      // test. Incident Workbench runs git itself and does not need it.
      settings: {
        'files.autoSave': 'off',
        'git.enabled': false,
        ...(options.untrusted ? UNTRUSTED_SETTINGS : {}),
        ...(options.web
          ? {
              'incidentWorkbenchTests.uiBridge': bridge.url,
              'incidentWorkbenchTests.folderScheme': options.memfs ? 'memfs' : 'vscode-remote',
            }
          : {}),
      },
      env: {
        IW_TEST_RESULTS: resultsFile,
        IW_UI_BRIDGE: bridge.url,
        IW_MOCHA_PATH: require.resolve('mocha'),
        IW_SUITE_DIR: join(repoRoot, 'out', 'test', 'integration', 'suite'),
        IW_TEST_GREP: options.grep,
        IW_UNTRUSTED: options.untrusted ? '1' : '',
      },
      onLine: (line) => {
        logLines.push(line);
        // The extension host a reload replaces ends (reloadStarted: from the reload until the new runner takes over).
        if (EXTENSION_HOST_DIED.test(line) && !reloadStarted) extensionHostDied = line;
        if (line.trim() && !isNoise(line) && !stopping) console.log(`  [code-server] ${line}`);
      },
    });
    console.log(`code-server ${server.url} (user data ${userDataDir})`);

    stage('Running the suite in the extension host');
    // Our own signal handlers close the browser after code-server; Playwright's would exit first.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      handleSIGINT: false,
      handleSIGTERM: false,
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // A reload the suite asks for must not stop at a "Leave site?" question.
    page.on(
      'dialog',
      (dialog) => void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()).catch(() => {}),
    );
    page.on('pageerror', (error) => {
      if (!stopping && !isNoise(error.message)) console.log(`  [browser] page error: ${error.message}`);
    });
    page.on('console', (message) => {
      // The workbench styles its console output ("%c  ERR color: #f33 ..."); the first line says it all.
      const text = message
        .text()
        .replace(/%c\s*|color: #\w+\s*/g, '')
        .split('\n')[0];
      if (message.type() === 'error' && !stopping && !isNoise(text) && !/Failed to load resource/.test(text))
        console.log(`  [browser] ${text}`);
      if (/extension host.*terminated unexpectedly/i.test(text)) extensionHostDied = text;
    });
    // Generous timeouts: a loaded CI machine can take a minute to serve the workbench.
    // A memfs: folder is a URI (VS Code for the Web parses it as one); a path is the remote folder on disk.
    const folderParam = options.memfs ? `memfs:/${workspaceName}` : workspace;
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folderParam)}`, { timeout: 120_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    pageReady(page);
    console.log(`workbench rendered after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const deadline = Date.now() + OVERALL_TIMEOUT_MS;
    const runnerDeadline = Date.now() + RUNNER_START_TIMEOUT_MS;
    let reloads = 0;
    while (!(results = await readJson(resultsFile))) {
      if (interrupted) {
        failure = `interrupted (${interrupted})`;
        break;
      }
      if (server.exited()) {
        failure = 'code-server exited before the suite finished';
        break;
      }
      if (extensionHostDied) {
        failure = `the extension host died: ${extensionHostDied}`;
        break;
      }
      if (Date.now() > deadline) {
        failure = `no results after ${OVERALL_TIMEOUT_MS / 1000} s`;
        break;
      }
      if (Date.now() > runnerDeadline && !existsSync(`${resultsFile}.partial`)) {
        failure = `the test-runner extension did not start within ${RUNNER_START_TIMEOUT_MS / 1000} s (see test-results/code-server.log)`;
        break;
      }
      // A test asked to go on after a window reload (test/integration/host/extension.js): reload, and
      // expect the runner in the new extension host to take the continuation within the start timeout.
      const continuation = await readJson(`${resultsFile}.continue`);
      if (continuation && continuation.reloads > reloads) {
        reloads = continuation.reloads;
        reloadStarted = Date.now();
        console.log(
          `  [ui] reloading the window (${continuation.results.passed} passed, ${continuation.results.failed} failed so far); then running /${continuation.grep}/`,
        );
        await page.reload({ timeout: 120_000 });
        await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
        console.log(`  [ui] workbench rendered again after ${((Date.now() - reloadStarted) / 1000).toFixed(1)} s`);
      } else if (continuation && Date.now() > reloadStarted + RUNNER_START_TIMEOUT_MS) {
        failure = `the suite asked for a window reload, but the test-runner extension did not start again within ${RUNNER_START_TIMEOUT_MS / 1000} s after it (see test-results/code-server.log)`;
        break;
      } else if (reloadStarted && !continuation) {
        reloadStarted = 0; // the runner took it
      }
      await delay(250);
    }
  } catch (error) {
    failure = interrupted ? `interrupted (${interrupted})` : error.stack || error.message;
  } finally {
    stopping = true; // what code-server says while being stopped is in test-results/code-server.log
    if (failure && page) {
      await page.screenshot({ path: join(RESULTS_DIR, 'integration-failure.png') }).catch(() => {});
      console.log(`screenshot of the failure: ${join(RESULTS_DIR, 'integration-failure.png')}`);
    }
    await browser?.close().catch(() => {});
    await server?.stop();
    bridge?.server.close();
    await writeFile(join(RESULTS_DIR, 'code-server.log'), `${logLines.join('\n')}\n`).catch(() => {});
    await printLoggedErrors(userDataDir);
  }

  if (!results) {
    results = (await readJson(`${resultsFile}.partial`)) ?? { passed: 0, failed: 0, pending: 0, tests: [], errors: [] };
    console.log('\n(partial results: the suite did not finish)');
  }
  stage('Results');
  printResults(results);
  await writeFile(
    join(
      RESULTS_DIR,
      options.untrusted
        ? 'integration-untrusted.json'
        : options.memfs
          ? 'integration-web-memfs.json'
          : options.web
            ? 'integration-web.json'
            : 'integration.json',
    ),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  await printLoadFigures(started);
  if (options.keep) console.log(`kept ${temp}`);
  else await rm(temp, { recursive: true, force: true });

  let failed = results.failed;
  if (failure) {
    console.log(`\nFAILED: ${failure}`);
    failed += 1;
  }
  if (results.errors?.length) failed += results.errors.length;
  if (results.passed + results.failed === 0 && !failure) {
    console.log('\nFAILED: no tests ran');
    failed += 1;
  }
  console.log(`(integration run took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`${results.passed} passed, ${failed} failed`);
  process.exitCode = interrupted ? 130 : failed > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error.stack || error.message);
  console.log('0 passed, 1 failed');
  process.exit(1);
});

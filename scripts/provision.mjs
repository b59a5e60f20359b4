// The one definition of the Debian packages the project needs, and the step that installs the missing ones (as root or with passwordless sudo) or stops at once with the exact command to run.
//
// Used by `npm test` (scripts/test.mjs), `npm start` (scripts/start.mjs) and CI (.ci/run).
// CLI: node scripts/provision.mjs [--for test|unit|start] [--check]
//   --for    which packages: everything `npm test` needs (default), only the unit tests' (`unit`), or `npm start`'s
//   --check  only report what is missing (exit 1 when something is), install nothing
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/**
 * Every Debian package the project's scripts need, once: the name, why, and which runs need it.
 * `test` is the whole `npm test`; `unit` its unit tests alone (`npm test -- --unit`); `start` is `npm start`.
 */
export const DEBIAN_PACKAGES = [
  { name: 'git', why: 'the tests run real git on temporary repositories', for: ['test', 'unit', 'start'] },
  {
    name: 'ripgrep',
    why: "the tag scanner's parity tests and the benchmark compare against Debian's rg",
    for: ['test', 'unit'],
  },
  { name: 'chromium', why: 'the integration tests drive VS Code (code-server) in a real browser', for: ['test'] },
  // code-server's native modules (kerberos, @vscode/spdlog, @vscode/sqlite3, native-keymap ...) build against these.
  // The unit tests need code-server too: the scanner's parity tests use the ripgrep it bundles.
  {
    name: 'build-essential',
    why: "a C/C++ toolchain for code-server's native modules",
    for: ['test', 'unit', 'start'],
  },
  { name: 'python3', why: 'node-gyp, which builds those modules', for: ['test', 'unit', 'start'] },
  { name: 'pkg-config', why: 'finds the libraries below for node-gyp', for: ['test', 'unit', 'start'] },
  { name: 'libkrb5-dev', why: "headers for code-server's kerberos module", for: ['test', 'unit', 'start'] },
  { name: 'libx11-dev', why: "headers for code-server's native-keymap module", for: ['test', 'unit', 'start'] },
  { name: 'libxkbfile-dev', why: "headers for code-server's native-keymap module", for: ['test', 'unit', 'start'] },
  {
    name: 'pre-commit',
    why: 'the pre-commit hook (.pre-commit-hooks.yaml) is tested with pre-commit try-repo',
    for: ['test', 'unit'],
  },
  {
    name: 'neovim',
    why: "the language server is tested against Neovim's built-in LSP client (test/unit/server/neovim.test.ts)",
    for: ['test', 'unit'],
  },
  { name: 'libsecret-1-dev', why: "headers for code-server's keytar module", for: ['test', 'unit', 'start'] },
];

/** The package names a run of `purpose` needs. */
export function packagesFor(purpose) {
  if (!['test', 'unit', 'start'].includes(purpose))
    throw new Error(`unknown purpose "${purpose}": use test, unit or start`);
  return DEBIAN_PACKAGES.filter((p) => p.for.includes(purpose)).map((p) => p.name);
}

/**
 * The installed packages among `names`, read from `dpkg-query -W -f='${Package} ${Status}\n'` output
 * (a package counts only when its status is "install ok installed"; architecture suffixes are dropped).
 */
export function parseDpkgQuery(output) {
  const installed = new Set();
  for (const line of output.split('\n')) {
    const match = /^(\S+?)(?::\S+)? install ok installed$/.exec(line.trim());
    if (match) installed.add(match[1]);
  }
  return installed;
}

/** The command a person runs to install `missing`, as one line. */
export function installCommand(missing, { root }) {
  const sudo = root ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${missing.join(' ')}`;
}

/**
 * What to do about the packages `needed`, given which are `installed` and who we are:
 * `{ action: 'none' }`, `{ action: 'install', missing, sudo }` (run apt-get, through `sudo -n` when
 * not root), or `{ action: 'stop', missing, message }` (no way to install: the message names the
 * exact command). `dpkgAvailable: false` (not a Debian system) gives `{ action: 'unknown', message }`.
 */
export function decide({ needed, installed, root, passwordlessSudo, dpkgAvailable = true }) {
  if (!dpkgAvailable) {
    return {
      action: 'unknown',
      message:
        `dpkg-query was not found, so the system packages could not be checked. This project is set up for Debian; ` +
        `make sure these (or your system's equivalents) are installed: ${needed.join(' ')}.`,
    };
  }
  const missing = needed.filter((name) => !installed.has(name));
  if (!missing.length) return { action: 'none', missing };
  if (root || passwordlessSudo) return { action: 'install', missing, sudo: !root };
  return {
    action: 'stop',
    missing,
    message:
      `Missing Debian packages: ${missing.join(', ')}.\n` +
      `They can only be installed as root, and there is no passwordless sudo here. Run this, then run the command again:\n\n` +
      `  ${installCommand(missing, { root: false })}\n`,
  };
}

/** Reads which of `names` dpkg has installed; `undefined` when dpkg-query does not exist. */
export function readInstalled(names) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\n', ...names], { encoding: 'utf8' });
  if (result.error) return undefined;
  // dpkg-query exits 1 and writes to stderr for names it does not know; stdout still lists the others.
  return parseDpkgQuery(result.stdout ?? '');
}

function passwordlessSudoWorks() {
  const result = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
  return !result.error && result.status === 0;
}

/** A provisioning step that could not finish: `message` says what is missing and the command to run. */
export class ProvisionError extends Error {}

/**
 * Makes sure the Debian packages for `purpose` are installed: installs the missing ones when it can
 * (`apt-get update` once, then `apt-get install -y --no-install-recommends`), otherwise throws a
 * ProvisionError whose message names the exact command. Resolves with the packages it installed.
 */
export function provision({ purpose = 'test', log = console.log, check = false } = {}) {
  const needed = packagesFor(purpose);
  const installed = readInstalled(needed);
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const decision = decide({
    needed,
    installed: installed ?? new Set(),
    root,
    passwordlessSudo:
      !root && installed !== undefined && needed.some((n) => !installed.has(n)) && passwordlessSudoWorks(),
    dpkgAvailable: installed !== undefined,
  });
  if (decision.action === 'none') {
    log(`System packages: all ${needed.length} needed are installed (${needed.join(' ')}).`);
    return [];
  }
  if (decision.action === 'unknown') {
    log(decision.message);
    return [];
  }
  if (check) {
    throw new ProvisionError(
      `Missing Debian packages: ${decision.missing.join(', ')}.\nInstall them with:\n\n  ${installCommand(decision.missing, { root })}\n`,
    );
  }
  if (decision.action === 'stop') throw new ProvisionError(decision.message);

  const prefix = decision.sudo ? ['sudo', '-n'] : [];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`Installing missing Debian packages: ${decision.missing.join(' ')} (apt-get, about a minute) ...`);
  for (const args of [
    ['apt-get', 'update'],
    ['apt-get', 'install', '-y', '--no-install-recommends', ...decision.missing],
  ]) {
    const [command, ...rest] = [...prefix, ...args];
    log(`> ${[command, ...rest].join(' ')}`);
    const result = spawnSync(command, rest, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (result.error || result.status !== 0) {
      throw new ProvisionError(
        `\`${[command, ...rest].join(' ')}\` failed (${result.error?.message ?? `exit ${result.status}`}). ` +
          `Install the packages by hand and run the command again:\n\n  ${installCommand(decision.missing, { root })}\n`,
      );
    }
  }
  const after = readInstalled(decision.missing) ?? new Set();
  const still = decision.missing.filter((name) => !after.has(name));
  if (still.length)
    throw new ProvisionError(`apt-get finished, but these packages are still not installed: ${still.join(', ')}.`);
  return decision.missing;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  const forIndex = argv.indexOf('--for');
  const purpose = forIndex >= 0 ? argv[forIndex + 1] : 'test';
  try {
    provision({ purpose, check: argv.includes('--check') });
  } catch (error) {
    console.error(error instanceof ProvisionError ? error.message : error.stack);
    process.exit(1);
  }
}

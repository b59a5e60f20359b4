// The GitHub Action's step (action.yml): installs the packaged CLI (or uses IW_CLI), lints with --format github, writes SARIF when asked, and exits with lint's code.
// Environment: IW_PATHS (space-separated paths or globs, default "."), IW_ARGS (more lint options), IW_SARIF (a file to write SARIF to, or empty),
// IW_PACKAGE (what `npm install` installs: a tarball path or URL, a git URL, or a published name), IW_CLI (a built dist/cli.js to use instead).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = process.env;
const split = (text) => (text ?? '').trim().split(/\s+/).filter(Boolean);

function cliPath() {
  if (env.IW_CLI) return env.IW_CLI;
  const spec = env.IW_PACKAGE || 'incident-workbench';
  const prefix = mkdtempSync(join(tmpdir(), 'iw-action-'));
  console.log(`::group::npm install ${spec}`);
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', prefix, spec], {
    stdio: 'inherit',
  });
  console.log('::endgroup::');
  if (install.status !== 0) {
    console.log(
      `::error::npm install ${spec} failed (exit ${install.status}); set the action's package input to a tarball or git URL of incident-workbench.`,
    );
    process.exit(2);
  }
  return join(prefix, 'node_modules', 'incident-workbench', 'dist', 'cli.js');
}

const cli = cliPath();
const paths = split(env.IW_PATHS);
const args = ['lint', ...(paths.length > 0 ? paths : ['.']), ...split(env.IW_ARGS)];
const lint = spawnSync(process.execPath, [cli, ...args, '--format', 'github'], { stdio: 'inherit' });
if (lint.error) throw lint.error;
if (env.IW_SARIF) {
  // A second run for the SARIF file: the annotations above stay readable in the log, and the code is the first run's.
  const sarif = spawnSync(process.execPath, [cli, ...args, '--format', 'sarif'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  writeFileSync(env.IW_SARIF, sarif.stdout);
  console.log(`Wrote SARIF to ${env.IW_SARIF}.`);
}
process.exit(lint.status ?? 2);

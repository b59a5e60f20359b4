// The GitHub Action's script run locally, and the pre-commit hook run by Debian's pre-commit (try-repo): both fail on an error-level finding and pass on clean documents.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CLEAN_POSTMORTEM, replaceSection } from '../../fixtures/documents';

const root = path.resolve(__dirname, '../../../..');
const cli = path.join(root, 'dist', 'cli.js');
const SLO_YAML = 'slos:\n  - {service: user-service, objective: 99.9, window: 30d}\n';
const INCOMPLETE = replaceSection(CLEAN_POSTMORTEM, 'Root Cause', '');

/** A git repository with one postmortem (`text`) and slo.yaml. */
function workspace(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'iw-ci-'));
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  execFileSync('git', ['config', 'user.email', 't@example.com'], { cwd: dir });
  execFileSync('git', ['config', 'user.name', 'T'], { cwd: dir });
  mkdirSync(path.join(dir, 'docs', 'postmortems'), { recursive: true });
  writeFileSync(path.join(dir, 'docs', 'postmortems', '2026-03-15-outage.md'), text);
  writeFileSync(path.join(dir, 'slo.yaml'), SLO_YAML);
  return dir;
}

describe('CI integrations', () => {
  const dirs: string[] = [];
  before(function () {
    this.timeout(120_000);
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root });
  });
  after(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  describe('the GitHub Action (scripts/action-lint.mjs, as action.yml runs it)', () => {
    const runAction = (dir: string, extra: Record<string, string> = {}) =>
      spawnSync(process.execPath, [path.join(root, 'scripts', 'action-lint.mjs')], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, IW_CLI: cli, IW_PATHS: '.', ...extra },
      });

    it('fails the job on an error-level finding, annotating the line, and writes SARIF when asked', () => {
      const dir = workspace(INCOMPLETE);
      dirs.push(dir);
      const result = runAction(dir, { IW_SARIF: 'out.sarif' });
      assert.equal(result.status, 1, result.stderr);
      assert.match(
        result.stdout,
        /^::error file=docs\/postmortems\/2026-03-15-outage\.md,line=1,col=1,.*::PM001 Missing required section "Root Cause"\./m,
      );
      const sarif = JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8'));
      assert.equal(
        sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri,
        'docs/postmortems/2026-03-15-outage.md',
      );
    });

    it('passes on complete documents', () => {
      const dir = workspace(CLEAN_POSTMORTEM);
      dirs.push(dir);
      const result = runAction(dir);
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.doesNotMatch(result.stdout, /::error/);
    });

    it('is a composite action that runs this script and uploads SARIF only when asked', () => {
      // Parsed as GitHub parses it: a plain scalar holding ": " is a YAML error that a text match would miss.
      const action = parseYaml(readFileSync(path.join(root, 'action.yml'), 'utf8'), { strict: true }) as {
        inputs: Record<string, { description: string }>;
        runs: { using: string; steps: { run?: string; uses?: string; if?: string }[] };
      };
      assert.equal(action.runs.using, 'composite');
      assert.ok(action.runs.steps.some((s) => s.run?.includes('scripts/action-lint.mjs')));
      const upload = action.runs.steps.find((s) => s.uses?.includes('upload-sarif'));
      assert.equal(upload?.if, "${{ always() && inputs.sarif == 'true' }}");
      for (const [name, input] of Object.entries(action.inputs))
        assert.ok(input.description, `input ${name} has a description`);
    });
  });

  describe('the pre-commit hook (.pre-commit-hooks.yaml) with pre-commit try-repo', () => {
    /** Runs the hook on `dir`, the CLI installed there as the project's devDependency would be. */
    function tryRepo(dir: string) {
      const bin = path.join(dir, 'node_modules', '.bin');
      mkdirSync(bin, { recursive: true });
      symlinkSync(cli, path.join(bin, 'incident-workbench'));
      chmodSync(cli, 0o755);
      writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n');
      execFileSync('git', ['add', '-A'], { cwd: dir });
      const home = mkdtempSync(path.join(tmpdir(), 'iw-pre-commit-home-'));
      dirs.push(home);
      return spawnSync('pre-commit', ['try-repo', root, 'incident-workbench', '--all-files'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, PRE_COMMIT_HOME: home, PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` },
      });
    }

    before(function () {
      const probe = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
      assert.equal(
        probe.status,
        0,
        'pre-commit is missing: node scripts/provision.mjs installs it (Debian package pre-commit)',
      );
    });

    it('fails the commit on an error-level finding', function () {
      this.timeout(120_000);
      const dir = workspace(INCOMPLETE);
      dirs.push(dir);
      const result = tryRepo(dir);
      assert.equal(result.status, 1, result.stdout + result.stderr);
      assert.match(result.stdout, /incident-workbench lint\.+Failed/);
      assert.match(result.stdout, /PM001 {2}Missing required section "Root Cause"\./);
    });

    it('lets a repository without incident documents yet commit its other Markdown', function () {
      this.timeout(120_000);
      const dir = workspace(CLEAN_POSTMORTEM);
      dirs.push(dir);
      rmSync(path.join(dir, 'docs'), { recursive: true });
      writeFileSync(path.join(dir, 'README.md'), '# A service\n');
      const result = tryRepo(dir);
      assert.equal(result.status, 0, result.stdout + result.stderr);
    });

    it('passes on complete documents', function () {
      this.timeout(120_000);
      const dir = workspace(CLEAN_POSTMORTEM);
      dirs.push(dir);
      const result = tryRepo(dir);
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.match(result.stdout, /incident-workbench lint\.+Passed/);
    });
  });
});

import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { run, type Io } from '../../../src/cli/main';
import { CLEAN_POSTMORTEM, replaceSection } from '../../fixtures/documents';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const COMPLETE = CLEAN_POSTMORTEM;
/** A workspace's SLO file, so the tests about other things see no PM016 (no slo.yaml). */
const SLO_YAML = 'slos:\n  - {service: user-service, objective: 99.9, window: 30d}\n';
const INCOMPLETE = replaceSection(replaceSection(CLEAN_POSTMORTEM, 'Root Cause', ''), 'Contributing Factors', '');

describe('incident-workbench lint', () => {
  let dir: string;
  let cwd: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'iw-cli-'));
    mkdirSync(path.join(dir, 'docs', 'postmortems'), { recursive: true });
    mkdirSync(path.join(dir, 'docs', 'runbooks'), { recursive: true });
    writeFileSync(path.join(dir, 'docs', 'postmortems', '2026-03-15-ok.md'), COMPLETE);
    writeFileSync(path.join(dir, 'docs', 'postmortems', '2026-03-20-draft.md'), INCOMPLETE);
    writeFileSync(path.join(dir, 'docs', 'postmortems', 'README.md'), '# How we write postmortems\n');
    writeFileSync(path.join(dir, 'notes.md'), '# Not an incident document\n');
    writeFileSync(path.join(dir, 'slo.yaml'), SLO_YAML);
    cwd = process.cwd();
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the exact JSON shape with 1-based positions and exits 1 on errors', async () => {
    const io = capture();
    const code = await run(['lint', '--format', 'json'], io);
    assert.equal(code, 1);
    const json = JSON.parse(io.stdout.join('\n'));
    // Each file's `sections` (which heading satisfied which section) has its own test below.
    for (const file of json.files) delete file.sections;
    assert.deepEqual(json, {
      files: [
        { path: 'docs/postmortems/2026-03-15-ok.md', kind: 'postmortem', findings: [] },
        {
          path: 'docs/postmortems/2026-03-20-draft.md',
          kind: 'postmortem',
          findings: ['Root Cause', 'Contributing Factors'].map((section) => ({
            ruleId: 'PM001',
            severity: 'error',
            message: `Missing required section "${section}".`,
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 31,
          })),
        },
      ],
      summary: { files: 2, errors: 2, warnings: 0, infos: 0 },
    });
  });

  it('tells in JSON, per file, which heading satisfied which profile section and how', async () => {
    writeFileSync(
      path.join(dir, 'docs', 'postmortems', '2026-03-21-labels.md'),
      '# Upload outage\n\n## Incident Impact\nUploads failed.\n\n**Mitigation:** rolled back.\n',
    );
    const io = capture();
    await run(['lint', '--format', 'json', 'docs/postmortems/2026-03-21-labels.md'], io);
    const [file] = JSON.parse(io.stdout.join('\n')).files;
    assert.deepEqual(file.sections, [
      { section: 'Impact', id: 'impact', heading: 'Incident Impact', line: 3, how: 'head noun' },
      { section: 'Mitigation', id: 'mitigation', heading: 'Mitigation', line: 6, how: 'bold label' },
    ]);
    assert.deepEqual(Object.keys(file), ['path', 'kind', 'findings', 'sections']);
  });

  it('exits 0 and prints a text summary when every document is complete', async () => {
    const io = capture();
    assert.equal(await run(['lint', 'docs/postmortems/2026-03-15-ok.md'], io), 0);
    assert.deepEqual(io.stdout, ['1 file linted: 0 errors, 0 warnings, 0 infos.']);
  });

  it('prints one located line per finding in text format', async () => {
    const io = capture();
    await run(['lint', 'docs'], io);
    assert.deepEqual(io.stdout.join('\n').split('\n'), [
      'docs/postmortems/2026-03-20-draft.md:1:1  error    PM001  Missing required section "Root Cause".',
      'docs/postmortems/2026-03-20-draft.md:1:1  error    PM001  Missing required section "Contributing Factors".',
      '2 files linted: 2 errors, 0 warnings, 0 infos.',
    ]);
  });

  it('says how many Markdown files of a folder it skipped and why, with the option that includes them', async () => {
    mkdirSync(path.join(dir, 'postmortems'));
    writeFileSync(path.join(dir, 'postmortems', '2026-01-01-a.md'), COMPLETE);
    writeFileSync(path.join(dir, 'postmortems', '2026-01-02-b.md'), COMPLETE);
    const io = capture();
    assert.equal(await run(['lint', '.'], io), 1);
    assert.deepEqual(io.stderr, [
      "incident-workbench: skipped 3 Markdown files in none of the harness profile's folders (docs/postmortems for postmortems, docs/runbooks for runbooks, docs/incidents for incidents): notes.md, postmortems/2026-01-01-a.md, postmortems/2026-01-02-b.md. To lint them, give the kind with --kind postmortem|runbook|incident, or set the folders in .incident-workbench.yaml.",
      'incident-workbench: skipped 1 Markdown file named README, index, changelog, contributing, license or template, which are not incident documents (--kind lints it too).',
    ]);
    assert.match(io.stdout.join('\n'), /\n2 files linted: 2 errors/);
  });

  it('exits 2 when a folder gives nothing to lint, instead of passing silently, and lints it with --kind', async () => {
    mkdirSync(path.join(dir, 'postmortems'));
    writeFileSync(path.join(dir, 'postmortems', '2026-01-01-a.md'), COMPLETE);
    const io = capture();
    assert.equal(await run(['lint', 'postmortems', '--format', 'json'], io), 2);
    assert.deepEqual(JSON.parse(io.stdout.join('')).summary, { files: 0, errors: 0, warnings: 0, infos: 0 });
    assert.match(
      io.stderr[0],
      /^incident-workbench: skipped 1 Markdown file in none of the harness profile's folders .*: postmortems\/2026-01-01-a\.md\. To lint it, give the kind with --kind /,
    );
    assert.equal(io.stderr[1], 'incident-workbench: no file was linted in postmortems; exiting with code 2.');
    const forced = capture();
    assert.equal(await run(['lint', 'postmortems', '--kind', 'postmortem'], forced), 0);
    assert.deepEqual([forced.stdout, forced.stderr], [['1 file linted: 0 errors, 0 warnings, 0 infos.'], []]);
    mkdirSync(path.join(dir, 'empty'));
    assert.equal(await run(['lint', 'empty'], capture()), 2);
  });

  it('always lints a file named explicitly, taking its kind from the path or the content', async () => {
    writeFileSync(path.join(dir, 'ops-runbook.md'), '# DB\n## Symptoms\n');
    writeFileSync(path.join(dir, 'writeup.md'), '# X\n## Symptoms\n## Diagnosis Steps\n## Escalation\n');
    const io = capture();
    await run(['lint', '--format', 'json', 'ops-runbook.md', 'writeup.md', 'notes.md'], io);
    const files = JSON.parse(io.stdout.join('')).files;
    assert.deepEqual(
      files.map((f: { path: string; kind: string }) => [f.path, f.kind]),
      [
        ['ops-runbook.md', 'runbook'],
        ['writeup.md', 'runbook'],
        ['notes.md', 'postmortem'],
      ],
    );
  });

  it('lets --kind force the kind', async () => {
    const io = capture();
    await run(['lint', '--format', 'json', '--kind', 'runbook', 'docs/postmortems/2026-03-15-ok.md'], io);
    const [file] = JSON.parse(io.stdout.join('')).files;
    assert.equal(file.kind, 'runbook');
    assert.ok(file.findings.some((f: { ruleId: string }) => f.ruleId === 'RB001'));
  });

  it('exits 2 with a clear message on an unknown profile, format, option or missing path', async () => {
    for (const args of [
      ['lint', '--profile', 'nope'],
      ['lint', '--format', 'xml'],
      ['lint', '--frobnicate'],
      ['lint', 'missing.md'],
      ['launch'],
    ]) {
      const io = capture();
      assert.equal(await run(args, io), 2, args.join(' '));
      assert.match(io.stderr[0], /^incident-workbench: /);
    }
    const io = capture();
    await run(['lint', '--profile', 'nope'], io);
    assert.match(io.stderr[0], /Unknown profile "nope"\. Built-in profiles: harness/);
  });
});

describe('lint output formats', () => {
  let dir: string;
  let cwd: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'iw-fmt-'));
    mkdirSync(path.join(dir, 'docs', 'postmortems'), { recursive: true });
    writeFileSync(
      path.join(dir, 'docs', 'postmortems', '2026-03-20-draft.md'),
      INCOMPLETE.replace('## Impact', '## Impact\nStatus: TODO'),
    );
    writeFileSync(path.join(dir, 'slo.yaml'), SLO_YAML);
    cwd = process.cwd();
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  async function lintAs(format: string): Promise<{ code: number; out: string }> {
    const io = capture();
    const code = await run(['lint', '--format', format], io);
    return { code, out: io.stdout.join('\n') };
  }

  it('agree on the findings across text, json, sarif and github', async () => {
    const json = JSON.parse((await lintAs('json')).out);
    const expected = json.files[0].findings.map(
      (f: { ruleId: string; line: number; column: number }) => `${f.ruleId}@${f.line}:${f.column}`,
    );
    assert.deepEqual(expected, ['PM001@1:1', 'PM001@1:1', 'PM003@21:9']);

    const sarif = JSON.parse((await lintAs('sarif')).out);
    assert.equal(sarif.version, '2.1.0');
    const results = sarif.runs[0].results;
    assert.deepEqual(
      results.map(
        (r: {
          ruleId: string;
          locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number } } }>;
        }) =>
          `${r.ruleId}@${r.locations[0].physicalLocation.region.startLine}:${r.locations[0].physicalLocation.region.startColumn}`,
      ),
      expected,
    );
    assert.deepEqual(
      results.map((r: { level: string }) => r.level),
      ['error', 'error', 'warning'],
    );
    assert.equal(sarif.runs[0].tool.driver.rules[results[0].ruleIndex].id, 'PM001');
    assert.equal(results[0].locations[0].physicalLocation.artifactLocation.uri, 'docs/postmortems/2026-03-20-draft.md');

    const github = (await lintAs('github')).out.split('\n');
    assert.deepEqual(
      github.map((l) => /^::(\w+) file=([^,]+),line=(\d+),col=(\d+)/.exec(l)?.slice(1).join(' ')),
      [
        'error docs/postmortems/2026-03-20-draft.md 1 1',
        'error docs/postmortems/2026-03-20-draft.md 1 1',
        'warning docs/postmortems/2026-03-20-draft.md 21 9',
      ],
    );
    assert.match(github[0], /::PM001 Missing required section "Root Cause"\.$/);

    const text = (await lintAs('text')).out.split('\n');
    assert.deepEqual(
      text.slice(0, 3).map((l) => /:(\d+):(\d+) +\w+ +(\w+)/.exec(l)?.slice(1).join(' ')),
      ['1 1 PM001', '1 1 PM001', '21 9 PM003'],
    );
  });

  it('fails on more warnings than --max-warnings even without errors', async () => {
    writeFileSync(
      path.join(dir, 'docs', 'postmortems', '2026-03-20-draft.md'),
      CLEAN_POSTMORTEM.replace('## Impact', '## Impact\nStatus: TODO'),
    );
    assert.equal(await run(['lint', '--max-warnings', '1'], capture()), 0);
    const io = capture();
    assert.equal(await run(['lint', '--max-warnings', '0'], io), 1);
    assert.deepEqual(io.stderr, ['incident-workbench: 1 warnings, more than --max-warnings 0.']);
    assert.equal(await run(['lint', '--max-warnings', 'many'], capture()), 2);
  });
});

describe('lint with a configuration file', () => {
  let dir: string;
  let cwd: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'iw-cfg-'));
    mkdirSync(path.join(dir, '.git'));
    mkdirSync(path.join(dir, 'docs', 'retros'), { recursive: true });
    writeFileSync(path.join(dir, 'docs', 'retros', '2026-03-20-draft.md'), INCOMPLETE);
    writeFileSync(path.join(dir, 'slo.yaml'), SLO_YAML);
    cwd = process.cwd();
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds .incident-workbench.yaml upwards and applies its folders and rule levels', async () => {
    writeFileSync(
      path.join(dir, '.incident-workbench.yaml'),
      'extends: harness\ndocuments:\n  postmortem:\n    folder: docs/retros\nrules:\n  PM001: warning\n',
    );
    process.chdir(path.join(dir, 'docs'));
    const io = capture();
    assert.equal(await run(['lint', '--format', 'json', '.'], io), 0);
    const json = JSON.parse(io.stdout.join(''));
    assert.deepEqual(
      json.files.map((f: { path: string }) => f.path),
      ['retros/2026-03-20-draft.md'],
    );
    assert.deepEqual(json.summary, { files: 1, errors: 0, warnings: 2, infos: 0 });
  });

  it('exits 2 and names the file and line of a bad configuration', async () => {
    writeFileSync(path.join(dir, '.incident-workbench.yaml'), 'extends: harness\nrules:\n  PM004: loud\n');
    const io = capture();
    assert.equal(await run(['lint'], io), 2);
    assert.match(io.stderr[0], /^\.incident-workbench\.yaml:3:\d+: error: rules\.PM004: /);
    assert.deepEqual(io.stdout, []);
  });

  it('takes --config FILE and refuses it together with --profile', async () => {
    writeFileSync(
      path.join(dir, 'custom.yaml'),
      'extends: harness\ndocuments:\n  postmortem:\n    folder: docs/retros\n',
    );
    const io = capture();
    assert.equal(await run(['lint', '--config', 'custom.yaml', '--format', 'json'], io), 1);
    assert.equal(JSON.parse(io.stdout.join('')).summary.errors, 2);
    assert.equal(await run(['lint', '--config', 'custom.yaml', '--profile', 'agent'], capture()), 2);
  });
});

describe('incident-workbench rules', () => {
  it('lists each rule with id, default severity and title', async () => {
    const io = capture();
    assert.equal(await run(['rules'], io), 0);
    assert.match(
      io.stdout[0],
      /^PM001 {2}error {4}A postmortem lacks a section its profile requires {2}\(postmortem-missing-section\)$/,
    );
  });
});

describe('the bundled CLI (dist/cli.js)', () => {
  const root = path.resolve(__dirname, '../../../..');
  const cli = path.join(root, 'dist', 'cli.js');
  before(function () {
    // Bundle so the test checks the artefact users run, not only the sources.
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root });
  });

  it('lints the sample workspace with exit code 1, naming both missing sections and the unowned action item', () => {
    const result = spawnSync(process.execPath, [cli, 'lint', 'examples/acme-shop', '--format', 'json'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(result.status, 1, result.stderr);
    const json = JSON.parse(result.stdout);
    const draft = json.files.find((f: { path: string }) => f.path.endsWith('2026-03-20-payment-service-crashloop.md'));
    assert.deepEqual(
      draft.findings.map((f: { ruleId: string; message: string }) => `${f.ruleId} ${f.message}`),
      [
        'PM001 Missing required section "Root Cause".',
        'PM001 Missing required section "Contributing Factors".',
        'PM004 Action item "Write secret rotation runbooks for the remaining services" has no owner; name a person or team.',
      ],
    );
    assert.equal(json.summary.errors, 3);
  });
});

describe('lint and the workspace SLO file (PM016, seed 000)', () => {
  let dir: string;
  let cwd: string;
  const impactLine = CLEAN_POSTMORTEM.split('\n').indexOf('## Impact') + 1;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'iw-slo-'));
    mkdirSync(path.join(dir, '.git'));
    mkdirSync(path.join(dir, 'shop', 'docs', 'postmortems'), { recursive: true });
    writeFileSync(path.join(dir, 'shop', 'docs', 'postmortems', '2026-03-15-ok.md'), CLEAN_POSTMORTEM);
    cwd = process.cwd();
    process.chdir(path.join(dir, 'shop'));
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  async function findings(args: string[]): Promise<string[]> {
    const io = capture();
    await run(['lint', '--format', 'json', ...args], io);
    return JSON.parse(io.stdout.join('')).files.flatMap(
      (f: { findings: Array<{ ruleId: string; severity: string; line: number; column: number }> }) =>
        f.findings.map((x) => `${x.ruleId} ${x.severity} ${x.line}:${x.column}`),
    );
  }

  it('reports a harness postmortem once, as a warning at its Impact heading, when the workspace has no slo.yaml', async () => {
    assert.ok(impactLine > 1);
    assert.deepEqual(await findings([]), [`PM016 warning ${impactLine}:1`]);
  });

  it('says nothing once slo.yaml is there, found at or above the folder linted', async () => {
    writeFileSync(path.join(dir, 'shop', 'slo.yaml'), SLO_YAML);
    assert.deepEqual(await findings([]), []);
    assert.deepEqual(await findings(['docs/postmortems']), []);
    process.chdir(dir);
    assert.deepEqual(await findings(['shop/docs/postmortems/2026-03-15-ok.md']), []);
  });

  it('takes slo.yaml from the folder of .incident-workbench.yaml, not from above it', async () => {
    writeFileSync(path.join(dir, 'slo.yaml'), SLO_YAML);
    assert.deepEqual(await findings([]), []);
    writeFileSync(path.join(dir, 'shop', '.incident-workbench.yaml'), 'extends: harness\n');
    assert.deepEqual(await findings([]), [`PM016 warning ${impactLine}:1`]);
  });

  it('is not reported under a profile that leaves PM016 off', async () => {
    assert.deepEqual(
      (await findings(['--profile', 'google-sre'])).filter((f) => f.startsWith('PM016')),
      [],
    );
  });
});

describe('lint and the severity matrix (seed 000: docs/runbooks/severity-matrix.md)', () => {
  let dir: string;
  let cwd: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'iw-matrix-'));
    mkdirSync(path.join(dir, 'docs', 'postmortems'), { recursive: true });
    mkdirSync(path.join(dir, 'docs', 'runbooks'), { recursive: true });
    writeFileSync(path.join(dir, 'slo.yaml'), SLO_YAML);
    writeFileSync(path.join(dir, 'docs', 'postmortems', '2026-03-15-ok.md'), COMPLETE);
    cwd = process.cwd();
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 2 naming the file and line of a matrix whose table has no definition column, instead of falling back', async () => {
    writeFileSync(
      path.join(dir, 'docs', 'runbooks', 'severity-matrix.md'),
      '# Severity matrix\n\n| Severity | Response Time |\n|---|---|\n| SEV1 | 15 minutes |\n',
    );
    const io = capture();
    assert.equal(await run(['lint'], io), 2);
    assert.match(
      io.stderr[0],
      /^docs\/runbooks\/severity-matrix\.md:3:1: error: the severity table has no Definition /,
    );
    assert.deepEqual(io.stdout, []);
  });

  it('lints with a good matrix, which is not itself linted as a runbook', async () => {
    writeFileSync(
      path.join(dir, 'docs', 'runbooks', 'severity-matrix.md'),
      '# Severity matrix\n\n| Severity | Definition |\n|---|---|\n| SEV1 | Outage |\n| SEV2 | Degradation |\n',
    );
    const io = capture();
    assert.equal(await run(['lint', '--format', 'json'], io), 0, io.stderr.join('\n'));
    assert.deepEqual(
      JSON.parse(io.stdout.join('')).files.map((f: { path: string }) => f.path),
      ['docs/postmortems/2026-03-15-ok.md'],
    );
  });
});

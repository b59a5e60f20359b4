// The CLI as a markdownlint-cli2 user expects it: help on every command, suggestions, rule names, globs, .gitignore, stdin, --fix, the workspace root.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { toSarif } from '../../../src/cli/formats';
import { CLEAN_POSTMORTEM, replaceSection } from '../../fixtures/documents';
import { run, type Io } from '../../../src/cli/main';
import { commandNames, commandHelp, optionsOf } from '../../../src/cli/args';
import { ALL_RULES, ruleIdFor } from '../../../src/core';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const SLO_YAML = 'slos:\n  - {service: user-service, objective: 99.9, window: 30d}\n';
const INCOMPLETE = replaceSection(replaceSection(CLEAN_POSTMORTEM, 'Root Cause', ''), 'Contributing Factors', '');

describe('incident-workbench <command> --help', () => {
  for (const command of ['lint', 'new', 'slo', 'index', 'tags', 'rules', 'schema', 'snippets']) {
    it(`prints ${command}'s own usage, options and examples and exits 0`, async () => {
      const io = capture();
      assert.equal(await run([command, '--help'], io), 0);
      const text = io.stdout.join('\n');
      assert.match(text, new RegExp(`^Usage:\\n  incident-workbench ${command}`));
      assert.match(text, new RegExp(`\\n\\nExamples:\\n  incident-workbench ${command}`));
      assert.deepEqual(io.stderr, []);
      const short = capture();
      assert.equal(await run([command, '-h'], short), 0);
      assert.deepEqual(short.stdout, io.stdout);
    });
  }

  it('documents every option lint accepts', () => {
    const options = optionsOf((commandHelp('lint') as { usage: string }).usage);
    for (const o of [
      '--format',
      '--profile',
      '--config',
      '--kind',
      '--max-warnings',
      '--fix',
      '--stdin-filename',
      '--rules',
      '--allow-no-files',
    ])
      assert.ok(options.includes(o), o);
  });

  it('lists every registered command in the overall usage', async () => {
    const io = capture();
    assert.equal(await run(['--help'], io), 0);
    for (const name of commandNames())
      assert.match(io.stdout.join('\n'), new RegExp(`\\n  incident-workbench ${name}\\b`));
  });
});

describe('suggestions for a mistyped option or command', () => {
  it('suggests --format for lint --fromat, in plain words, exit 2', async () => {
    const io = capture();
    assert.equal(await run(['lint', '--fromat', 'json'], io), 2);
    assert.match(
      io.stderr[0],
      /^incident-workbench: Unknown option --fromat for lint\. Did you mean --format\? Run incident-workbench lint --help for its options\./,
    );
    assert.doesNotMatch(io.stderr[0], /positional argument/);
  });

  it('suggests the option in commands that parse their own arguments (tags, slo, index)', async () => {
    for (const [command, typo, meant] of [
      ['tags', '--fromat', '--format'],
      ['slo', '--as-off', '--as-of'],
      ['index', '--chek', '--check'],
    ]) {
      const io = capture();
      assert.equal(await run([command, typo], io), 2, command);
      assert.match(
        io.stderr.join('\n'),
        new RegExp(`Unknown option ${typo} for ${command}\\. Did you mean ${meant}\\?`),
      );
    }
  });

  it('suggests lint for lnt (init is as near to lnit), and says nothing close for a word far from every command', async () => {
    const io = capture();
    assert.equal(await run(['lnt'], io), 2);
    assert.match(io.stderr[0], /^incident-workbench: Unknown command "lnt"\. Did you mean lint\?/);
    const far = capture();
    assert.equal(await run(['deploy'], far), 2);
    assert.doesNotMatch(far.stderr[0], /Did you mean/);
  });

  it('says a missing option value plainly', async () => {
    const io = capture();
    assert.equal(await run(['lint', '--format'], io), 2);
    assert.match(io.stderr[0], /^incident-workbench: --format needs a value\./);
  });
});

describe('incident-workbench rules [ID|NAME]', () => {
  it('describes one rule given by id or by name, the same way', async () => {
    const byId = capture();
    const byName = capture();
    assert.equal(await run(['rules', 'PM015'], byId), 0);
    assert.equal(await run(['rules', 'budget-without-p0'], byName), 0);
    assert.deepEqual(byId.stdout, byName.stdout);
    assert.match(byId.stdout[0], /^PM015 budget-without-p0: /);
  });

  it('exits 2 with a message, and a suggestion, for an unknown rule', async () => {
    const io = capture();
    assert.equal(await run(['rules', 'bogus'], io), 2);
    assert.deepEqual(io.stdout, []);
    assert.equal(io.stderr[0], 'incident-workbench: no rule "bogus". Run incident-workbench rules for the list.');
    const near = capture();
    assert.equal(await run(['rules', 'PM01'], near), 2);
    assert.match(near.stderr[0], /Did you mean PM001\?/);
  });

  it('has one alias table: every id and name (any case) maps to its id, and names are unique', () => {
    assert.equal(new Set(ALL_RULES.map((r) => r.name)).size, ALL_RULES.length);
    for (const r of ALL_RULES) {
      assert.equal(ruleIdFor(r.id), r.id);
      assert.equal(ruleIdFor(r.name.toUpperCase()), r.id);
    }
    assert.equal(ruleIdFor('no-such-rule'), undefined);
  });
});

describe('lint targets: globs, ! exclusions, .gitignore, ignores:, stdin, --fix and the workspace root', () => {
  let dir: string;
  let cwd: string;
  const pm = (name: string) => path.join(dir, 'docs', 'postmortems', name);
  beforeEach(() => {
    dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'iw-adopt-')));
    mkdirSync(path.join(dir, '.git'));
    mkdirSync(path.join(dir, 'docs', 'postmortems', 'drafts'), { recursive: true });
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'slo.yaml'), SLO_YAML);
    writeFileSync(pm('2026-03-15-ok.md'), CLEAN_POSTMORTEM);
    writeFileSync(pm('2026-03-20-draft.md'), INCOMPLETE);
    writeFileSync(path.join(dir, 'docs', 'postmortems', 'drafts', '2026-04-01-wip.md'), INCOMPLETE);
    cwd = process.cwd();
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });
  const lintJson = async (args: string[], io = capture()) => {
    const code = await run(['lint', ...args, '--format', 'json'], io);
    return {
      code,
      json: JSON.parse(io.stdout.join('\n') || '{"files":[]}') as {
        files: Array<{ path: string; findings: Array<{ ruleId: string }> }>;
      },
      io,
    };
  };
  const paths = (json: { files: Array<{ path: string }> }) => json.files.map((f) => f.path);

  it('expands a quoted glob itself, and ! excludes what a glob matches', async () => {
    const all = await lintJson(['docs/**/*.md']);
    assert.deepEqual(paths(all.json), [
      'docs/postmortems/2026-03-15-ok.md',
      'docs/postmortems/2026-03-20-draft.md',
      'docs/postmortems/drafts/2026-04-01-wip.md',
    ]);
    assert.equal(all.code, 1);
    const some = await lintJson(['docs/**/*.md', '!docs/postmortems/drafts/**', '!**/*-draft.md']);
    assert.deepEqual(paths(some.json), ['docs/postmortems/2026-03-15-ok.md']);
    assert.equal(some.code, 0);
    const onlyNegated = await lintJson(['!docs/postmortems/drafts/**']);
    assert.deepEqual(
      paths(onlyNegated.json),
      ['docs/postmortems/2026-03-15-ok.md', 'docs/postmortems/2026-03-20-draft.md'],
      'only exclusions: the current folder, less them',
    );
  });

  it('says so when a glob matches nothing, and still exits 2 for a path that is neither a file nor a glob', async () => {
    const io = capture();
    assert.equal(await run(['lint', 'nothing/**/*.md'], io), 2);
    assert.match(io.stderr.join('\n'), /no Markdown file matches nothing\/\*\*\/\*\.md/);
    const missing = capture();
    assert.equal(await run(['lint', 'nope.md'], missing), 2);
    assert.match(missing.stderr[0], /nope\.md: no such file or folder\./);
  });

  it('leaves out what .gitignore ignores from folders and globs, says how many, and lints a file named outright anyway', async () => {
    writeFileSync(path.join(dir, '.gitignore'), 'docs/postmortems/drafts/\n');
    const folder = await lintJson(['.']);
    assert.deepEqual(paths(folder.json), ['docs/postmortems/2026-03-15-ok.md', 'docs/postmortems/2026-03-20-draft.md']);
    assert.match(
      folder.io.stderr.join('\n'),
      /left out 1 Markdown file that \.gitignore or the configuration's ignores: exclude/,
    );
    assert.deepEqual(paths((await lintJson(['docs/**/*.md'])).json).length, 2);
    const named = await lintJson(['docs/postmortems/drafts/2026-04-01-wip.md']);
    assert.deepEqual(paths(named.json), ['docs/postmortems/drafts/2026-04-01-wip.md']);
  });

  it("leaves out what the configuration's ignores: list names, relative to the root, also from a sub-folder", async () => {
    writeFileSync(
      path.join(dir, '.incident-workbench.yaml'),
      'extends: harness\nignores:\n  - "**/*-draft.md"\n  - docs/postmortems/drafts/\n',
    );
    assert.deepEqual(paths((await lintJson([])).json), ['docs/postmortems/2026-03-15-ok.md']);
    process.chdir(path.join(dir, 'docs'));
    assert.deepEqual(paths((await lintJson([])).json), ['postmortems/2026-03-15-ok.md']);
  });

  it('--rules reports only the rules named, by id or by name, and refuses an unknown one with a suggestion', async () => {
    const byName = await lintJson(['docs/postmortems/2026-03-20-draft.md', '--rules', 'postmortem-missing-section']);
    const byId = await lintJson(['docs/postmortems/2026-03-20-draft.md', '--rules', 'pm001']);
    assert.deepEqual(byName.json, byId.json);
    assert.deepEqual(
      byName.json.files[0].findings.map((f) => f.ruleId),
      ['PM001', 'PM001'],
    );
    const none = await lintJson(['docs/postmortems/2026-03-20-draft.md', '--rules', 'blame-language']);
    assert.deepEqual([none.code, none.json.files[0].findings], [0, []]);
    const io = capture();
    assert.equal(await run(['lint', '--rules', 'blame-langage'], io), 2);
    assert.match(io.stderr[0], /^incident-workbench: --rules: no rule "blame-langage"\. Did you mean blame-language\?/);
  });

  it('exits 2 when nothing was linted, and 0 with --allow-no-files, saying so either way', async () => {
    mkdirSync(path.join(dir, 'empty'));
    const strict = capture();
    assert.equal(await run(['lint', 'empty'], strict), 2);
    assert.match(strict.stderr.join('\n'), /no file was linted in empty; exiting with code 2\./);
    const allowed = capture();
    assert.equal(await run(['lint', 'empty', '--allow-no-files'], allowed), 0);
    assert.match(allowed.stderr.join('\n'), /no file was linted in empty \(--allow-no-files: exiting with code 0\)\./);
  });

  it('reads a document from stdin with -, its kind and path from --stdin-filename', async () => {
    const io: ReturnType<typeof capture> & { readStdin?: () => Promise<string> } = capture();
    io.readStdin = async () => INCOMPLETE;
    const { code, json } = await lintJson(['-', '--stdin-filename', 'docs/postmortems/2026-05-01-new.md'], io);
    assert.equal(code, 1);
    assert.deepEqual(
      json.files.map((f) => [f.path, f.findings.map((x) => x.ruleId)]),
      [['docs/postmortems/2026-05-01-new.md', ['PM001', 'PM001']]],
    );
    const bad = capture();
    assert.equal(await run(['lint', '--stdin-filename', 'x.md'], bad), 2);
    assert.match(bad.stderr[0], /--stdin-filename names the document read from "-"/);
  });

  it('--fix inserts the missing sections, says what it changed, writes only the changed file, then lints what is left', async () => {
    const okBefore = statSync(pm('2026-03-15-ok.md')).mtimeMs;
    const io = capture();
    const code = await run(
      ['lint', 'docs/postmortems/2026-03-20-draft.md', 'docs/postmortems/2026-03-15-ok.md', '--fix'],
      io,
    );
    const after = readFileSync(pm('2026-03-20-draft.md'), 'utf8');
    assert.match(after, /\n## Root Cause\n\n<Root Cause: write this section\.>\n\n## Contributing Factors\n/);
    // Every line of the document before is still there, in order: the fix lost no text.
    const before = INCOMPLETE.split('\n');
    let at = 0;
    for (const line of after.split('\n')) if (line === before[at]) at++;
    assert.equal(at, before.length);
    assert.deepEqual(io.stderr.slice(0, 2), [
      'incident-workbench: docs/postmortems/2026-03-20-draft.md: fixed 2: Add the "Root Cause" section; Add the "Contributing Factors" section.',
      'incident-workbench: --fix: 2 fixes applied to 1 file; the findings below are those left.',
    ]);
    assert.equal(statSync(pm('2026-03-15-ok.md')).mtimeMs, okBefore);
    assert.doesNotMatch(io.stdout.join('\n'), /PM001/);
    assert.ok(code === 0 || code === 1);
  });

  it('gives the same findings from the root and from a sub-folder, slo.yaml and the profile folders resolved from the root', async () => {
    const fromRoot = await lintJson(['docs/postmortems/2026-03-15-ok.md']);
    process.chdir(path.join(dir, 'docs'));
    const fromDocs = await lintJson(['postmortems/2026-03-15-ok.md']);
    process.chdir(path.join(dir, 'src'));
    const fromSrc = await lintJson(['../docs/postmortems/2026-03-15-ok.md']);
    const rules = (r: { json: { files: Array<{ findings: Array<{ ruleId: string }> }> } }) =>
      r.json.files.map((f) => f.findings.map((x) => x.ruleId));
    assert.deepEqual(rules(fromRoot), [[]], 'slo.yaml at the root is found: no PM016');
    assert.deepEqual(rules(fromDocs), rules(fromRoot));
    assert.deepEqual(rules(fromSrc), rules(fromRoot));
    process.chdir(path.join(dir, 'docs'));
    assert.deepEqual(paths((await lintJson([])).json), [
      'postmortems/2026-03-15-ok.md',
      'postmortems/2026-03-20-draft.md',
      'postmortems/drafts/2026-04-01-wip.md',
    ]);
  });

  it('index, slo and new give the same results from a sub-folder as from the root', async () => {
    const at = async (folder: string, args: string[]) => {
      process.chdir(path.join(dir, folder));
      const io = capture();
      const code = await run(args, io);
      return { code, out: io.stdout.join('\n') };
    };
    for (const args of [
      ['index', '--format', 'json'],
      ['slo', '--format', 'json', '--as-of', '2026-04-30'],
    ]) {
      const fromRoot = await at('.', args);
      assert.equal(fromRoot.code, 0, args.join(' '));
      assert.deepEqual(await at('src', args), fromRoot, args.join(' '));
    }
    const created = await at('src', ['new', 'postmortem', '--title', 'Queue backlog', '--date', '2026-04-02']);
    assert.equal(created.code, 0);
    assert.match(created.out, /\n\.\.\/docs\/postmortems\/2026-04-02-queue-backlog\.md$/);
    assert.ok(statSync(pm('2026-04-02-queue-backlog.md')).isFile());
  });

  it('tags run from a sub-folder links a tag to a postmortem that exists at the root (no TG001)', async () => {
    writeFileSync(path.join(dir, 'src', 'pay.ts'), '// INCIDENT-2026-03-15: retry budget\nexport const x = 1;\n');
    process.chdir(path.join(dir, 'src'));
    const io = capture();
    assert.equal(await run(['tags', '--format', 'json'], io), 0);
    assert.deepEqual(
      JSON.parse(io.stdout[0]).map((t: { path: string; incident: string }) => [t.path, t.incident]),
      [['src/pay.ts', 'docs/postmortems/2026-03-15-ok.md']],
    );
    assert.doesNotMatch(io.stderr.join('\n'), /TG001/);
  });

  it('writes SARIF URIs relative to the root, even for absolute paths', async () => {
    const io = capture();
    await run(['lint', pm('2026-03-20-draft.md'), '--format', 'sarif'], io);
    const sarif = JSON.parse(io.stdout.join('\n'));
    assert.deepEqual(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation, {
      uri: 'docs/postmortems/2026-03-20-draft.md',
      uriBaseId: '%SRCROOT%',
    });
    assert.equal(sarif.runs[0].tool.driver.rules[0].helpUri, undefined, 'no repository in package.json: no helpUri');
    const withRepo = toSarif([], '1.0.0', { repository: 'git+https://github.com/acme/incident-workbench.git' }) as {
      runs: Array<{ tool: { driver: { rules: Array<{ helpUri: string }> } } }>;
    };
    assert.equal(
      withRepo.runs[0].tool.driver.rules[0].helpUri,
      'https://github.com/acme/incident-workbench/blob/HEAD/docs/rules/PM001.md',
    );
  });
});

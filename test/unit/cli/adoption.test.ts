// The CLI as a markdownlint-cli2 user expects it: help on every command, suggestions, rule names, globs, .gitignore, stdin, --fix, the workspace root.
import * as assert from 'node:assert/strict';
import { run, type Io } from '../../../src/cli/main';
import { commandNames, commandHelp, optionsOf } from '../../../src/cli/args';
import { ALL_RULES, ruleIdFor } from '../../../src/core';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

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
    for (const o of ['--format', '--profile', '--config', '--kind', '--max-warnings', '--fix', '--stdin-filename']) assert.ok(options.includes(o), o);
  });

  it('lists every registered command in the overall usage', async () => {
    const io = capture();
    assert.equal(await run(['--help'], io), 0);
    for (const name of commandNames()) assert.match(io.stdout.join('\n'), new RegExp(`\\n  incident-workbench ${name}\\b`));
  });
});

describe('suggestions for a mistyped option or command', () => {
  it('suggests --format for lint --fromat, in plain words, exit 2', async () => {
    const io = capture();
    assert.equal(await run(['lint', '--fromat', 'json'], io), 2);
    assert.match(io.stderr[0], /^incident-workbench: Unknown option --fromat for lint\. Did you mean --format\? Run incident-workbench lint --help for its options\./);
    assert.doesNotMatch(io.stderr[0], /positional argument/);
  });

  it('suggests the option in commands that parse their own arguments (tags, slo, index)', async () => {
    for (const [command, typo, meant] of [['tags', '--fromat', '--format'], ['slo', '--as-off', '--as-of'], ['index', '--chek', '--check']]) {
      const io = capture();
      assert.equal(await run([command, typo], io), 2, command);
      assert.match(io.stderr.join('\n'), new RegExp(`Unknown option ${typo} for ${command}\\. Did you mean ${meant}\\?`));
    }
  });

  it('suggests lint for lnit, and says nothing close for a word far from every command', async () => {
    const io = capture();
    assert.equal(await run(['lnit'], io), 2);
    assert.match(io.stderr[0], /^incident-workbench: Unknown command "lnit"\. Did you mean lint\?/);
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

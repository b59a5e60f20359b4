import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run, type Io } from '../../../src/cli/main';
import { HOUSE_TEMPLATES, houseDocuments } from '../../fixtures/init/houseTemplates';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

/** PM001 findings of `lint` with these arguments (JSON output). */
async function structural(args: string[]): Promise<number> {
  const io = capture();
  await run(['lint', ...args, '--format', 'json'], io);
  const { files } = JSON.parse(io.stdout.join('\n')) as { files: { findings: { ruleId: string }[] }[] };
  return files.flatMap((r) => r.findings).filter((f) => f.ruleId === 'PM001' || f.ruleId === 'RB001').length;
}

describe('incident-workbench init', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'iw-init-'));
    for (const d of houseDocuments(HOUSE_TEMPLATES[0])) {
      mkdirSync(path.join(dir, path.dirname(d.path)), { recursive: true });
      writeFileSync(path.join(dir, d.path), d.text);
    }
    writeFileSync(path.join(dir, 'README.md'), '# Our service\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("done when: on twenty postmortems in a house template, init --write then lint reports at most a fifth of the nearest profile's missing sections", async () => {
    const dry = capture();
    assert.equal(await run(['init', dir], dry), 0);
    const base = /^extends: (\S+)$/m.exec(dry.stdout.join('\n'))?.[1] as string;
    const before = await structural([
      path.join(dir, 'docs/incident-reviews'),
      '--profile',
      base,
      '--kind',
      'postmortem',
    ]);
    assert.ok(before >= 20, String(before));
    const io = capture();
    assert.equal(await run(['init', dir, '--write'], io), 0, io.stderr.join('\n'));
    const after = await structural([dir, '--config', path.join(dir, '.incident-workbench.yaml')]);
    assert.ok(after * 5 <= before, `${before} -> ${after}`);
    // Every document was linted under the new configuration: the folder came from the documents.
    const lintIo = capture();
    await run(['lint', dir, '--config', path.join(dir, '.incident-workbench.yaml'), '--format', 'json'], lintIo);
    assert.equal((JSON.parse(lintIo.stdout.join('\n')) as { files: unknown[] }).files.length, 20);
  });

  it('dry run prints the file and the before/after counts and writes nothing', async () => {
    const io = capture();
    assert.equal(await run(['init', dir], io), 0);
    assert.match(io.stdout.join('\n'), /^extends: \S+$/m);
    assert.match(
      io.stderr.join('\n'),
      /missing-section findings \(PM001, RB001\): \d+ with \S+, \d+ with this configuration/,
    );
    assert.throws(() => readFileSync(path.join(dir, '.incident-workbench.yaml')));
  });

  it('never overwrites an existing configuration: --write exits 1 and leaves it as it was', async () => {
    writeFileSync(path.join(dir, '.incident-workbench.yaml'), 'extends: saas\n');
    const io = capture();
    assert.equal(await run(['init', dir, '--write'], io), 1);
    assert.match(io.stderr.join('\n'), /already exists; init never overwrites it/);
    assert.equal(readFileSync(path.join(dir, '.incident-workbench.yaml'), 'utf8'), 'extends: saas\n');
  });

  it('exits 2 on an unknown profile or a missing folder, and 1 where there is nothing to read', async () => {
    assert.equal(await run(['init', dir, '--profile', 'nope'], capture()), 2);
    assert.equal(await run(['init', path.join(dir, 'missing')], capture()), 2);
    const empty = mkdtempSync(path.join(tmpdir(), 'iw-init-empty-'));
    try {
      assert.equal(await run(['init', empty], capture()), 1);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

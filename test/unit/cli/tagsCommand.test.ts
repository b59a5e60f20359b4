// Tests of `incident-workbench tags` (src/cli/tagsCommand.ts); belongs in test/unit/cli/tagsCommand.test.ts (same depth, same imports).
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTags } from '../../../src/cli/tagsCommand';

function capture(): { out(t: string): void; err(t: string): void; stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

describe('incident-workbench tags', () => {
  let dir: string;
  let cwd: string;
  beforeEach(() => {
    dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'iw-tags-cli-')));
    cpSync(path.resolve(__dirname, '../../../../examples/acme-shop'), dir, { recursive: true });
    cwd = process.cwd();
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints the sample workspace's tags as the exact JSON array, linked to their postmortems", async () => {
    const io = capture();
    assert.equal(await runTags(['--format', 'json'], io), 0);
    assert.deepEqual(JSON.parse(io.stdout.join('\n')), [
      {
        path: 'services/payment-service/app/webhooks.py',
        line: 25,
        column: 3,
        date: '2026-03-20',
        slug: 'payment-service-crashloop',
        description: 'webhook handler must return errors, never panic',
        incident: 'docs/postmortems/2026-03-20-payment-service-crashloop.md',
      },
      {
        path: 'services/user-service/src/preferences.ts',
        line: 18,
        column: 4,
        date: '2026-03-15',
        slug: null,
        description: 'N+1 query on preferences.user_id; keep the index and the batched loader',
        incident: 'docs/postmortems/2026-03-15-user-service-timeout.md',
      },
    ]);
    assert.deepEqual(io.stderr, [
      '2 tags in 2 files; 13 files searched, 0 binary files and 0 files over 1 MiB skipped.',
    ]);
  });

  it('prints one line per tag as text', async () => {
    const io = capture();
    assert.equal(await runTags([], io), 0);
    assert.deepEqual(io.stdout.join('\n').split('\n'), [
      'services/payment-service/app/webhooks.py:25:3  INCIDENT-2026-03-20 payment-service-crashloop: webhook handler must return errors, never panic  → docs/postmortems/2026-03-20-payment-service-crashloop.md',
      'services/user-service/src/preferences.ts:18:4  INCIDENT-2026-03-15: N+1 query on preferences.user_id; keep the index and the batched loader  → docs/postmortems/2026-03-15-user-service-timeout.md',
    ]);
  });

  it('links nothing under a profile whose folders hold no documents, warning with TG001 but exiting 0', async () => {
    const io = capture();
    assert.equal(await runTags(['services/user-service', '--format', 'json', '--profile', 'agent'], io), 0);
    assert.deepEqual(
      JSON.parse(io.stdout.join('')).map((t: { path: string; incident: unknown }) => [t.path, t.incident]),
      [['services/user-service/src/preferences.ts', null]],
    );
    assert.equal(
      io.stderr[0],
      'services/user-service/src/preferences.ts:18:4  warning  TG001  No incident document matches INCIDENT-2026-03-15; expected .agent/incidents/INC-2026-03-15-<slug>.md.',
    );
  });

  it('reports an invalid tag as a TG002 error, leaves it out of the list and exits 1', async () => {
    writeFileSync(path.join(dir, 'services', 'bad.go'), 'package x\n\n// INCIDENT-2026-02-30: impossible\n');
    const io = capture();
    assert.equal(await runTags(['services/bad.go', '--format', 'json'], io), 1);
    assert.deepEqual(JSON.parse(io.stdout.join('')), []);
    assert.equal(
      io.stderr[0],
      'services/bad.go:3:13  error    TG002  2026-02-30 is not a real date, so this INCIDENT tag cannot name an incident.',
    );
  });

  it('exits 2 for a bad format, an unknown profile, a missing path or a path outside the folder', async () => {
    for (const args of [['--format', 'xml'], ['--profile', 'nope'], ['no/such/dir'], ['..'], ['--unknown']]) {
      const io = capture();
      assert.equal(await runTags(args, io), 2, args.join(' '));
      assert.match(io.stderr.join('\n'), /Usage:/);
    }
  });
});

// Tests for writeNewDocument on real temporary folders: links out of the workspace, read-only folders, and folders removed or swapped while it runs.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { refusalFor, takenNamesIn, writeNewDocument, WriteRefusedError } from '../../../src/services/documentWriter';

/** Every file and folder under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).sort();
}

const refused = (reason: WriteRefusedError['reason'], message: RegExp) => (e: unknown) => {
  assert.ok(e instanceof WriteRefusedError, `expected a WriteRefusedError, got ${String(e)}`);
  assert.equal(e.reason, reason, e.message);
  assert.match(e.message, message);
  return true;
};

/** A fresh temporary folder holding `workspace/` (the root under test) and a sibling `outside/`. */
function workspaceBesideOutside(prefix: string): { base: string; root: string; outside: string } {
  const base = realpathSync(mkdtempSync(path.join(tmpdir(), prefix)));
  const root = path.join(base, 'workspace');
  const outside = path.join(base, 'outside');
  mkdirSync(root);
  mkdirSync(outside);
  return { base, root, outside };
}

/** The user tests fall back to when they run as root, who may write into read-only folders. */
const NOBODY = 65534;
const isRoot = () => process.getuid?.() === 0;

describe('writeNewDocument', () => {
  let base: string;
  let root: string;
  let outside: string;
  beforeEach(() => {
    ({ base, root, outside } = workspaceBesideOutside('iw-writer-'));
  });
  afterEach(() => {
    chmodSync(base, 0o700);
    for (const dir of [root, outside]) if (existsSync(dir)) chmodSync(dir, 0o700);
    rmSync(base, { recursive: true, force: true });
  });

  it('creates the missing folders one by one and writes the file', async () => {
    const written = await writeNewDocument(root, 'docs/postmortems/2026/2026-03-15-outage.md', '# Outage\n');
    assert.equal(written, path.join(root, 'docs', 'postmortems', '2026', '2026-03-15-outage.md'));
    assert.equal(readFileSync(written, 'utf8'), '# Outage\n');
    assert.deepEqual(tree(root), [
      'docs',
      'docs/postmortems',
      'docs/postmortems/2026',
      'docs/postmortems/2026/2026-03-15-outage.md',
    ]);
  });

  it('creates nothing outside when a folder link points outside and sub-folders are missing', async () => {
    symlinkSync(outside, path.join(root, 'docs'));
    await assert.rejects(
      writeNewDocument(root, 'docs/postmortems/2026/a.md', 'x'),
      refused('outside', /^docs links to a folder outside the workspace; nothing was written\.$/),
    );
    assert.deepEqual(tree(outside), [], 'no folder or file was made through the link');
  });

  it('refuses a link deeper in the path, and a link through a link', async () => {
    mkdirSync(path.join(root, 'docs'));
    symlinkSync(outside, path.join(root, 'docs', 'postmortems'));
    await assert.rejects(
      writeNewDocument(root, 'docs/postmortems/2026/a.md', 'x'),
      refused('outside', /^docs\/postmortems links to a folder outside/),
    );
    symlinkSync(path.join(root, 'docs', 'postmortems'), path.join(root, 'chain'));
    await assert.rejects(
      writeNewDocument(root, 'chain/a.md', 'x'),
      refused('outside', /^chain links to a folder outside/),
    );
    assert.deepEqual(tree(outside), []);
  });

  it('follows a link to a folder inside the workspace', async () => {
    mkdirSync(path.join(root, 'shared-docs'));
    symlinkSync(path.join(root, 'shared-docs'), path.join(root, 'docs'));
    await writeNewDocument(root, 'docs/runbooks/a.md', 'x');
    assert.equal(readFileSync(path.join(root, 'shared-docs', 'runbooks', 'a.md'), 'utf8'), 'x');
  });

  it('refuses a link to nowhere without creating its target', async () => {
    const missing = path.join(outside, 'missing');
    symlinkSync(missing, path.join(root, 'docs'));
    await assert.rejects(
      writeNewDocument(root, 'docs/postmortems/a.md', 'x'),
      refused('io', /^docs is a link to a folder that does not exist; nothing was written\.$/),
    );
    assert.equal(existsSync(missing), false);
  });

  it('says so when a file stands where a folder should be', async () => {
    writeFileSync(path.join(root, 'docs'), 'not a folder');
    await assert.rejects(
      writeNewDocument(root, 'docs/postmortems/a.md', 'x'),
      refused('io', /^Cannot create the folder docs: it or a folder above it is a file, not a folder\.$/),
    );
    assert.equal(readFileSync(path.join(root, 'docs'), 'utf8'), 'not a folder');
  });

  it('never writes over an existing file or through a link to a file', async () => {
    writeFileSync(path.join(outside, 'target.md'), 'keep');
    mkdirSync(path.join(root, 'docs'));
    symlinkSync(path.join(outside, 'target.md'), path.join(root, 'docs', 'a.md'));
    writeFileSync(path.join(root, 'docs', 'b.md'), 'mine');
    await assert.rejects(
      writeNewDocument(root, 'docs/a.md', 'x'),
      refused('exists', /^docs\/a\.md already exists; it was not changed\.$/),
    );
    await assert.rejects(writeNewDocument(root, 'docs/b.md', 'x'), refused('exists', /already exists/));
    assert.equal(readFileSync(path.join(outside, 'target.md'), 'utf8'), 'keep');
    assert.equal(readFileSync(path.join(root, 'docs', 'b.md'), 'utf8'), 'mine');
  });

  it('gives a clear error for a read-only folder and creates nothing', () => {
    mkdirSync(path.join(root, 'docs'));
    chmodSync(path.join(root, 'docs'), 0o555);
    // Root may write anywhere, so as root the call runs in a child process as an ordinary user.
    chmodSync(base, 0o755);
    chmodSync(root, 0o755);
    const module = require.resolve('../../../src/services/documentWriter');
    const script = `require(${JSON.stringify(module)}).writeNewDocument(${JSON.stringify(root)}, process.argv[1], 'x')
      .then(() => console.log('written'), (e) => console.log(e.constructor.name + ' ' + e.reason + ' ' + e.message));`;
    const attempt = (relativePath: string) => {
      const result = spawnSync(process.execPath, ['-e', script, relativePath], {
        encoding: 'utf8',
        ...(isRoot() ? { uid: NOBODY, gid: NOBODY } : {}),
      });
      assert.equal(result.status, 0, result.stderr);
      return result.stdout.trim();
    };
    assert.equal(
      attempt('docs/postmortems/a.md'),
      'WriteRefusedError io Cannot create the folder docs/postmortems: permission denied.',
    );
    assert.equal(attempt('docs/a.md'), 'WriteRefusedError io Cannot create docs/a.md: permission denied.');
    assert.deepEqual(tree(path.join(root, 'docs')), []);
  });

  it('says the workspace folder is gone when it was removed', async () => {
    rmSync(root, { recursive: true });
    await assert.rejects(
      writeNewDocument(root, 'docs/a.md', 'x'),
      refused('io', /^The workspace folder .* no longer exists; nothing was written\.$/),
    );
    assert.equal(existsSync(root), false);
  });

  it('fails cleanly, and writes nothing outside, while folders are removed and swapped for links', async () => {
    const swapped = path.join(root, 'docs', 'postmortems');
    mkdirSync(path.join(root, 'docs'));
    let running = true;
    let swaps = 0;
    // Another process's work, done between the writer's steps: remove the folder, put a link
    // out of the workspace in its place, remove that, and so on.
    const meddle = async () => {
      while (running) {
        rmSync(swapped, { recursive: true, force: true });
        if (swaps % 2 === 0) {
          try {
            symlinkSync(outside, swapped);
          } catch {
            // The writer made the folder again in between (its file system calls run on other threads).
          }
        }
        swaps++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const meddling = meddle();
    const outcomes = { written: 0, refused: 0 };
    try {
      for (let i = 0; i < 300; i++) {
        try {
          await writeNewDocument(root, `docs/postmortems/note-${i}.md`, 'text');
          outcomes.written++;
        } catch (e) {
          assert.ok(
            e instanceof WriteRefusedError,
            `only clear refusals, got ${e instanceof Error ? e.stack : String(e)}`,
          );
          assert.match(e.message, /nothing was (written|kept)|already exists|Cannot create|removed/);
          outcomes.refused++;
        }
      }
    } finally {
      running = false;
      await meddling;
    }
    assert.ok(swaps > 10, `the folder was swapped ${swaps} times`);
    assert.equal(outcomes.written + outcomes.refused, 300);
    assert.deepEqual(tree(outside), [], 'nothing was left outside the workspace');
  });
});

describe('refusalFor and takenNamesIn (checks before a multi-file write)', () => {
  let base: string;
  let root: string;
  let outside: string;
  beforeEach(() => {
    ({ base, root, outside } = workspaceBesideOutside('iw-refusal-'));
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('accepts a new path under missing folders and creates nothing while checking', async () => {
    assert.equal(await refusalFor(root, 'docs/postmortems/2026-03-15-outage.md'), undefined);
    assert.deepEqual(tree(root), []);
  });

  it("gives writeNewDocument's reason for a folder that links outside, and for an unsafe path", async () => {
    symlinkSync(outside, path.join(root, 'docs'));
    assert.match(
      (await refusalFor(root, 'docs/postmortems/x.md')) ?? '',
      /docs links to a folder outside the workspace/,
    );
    assert.deepEqual(tree(outside), []);
    assert.ok(await refusalFor(root, '../x.md'), 'a path that climbs out is refused');
  });

  it('says which names are taken in the folder, ignoring case', async () => {
    mkdirSync(path.join(root, 'docs'));
    writeFileSync(path.join(root, 'docs', 'Outage.md'), '');
    const taken = await takenNamesIn(root, 'docs/new.md');
    assert.deepEqual([taken('docs/outage.md'), taken('docs/other.md')], [true, false]);
  });
});

import * as assert from 'node:assert/strict';
import {
  mkdtempSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  existsSync,
  readdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run, type Io } from '../../../src/cli/main';
import { runNew, startDay } from '../../../src/cli/newCommand';
import { writeNewDocument, WriteRefusedError } from '../../../src/services/documentWriter';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

describe('incident-workbench new', () => {
  let dir: string;
  let cwd: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'iw-new-'));
    mkdirSync(path.join(dir, '.git'));
    cwd = process.cwd();
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a pre-filled postmortem at the profile path and prints that path last', async () => {
    const io = capture();
    const code = await run(
      [
        'new',
        'postmortem',
        '--title',
        'User service timeout',
        '--date',
        '2026-03-15',
        '--severity',
        'sev-2',
        '--start',
        '2026-03-15T14:28:00Z',
        '--end',
        '2026-03-15T15:19:00Z',
      ],
      io,
    );
    assert.equal(code, 0, io.stderr.join('\n'));
    assert.equal(io.stdout.at(-1), 'docs/postmortems/2026-03-15-user-service-timeout.md');
    const text = readFileSync(path.join(dir, 'docs/postmortems/2026-03-15-user-service-timeout.md'), 'utf8');
    assert.match(text, /^# Postmortem: User service timeout\n\n\*\*Date:\*\* 2026-03-15\n\*\*Severity:\*\* SEV2\n/);
    assert.match(text, /\| 14:28 \| Incident started/);
    assert.match(text, /\| 15:19 \| Resolved/);
  });

  it('dates a postmortem by its --start when --date is not given (file name and Date field), not today', async () => {
    const io = capture();
    const code = await runNew(
      ['postmortem', '--title', 'Cache outage', '--start', '2026-05-02T14:00Z'],
      io,
      undefined,
      new Date('2026-12-04T10:00:00Z'),
    );
    assert.equal(code, 0, io.stderr.join('\n'));
    assert.equal(io.stdout.at(-1), 'docs/postmortems/2026-05-02-cache-outage.md');
    const text = readFileSync(path.join(dir, 'docs/postmortems/2026-05-02-cache-outage.md'), 'utf8');
    assert.match(text, /\*\*Date:\*\* 2026-05-02\n/);
  });

  it("takes the start's date as written, lets --date win, and falls back to today without either", async () => {
    assert.equal(startDay('2026-05-02T23:30-05:00'), '2026-05-02');
    assert.equal(startDay('2026-05-02 14:00'), '2026-05-02');
    const now = new Date('2026-12-04T10:00:00Z');
    const io = capture();
    await runNew(
      ['postmortem', '--title', 'a', '--date', '2026-05-01', '--start', '2026-05-02T14:00Z'],
      io,
      undefined,
      now,
    );
    assert.equal(io.stdout.at(-1), 'docs/postmortems/2026-05-01-a.md');
    const io2 = capture();
    await runNew(['postmortem', '--title', 'b'], io2, undefined, now);
    assert.equal(io2.stdout.at(-1), 'docs/postmortems/2026-12-04-b.md');
  });

  it('lists the commits of the incident window, or says why it cannot', async () => {
    const windows: Array<[string, string]> = [];
    const io = capture();
    await runNew(
      [
        'postmortem',
        '--title',
        'a',
        '--date',
        '2026-03-15',
        '--start',
        '2026-03-15T14:28:00Z',
        '--end',
        '2026-03-15T15:19:00Z',
      ],
      io,
      async (_root, since, until) => {
        windows.push([since.toISOString(), until.toISOString()]);
        return { commits: [{ shortHash: 'abc1234', date: '2026-03-15T14:25:00Z', subject: 'Add preferences join' }] };
      },
    );
    assert.deepEqual(windows, [['2026-03-13T14:28:00.000Z', '2026-03-15T15:19:00.000Z']]);
    assert.match(
      readFileSync(path.join(dir, io.stdout.at(-1) as string), 'utf8'),
      /- `abc1234` 2026-03-15 14:25 Add preferences join/,
    );
    const io2 = capture();
    await runNew(['postmortem', '--title', 'b', '--date', '2026-03-15'], io2, async () => ({
      unavailable: 'Git is not installed or not on PATH.',
    }));
    assert.match(
      readFileSync(path.join(dir, io2.stdout.at(-1) as string), 'utf8'),
      /Commit correlation was not available: Git is not installed or not on PATH\./,
    );
  });

  it('never overwrites: a second document with the same name exits 1 and leaves the first intact', async () => {
    await run(['new', 'incident', '--title', 'Payments down', '--date', '2026-03-20'], capture());
    const file = path.join(dir, 'docs/incidents/2026-03-20-payments-down.md');
    writeFileSync(file, 'my notes');
    const io = capture();
    assert.equal(await run(['new', 'incident', '--title', 'Payments down', '--date', '2026-03-20'], io), 1);
    assert.deepEqual(io.stderr, [
      'incident-workbench: docs/incidents/2026-03-20-payments-down.md already exists; it was not changed.',
    ]);
    assert.equal(readFileSync(file, 'utf8'), 'my notes');
  });

  it('keeps hostile titles inside the folder', async () => {
    for (const title of ['../../../tmp/evil', '/etc/passwd', 'C:\\\\x', 'CON', 'Сбой 支付 🔥']) {
      const io = capture();
      assert.equal(await run(['new', 'postmortem', '--title', title, '--date', '2026-03-15'], io), 0, title);
      assert.match(io.stdout.at(-1) as string, /^docs\/postmortems\/2026-03-15-[a-z0-9-]+\.md$/);
    }
    assert.equal(readdirSync(path.join(dir, 'docs/postmortems')).length, 5);
  });

  it('writes each kind where the chosen profile keeps it', async () => {
    const io = capture();
    await run(
      ['new', 'runbook', '--service', 'user-service', '--failure-mode', 'slow query', '--profile', 'agent'],
      io,
    );
    assert.equal(io.stdout.at(-1), 'docs/runbooks/user-service-slow-query.md');
    const io2 = capture();
    await run(
      ['new', 'incident', '--title', 'x', '--date', '2026-03-15', '--profile', 'agent', '--severity', 'P1'],
      io2,
    );
    assert.equal(io2.stdout.at(-1), '.agent/incidents/INC-2026-03-15-x.md');
  });

  it('exits 2 on bad input, saying what is wrong', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['new'], /new needs one kind/],
      [['new', 'postmortem'], /needs --title/],
      [['new', 'postmortem', '--title', 'x', '--date', '2026-02-30'], /--date must be a real date/],
      [
        ['new', 'postmortem', '--title', 'x', '--severity', 'P9'],
        /"P9" is not in the harness profile's scale \(SEV1, SEV2, SEV3, SEV4\)/,
      ],
      [['new', 'postmortem', '--title', 'x', '--start', 'yesterday'], /--start must be a date and time/],
      [['new', 'runbook', '--service', 'x'], /needs --service and --failure-mode/],
    ];
    for (const [args, message] of cases) {
      const io = capture();
      assert.equal(await run(args, io), 2, args.join(' '));
      assert.match(io.stderr[0], message);
    }
  });
});

describe('writeNewDocument', () => {
  let root: string;
  let outside: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'iw-root-'));
    outside = mkdtempSync(path.join(tmpdir(), 'iw-outside-'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('refuses to write through a folder link that points outside the workspace', async () => {
    mkdirSync(path.join(root, 'docs'));
    symlinkSync(outside, path.join(root, 'docs', 'postmortems'));
    await assert.rejects(
      writeNewDocument(root, 'docs/postmortems/a.md', 'x'),
      (e: unknown) => e instanceof WriteRefusedError && e.reason === 'outside',
    );
    assert.deepEqual(readdirSync(outside), []);
  });

  it('refuses an existing file, even a link, and unsafe paths', async () => {
    writeFileSync(path.join(outside, 'target.md'), 'keep');
    mkdirSync(path.join(root, 'docs'));
    symlinkSync(path.join(outside, 'target.md'), path.join(root, 'docs', 'a.md'));
    await assert.rejects(
      writeNewDocument(root, 'docs/a.md', 'x'),
      (e: unknown) => e instanceof WriteRefusedError && e.reason === 'exists',
    );
    assert.equal(readFileSync(path.join(outside, 'target.md'), 'utf8'), 'keep');
    await assert.rejects(writeNewDocument(root, '../escape.md', 'x'));
    assert.equal(existsSync(path.join(root, '..', 'escape.md')), false);
  });
});

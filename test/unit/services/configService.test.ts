import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { MAX_CONFIG_BYTES } from '../../../src/core/config';
import {
  applyWorkspaceSeverityMatrix,
  findConfigFile,
  findConfigFileUpwards,
  loadConfigFile,
  loadConfigFor,
} from '../../../src/services/configService';

describe('configService', () => {
  let dir: string;
  beforeEach(() => {
    dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'iw-config-')));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (rel: string, text: string | Buffer): string => {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };

  describe('findConfigFile (a workspace root)', () => {
    it('finds .incident-workbench.yaml, else .incident-workbench.yml, else nothing', async () => {
      assert.equal(await findConfigFile(dir), undefined);
      const yml = write('.incident-workbench.yml', 'extends: harness\n');
      assert.equal(await findConfigFile(dir), yml);
      const yaml = write('.incident-workbench.yaml', 'extends: harness\n');
      assert.equal(await findConfigFile(dir), yaml);
    });

    it('ignores a folder with the file name and does not look in subfolders', async () => {
      mkdirSync(path.join(dir, '.incident-workbench.yaml'));
      write('sub/.incident-workbench.yaml', '');
      assert.equal(await findConfigFile(dir), undefined);
    });
  });

  describe('findConfigFileUpwards (the CLI)', () => {
    it('finds the file in a parent folder, starting from a folder or a file', async () => {
      const config = write('.incident-workbench.yaml', '');
      mkdirSync(path.join(dir, '.git'));
      const doc = write('docs/postmortems/2026/2026-03-15-outage.md', '# Postmortem\n');
      assert.equal(await findConfigFileUpwards(path.dirname(doc)), config);
      assert.equal(await findConfigFileUpwards(doc), config);
      assert.equal(await findConfigFileUpwards(dir), config);
    });

    it('takes the nearest file when folders on the way each have one', async () => {
      write('.incident-workbench.yaml', '');
      const inner = write('services/api/.incident-workbench.yml', '');
      assert.equal(await findConfigFileUpwards(path.join(dir, 'services/api/docs')), inner);
    });

    it('stops at the repository root (a .git folder or file) and does not look above it', async () => {
      write('.incident-workbench.yaml', 'extends: harness\n');
      mkdirSync(path.join(dir, 'repo/.git'), { recursive: true });
      write('repo/docs/x.md', '');
      assert.equal(await findConfigFileUpwards(path.join(dir, 'repo/docs')), undefined);
      // A worktree or submodule has a .git file instead of a folder.
      write('worktree/.git', 'gitdir: ../repo/.git/worktrees/w\n');
      mkdirSync(path.join(dir, 'worktree/docs'));
      assert.equal(await findConfigFileUpwards(path.join(dir, 'worktree/docs')), undefined);
    });

    it('resolves a relative start against the working folder', async () => {
      const config = write('.incident-workbench.yaml', '');
      mkdirSync(path.join(dir, '.git'));
      mkdirSync(path.join(dir, 'docs'));
      const cwd = process.cwd();
      process.chdir(path.join(dir, 'docs'));
      try {
        assert.equal(await findConfigFileUpwards('.'), config);
      } finally {
        process.chdir(cwd);
      }
    });
  });

  describe('loadConfigFile', () => {
    it('loads a good file into a profile, with the folder its paths are relative to', async () => {
      const file = write(
        '.incident-workbench.yaml',
        'extends: harness\ndocuments:\n  postmortem:\n    folder: retros\n',
      );
      const loaded = await loadConfigFile(file);
      assert.deepEqual(loaded.problems, []);
      assert.equal(loaded.path, file);
      assert.equal(loaded.root, dir);
      assert.equal(loaded.profile?.documents.postmortem?.folder, 'retros');
    });

    it('returns located problems and no profile for a bad file', async () => {
      const file = write('team.yaml', 'rules:\n  PM001: loud\n');
      const loaded = await loadConfigFile(file);
      assert.equal(loaded.profile, undefined);
      assert.deepEqual(loaded.problems, [
        {
          severity: 'error',
          message: 'rules.PM001: must be one of off, info, warning, error (got "loud")',
          range: { start: { line: 1, character: 9 }, end: { line: 1, character: 13 } },
        },
      ]);
    });

    it('reports a missing file, a folder and invalid UTF-8 as one error at the top', async () => {
      const cases: [string, string][] = [
        [path.join(dir, 'missing.yaml'), 'the file does not exist'],
        [path.join(dir), 'this is a folder, not a file'],
        [
          write('latin1.yaml', Buffer.from([0x78, 0x2d, 0x61, 0x3a, 0x20, 0xe9, 0x0a])),
          'the file is not valid UTF-8 text',
        ],
      ];
      for (const [file, message] of cases) {
        const loaded = await loadConfigFile(file);
        assert.equal(loaded.profile, undefined);
        assert.deepEqual(loaded.problems, [
          { severity: 'error', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
        ]);
      }
    });

    it(`refuses a file over ${MAX_CONFIG_BYTES / 1024} KiB`, async () => {
      const file = write('.incident-workbench.yaml', `x-pad: "${'a'.repeat(MAX_CONFIG_BYTES)}"\n`);
      const loaded = await loadConfigFile(file);
      assert.equal(loaded.profile, undefined);
      assert.deepEqual(
        loaded.problems.map((p) => p.message),
        ['the file is larger than 256 KiB, the limit for a configuration file; nothing in it was applied'],
      );
    });

    it('drops a byte-order mark', async () => {
      const file = write('.incident-workbench.yaml', '\uFEFFextends: nope\n');
      const [problem] = (await loadConfigFile(file)).problems;
      assert.deepEqual(problem.range, { start: { line: 0, character: 9 }, end: { line: 0, character: 13 } });
    });

    it('warns when both .yaml and .yml exist next to each other', async () => {
      const file = write('.incident-workbench.yaml', 'extends: harness\n');
      write('.incident-workbench.yml', 'extends: harness\n');
      const loaded = await loadConfigFile(file);
      assert.ok(loaded.profile);
      assert.deepEqual(
        loaded.problems.map((p) => `${p.severity} ${p.message}`),
        ['warning .incident-workbench.yml in the same folder is ignored in favour of this file; delete one of them'],
      );
    });
  });

  describe('loadConfigFor', () => {
    it('finds and loads, or returns undefined when there is no file', async () => {
      mkdirSync(path.join(dir, '.git'));
      mkdirSync(path.join(dir, 'docs'));
      assert.equal(await loadConfigFor(path.join(dir, 'docs')), undefined);
      write('.incident-workbench.yml', 'rules: { PM001: "off" }\n');
      const loaded = await loadConfigFor(path.join(dir, 'docs'));
      assert.equal(loaded?.path, path.join(dir, '.incident-workbench.yml'));
      assert.equal(loaded?.profile?.rules.PM001, 'off');
    });
  });
  describe('applyWorkspaceSeverityMatrix with the matrix path set in the configuration', () => {
    it('reads the matrix the configuration names, under a profile that has none of its own', async () => {
      write('.incident-workbench.yaml', 'extends: google-sre\nseverityMatrix: ops/severity.md\n');
      write(
        'ops/severity.md',
        '# Severity\n\n| Severity | Definition |\n|---|---|\n| P0 | Everyone is down |\n| P1 | Some are down |\n',
      );
      const loaded = await loadConfigFile(path.join(dir, '.incident-workbench.yaml'));
      assert.ok(loaded.profile);
      const r = await applyWorkspaceSeverityMatrix(dir, loaded.profile);
      assert.deepEqual(r.problems, []);
      assert.equal(r.path, path.join(dir, 'ops', 'severity.md'));
      assert.deepEqual(
        r.profile?.severities.map((s) => s.id),
        ['P0', 'P1'],
      );
    });

    it('leaves the profile as it is when the named file does not exist', async () => {
      write('.incident-workbench.yaml', 'extends: google-sre\nseverityMatrix: ops/severity.md\n');
      const loaded = await loadConfigFile(path.join(dir, '.incident-workbench.yaml'));
      assert.ok(loaded.profile);
      const r = await applyWorkspaceSeverityMatrix(dir, loaded.profile);
      assert.equal(r.profile, loaded.profile);
      assert.equal(r.path, undefined);
    });
  });
});

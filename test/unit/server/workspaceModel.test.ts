// The server's workspace model while one document is typed into: no workspace-wide reading per version.
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import type { ServerFileSystem } from '../../../src/server/fileSystem';
import { nodeFileSystem } from '../../../src/server/nodeFileSystem';
import { WorkspaceModel } from '../../../src/server/WorkspaceModel';
import { copySampleWorkspace } from './lspHarness';

const DRAFT = 'docs/postmortems/2026-03-20-payment-service-crashloop.md';

describe('WorkspaceModel while a document is typed into', () => {
  let root: string;
  let stats: number;
  let reads: number;
  let clock: number;
  let model: WorkspaceModel;
  /** The Node file system, counting what the model asks of it. */
  const counting: ServerFileSystem = {
    stat: (p) => {
      stats++;
      return nodeFileSystem.stat(p);
    },
    readText: (p) => {
      reads++;
      return nodeFileSystem.readText(p);
    },
    findMarkdownFiles: (r) => nodeFileSystem.findMarkdownFiles(r),
  };
  beforeEach(async () => {
    root = copySampleWorkspace().split(path.sep).join('/');
    clock = 0;
    // A profile whose IN001 needs the workspace's postmortems.
    model = new WorkspaceModel({ root, fs: counting, profileName: 'heaptrace', clock: () => clock });
    await model.loadConfiguration();
    stats = reads = 0;
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('gathers no workspace facts for a postmortem, and computes its summary only when asked', async () => {
    const text = readFileSync(path.join(root, DRAFT), 'utf8');
    for (let v = 1; v <= 5; v++) {
      model.setOpen(`${root}/${DRAFT}`, v, `${text}${'x'.repeat(v)}`, 'markdown');
      const entry = model.openEntry(`${root}/${DRAFT}`);
      assert.equal(entry?.kind, 'postmortem');
      const options = await model.lintOptions(0, entry?.kind);
      assert.equal(options.workspace, undefined);
    }
    assert.equal(stats + reads, 0, 'nothing read from disk while typing into a postmortem');
    assert.match(model.openEntry(`${root}/${DRAFT}`)?.summary?.title ?? '', /payment/i);
  });

  it('reads the other documents once for an incident record, again only after a file event or DISK_RECHECK_MS', async () => {
    const incident = 'docs/incidents/2026-04-01-bench.md';
    model.setOpen(`${root}/${incident}`, 1, '# Incident: checkout down\n\n**Severity:** SEV1\n', 'markdown');
    const first = await model.lintOptions(0, 'incident');
    assert.ok(first.workspace && first.workspace.postmortems.length > 0, 'the postmortems are known');
    const afterFirst = stats + reads;
    assert.ok(afterFirst > 0);
    for (let v = 2; v <= 6; v++) {
      model.setOpen(`${root}/${incident}`, v, `# Incident: checkout down ${v}\n\n**Severity:** SEV1\n`, 'markdown');
      const again = await model.lintOptions(0, 'incident');
      assert.strictEqual(again.workspace?.postmortems, first.workspace.postmortems, 'the same facts, reused');
    }
    assert.equal(stats + reads, afterFirst, 'no disk access for the next versions');
    model.fileChanged(`${root}/${DRAFT}`);
    await model.lintOptions(0, 'incident');
    assert.ok(stats + reads > afterFirst, 'a file event makes the model look again');
    const afterEvent = stats + reads;
    clock += 5000;
    await model.lintOptions(0, 'incident');
    assert.ok(stats + reads > afterEvent, 'and so does time');
  });
});

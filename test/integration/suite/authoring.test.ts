// Integration: the authoring commands (New Postmortem, New Runbook, Declare Incident, timeline and status) in a real VS Code, typed through the palette where it matters.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './workspace';
import { domText, hasUiBridge, pressKeys, screenshot } from './uiBridge';

const folderUri = () => vscode.workspace.workspaceFolders![0].uri;
const at = (rel: string) => vscode.Uri.joinPath(folderUri(), ...rel.split('/'));
const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
async function exists(uri: vscode.Uri) {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
async function waitFor(cond: () => Promise<boolean> | boolean, ms = 15000) {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 150));
  }
  return true;
}
async function palette(title: string) {
  await new Promise((r) => setTimeout(r, 1500));
  await pressKeys('Escape', 'F1');
  await new Promise((r) => setTimeout(r, 600));
  await typeText(title);
  await new Promise((r) => setTimeout(r, 800));
  await pressKeys('Enter');
}
async function typeText(text: string) {
  await pressKeys(...[...text].map((ch) => (ch === ' ' ? 'Space' : ch)));
}

/** Every file under docs/ and .git, so the documents this file creates can be removed for the suites after it. */
/** Reverts every unsaved document and closes all editors, so no "Save changes?" dialog can block. */
async function closeEverything(): Promise<void> {
  if (hasUiBridge()) await pressKeys('Escape');
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(doc);
    // An untitled editor is discarded (reverting alone leaves it open); a file goes back to its saved text.
    await vscode.commands.executeCommand(
      doc.isUntitled ? 'workbench.action.revertAndCloseActiveEditor' : 'workbench.action.files.revert',
    );
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

async function snapshot(): Promise<Set<string>> {
  const found = await vscode.workspace.findFiles('docs/**/*');
  return new Set(found.map((u) => u.toString()));
}

let before0: Set<string> | undefined;

describe('Authoring', function () {
  this.timeout(120000);
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    before0 ??= await snapshot();
  });

  it('New Postmortem with arguments writes the file at the harness path', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('incidentWorkbench.newPostmortem', {
      title: 'Checkout returns 502',
      date: '2026-04-02',
      severity: 'sev-2',
      start: '14:28',
      end: '2026-04-02T15:15Z',
    });
    assert.ok(uri, 'returns the uri');
    assert.equal(vscode.workspace.asRelativePath(uri), 'docs/postmortems/2026-04-02-checkout-returns-502.md');
    const text = await read(uri);
    assert.match(text, /^# Postmortem: Checkout returns 502\n/);
    assert.match(text, /\*\*Severity:\*\* SEV2/);
    assert.match(text, /\| 14:28 \| Incident started/);
    assert.match(text, /\| 15:15 \| Resolved/);
    assert.match(text, /Commit correlation was not available: /);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    // existing: fail leaves it, next makes -2
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('incidentWorkbench.newPostmortem', {
      title: 'Checkout returns 502',
      date: '2026-04-02',
    });
    assert.equal(again, undefined);
    assert.equal(await read(uri), text);
    const second = await vscode.commands.executeCommand<vscode.Uri>('incidentWorkbench.newPostmortem', {
      title: 'Checkout returns 502',
      date: '2026-04-02',
      ifExists: 'next',
    });
    assert.equal(vscode.workspace.asRelativePath(second), 'docs/postmortems/2026-04-02-checkout-returns-502-2.md');
  });

  it('New Runbook and Declare Incident with arguments', async () => {
    const rb = await vscode.commands.executeCommand<vscode.Uri>('incidentWorkbench.newRunbook', {
      service: 'payment-service',
      failureMode: 'Webhook backlog',
    });
    assert.equal(vscode.workspace.asRelativePath(rb), 'docs/runbooks/payment-service-webhook-backlog.md');
    const inc = await vscode.commands.executeCommand<vscode.Uri>('incidentWorkbench.declareIncident', {
      title: 'EU checkout down',
      severity: 'SEV1',
      commander: 'Ada',
      date: '2026-04-03',
    });
    assert.equal(vscode.workspace.asRelativePath(inc), 'docs/incidents/2026-04-03-eu-checkout-down.md');
    const text = await read(inc);
    assert.match(text, /\*\*Status:\*\* Investigating/);
    assert.match(text, /\*\*Incident Commander:\*\* Ada/);
  });

  it('Add Timeline Entry, then Convert to Postmortem, Copy', async () => {
    const inc = at('docs/incidents/2026-04-03-eu-checkout-down.md');
    const doc = await vscode.workspace.openTextDocument(inc);
    await vscode.window.showTextDocument(doc);
    await waitFor(() => true, 500);
    const line1 = await vscode.commands.executeCommand<number>('incidentWorkbench.addTimelineEntry', {
      text: '09:15 Alerts fired for EU checkout',
    });
    const line2 = await vscode.commands.executeCommand<number>('incidentWorkbench.addTimelineEntry', {
      text: '09:05 — First 502s in logs',
    });
    assert.equal(line2, line1, 'the earlier event goes where the later one was, before it');
    assert.ok(doc.isDirty);
    assert.ok(doc.getText().indexOf('09:05') < doc.getText().indexOf('09:15'));
    await vscode.commands.executeCommand('undo');
    assert.ok(!doc.getText().includes('First 502s'), 'undo removes the last entry');
    await vscode.commands.executeCommand('redo');
    await doc.save();
    const pm = await vscode.commands.executeCommand<vscode.Uri>('incidentWorkbench.convertToPostmortem', {
      ifExists: 'fail',
    });
    assert.equal(vscode.workspace.asRelativePath(pm), 'docs/postmortems/2026-04-03-eu-checkout-down.md');
    const text = await read(pm);
    assert.match(text, /09:05 \| First 502s in logs/);
  });

  it('Convert refuses a postmortem', async () => {
    const doc = await vscode.workspace.openTextDocument(at('docs/postmortems/2026-03-15-user-service-timeout.md'));
    await vscode.window.showTextDocument(doc);
    const r = await vscode.commands.executeCommand('incidentWorkbench.convertToPostmortem', { ifExists: 'fail' });
    assert.equal(r, undefined);
  });

  it('New Postmortem through the palette with typed inputs', async function () {
    if (!hasUiBridge()) this.skip();
    this.timeout(120000);
    await palette('Incident: New Postmortem');
    await new Promise((r) => setTimeout(r, 800));
    await typeText('Search index stale');
    await pressKeys('Enter');
    await new Promise((r) => setTimeout(r, 500));
    await pressKeys('Control+a');
    await typeText('2026-04-05');
    await new Promise((r) => setTimeout(r, 1500));
    await screenshot('authoring-date-step');
    await pressKeys('Enter');
    await new Promise((r) => setTimeout(r, 500));
    await typeText('SEV3');
    await new Promise((r) => setTimeout(r, 800));
    await screenshot('authoring-severity');
    await pressKeys('Enter');
    await new Promise((r) => setTimeout(r, 500));
    await typeText('10:00');
    await pressKeys('Enter');
    await new Promise((r) => setTimeout(r, 500));
    await typeText('09:00');
    await new Promise((r) => setTimeout(r, 1500));
    await screenshot('authoring-end-before-start');
    await pressKeys('Enter');
    await new Promise((r) => setTimeout(r, 500));
    await pressKeys('Control+a', 'Backspace');
    await typeText('11:30');
    await pressKeys('Enter');
    const uri = at('docs/postmortems/2026-04-05-search-index-stale.md');
    assert.ok(await waitFor(() => exists(uri), 20000), 'file appears');
    await new Promise((r) => setTimeout(r, 1500));
    await screenshot('authoring-new-postmortem');
    const text = await read(uri);
    assert.match(text, /\*\*Severity:\*\* SEV3/);
    assert.match(text, /\| 10:00 \| Incident started/);
    assert.match(text, /\| 11:30 \| Resolved/);
  });

  it('Escape at the severity step writes nothing', async function () {
    if (!hasUiBridge()) this.skip();
    await palette('Incident: New Postmortem');
    await new Promise((r) => setTimeout(r, 800));
    await typeText('Never written');
    await pressKeys('Enter');
    await new Promise((r) => setTimeout(r, 500));
    await pressKeys('Enter');
    await new Promise((r) => setTimeout(r, 500));
    await pressKeys('Escape');
    await new Promise((r) => setTimeout(r, 1000));
    const today = new Date().toISOString().slice(0, 10);
    assert.equal(await exists(at(`docs/postmortems/${today}-never-written.md`)), false);
  });

  it('New Runbook picker offers docker-compose services', async function () {
    if (!hasUiBridge()) this.skip();
    this.timeout(60000);
    await palette('Incident: New Runbook');
    await new Promise((r) => setTimeout(r, 2500));
    await screenshot('authoring-runbook-services');
    await typeText('api-gate');
    await new Promise((r) => setTimeout(r, 500));
    await screenshot('authoring-runbook-typed');
    await pressKeys('Enter');
    await new Promise((r) => setTimeout(r, 500));
    await typeText('upstream timeouts');
    await pressKeys('Enter');
    const uri = at('docs/runbooks/api-gateway-upstream-timeouts.md');
    assert.ok(await waitFor(() => exists(uri), 20000), 'runbook appears');
    await palette('Incident: New Runbook');
    await new Promise((r) => setTimeout(r, 2500));
    await typeText('ledger');
    await new Promise((r) => setTimeout(r, 500));
    await screenshot('authoring-runbook-new');
    await pressKeys('Enter');
    await new Promise((r) => setTimeout(r, 500));
    await typeText('disk full');
    await screenshot('authoring-runbook-failure');
    await pressKeys('Enter');
    assert.ok(
      await waitFor(() => exists(at('docs/runbooks/ledger-disk-full.md')), 20000),
      'new-service runbook appears',
    );
    // The command opens the new runbook after writing it; let that settle before the next test.
    assert.ok(
      await waitFor(
        () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/ledger-disk-full.md') ?? false,
        10000,
      ),
      'the new runbook is opened',
    );
  });
});

describe('Authoring extra', function () {
  this.timeout(120000);
  it('Add Timeline Entry through the palette', async function () {
    if (!hasUiBridge()) this.skip();
    await closeEverything();
    const doc = await vscode.workspace.openTextDocument(at('docs/postmortems/2026-03-15-user-service-timeout.md'));
    await vscode.window.showTextDocument(doc);
    assert.ok(
      await waitFor(() => vscode.window.activeTextEditor?.document === doc, 5000),
      'the postmortem is the active editor',
    );
    await palette('Incident: Add Timeline Entry');
    // Type only once the command's input box is open: typed earlier, the keys go into the editor.
    assert.ok(
      await waitFor(async () => {
        const title = await domText('.quick-input-widget .quick-input-title').catch(() => undefined);
        return /^Add Timeline Entry/.test(title?.text ?? '');
      }, 20000),
      'the Add Timeline Entry input box is open',
    );
    await typeText('14:35 Status page updated');
    await new Promise((r) => setTimeout(r, 1000));
    await screenshot('authoring-timeline-input');
    await pressKeys('Enter');
    assert.ok(await waitFor(() => doc.getText().includes('Status page updated'), 10000));
    const lines = doc.getText().split('\n');
    const i = lines.findIndex((l) => l.includes('Status page updated'));
    assert.match(lines[i - 1], /^\| 2026-03-15 14:34 /, 'after the 14:34 event');
    assert.match(lines[i + 1], /^\| 2026-03-15 14:37 /, 'before the 14:37 event');
    await screenshot('authoring-timeline-added');
    await vscode.commands.executeCommand('undo');
    assert.ok(!doc.getText().includes('Status page updated'));
  });

  it('New Postmortem lists commits of the window from a real repository', async () => {
    const cp = await import('node:child_process');
    const root = folderUri().fsPath;
    const git = (args: string[], env: Record<string, string> = {}) =>
      cp.execFileSync('git', args, { cwd: root, env: { ...process.env, ...env } }).toString();
    git(['init', '-q']);
    git(['-c', 'user.name=T', '-c', 'user.email=t@e', 'add', 'docker-compose.yml']);
    git(['-c', 'user.name=Tess', '-c', 'user.email=t@e', 'commit', '-q', '-m', 'Raise gateway timeout'], {
      GIT_AUTHOR_DATE: '2026-05-01T12:00:00Z',
      GIT_COMMITTER_DATE: '2026-05-01T12:00:00Z',
    });
    const uri = await vscode.commands.executeCommand<vscode.Uri>('incidentWorkbench.newPostmortem', {
      title: 'Gateway timeouts',
      date: '2026-05-02',
      start: '09:00',
    });
    const text = await read(uri);
    assert.match(text, /Raise gateway timeout/);
  });
});

// The suites after this one count incidents in the sample workspace: leave it as it was.
describe('Authoring (clean-up)', function () {
  this.timeout(60000);
  it('removes the documents the authoring tests created, leaving the sample as it was', async () => {
    await closeEverything();
    assert.ok(before0, 'the authoring tests ran');
    for (const uri of await snapshot()) {
      if (!before0.has(uri)) await vscode.workspace.fs.delete(vscode.Uri.parse(uri));
    }
    try {
      await vscode.workspace.fs.delete(at('.git'), { recursive: true });
    } catch {
      // No repository was made.
    }
    assert.deepEqual([...(await snapshot())].sort(), [...before0].sort());
  });
});

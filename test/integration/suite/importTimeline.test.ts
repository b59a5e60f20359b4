// Integration: "Incident: Import Timeline…" on an open postmortem in a real VS Code: preview, one undoable WorkspaceEdit, unsaved edits kept, idempotent.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PAGERDUTY_LOG, writeSlackExport, writeTempFile } from '../../fixtures/timelineImport/exports';
import { eventually, EXTENSION_ID, workspaceUri } from './workspace';
import { hasUiBridge, pressKeys, screenshot } from './uiBridge';

const POSTMORTEM = 'docs/postmortems/2026-03-15-user-service-timeout.md';

async function closeEverything(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isUntitled)) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('Import Timeline', function () {
  this.timeout(120000);
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });
  afterEach(closeEverything);

  it('adds a PagerDuty log to the open postmortem as one undoable edit, keeping unsaved text, and adds nothing the second time', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceUri(POSTMORTEM));
    const editor = await vscode.window.showTextDocument(doc);
    // An unsaved edit the import must not lose.
    await editor.edit((b) => b.insert(new vscode.Position(0, doc.lineAt(0).text.length), ' (draft)'));
    const log = writeTempFile('log.json', PAGERDUTY_LOG);
    const added = await vscode.commands.executeCommand<number>('incidentWorkbench.importTimeline', {
      path: log,
      accept: 'all',
    });
    assert.equal(added, 6);
    const text = doc.getText();
    assert.match(text.split('\n')[0], / \(draft\)$/);
    assert.match(
      text,
      /\| 2026-03-15 15:19 \| p99 latency has stayed under 300 ms[^\n]*\|\n\| 2026-03-15 23:41 \| PagerDuty: Triggered through the API \[detection\] \|\n/,
    );
    assert.match(text, /\| 2026-03-16 00:26 \| PagerDuty: Resolved by Bob Ortiz \[resolution\] \|\n/);
    assert.ok(doc.isDirty, 'the edit is applied to the open document, not written behind it');
    assert.equal(
      await vscode.commands.executeCommand('incidentWorkbench.importTimeline', { path: log, accept: 'all' }),
      0,
    );
    assert.equal(doc.getText(), text);
    await vscode.commands.executeCommand('undo');
    assert.ok(!doc.getText().includes('PagerDuty:'), 'one undo removes every imported row');
    assert.match(doc.getText().split('\n')[0], / \(draft\)$/);
  });

  it('previews the rows of a Slack channel, all checked, and adds them on Enter', async function () {
    if (!hasUiBridge()) this.skip();
    const doc = await vscode.workspace.openTextDocument(workspaceUri(POSTMORTEM));
    await vscode.window.showTextDocument(doc);
    const before = doc.getText();
    const running = vscode.commands.executeCommand<number | undefined>('incidentWorkbench.importTimeline', {
      path: writeSlackExport(),
      channel: 'inc-2026-03-15-checkout',
    });
    await new Promise((r) => setTimeout(r, 2500));
    await screenshot('import-timeline-preview');
    await pressKeys('Enter');
    const added = await running;
    assert.equal(added, 8);
    await eventually('the rows in the document', () =>
      doc.getText().includes('alice: all clear, closing.') ? true : undefined,
    );
    assert.ok(
      doc.getText().startsWith(before.slice(0, before.indexOf('## Timeline'))),
      'text before the timeline is unchanged',
    );
  });

  it('tells the author what is wrong with a damaged export, and changes nothing', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceUri(POSTMORTEM));
    await vscode.window.showTextDocument(doc);
    const before = doc.getText();
    const result = await vscode.commands.executeCommand('incidentWorkbench.importTimeline', {
      path: writeTempFile('log.json', '{"log_entries": ['),
      accept: 'all',
    });
    assert.equal(result, undefined);
    assert.equal(doc.getText(), before);
    assert.ok(!doc.isDirty);
  });
});

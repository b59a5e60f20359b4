// Integration: a quick fix applied in a real VS Code, and a configuration file change taking effect without reload.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { workspaceUri } from './workspace';

const SOURCE = 'Incident Workbench';
const INCOMPLETE = 'docs/postmortems/2026-03-20-payment-service-crashloop.md';
const CONFIG = '.incident-workbench.yaml';

function ours(uri: vscode.Uri, ruleId?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter(
      (d) =>
        d.source === SOURCE &&
        (ruleId === undefined || (typeof d.code === 'object' ? d.code.value : d.code) === ruleId),
    );
}

/** Waits until `check` holds (polled, and on every diagnostics change), or fails with `what`. */
async function eventually(what: string, check: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe('linter in the editor (integration)', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    try {
      await vscode.workspace.fs.delete(workspaceUri(CONFIG));
    } catch {
      // Not created by this test.
    }
  });

  it('applies "Add the Root Cause section" as an undoable edit that puts it before Impact and clears the finding', async () => {
    const uri = workspaceUri(INCOMPLETE);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await eventually('PM001 is reported', () => ours(uri, 'PM001').length === 2);
    const rootCause = ours(uri, 'PM001').find((d) => d.message.includes('"Root Cause"'));
    assert.ok(rootCause);
    // Right after activation the providers may still be settling; ask again until the fixes are offered.
    let actions: vscode.CodeAction[] = [];
    for (let attempt = 0; attempt < 20 && actions.length === 0; attempt++) {
      actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        rootCause.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      if (actions.length === 0) await new Promise((r) => setTimeout(r, 500));
    }
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Add the "Root Cause" section'), titles.join(', '));
    assert.ok(titles.includes('Disable PM001 for this file'), titles.join(', '));
    const fix = actions.find((a) => a.title === 'Add the "Root Cause" section') as vscode.CodeAction;
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit as vscode.WorkspaceEdit));

    const lines = document.getText().split('\n');
    const heading = lines.indexOf('## Root Cause');
    assert.ok(
      heading > lines.indexOf('## Timeline') && heading < lines.indexOf('## Impact'),
      `Root Cause inserted at line ${heading + 1}`,
    );
    assert.equal(document.isDirty, true, 'the fix edits the buffer, not the file on disk');
    await eventually('only Contributing Factors is missing', () => {
      const left = ours(uri, 'PM001');
      return left.length === 1 && left[0].message.includes('"Contributing Factors"');
    });
    await vscode.commands.executeCommand('undo');
    await eventually('the undo brings the finding back', () => ours(uri, 'PM001').length === 2);
    assert.equal(document.getText().includes('## Root Cause'), false);
  });

  it('applies a changed .incident-workbench.yaml without reload, reports a broken one at its line and keeps the last good one', async () => {
    const uri = workspaceUri(INCOMPLETE);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await eventually(
      'PM001 is an error by default',
      () =>
        ours(uri, 'PM001').length === 2 &&
        ours(uri, 'PM001').every((d) => d.severity === vscode.DiagnosticSeverity.Error),
    );

    const config = workspaceUri(CONFIG);
    await vscode.workspace.fs.writeFile(
      config,
      new TextEncoder().encode('extends: harness\nrules:\n  PM001: warning\n'),
    );
    await eventually(
      'PM001 becomes a warning',
      () =>
        ours(uri, 'PM001').length === 2 &&
        ours(uri, 'PM001').every((d) => d.severity === vscode.DiagnosticSeverity.Warning),
    );

    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('extends: harness\nrules:\n  PM001: loud\n'));
    await eventually('the config file shows its error', () => ours(config).length > 0);
    const problem = ours(config)[0];
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(problem.range.start.line, 2, 'reported on the line of PM001: loud');
    assert.match(problem.message, /PM001/);
    assert.ok(
      ours(uri, 'PM001').every((d) => d.severity === vscode.DiagnosticSeverity.Warning),
      'the last good configuration stays in force',
    );

    await vscode.workspace.fs.delete(config);
    await eventually(
      'PM001 is an error again once the file is gone',
      () =>
        ours(uri, 'PM001').length === 2 &&
        ours(uri, 'PM001').every((d) => d.severity === vscode.DiagnosticSeverity.Error),
    );
    await eventually('the config file problems are cleared', () => ours(config).length === 0);
  });

  it('reports no missing SLO definitions (PM016) in the sample workspace, which has an slo.yaml', async () => {
    const uri = workspaceUri(INCOMPLETE);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await eventually('the document is linted', () => ours(uri, 'PM001').length === 2);
    // Give the SLO file's load a moment to settle, then the finding must still be absent.
    await new Promise((r) => setTimeout(r, 1_000));
    assert.deepEqual(
      ours(uri, 'PM016').map((d) => d.message),
      [],
    );
  });
});

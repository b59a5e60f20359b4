// Integration: adoption (#20): a configuration proposed from the workspace's documents, and baselined findings shown as hints.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createBaseline, formatBaseline } from '../../../src/core/lint/baseline';
import { lintText } from '../../../src/core/lint/lint';
import { splitLines } from '../../../src/core/markdown/model';
import { findProfile, type Profile } from '../../../src/core/profiles';
import { EXTENSION_ID, eventually, workspaceUri } from './workspace';

const POSTMORTEM = 'docs/postmortems/2026-03-20-payment-service-crashloop.md';
const BASELINE = 'incident-baseline.json';

function diagnostics(uri: vscode.Uri): readonly vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Incident Workbench');
}

/** Discards every unsaved untitled editor (the drafts the command opens), so closing the window's editors never asks to save. */
async function closeDrafts(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isUntitled && d.isDirty)) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

describe('Adoption in the editor', function () {
  this.timeout(60000);
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });
  after(async () => {
    await closeDrafts();
    await vscode.workspace
      .getConfiguration('incidentWorkbench')
      .update('diagnostics.baseline', undefined, vscode.ConfigurationTarget.Workspace);
    for (const name of [BASELINE, '.incident-workbench.yaml']) {
      try {
        await vscode.workspace.fs.delete(workspaceUri(name));
      } catch {
        // Not there.
      }
    }
  });

  it('Create Configuration from Existing Documents proposes a file that extends a built-in profile, and writes it only when asked', async () => {
    const draft = await vscode.commands.executeCommand<{ yaml?: string; written?: vscode.Uri }>(
      'incidentWorkbench.createConfigFromDocuments',
      { folder: workspaceUri('.'), write: false },
    );
    assert.match(draft.yaml ?? '', /^extends: [a-z-]+$/m);
    assert.equal(draft.written, undefined);
    // The draft opens as an unsaved, untitled editor; closing it as a user would (discarding it), so that no
    // "Save changes?" dialog is left to block the suites after this one (it did: their palette and closeAllEditors hung).
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor?.document.isUntitled, 'the draft is open in an untitled editor');
    assert.equal(editor.document.getText(), draft.yaml);
    await closeDrafts();
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.isUntitled && d.isDirty), 'no unsaved draft is left');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(workspaceUri('.incident-workbench.yaml'))));

    const written = await vscode.commands.executeCommand<{ yaml?: string; written?: vscode.Uri }>(
      'incidentWorkbench.createConfigFromDocuments',
      { folder: workspaceUri('.'), write: true },
    );
    assert.ok(written.written);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('.incident-workbench.yaml')));
    assert.equal(text, written.yaml);
    // Never overwrites: a second run leaves the file alone.
    const again = await vscode.commands.executeCommand<{ yaml?: string }>(
      'incidentWorkbench.createConfigFromDocuments',
      { folder: workspaceUri('.'), write: true },
    );
    assert.equal(again.yaml, undefined);
    await vscode.workspace.fs.delete(workspaceUri('.incident-workbench.yaml'));
  });

  it('shows the findings a baseline holds as hints once the setting names it', async () => {
    const uri = workspaceUri(POSTMORTEM);
    await vscode.window.showTextDocument(uri);
    const before = await eventually("the postmortem's findings", () => {
      const found = diagnostics(uri);
      return found.some((d) => d.severity !== vscode.DiagnosticSeverity.Hint) ? found : undefined;
    });
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const findings = lintText(text, 'postmortem', findProfile('harness') as Profile).findings;
    assert.ok(findings.length > 0);
    const baseline = createBaseline([{ path: POSTMORTEM, lines: splitLines(text), findings }]);
    await vscode.workspace.fs.writeFile(workspaceUri(BASELINE), new TextEncoder().encode(formatBaseline(baseline)));
    await vscode.workspace
      .getConfiguration('incidentWorkbench')
      .update('diagnostics.baseline', BASELINE, vscode.ConfigurationTarget.Workspace);
    const hinted = await eventually('baselined findings as hints', () => {
      const found = diagnostics(uri);
      return found.some((d) => d.severity === vscode.DiagnosticSeverity.Hint) ? found : undefined;
    });
    assert.ok(
      hinted.filter((d) => d.severity === vscode.DiagnosticSeverity.Hint).length >=
        Math.min(findings.length, before.length) - 1,
    );
  });
});

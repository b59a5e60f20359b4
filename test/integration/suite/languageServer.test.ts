// Integration suite: the extension as a client of its language server (dist/server.js in a process of its own):
// findings, quick fixes and completion come from the server, and a killed server is restarted without losing edits.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, eventually, workspaceUri } from './workspace';

const INCOMPLETE_POSTMORTEM = 'docs/postmortems/2026-03-20-payment-service-crashloop.md';
const MISSING_ROOT_CAUSE = 'Missing required section "Root Cause".';
const MISSING_CONTRIBUTING_FACTORS = 'Missing required section "Contributing Factors".';
/** InternalCommands in src/constants.ts: the client's state and the server's process id. */
const LANGUAGE_SERVER = '_incidentWorkbench.languageServer';
const START_LANGUAGE_SERVER = '_incidentWorkbench.startLanguageServer';

interface LanguageServerStatus {
  readonly running: boolean;
  readonly pid?: number;
}

function pm001Messages(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter(
      (d) => d.source === 'Incident Workbench' && (typeof d.code === 'object' ? d.code.value : d.code) === 'PM001',
    )
    .map((d) => d.message)
    .sort();
}

/** Waits until the PM001 findings of `uri` are exactly `expected`. */
async function pm001Become(uri: vscode.Uri, expected: string[], what: string): Promise<void> {
  const want = [...expected].sort();
  await eventually(
    what,
    () => (JSON.stringify(pm001Messages(uri)) === JSON.stringify(want) ? true : undefined),
    30_000,
  );
}

describe('Language server', function () {
  this.timeout(90_000);

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('serves an open postmortem from a process of its own, started once an incident document is open', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri(INCOMPLETE_POSTMORTEM));
    await vscode.window.showTextDocument(document);
    const status = await eventually('the language server to run', async () => {
      const s = await vscode.commands.executeCommand<LanguageServerStatus>(LANGUAGE_SERVER);
      return s?.running && typeof s.pid === 'number' ? s : undefined;
    });
    assert.notEqual(status.pid, process.pid, 'the server is not the extension host');
    await pm001Become(document.uri, [MISSING_ROOT_CAUSE, MISSING_CONTRIBUTING_FACTORS], 'the PM001 findings');
  });

  it('restarts a killed server: findings return and follow what was typed while it was down, and nothing typed is lost', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri(INCOMPLETE_POSTMORTEM));
    const editor = await vscode.window.showTextDocument(document);
    const original = document.getText();
    const before = await vscode.commands.executeCommand<LanguageServerStatus>(START_LANGUAGE_SERVER);
    assert.ok(before.running && typeof before.pid === 'number', `the server runs (${JSON.stringify(before)})`);
    await pm001Become(document.uri, [MISSING_ROOT_CAUSE, MISSING_CONTRIBUTING_FACTORS], 'the PM001 findings');

    process.kill(before.pid, 'SIGKILL');
    // Typed while the server is down (or restarting): the editor keeps it, the restarted server gets it.
    const typed = '\n## Root Cause\n\nA retry storm.\n';
    const end = document.lineAt(document.lineCount - 1).range.end;
    assert.equal(await editor.edit((b) => b.insert(end, typed)), true, 'the edit applied while the server was down');
    try {
      const after = await eventually(
        'a new server process',
        async () => {
          const s = await vscode.commands.executeCommand<LanguageServerStatus>(LANGUAGE_SERVER);
          return s?.running && typeof s.pid === 'number' && s.pid !== before.pid ? s : undefined;
        },
        30_000,
      );
      assert.notEqual(after.pid, before.pid);
      await pm001Become(document.uri, [MISSING_CONTRIBUTING_FACTORS], 'the findings of the edited text');
      assert.equal(document.getText(), `${original}${typed}`, 'the text typed while the server was down is there');
      assert.equal(document.isDirty, true);
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('offers the quick fix "Add the Root Cause section" from the server', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri(INCOMPLETE_POSTMORTEM));
    await vscode.window.showTextDocument(document);
    await pm001Become(document.uri, [MISSING_ROOT_CAUSE, MISSING_CONTRIBUTING_FACTORS], 'the PM001 findings');
    const finding = vscode.languages.getDiagnostics(document.uri).find((d) => d.message === MISSING_ROOT_CAUSE);
    assert.ok(finding);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      finding.range,
    );
    const titles = actions.map((a) => a.title);
    assert.ok(
      titles.some((t) => /Root Cause/.test(t)),
      `a fix adds the Root Cause section (offered: ${titles.join('; ')})`,
    );
    assert.equal(titles.length, new Set(titles).size, 'each fix is offered once (no second, in-process provider)');
  });

  it('completes the severities of the profile after "Severity:"', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri(INCOMPLETE_POSTMORTEM));
    const editor = await vscode.window.showTextDocument(document);
    const line = document
      .getText()
      .split(/\r?\n/)
      .findIndex((l) => l.startsWith('**Severity:**'));
    assert.ok(line >= 0, 'the postmortem has a Severity line');
    const range = document.lineAt(line).range;
    await editor.edit((b) => b.replace(range, '**Severity:** '));
    try {
      const labels = await eventually('severity completions', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          document.uri,
          new vscode.Position(line, '**Severity:** '.length),
        );
        const found = list.items
          .map((i) => (typeof i.label === 'string' ? i.label : i.label.label))
          .filter((l) => /^SEV\d$/.test(l));
        return found.length > 0 ? found : undefined;
      });
      assert.deepEqual(labels, ['SEV1', 'SEV2', 'SEV3', 'SEV4']);
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});

// Integration: the metrics hover and CodeLens, the Markdown preview's badge and metrics, the error-budget and index commands, in a real VS Code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { workspaceUri } from './workspace';

const USER = 'docs/postmortems/2026-03-15-user-service-timeout.md';

async function until<T>(get: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  let v = await get();
  while (!ok(v) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    v = await get();
  }
  return v;
}

describe('metrics, error budget and index (integration)', function () {
  this.timeout(60_000);

  before(async () => {
    const ext = vscode.extensions.getExtension('incident-workbench.incident-workbench');
    assert.ok(ext);
    await ext.activate();
  });

  it('renders the sample postmortem in the Markdown preview with the severity badge and the metrics strip', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceUri(USER));
    const html = await until(
      () => Promise.resolve(vscode.commands.executeCommand<string>('markdown.api.render', doc)),
      (h) => /Budget \(user-service\)/.test(h ?? ''),
    );
    assert.match(html, /<span class="iw-badge iw-sev-2"[^>]*>SEV2 · Major<\/span>/);
    assert.match(html, /<dt>Time to detect<\/dt><dd>4 min<\/dd>/);
    assert.match(html, /<dt>Time to recover<\/dt><dd>47 min<\/dd>/);
    assert.match(html, /<dt>Budget \(user-service\)<\/dt><dd>11.8%<\/dd>/);
    const rows =
      html.match(/<tr[^>]*>\s*<td[^>]*>[^<]*<\/td>\s*<td[^>]*>[^<]*(?:<code>[^<]*<\/code>[^<]*)*<\/td>/g) ?? [];
    const overdue = rows.filter((r) => /iw-overdue/.test(r)).map((r) => /<td[^>]*>(\d)<\/td>/.exec(r)?.[1]);
    // Items 3 to 6 are open and due 2026-03-22 to 2026-04-10; items 1 and 2 are done.
    assert.deepEqual(overdue, ['3', '4', '5', '6'], rows.slice(-6).join('\n'));
  });

  it('shows the measures in a CodeLens and a hover on the Timeline heading', async () => {
    const uri = workspaceUri(USER);
    await vscode.window.showTextDocument(uri);
    const lenses = await until(
      () => Promise.resolve(vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)),
      (l) => (l ?? []).some((x) => x.command?.title.startsWith('TTD')),
    );
    const ours = lenses.filter((l) => l.command?.title.startsWith('TTD'));
    assert.deepEqual(
      ours.map((l) => [l.range.start.line, l.command?.title]),
      [[12, 'TTD 4 min · TTM 8 min · TTR 47 min · Duration 51 min']],
    );
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(12, 4),
    );
    const text = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
      .join('\n');
    assert.match(text, /\| Time to recover \| 47 min \|/);
  });

  it('computes the error budget of the sample workspace', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const json = await vscode.commands.executeCommand<{
      slos: Array<{ service: string; consumedMinutes: number; remainingMinutes: number; exhausted: boolean }>;
    }>('incidentWorkbench.showErrorBudget');
    assert.deepEqual(
      json?.slos.map((s) => [s.service, s.consumedMinutes, s.remainingMinutes, s.exhausted]),
      [
        ['user-service', 5.1, 38.1, false],
        ['payment-service', 25, -3.4, true],
      ],
    );
  });

  it('updates the incident index through an edit, keeping the hand-written paragraph', async () => {
    const result = await vscode.commands.executeCommand<{
      path: string;
      changed: boolean;
      placement: string;
      incidents: number;
    }>('incidentWorkbench.updateIncidentIndex');
    assert.deepEqual(result, { path: 'docs/incidents/index.md', changed: true, placement: 'table', incidents: 2 });
    const doc = await vscode.workspace.openTextDocument(workspaceUri('docs/incidents/index.md'));
    assert.equal(doc.isDirty, false);
    assert.match(doc.getText(), /^# Incident index\n\nEvery production incident at Acme Shop/);
    assert.match(doc.getText(), /\| 2026-03-20 \| \[Payment service crash loop\]/);
  });
});

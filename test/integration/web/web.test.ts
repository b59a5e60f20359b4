// The browser-only Incident Workbench (the packaged .vsix without `main`) in code-server's web worker extension host,
// on a copy of examples/acme-shop: what a reviewer on github.dev sees (#22). Run by scripts/integration.mjs --web.
import * as vscode from 'vscode';
import { describe, eventually, it, ok } from './harness';

const EXTENSION_ID = 'incident-workbench.incident-workbench';
const USER_TITLE = 'User service timeouts on preferences endpoint';

function folder(): vscode.Uri {
  const first = vscode.workspace.workspaceFolders?.[0];
  ok(first, 'a folder is open');
  return first.uri;
}

async function api(): Promise<{
  trees: { incidents: vscode.TreeDataProvider<unknown> };
}> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  ok(extension, `${EXTENSION_ID} is installed`);
  return (await extension.activate()) as never;
}

async function labels(provider: vscode.TreeDataProvider<unknown>, element?: unknown): Promise<string[]> {
  const out: string[] = [];
  for (const child of (await provider.getChildren(element)) ?? []) {
    const item = await provider.getTreeItem(child);
    out.push(typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
    if (item.collapsibleState) out.push(...(await labels(provider, child)));
  }
  return out;
}

/** What the UI bridge's page shows in notifications. */
async function notifications(): Promise<string[]> {
  const bridge = vscode.workspace.getConfiguration('incidentWorkbenchTests').get<string>('uiBridge', '');
  const response = await fetch(`${bridge}/notifications`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
  });
  return ((await response.json()) as { messages: string[] }).messages;
}

describe('Web extension', () => {
  it('runs in the web worker extension host, without Node', async () => {
    ok(typeof (globalThis as { process?: unknown }).process === 'undefined', 'process is undefined here');
    await api();
    ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'Incident Workbench is active');
  });

  it('shows a missing postmortem section in Problems', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'docs/postmortems/2026-04-02-web-missing-root-cause.md');
    const text =
      '# Postmortem: Search outage\n\n**Date:** 2026-04-02\n**Severity:** SEV3\n\n## Summary\n\nSearch was down.\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const messages = await eventually('findings on the new postmortem', async () => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Incident Workbench');
      return found.length > 0 ? found.map((d) => d.message) : undefined;
    });
    ok(
      messages.some((m) => /root cause/i.test(m)),
      `a finding names the missing root cause section (got: ${messages.join(' | ')})`,
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri);
  });

  it('lists the incidents in the side bar', async () => {
    const { trees } = await api();
    const shown = await eventually('the sample postmortems in the Incidents tree', async () => {
      const all = await labels(trees.incidents);
      return all.some((l) => l.includes(USER_TITLE)) ? all : undefined;
    });
    ok(
      shown.some((l) => /payment/i.test(l)),
      `the payment-service incident is listed too (got: ${shown.join(' | ')})`,
    );
  });

  it('names the postmortem in the CodeLens over an INCIDENT tag', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'services/user-service/src/preferences.ts');
    await vscode.workspace.openTextDocument(uri);
    const titles = await eventually('the tag CodeLens', async () => {
      const lenses =
        (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
      const found = lenses.map((l) => l.command?.title ?? '').filter((t) => t.includes(USER_TITLE));
      return found.length > 0 ? found : undefined;
    });
    ok(titles[0].startsWith('Postmortem:'), titles[0]);
  });

  it('opens the wizard', async () => {
    await vscode.commands.executeCommand('incidentWorkbench.openWizard');
    await eventually('the wizard tab', async () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .some((t) => t.input instanceof vscode.TabInputWebview && /incidentWorkbench\.wizard/.test(t.input.viewType)),
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('creates a postmortem with New Postmortem through vscode.workspace.fs', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('incidentWorkbench.newPostmortem', {
      title: 'Web checkout errors',
      date: '2026-04-03',
      severity: 'sev-2',
      start: '14:28',
      end: '2026-04-03T15:15Z',
    });
    ok(uri, 'New Postmortem answered with the new file');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    ok(text.includes('Web checkout errors'), 'the new postmortem holds its title');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri);
  });

  it('says commit correlation is not available in a virtual workspace', async () => {
    void vscode.commands.executeCommand('incidentWorkbench.showIncidentWindowChanges', {
      since: '2026-03-15 14:00',
      until: '2026-03-15 16:00',
    });
    const shown = await eventually('the "not available" notification', async () => {
      const messages = await notifications();
      return messages.find((m) => /not available in a virtual workspace/.test(m));
    });
    ok(/Commit correlation/.test(shown), shown);
  });
});

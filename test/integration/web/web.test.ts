// The browser-only Incident Workbench (the packaged .vsix without `main`) in code-server's web worker extension host,
// on a copy of examples/acme-shop: what a reviewer on github.dev sees (#22). Run by scripts/integration.mjs --web on the
// folder on disk (a vscode-remote: folder), and with --memfs on the same files served from memory by a test-only
// FileSystemProvider (memfs:/acme-shop, a virtual workspace as on github.dev).
import * as vscode from 'vscode';
import { ServerRequests } from '../../../src/constants';
import { browserLanguageClient } from '../../../src/features/web/languageServer';
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

function setting(name: 'uiBridge' | 'folderScheme'): string {
  return vscode.workspace.getConfiguration('incidentWorkbenchTests').get<string>(name, '');
}

/** Asks scripts/integration.mjs's UI bridge (the browser page) to do `action`; its answer, or an error naming it. */
async function bridge<T>(action: string, body: unknown = {}): Promise<T> {
  const response = await fetch(`${setting('uiBridge')}/${action}`, {
    method: 'POST',
    // text/plain: a simple request, so the bridge on another port is asked no CORS preflight.
    headers: { 'content-type': 'text/plain' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(`UI bridge ${action}: ${answer.error ?? response.status}`);
  return answer;
}

/** What the UI bridge's page shows in notifications. */
async function notifications(): Promise<string[]> {
  return (await bridge<{ messages: string[] }>('notifications')).messages;
}

const wizardTabOpen = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .some((t) => t.input instanceof vscode.TabInputWebview && /incidentWorkbench\.wizard/.test(t.input.viewType));

/** What a user types into the wizard (field label → value), and how the postmortem writes it when not as typed. */
const WIZARD_ANSWERS = [
  { fill: 'Title', value: 'Web search returns stale results' },
  { fill: 'What is broken', value: 'Search shows results from the previous day.' },
  { fill: 'Affected services', value: 'search-service' },
  { fill: 'Incident commander', value: 'Grace Hopper', written: '**Incident Commander:** Grace Hopper' },
  { fill: 'Started', value: '2026-04-04T09:10', written: '| 2026-04-04 09:10 |' },
  { fill: 'Resolved', value: '2026-04-04T09:55', written: '| 2026-04-04 09:55 |' },
] as const;

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

  it('opens the folder through the expected file system', async () => {
    const expected = setting('folderScheme');
    ok(expected, 'the runner says which scheme the folder has');
    ok(folder().scheme === expected, `the folder is ${folder().toString()}, expected the ${expected}: scheme`);
  });

  it('finishes the wizard: the answers are written to a new postmortem through vscode.workspace.fs', async () => {
    const postmortems = vscode.Uri.joinPath(folder(), 'docs/postmortems');
    const before = new Set((await vscode.workspace.fs.readDirectory(postmortems)).map(([name]) => name));
    await vscode.commands.executeCommand('incidentWorkbench.openWizard');
    await eventually('the wizard tab', async () => wizardTabOpen());
    const steps = (list: unknown[]) => bridge('webview', { webview: 'incident-wizard', steps: list });
    await steps([{ waitFor: '#phase-heading' }, ...WIZARD_ANSWERS.map(({ fill, value }) => ({ fill, value }))]);
    await steps([{ pause: 600 }, { click: 'Finish' }]);
    // The draft has no root cause yet: VS Code asks (modal) whether to write it anyway.
    await bridge('clickButton', { within: '.monaco-dialog-box', name: 'Write Anyway' });
    const [name, text] = await eventually('the new postmortem, saved', async () => {
      for (const [entry] of await vscode.workspace.fs.readDirectory(postmortems)) {
        if (before.has(entry)) continue;
        const saved = new TextDecoder().decode(
          await vscode.workspace.fs.readFile(vscode.Uri.joinPath(postmortems, entry)),
        );
        if (saved.length > 0) return [entry, saved] as const;
      }
      return undefined;
    });
    ok(
      name === '2026-04-04-web-search-returns-stale-results.md',
      `the postmortem is named from its date and title (got ${name})`,
    );
    ok(text.startsWith('# Postmortem: Web search returns stale results\n'), `the title heading comes first:\n${text}`);
    const missing = WIZARD_ANSWERS.filter((a) => !text.includes('written' in a ? a.written : a.value));
    ok(missing.length === 0, `every answer is in the file; missing: ${missing.map((a) => a.fill).join(', ')}\n${text}`);
    await eventually('the wizard to close', async () => !wizardTabOpen());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(postmortems, name));
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

  it('runs the language server in this web worker: findings and summaries, the files read through workspace.fs', async () => {
    // The client the web entry creates (src/features/web/languageServer.ts), here with a middleware that keeps what the
    // server sent: code-server refuses a Worker to a remote-served web extension, so the server runs in this worker
    // over a MessageChannel, and reads the workspace by asking the client.
    const received = new Map<string, string[]>();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    ok(extension, `${EXTENSION_ID} is installed`);
    const client = browserLanguageClient(
      {
        documentSelector: [{ scheme: folder().scheme, language: 'markdown' }],
        workspaceFolder: vscode.workspace.workspaceFolders?.[0],
        diagnosticCollectionName: 'incident-workbench-web-test',
        middleware: {
          // VS Code's client pulls diagnostics (the server then answers textDocument/diagnostic); a client that
          // cannot gets them pushed. Either way, what the server sent is kept.
          provideDiagnostics: async (document, previousResultId, token, next) => {
            const report = await next(document, previousResultId, token);
            const key = document instanceof vscode.Uri ? document.toString() : document.uri.toString();
            if (report && report.kind === 'full')
              received.set(
                key,
                report.items.map((d) => d.message),
              );
            return report;
          },
          handleDiagnostics: (uri, diagnostics) => {
            received.set(
              uri.toString(),
              diagnostics.map((d) => d.message),
            );
          },
        },
      },
      // code-server serves the extension from its remote host, which gets no Worker: the server runs in this one.
      { workerScript: vscode.Uri.joinPath(extension.extensionUri, 'dist', 'web', 'server.js') },
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      client.start(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('the language client did not start within 30 s')), 30_000);
      }),
    ]).finally(() => clearTimeout(timer));
    try {
      const uri = vscode.Uri.joinPath(folder(), 'docs/postmortems/2026-04-05-web-lsp-missing-root-cause.md');
      const text =
        '# Postmortem: Cache outage\n\n**Date:** 2026-04-05\n**Severity:** SEV3\n\n## Summary\n\nThe cache was down.\n';
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const messages = await eventually('the server’s findings', async () => received.get(uri.toString()));
      ok(
        messages.some((m) => /root cause/i.test(m)),
        `the server names the missing root cause (got: ${messages.join(' | ')})`,
      );
      const { summaries } = await client.sendRequest<{ summaries: Array<{ title: string; uri: string }> }>(
        ServerRequests.summaries,
        {},
      );
      ok(
        summaries.some((s) => s.title.includes(USER_TITLE) && s.uri.startsWith(folder().toString())),
        `the server read the sample postmortems (got: ${summaries.map((s) => `${s.title} <${s.uri}>`).join(' | ')})`,
      );
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    } finally {
      await client.stop();
    }
  });
});

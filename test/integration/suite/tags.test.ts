// Integration tests of the INCIDENT tags feature, for test/integration/suite/ (move this file there; it imports nothing
// from its folder). Runs in a real VS Code against a copy of examples/acme-shop: CodeLens, hover, tree, Tag Code Location, TG001.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, eventually, workspaceUri } from './workspace';

const PREFERENCES = 'services/user-service/src/preferences.ts';
const WEBHOOKS = 'services/payment-service/app/webhooks.py';
const USER_POSTMORTEM = 'docs/postmortems/2026-03-15-user-service-timeout.md';
const PAYMENT_POSTMORTEM = 'docs/postmortems/2026-03-20-payment-service-crashloop.md';

/** The resolved CodeLenses of a file (opened first: VS Code computes lenses of open documents only). */
async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  await vscode.workspace.openTextDocument(uri);
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
}

async function lensTitled(uri: vscode.Uri, title: string): Promise<vscode.CodeLens> {
  return eventually(`the CodeLens "${title}" in ${uri.path}`, async () =>
    (await lenses(uri)).find((l) => l.command?.title === title),
  );
}

/** The tree's data provider, when the extension exports the tags feature (`exports.tags`). */
function tree(): vscode.TreeDataProvider<unknown> | undefined {
  const exports = vscode.extensions.getExtension(EXTENSION_ID)?.exports as
    { tags?: { tree?: vscode.TreeDataProvider<unknown> } } | undefined;
  return exports?.tags?.tree;
}

async function labels(provider: vscode.TreeDataProvider<unknown>, element?: unknown): Promise<string[]> {
  const children = (await provider.getChildren(element)) ?? [];
  return Promise.all(
    children.map(async (c) => {
      const item = await provider.getTreeItem(c);
      const label =
        typeof item.label === 'string'
          ? item.label
          : (item.label?.label ?? item.resourceUri?.path.split('/').pop() ?? '');
      return item.description ? `${label} — ${String(item.description)}` : label;
    }),
  );
}

describe('INCIDENT tags in code', function () {
  this.timeout(60_000);

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows a CodeLens over the TypeScript tag that opens its postmortem', async () => {
    const uri = workspaceUri(PREFERENCES);
    const lens = await lensTitled(uri, 'Postmortem: User service timeouts on preferences endpoint (SEV2, 2026-03-15)');
    assert.equal(lens.range.start.line, 17);
    assert.equal(lens.range.start.character, 3);
    const opened = await vscode.commands.executeCommand<string>(
      lens.command?.command as string,
      ...(lens.command?.arguments ?? []),
    );
    assert.equal(opened, workspaceUri(USER_POSTMORTEM).toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), workspaceUri(USER_POSTMORTEM).toString());
  });

  it('shows a CodeLens over the Python tag with a slug that opens its postmortem', async () => {
    const uri = workspaceUri(WEBHOOKS);
    const lens = await lensTitled(uri, 'Postmortem: Payment service crash loop (SEV1, 2026-03-20)');
    assert.equal(lens.range.start.line, 24);
    await vscode.commands.executeCommand(lens.command?.command as string, ...(lens.command?.arguments ?? []));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), workspaceUri(PAYMENT_POSTMORTEM).toString());
  });

  it('shows severity, summary, root cause and action items on hover', async () => {
    const uri = workspaceUri(PREFERENCES);
    await vscode.window.showTextDocument(uri);
    const text = await eventually('a hover with the root cause', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        uri,
        new vscode.Position(17, 10),
      );
      const all = (hovers ?? [])
        .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
        .join('\n');
      return all.includes('Root cause:') ? all : undefined;
    });
    assert.match(text, /User service timeouts on preferences endpoint/);
    assert.match(text, /SEV2/);
    assert.match(text, /On 2026-03-15 between 14:28 and 15:19 UTC/);
    assert.match(text, /Commit `7d3e91a`/);
    assert.match(text, /2 of 6 done, 4 open/);
  });

  it("lists the sample's tags in the Incident-Tagged Code tree, grouped by incident then file", async function () {
    const provider = tree();
    if (!provider) this.skip(); // The extension does not export the tags feature (activate() returns no `tags`).
    const summary = await vscode.commands.executeCommand<{ tags: number; files: number }>(
      'incidentWorkbench.refreshTaggedCode',
    );
    assert.deepEqual([summary?.tags, summary?.files], [2, 2]);
    const roots = await labels(provider as vscode.TreeDataProvider<unknown>);
    assert.deepEqual(roots, [
      '2026-03-20 · Payment service crash loop — SEV1 · 1 location in 1 file',
      '2026-03-15 · User service timeouts on preferences endpoint — SEV2 · 1 location in 1 file',
    ]);
    const [payment, user] = (await provider?.getChildren()) ?? [];
    assert.deepEqual(await labels(provider as vscode.TreeDataProvider<unknown>, payment), [
      'webhooks.py — services/payment-service/app · 1 location',
    ]);
    assert.deepEqual(await labels(provider as vscode.TreeDataProvider<unknown>, user), [
      'preferences.ts — services/user-service/src · 1 location',
    ]);
    const [webhooks] = (await provider?.getChildren(payment)) ?? [];
    const [preferences] = (await provider?.getChildren(user)) ?? [];
    assert.deepEqual(await labels(provider as vscode.TreeDataProvider<unknown>, webhooks), [
      '25: webhook handler must return errors, never panic',
    ]);
    assert.deepEqual(await labels(provider as vscode.TreeDataProvider<unknown>, preferences), [
      '18: N+1 query on preferences.user_id; keep the index and the batched loader',
    ]);
    // Each location opens its file at the tag.
    const [location] = (await provider?.getChildren(webhooks)) ?? [];
    const item = await provider?.getTreeItem(location);
    assert.equal(item?.command?.command, 'vscode.open');
    await vscode.commands.executeCommand(item?.command?.command as string, ...(item?.command?.arguments ?? []));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), workspaceUri(WEBHOOKS).toString());
    assert.equal(vscode.window.activeTextEditor?.selection.start.line, 24);
  });

  for (const [file, content, expected] of [
    [
      'services/payment-service/app/retry.py',
      'def charge():\n    return gateway.charge()\n',
      '    # INCIDENT-2026-03-20 payment-service-crashloop: retries must back off',
    ],
    [
      'services/user-service/src/pool.ts',
      'export function connect() {\n  return pool.connect();\n}\n',
      '  // INCIDENT-2026-03-20 payment-service-crashloop: retries must back off',
    ],
  ] as const) {
    it(`Tag Code Location inserts a tag in the comment syntax of ${file.split('.').pop()} above the current line`, async () => {
      const uri = workspaceUri(file);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
      const editor = await vscode.window.showTextDocument(uri);
      editor.selection = new vscode.Selection(1, 4, 1, 4);
      const inserted = await vscode.commands.executeCommand<string>('incidentWorkbench.tagCodeLocation', {
        incident: PAYMENT_POSTMORTEM,
        description: 'retries must back off',
      });
      assert.equal(inserted, expected.trim());
      assert.equal(editor.document.lineAt(1).text, expected);
      assert.equal(editor.document.lineAt(2).text, content.split('\n')[1]);
      // The unsaved tag is read at once: its CodeLens links it to the postmortem, and the
      // tag already in webhooks.py now has one other location.
      await lensTitled(uri, 'Postmortem: Payment service crash loop (SEV1, 2026-03-20)');
      await lensTitled(workspaceUri(WEBHOOKS), '1 other location');
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), content);
      await eventually('the other location to go', async () =>
        (await lenses(workspaceUri(WEBHOOKS))).some((l) => l.command?.title === '1 other location') ? undefined : true,
      );
    });
  }

  it('reports TG001 for a tag with no incident document, in a file written on disk', async () => {
    const uri = workspaceUri('services/api-gateway/limits.go');
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode(
        'package main\n\n// INCIDENT-2026-04-01 rate-limit: no postmortem yet\nconst limit = 10\n',
      ),
    );
    const diagnostic = await eventually('a TG001 diagnostic', () =>
      vscode.languages
        .getDiagnostics(uri)
        .find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'TG001'),
    );
    assert.deepEqual(
      [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.character],
      [2, 3, 33],
    );
    assert.match(diagnostic.message, /expected docs\/postmortems\/2026-04-01-rate-limit\.md/);
    const lens = await lensTitled(uri, '$(warning) No incident document found (TG001)');
    assert.equal(lens.range.start.line, 2);
    await vscode.workspace.fs.delete(uri);
    await eventually('the diagnostic to go', () =>
      vscode.languages.getDiagnostics(uri).length === 0 ? true : undefined,
    );
  });
});

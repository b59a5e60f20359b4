// Integration tests of the side bar trees in a real VS Code against a copy of examples/acme-shop: Incidents, Runbooks, Action Items.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, eventually, workspaceUri } from './workspace';
import { hasUiBridge, screenshot } from './uiBridge';
import { InternalCommands } from '../../../src/constants';

const NEW_POSTMORTEM = 'docs/postmortems/2026-04-02-api-gateway-tls-expiry.md';

type Provider = vscode.TreeDataProvider<unknown>;
interface Trees {
  incidents: Provider;
  runbooks: Provider;
  actionItems: Provider;
}

function trees(): Trees {
  const exports = vscode.extensions.getExtension(EXTENSION_ID)?.exports as { trees?: Trees } | undefined;
  assert.ok(exports?.trees, 'the extension exports its trees as `trees`');
  return exports.trees;
}

/** Every leaf under `element` as `label — description`, depth first. */
async function leaves(provider: Provider, element?: unknown): Promise<string[]> {
  const out: string[] = [];
  for (const child of (await provider.getChildren(element)) ?? []) {
    const item = await provider.getTreeItem(child);
    if (item.collapsibleState !== undefined && item.collapsibleState !== vscode.TreeItemCollapsibleState.None) {
      out.push(...(await leaves(provider, child)));
      continue;
    }
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    out.push(item.description ? `${label} — ${String(item.description)}` : label);
  }
  return out;
}

/** The top-level labels (groups). */
async function groups(provider: Provider): Promise<string[]> {
  const children = (await provider.getChildren()) ?? [];
  return Promise.all(
    children.map(async (c) => {
      const item = await provider.getTreeItem(c);
      return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    }),
  );
}

describe('side bar trees', function () {
  this.timeout(60_000);

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  after(async () => {
    await vscode.workspace.fs.delete(workspaceUri(NEW_POSTMORTEM)).then(undefined, () => undefined);
  });

  it('lists the two sample incidents grouped by year, newest first', async () => {
    const { incidents } = trees();
    const labels = await eventually('two incidents', async () => {
      const l = await leaves(incidents);
      return l.length === 2 ? l : undefined;
    });
    assert.deepEqual(await groups(incidents), ['2026']);
    assert.equal(labels[0], 'Payment service crash loop — 2026-03-20 · SEV1 · Draft');
    assert.equal(labels[1], 'User service timeouts on preferences endpoint — 2026-03-15 · SEV2 · Resolved');
    if (hasUiBridge()) {
      // The container opens from its activity bar id; the picture is for people, the labels above are the check.
      await vscode.commands.executeCommand('workbench.view.extension.incidentWorkbench');
      await new Promise((r) => setTimeout(r, 1500));
      await screenshot('side-bar');
    }
  });

  it('lists the two sample runbooks grouped by service', async () => {
    const { runbooks } = trees();
    const labels = await eventually('two runbooks', async () => {
      const l = await leaves(runbooks);
      return l.length === 2 ? l : undefined;
    });
    assert.deepEqual(await groups(runbooks), ['payment-service', 'user-service']);
    assert.deepEqual(labels, ['payment-service secret rotation', 'user-service database slow query']);
  });

  it('lists the seven open action items of the sample with owner and due date', async () => {
    const { actionItems } = trees();
    const labels = await eventually('seven open action items', async () => {
      const l = await leaves(actionItems);
      return l.length === 7 ? l : undefined;
    });
    // Grouped by owner (the default); overdue marks depend on today's date, so only the owner and due date are checked.
    assert.deepEqual(await groups(actionItems), ['@backend', '@payments', '@platform', '@sre', 'No owner']);
    const withoutOverdue = labels.map((l) => l.replace(/ · overdue$/, ''));
    // Labels are cut at 80 characters.
    assert.ok(
      withoutOverdue.includes(
        'Add a Datadog monitor for slow queries and sequential scans on users-db, linked… — @sre · due 2026-03-29',
      ),
      withoutOverdue.join('\n'),
    );
    assert.ok(
      withoutOverdue.includes('Write secret rotation runbooks for the remaining services — no owner · due 2026-04-10'),
      withoutOverdue.join('\n'),
    );
    assert.equal(
      labels.filter((l) => l.startsWith('Add the missing database index')).length,
      0,
      'done items are not listed',
    );
  });

  it('adds a postmortem created on disk without reload', async () => {
    const { incidents } = trees();
    const text = [
      '# Postmortem: API gateway TLS certificate expiry',
      '',
      '**Date:** 2026-04-02',
      '**Severity:** SEV3',
      '**Status:** Draft',
      '',
      '## Summary',
      '',
      'The certificate expired.',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(workspaceUri(NEW_POSTMORTEM), new TextEncoder().encode(text));
    const labels = await eventually('the new postmortem in the Incidents view', async () => {
      const l = await leaves(incidents);
      return l.length === 3 ? l : undefined;
    });
    assert.equal(labels[0], 'API gateway TLS certificate expiry — 2026-04-02 · SEV3 · Draft');
  });

  it('dates a postmortem by its file name and colours the severity its summary states in a sentence', async () => {
    const { incidents } = trees();
    const file = 'docs/postmortems/2025-11-09-search-slow.md';
    const text = [
      '# PIR: Search slow',
      '',
      '## Summary',
      '',
      'Search took ten seconds for an hour. Severity: SEV2.',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(workspaceUri(file), new TextEncoder().encode(text));
    try {
      const item = await eventually('the file-name-dated postmortem under 2025', async () => {
        for (const group of (await incidents.getChildren()) ?? []) {
          const groupItem = await incidents.getTreeItem(group);
          if (groupItem.label !== '2025') continue;
          for (const child of (await incidents.getChildren(group)) ?? []) {
            const childItem = await incidents.getTreeItem(child);
            if (childItem.label === 'Search slow') return childItem;
          }
        }
        return undefined;
      });
      assert.equal(item.description, '2025-11-09 · SEV2');
      const icon = item.iconPath as vscode.ThemeIcon;
      assert.ok(icon instanceof vscode.ThemeIcon, 'a themed severity icon');
      assert.equal(
        (icon.color as unknown as { id?: string } | undefined)?.id,
        'charts.orange',
        'SEV2, the second level of the scale, in its colour',
      );
    } finally {
      await vscode.workspace.fs.delete(workspaceUri(file));
      await eventually('the postmortem gone again', async () =>
        (await groups(incidents)).includes('2025') ? undefined : true,
      );
    }
  });

  it('forgets a document the workspace-document layer read once it is deleted on disk, or renamed in the editor', async () => {
    const { incidents } = trees();
    const cached = async () => (await vscode.commands.executeCommand<string[]>(InternalCommands.cachedDocuments)) ?? [];
    const text = (title: string) => [`# Postmortem: ${title}`, '', '**Severity:** SEV3', ''].join('\n');
    const deleted = workspaceUri('docs/postmortems/2025-10-01-cache-stampede.md');
    const renamed = workspaceUri('docs/postmortems/2025-10-02-queue-backlog.md');
    const renamedTo = workspaceUri('docs/postmortems/2025-10-03-queue-backlog.md');
    await vscode.workspace.fs.writeFile(deleted, new TextEncoder().encode(text('Cache stampede')));
    await vscode.workspace.fs.writeFile(renamed, new TextEncoder().encode(text('Queue backlog')));
    try {
      // The side bar reads new files through the layer, which then holds them.
      await eventually('both new postmortems held by the layer', async () => {
        const uris = await cached();
        return uris.includes(deleted.toString()) && uris.includes(renamed.toString()) ? true : undefined;
      });
      // A delete outside the editor (as git or a terminal would): the file-system watcher reports it.
      await vscode.workspace.fs.delete(deleted);
      await eventually('the deleted postmortem forgotten', async () =>
        (await cached()).includes(deleted.toString()) ? undefined : true,
      );
      // A rename through the editor (the Explorer's): onDidRenameFiles reports it.
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(renamed, renamedTo);
      assert.ok(await vscode.workspace.applyEdit(edit), 'the rename was applied');
      await eventually('the old name forgotten', async () =>
        (await cached()).includes(renamed.toString()) ? undefined : true,
      );
      assert.ok(!(await cached()).includes(deleted.toString()), 'the deleted one stays forgotten');
    } finally {
      for (const uri of [deleted, renamed, renamedTo])
        await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
      await eventually('the two new postmortems gone from the Incidents view', async () =>
        (await leaves(incidents)).some((l) => /Cache stampede|Queue backlog/.test(l)) ? undefined : true,
      );
    }
  });

  it('filters all three views by text, says so, and shows everything again when cleared', async () => {
    const { incidents, runbooks } = trees();
    await eventually('the views are filled', async () => ((await leaves(incidents)).length >= 2 ? true : undefined));
    const shown = await vscode.commands.executeCommand<number>('incidentWorkbench.filterTrees', 'payment');
    assert.deepEqual(await leaves(incidents), ['Payment service crash loop — 2026-03-20 · SEV1 · Draft']);
    assert.deepEqual((await leaves(runbooks)).length, 1);
    assert.ok(typeof shown === 'number' && shown >= 2, `${shown} items shown`);
    await vscode.commands.executeCommand('incidentWorkbench.clearTreeFilter');
    assert.equal((await leaves(incidents)).length >= 2, true);
  });

  it('copies a Markdown link to a document, relative to the workspace folder', async () => {
    const { incidents } = trees();
    const roots = (await incidents.getChildren()) ?? [];
    const inYear = (await incidents.getChildren(roots[0])) ?? [];
    const labels = await Promise.all(inYear.map(async (n) => String((await incidents.getTreeItem(n)).label)));
    const payment = inYear[labels.findIndex((l) => l.startsWith('Payment service crash loop'))];
    assert.ok(payment, labels.join(', '));
    const link = await vscode.commands.executeCommand<string>('incidentWorkbench.copyTreeItemLink', payment);
    assert.equal(link, '[Payment service crash loop](docs/postmortems/2026-03-20-payment-service-crashloop.md)');
  });

  it('lints a document from its context menu: its findings reach the Problems panel', async () => {
    const { incidents } = trees();
    const roots = (await incidents.getChildren()) ?? [];
    const inYear = (await incidents.getChildren(roots[0])) ?? [];
    const labels = await Promise.all(inYear.map(async (n) => String((await incidents.getTreeItem(n)).label)));
    const payment = inYear[labels.findIndex((l) => l.startsWith('Payment service crash loop'))];
    const uri = await vscode.commands.executeCommand<vscode.Uri>('incidentWorkbench.lintTreeItem', payment);
    assert.ok(uri);
    await eventually('PM001 findings for the linted file', async () =>
      vscode.languages.getDiagnostics(uri).some((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'PM001')
        ? true
        : undefined,
    );
  });
});

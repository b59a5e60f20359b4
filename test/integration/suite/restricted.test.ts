// Integration: Restricted Mode in a real VS Code with workspace trust on and not granted (scripts/integration.mjs --untrusted): reading works, writing and running git refuse.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../src/constants';
import { EXTENSION_ID, eventually, workspaceUri } from './workspace';
import { hasUiBridge, visibleNotifications } from './uiBridge';

const SOURCE = 'Incident Workbench';
const INCOMPLETE = 'docs/postmortems/2026-03-20-payment-service-crashloop.md';
const POSTMORTEMS = 'docs/postmortems';

type Provider = vscode.TreeDataProvider<unknown>;

/** The labels of every leaf of a tree. */
async function leafLabels(provider: Provider, element?: unknown): Promise<string[]> {
  const out: string[] = [];
  for (const child of (await provider.getChildren(element)) ?? []) {
    const item = await provider.getTreeItem(child);
    if (item.collapsibleState) out.push(...(await leafLabels(provider, child)));
    else out.push(typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
  }
  return out;
}

/** Every file name under docs/postmortems, recursively. */
async function postmortemFiles(): Promise<string[]> {
  const found = await vscode.workspace.findFiles(`${POSTMORTEMS}/**`);
  return found.map((u) => u.path.slice(u.path.indexOf(POSTMORTEMS))).sort();
}

/**
 * Runs a command that should refuse with a warning, waits until the warning is on screen,
 * then dismisses it (the command waits for the answer) and lets the command finish.
 */
async function refusal(command: string, args: unknown, expected: RegExp): Promise<string> {
  const running = vscode.commands.executeCommand(command, args);
  let message = '';
  if (hasUiBridge()) {
    message = await eventually(`the warning of ${command}`, async () =>
      (await visibleNotifications()).find((m) => expected.test(m)),
    );
  }
  await vscode.commands.executeCommand('notifications.clearAll');
  const result = await Promise.race([
    running,
    new Promise((resolve) => setTimeout(() => resolve('still running'), 10_000)),
  ]);
  assert.equal(result, undefined, `${command} returned nothing once its warning was dismissed`);
  return message;
}

describe('Restricted mode', function () {
  this.timeout(90_000);

  before(async function () {
    // Only the run with workspace trust on and not granted (integration.mjs --untrusted) can test this.
    if (process.env.IW_UNTRUSTED !== '1') this.skip();
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  it('opens the workspace untrusted, with the extension active', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  it('still lints: a postmortem with missing sections shows its findings', async () => {
    const uri = workspaceUri(INCOMPLETE);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const findings = await eventually('PM001 findings', () => {
      const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
      return ours.length >= 2 ? ours : undefined;
    });
    assert.ok(
      findings.some((d) => /Missing required section "Root Cause"/.test(d.message)),
      findings.map((d) => d.message).join('\n'),
    );
  });

  it('still shows the incident documents in the side bar', async () => {
    const exports = vscode.extensions.getExtension(EXTENSION_ID)?.exports as
      { trees?: { incidents: Provider } } | undefined;
    assert.ok(exports?.trees, 'the extension exports its trees');
    const labels = await eventually('two incidents', async () => {
      const found = await leafLabels(exports.trees!.incidents);
      return found.length >= 2 ? found : undefined;
    });
    assert.ok(labels.includes('Payment service crash loop'), labels.join(', '));
  });

  it('refuses to create a postmortem, says why, and writes no file', async () => {
    const before = await postmortemFiles();
    const message = await refusal(
      Commands.newPostmortem,
      { title: 'Restricted mode must not write this', date: '2026-04-20' },
      /New Postmortem creates a file, which Incident Workbench does not do in Restricted Mode/,
    );
    if (hasUiBridge()) assert.match(message, /Trust this workspace to create incident documents/);
    assert.deepEqual(await postmortemFiles(), before);
  });

  it('refuses to run git for Show Changes in Incident Window, and says why', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(INCOMPLETE)));
    const message = await refusal(
      Commands.showIncidentWindowChanges,
      { since: '2026-03-20 09:00', until: '2026-03-20 12:00' },
      /Show Changes in Incident Window runs git, which Restricted Mode does not allow/,
    );
    if (hasUiBridge()) assert.match(message, /Trust this workspace to list its commits/);
  });
});

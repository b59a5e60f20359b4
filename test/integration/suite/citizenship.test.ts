// Integration: the Get Started walkthrough and its first button, the status bar items as drawn in the page, and a profile setting change taking effect.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, eventually, workspaceUri } from './workspace';
import { clickButton, domText, hasUiBridge, pressKeys, screenshot } from './uiBridge';

/** Passes every harness rule; google-sre asks for sections it lacks. */
const COMPLETE = 'docs/postmortems/2026-03-15-user-service-timeout.md';
/** Three errors under harness: two missing sections and an action item without an owner. */
const INCOMPLETE = 'docs/postmortems/2026-03-20-payment-service-crashloop.md';
/** The status bar entries, whose DOM ids end with the ids StatusBarManager gives them. */
const PROFILE_ENTRY = '.statusbar-item[id$="incidentWorkbench.profile"]';
const FINDINGS_ENTRY = '.statusbar-item[id$="incidentWorkbench.findings"]';

/** The linter's messages for `uri`, sorted. */
function findings(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'Incident Workbench')
    .map((d) => `${String(typeof d.code === 'object' ? d.code.value : d.code)} ${d.message}`)
    .sort();
}

describe('Citizenship', function () {
  this.timeout(120_000);

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  afterEach(async () => {
    if (hasUiBridge()) await pressKeys('Escape');
    await vscode.workspace
      .getConfiguration('incidentWorkbench')
      .update('profile.name', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the walkthrough with "Incident: Get Started", and its first button opens the profile picker', async function () {
    if (!hasUiBridge()) this.skip();
    await vscode.commands.executeCommand('incidentWorkbench.getStarted');
    const heading = await domText('.gettingStartedContainer .getting-started-step.expanded .step-title');
    assert.equal(heading.text.trim(), 'Choose your incident process');
    await clickButton('.gettingStartedContainer .getting-started-step.expanded', 'Choose Profile');
    const title = await domText('.quick-input-widget .quick-input-title');
    assert.equal(title.text.trim(), 'Incident profile');
    const list = await domText('.quick-input-widget .quick-input-list');
    for (const profile of ['harness', 'google-sre'])
      assert.ok(list.text.includes(profile), `${profile} in ${list.text}`);
    await screenshot('citizenship-walkthrough');
  });

  it("shows the profile and the open postmortem's findings in the status bar", async function () {
    if (!hasUiBridge()) this.skip();
    const uri = workspaceUri(INCOMPLETE);
    await vscode.window.showTextDocument(uri);
    const shown = await eventually('the findings entry to show 3 errors and 0 warnings', async () => {
      const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Incident Workbench');
      const entry = (await domText(FINDINGS_ENTRY)).text.replace(/\s+/g, ' ').trim();
      return diagnostics.length === 3 && entry === '3 0' ? entry : undefined;
    });
    assert.equal(shown, '3 0');
    assert.equal((await domText(PROFILE_ENTRY)).text.trim(), 'harness');
    await screenshot('citizenship-status-bar');
    await vscode.window.showTextDocument(workspaceUri(COMPLETE));
    await eventually('the complete postmortem to show as complete', async () =>
      (await domText(FINDINGS_ENTRY)).text.trim() === 'postmortem complete' ? true : undefined,
    );
  });

  it('takes a change of incidentWorkbench.profile.name into account: findings and status bar', async function () {
    const uri = workspaceUri(COMPLETE);
    await vscode.window.showTextDocument(uri);
    assert.deepEqual(findings(uri), [], 'the postmortem passes every harness rule');
    await vscode.workspace
      .getConfiguration('incidentWorkbench')
      .update('profile.name', 'google-sre', vscode.ConfigurationTarget.Workspace);
    const after = await eventually('findings under google-sre', () => {
      const f = findings(uri);
      return f.length > 0 ? f : undefined;
    });
    assert.ok(after.includes('PM001 Missing required section "Trigger".'), after.join('\n'));
    if (hasUiBridge()) {
      await eventually('the status bar to name google-sre', async () =>
        (await domText(PROFILE_ENTRY)).text.trim() === 'google-sre' ? true : undefined,
      );
    }
  });
});

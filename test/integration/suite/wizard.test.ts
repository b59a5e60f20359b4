// Integration: the incident wizard in a real VS Code, driven by its labels through the browser: four phases, hide and reopen, Finish writes a lint-clean postmortem, Cancel keeps or discards the draft.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../src/constants';
import { findProfile, lintWorkspaceFile, type Profile } from '../../../src/core';
import { parseSloFile } from '../../../src/core/slo';
import { EXTENSION_ID, eventually, workspaceUri } from './workspace';
import {
  clickButton,
  hasUiBridge,
  inWebview,
  pressKeys,
  runPaletteCommand,
  screenshot,
  type WebviewStep,
} from './uiBridge';

const WIZARD = 'incident-wizard';
const POSTMORTEM = 'docs/postmortems/2026-04-02-checkout-returns-502-errors.md';
const RUNBOOK = 'docs/runbooks/checkout-api-connection-pool-exhausted.md';
const THEMES = { light: 'Default Light Modern', dark: 'Default Dark Modern' } as const;

const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Every file of the workspace copy, sorted. */
const workspaceFiles = async () => (await vscode.workspace.findFiles('**/*')).map((u) => u.path).sort();

/** Whether a webview tab (the wizard's) is open. */
const wizardTabOpen = () =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputWebview);

const steps = (...list: WebviewStep[]) => inWebview(WIZARD, list);

/** A text typed into a field (by its label, `nth` match), and how the postmortem writes it when not as typed. */
interface Typed {
  readonly fill: string;
  readonly value: string;
  readonly nth?: number;
  readonly written?: string;
}

/** Every text field of the four phases, as the user types them under the harness profile. */
const ASSESS: readonly Typed[] = [
  { fill: 'Title', value: 'Checkout returns 502 errors' },
  { fill: 'What is broken', value: 'Checkout requests fail with HTTP 502.' },
  { fill: 'Affected users', value: 'Customers paying for their cart' },
  { fill: 'Affected tenants or customers', value: 'All EU tenants' },
  { fill: 'Share affected (%)', value: '35', written: '35%' },
  { fill: 'What changed', value: 'Deploy of checkout-api v2.14 with per-request connections.' },
  {
    fill: 'When it changed (UTC)',
    value: '2026-04-02T14:20',
    written: '| 2026-04-02 14:20 | Deploy of checkout-api v2.14 with per-request connections. |',
  },
  { fill: 'Affected services', value: 'user-service, checkout-api' },
  { fill: 'Incident commander', value: 'Ada Lovelace', written: '**Incident Commander:** Ada Lovelace' },
];
const TIMES: readonly Typed[] = [
  {
    fill: 'Started',
    value: '2026-04-02T14:28',
    written: '| 2026-04-02 14:28 | [start] Checkout requests fail with HTTP 502. |',
  },
  {
    fill: 'Detected',
    value: '2026-04-02T14:40',
    written:
      '| 2026-04-02 14:40 | [detected] The checkout error-rate alert fired at 14:40, twelve minutes after the start. |',
  },
  {
    fill: 'Mitigated',
    value: '2026-04-02T15:02',
    written:
      '| 2026-04-02 15:02 | [mitigated] The on-call engineer rolled back checkout-api to v2.13 at 15:02; errors stopped by 15:15. |',
  },
  {
    fill: 'Resolved',
    value: '2026-04-02T15:15',
    written:
      '| 2026-04-02 15:15 | [resolved] Incident resolved; fix confirmed by the customer who reported it, who placed an order at 15:14. |',
  },
];
const INVESTIGATE: readonly Typed[] = [
  { fill: 'Why 1', value: 'Checkout returned 502 because the API pods ran out of database connections.' },
  { fill: 'Why 2', value: 'The pool was exhausted because v2.14 opened a connection per request.' },
  {
    fill: 'Root cause',
    value:
      'Release v2.14 of checkout-api opened a new PostgreSQL connection for every request instead of reusing the pool, so under normal evening traffic the 100-connection limit was reached within eight minutes and requests failed with 502.',
  },
  { fill: 'Contributing factor 1', value: 'No alert on database connection pool saturation.' },
];
const DOCUMENT: readonly Typed[] = [
  {
    fill: 'Summary',
    value:
      'For 47 minutes checkout failed for about a third of EU customers after a release exhausted database connections. Rolling back the release ended it.',
  },
  {
    fill: 'Impact',
    value: 'About 35% of checkout attempts in the EU failed with HTTP 502 between 14:28 and 15:15 UTC.',
  },
  { fill: 'Detection', value: 'The checkout error-rate alert fired at 14:40, twelve minutes after the start.' },
  {
    fill: 'Mitigation',
    value: 'The on-call engineer rolled back checkout-api to v2.13 at 15:02; errors stopped by 15:15.',
  },
  { fill: 'Who confirmed the fix, and how', value: 'the customer who reported it, who placed an order at 15:14' },
];
const RUNBOOK_MODE: Typed = {
  fill: 'Failure mode of the checkout-api runbook',
  value: 'connection pool exhausted',
  written:
    'Create the runbook for checkout-api (connection pool exhausted): [docs/runbooks/checkout-api-connection-pool-exhausted.md](../runbooks/checkout-api-connection-pool-exhausted.md)',
};
const IMPROVE: readonly Typed[] = [
  { fill: 'Action', value: 'Alert when the database connection pool is above 80% for five minutes', nth: 0 },
  { fill: 'Owner', value: 'Grace Hopper', nth: 0 },
  { fill: 'Due date', value: '2026-04-30', nth: 0 },
  { fill: 'Action', value: 'Add a load test that checks connection reuse in CI', nth: 1 },
  { fill: 'Owner', value: 'Ada Lovelace', nth: 1 },
  { fill: 'Due date', value: '2026-05-15', nth: 1 },
];
const fills = (typed: readonly Typed[]): WebviewStep[] =>
  typed.map(({ fill, value, nth }) => (nth === undefined ? { fill, value } : { fill, value, nth }));

/** The text of `selector` once it satisfies `test` (the host's evaluation arrives a moment after typing). */
function textOnce(selector: string, test: (text: string) => boolean, what: string): Promise<string> {
  return eventually(
    what,
    async () => {
      const [text] = await steps({ text: selector });
      return text !== null && test(text) ? text : undefined;
    },
    30_000,
  );
}

/** A screenshot of the current phase in the light and the dark theme. */
async function screenshots(phase: string): Promise<void> {
  const config = vscode.workspace.getConfiguration();
  for (const [name, theme] of Object.entries(THEMES)) {
    await config.update('workbench.colorTheme', theme, vscode.ConfigurationTarget.Global);
    await steps({ pause: 700 });
    await screenshot(`wizard-${phase}-${name}`);
  }
}

describe('Wizard', function () {
  this.timeout(300_000);
  let originalTheme: unknown;
  const createdFiles: string[] = [];

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    originalTheme = vscode.workspace.getConfiguration().inspect('workbench.colorTheme')?.globalValue;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration()
      .update('workbench.colorTheme', originalTheme, vscode.ConfigurationTarget.Global);
    // Revert anything left unsaved, so no "Save changes?" dialog can block closing.
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isUntitled)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const path of [POSTMORTEM, RUNBOOK, ...createdFiles]) {
      if (await exists(workspaceUri(path))) await vscode.workspace.fs.delete(workspaceUri(path));
    }
  });

  it('walks Assess, Investigate, Document and Improve by their labels, keeps the draft when closed, and writes a lint-clean postmortem', async function () {
    if (!hasUiBridge()) this.skip();
    assert.equal(await exists(workspaceUri(POSTMORTEM)), false, 'the postmortem does not exist before Finish');
    await runPaletteCommand('Incident: Open Wizard');
    await steps({ waitFor: '#phase-heading' });

    // The page's policy: nothing by default, scripts only with the nonce the one script tag carries.
    const [csp, nonce, heading, current] = await steps(
      { attribute: 'meta[http-equiv="Content-Security-Policy"]', name: 'content' },
      { property: 'script[src$="wizard.js"]', name: 'nonce' },
      { text: '#phase-heading' },
      { text: '[aria-current="step"]' },
    );
    assert.match(csp ?? '', /(^|;)\s*default-src 'none'\s*(;|$)/);
    assert.ok(nonce && nonce.length >= 16, 'the script tag has a nonce');
    assert.match(csp ?? '', new RegExp(`script-src 'nonce-${nonce?.replace(/[+/=]/g, (c) => `\\${c}`)}'`));
    assert.doesNotMatch(csp ?? '', /unsafe-inline|unsafe-eval/);
    assert.equal(heading, 'Assess');
    assert.match(current ?? '', /Assess/);

    // Assess: severity through the decision tree (not down, but a major feature degraded: SEV2).
    await steps(...fills(ASSESS), { check: 'No', nth: 0 }, { check: 'Yes', nth: 1 }, ...fills(TIMES));
    const [severity] = await steps({ value: 'Severity level' });
    assert.equal(severity, 'SEV2', 'the decision tree chose SEV2');
    await textOnce('#durations', (t) => t.includes('Time to detect: 12 minutes'), 'time to detect');
    await screenshots('assess');

    // Closing the panel keeps the draft (workspace state); Resume shows it again, field by field.
    await steps({ pause: 600 }); // let the last keystrokes reach the host (the page sends after a 250 ms pause)
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await eventually('the wizard to close', () => (wizardTabOpen() ? undefined : true));
    assert.equal(await vscode.commands.executeCommand(Commands.resumeWizardDraft), true, 'a draft is there to resume');
    await steps({ waitFor: '#phase-heading' });
    const restored = await steps(
      { value: 'Title' },
      { value: 'Resolved' },
      { value: 'Affected services' },
      { value: 'Severity level' },
    );
    assert.deepEqual(restored, [
      'Checkout returns 502 errors',
      '2026-04-02T15:15',
      'user-service, checkout-api',
      'SEV2',
    ]);

    // Hidden behind a text editor (the page is discarded: retainContextWhenHidden is off) and shown again.
    const other = await vscode.workspace.openTextDocument(workspaceUri('README.md'));
    await vscode.window.showTextDocument(other, { preview: false, viewColumn: vscode.ViewColumn.Active });
    await vscode.commands.executeCommand(Commands.resumeWizardDraft);
    await steps({ waitFor: '#phase-heading' });
    assert.deepEqual(await steps({ value: 'Title' }), ['Checkout returns 502 errors']);

    // Investigate: focus moves to the heading; the sample workspace is no git repository, and the page says so.
    await steps({ click: 'Next' });
    const [investigateHeading, focused] = await steps({ text: '#phase-heading' }, { focused: true });
    assert.equal(investigateHeading, 'Investigate');
    assert.equal(focused, 'phase-heading');
    await textOnce('#commits-status', (t) => /Commits unavailable: /.test(t), 'the commits status');
    await steps(...fills(INVESTIGATE.slice(0, 1)), { click: 'Add a why' }, ...fills(INVESTIGATE.slice(1)));
    await screenshots('investigate');

    // Document: the preview shows the postmortem as it will be written.
    await steps({ click: 'Next' });
    await steps(...fills(DOCUMENT));
    await textOnce('#runbooks', (t) => t.includes('Create a runbook for checkout-api'), 'the runbook suggestions');
    await steps({ check: 'Create a runbook for checkout-api' }, ...fills([RUNBOOK_MODE]));
    await textOnce(
      '#preview',
      (t) => t.includes('Postmortem: Checkout returns 502 errors') && t.includes('twelve minutes after the start'),
      'the preview',
    );
    await screenshots('document');

    // Improve: one action item per contributing factor, and a P0 because the incident used over 20% of an error budget.
    await steps({ click: 'Next' });
    await steps(
      { click: 'Add action item' },
      ...fills(IMPROVE.slice(0, 3)),
      { select: 'Priority', value: 'P0', nth: 0 },
      { select: 'Type', value: 'monitoring', nth: 0 },
      { click: 'Add action item' },
      ...fills(IMPROVE.slice(3)),
      { select: 'Priority', value: 'P2', nth: 1 },
      { select: 'Type', value: 'testing', nth: 1 },
    );
    await textOnce('#slo-impact', (t) => /error budget/.test(t), 'the SLO impact sentence');
    await textOnce('#summary', (t) => t.startsWith('No problems found.'), 'a clean evaluation');
    await screenshots('improve');

    await steps({ click: 'Finish' });
    const uri = workspaceUri(POSTMORTEM);
    // The file appears empty first (WorkspaceEdit creates it, then the text is saved into it).
    const text = await eventually(
      'the postmortem to be written and saved',
      async () => {
        const saved = (await exists(uri)) ? await read(uri) : '';
        return saved.length > 0 ? saved : undefined;
      },
      30_000,
    );
    assert.match(text, /^# Postmortem: Checkout returns 502 errors\n/);
    assert.match(text, /\*\*Severity:\*\* SEV2/);
    assert.match(
      text,
      /## Root Cause\n\nRelease v2\.14 of checkout-api opened a new PostgreSQL connection for every request/,
    );
    assert.match(
      text,
      /\| Alert when the database connection pool is above 80% for five minutes \| Grace Hopper \| 2026-04-30 \| P0 \| monitoring \|/,
    );
    assert.match(
      text,
      /\| Add a load test that checks connection reuse in CI \| Ada Lovelace \| 2026-05-15 \| P2 \| testing \|/,
    );
    assert.ok(await exists(workspaceUri(RUNBOOK)), 'the chosen runbook skeleton was written');
    // Every text typed into the wizard is in the file, where a reader looks for it.
    const missing = [...ASSESS, ...TIMES, ...INVESTIGATE, ...DOCUMENT, RUNBOOK_MODE, ...IMPROVE].filter(
      (t) => !text.includes(t.written ?? t.value),
    );
    assert.deepEqual(
      missing.map((t) => `${t.fill}: ${t.written ?? t.value}`),
      [],
      text,
    );
    assert.match(
      text,
      /## Summary\n\nFor 47 minutes checkout failed[^\n]*\n\n\*\*What broke:\*\* Checkout requests fail with HTTP 502\.\n\n\*\*What changed:\*\* Deploy of checkout-api v2\.14/,
    );

    // Lint-clean: by the linter itself, and in the Problems panel once the opened file was linted.
    const profile = findProfile('harness') as Profile;
    const slos = parseSloFile(await read(workspaceUri('slo.yaml')), 'slo.yaml').slos;
    assert.deepEqual(
      lintWorkspaceFile(POSTMORTEM, text, profile, { slos })?.findings.map((f) => `${f.ruleId}: ${f.message}`),
      [],
    );
    await eventually('the postmortem to open', () =>
      vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() ? true : undefined,
    );
    const problems = vscode.languages
      .getDiagnostics(uri)
      .filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(
      problems.map((d) => d.message),
      [],
    );
    assert.equal(wizardTabOpen(), false, 'Finish closed the wizard');
    assert.equal(await vscode.commands.executeCommand(Commands.resumeWizardDraft), false, 'Finish cleared the draft');
  });

  it('closes at once on Cancel with nothing typed, and asks before closing on Cancel with input (Keep Draft keeps it)', async function () {
    if (!hasUiBridge()) this.skip();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(Commands.openWizard);
    await steps({ waitFor: '#phase-heading' }, { click: 'Cancel' });
    await eventually('the untouched wizard to close', () => (wizardTabOpen() ? undefined : true));
    assert.equal(
      await vscode.commands.executeCommand(Commands.resumeWizardDraft),
      false,
      'an untouched wizard leaves no draft',
    );

    await vscode.commands.executeCommand(Commands.openWizard);
    await steps(
      { waitFor: '#phase-heading' },
      { fill: 'Title', value: 'Search results are stale' },
      { pause: 600 },
      { click: 'Cancel' },
    );
    await steps({ pause: 1000 });
    assert.ok(wizardTabOpen(), 'the wizard stays open while the question is asked');
    await pressKeys('Enter'); // the modal's first button: Keep Draft
    await eventually('the wizard to close after Keep Draft', () => (wizardTabOpen() ? undefined : true));
    assert.equal(await vscode.commands.executeCommand(Commands.resumeWizardDraft), true, 'Keep Draft kept the draft');
    await steps({ waitFor: '#phase-heading' });
    assert.deepEqual(await steps({ value: 'Title' }), ['Search results are stale']);
  });

  it('starts from the open incident record, after asking to replace the saved draft', async function () {
    if (!hasUiBridge()) this.skip();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const record = await vscode.commands.executeCommand<vscode.Uri>(Commands.declareIncident, {
      title: 'Search index stale',
      severity: 'SEV3',
      commander: 'Grace Hopper',
      date: '2026-04-05',
    });
    createdFiles.push(vscode.workspace.asRelativePath(record, false));
    await vscode.window.showTextDocument(record);
    // A draft is saved (the test before kept one), so the wizard asks first; Enter picks "Start from This Record".
    const opening = vscode.commands.executeCommand(Commands.openWizard, record);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // let the modal question appear
    await pressKeys('Enter');
    await opening;
    await steps({ waitFor: '#phase-heading' });
    assert.deepEqual(await steps({ value: 'Title' }, { value: 'Incident commander' }, { value: 'Severity level' }), [
      'Search index stale',
      'Grace Hopper',
      'SEV3',
    ]);
  });

  it('on Cancel with input, Discard closes the wizard, drops the draft and writes nothing', async function () {
    if (!hasUiBridge()) this.skip();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const before = await workspaceFiles();
    await vscode.commands.executeCommand(Commands.openWizard);
    await steps(
      { waitFor: '#phase-heading' },
      { fill: 'Title', value: 'Payments webhook drops events' },
      { fill: 'Resolved', value: '2026-04-06T10:30' },
      { pause: 600 },
      { click: 'Cancel' },
    );
    await clickButton('.monaco-dialog-box', 'Discard');
    await eventually('the wizard to close after Discard', () => (wizardTabOpen() ? undefined : true));
    assert.equal(await vscode.commands.executeCommand(Commands.resumeWizardDraft), false, 'Discard removed the draft');
    assert.deepEqual(await workspaceFiles(), before, 'no file was written or removed');
  });
});

// Integration: the incident wizard's accessibility in a real VS Code: every control has an accessible name, the wizard works by keyboard alone, findings are announced, and focus stays visible in the high-contrast theme.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../src/constants';
import { EXTENSION_ID, eventually } from './workspace';
import {
  clickButton,
  hasUiBridge,
  inWebview,
  pressKeys,
  runPaletteCommand,
  screenshot,
  typeText,
  type WebviewStep,
} from './uiBridge';

const WIZARD = 'incident-wizard';
const HIGH_CONTRAST = 'Default High Contrast';
/** How many Tab presses may pass before a control is reached; more means it is out of reach (or focus is trapped). */
const MAX_TABS = 80;

const steps = (...list: WebviewStep[]) => inWebview(WIZARD, list);
/** Whether a webview tab (the wizard's) is open. */
const wizardTabOpen = () =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputWebview);

/**
 * Evaluated in the page: the controls without an accessible name, as short HTML. A name is a
 * non-empty aria-label, aria-labelledby pointing at text, a `<label for>` (or wrapping label) with
 * text, or a button's own text.
 */
const UNNAMED_CONTROLS = `(() => {
  const text = (el) => (el ? el.textContent : '').trim();
  const labels = Array.from(document.querySelectorAll('label'));
  const named = (el) =>
    (el.getAttribute('aria-label') || '').trim() !== '' ||
    (el.getAttribute('aria-labelledby') || '').split(/\\s+/).some((id) => id && text(document.getElementById(id))) ||
    (el.id && labels.some((label) => label.htmlFor === el.id && text(label))) ||
    text(el.closest('label')) !== '' ||
    (el.tagName === 'BUTTON' && text(el) !== '');
  return Array.from(document.querySelectorAll('input, select, textarea, button'))
    .filter((el) => !named(el))
    .map((el) => el.outerHTML.slice(0, 160));
})()`;

/** Evaluated in the page: the text of every finding shown (next to a field or under a phase). */
const SHOWN_FINDINGS = `Array.from(document.querySelectorAll('[data-findings-for] li')).map((li) => li.textContent)`;

/** Evaluated in the page: the focused element's id, and its computed outline and border. */
const FOCUS_STYLE = `(() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    id: el.id,
    outline: { width: style.outlineWidth, style: style.outlineStyle, color: style.outlineColor },
    border: { width: style.borderTopWidth, style: style.borderTopStyle, color: style.borderTopColor },
    highContrast: document.body.classList.contains('vscode-high-contrast'),
  };
})()`;

interface Line {
  readonly width: string;
  readonly style: string;
  readonly color: string;
}
interface FocusStyle {
  readonly id: string;
  readonly outline: Line;
  readonly border: Line;
  readonly highContrast: boolean;
}

async function evaluate<T>(expression: string): Promise<T> {
  const [json] = await steps({ evaluate: expression });
  return JSON.parse(json ?? 'null') as T;
}

/** Whether a computed line (outline or border) can be seen: some width, a style, and a colour that is not transparent. */
function visible(line: Line): boolean {
  const alpha = /^rgba\([^)]*,\s*([\d.]+)\)$/.exec(line.color)?.[1];
  return (
    parseFloat(line.width) > 0 &&
    line.style !== 'none' &&
    line.style !== 'hidden' &&
    line.color !== 'transparent' &&
    (alpha === undefined || Number(alpha) > 0)
  );
}

const focusedId = async () => (await steps({ focused: true }))[0] ?? '';

/** Presses Tab until the element with `id` has the focus; fails if it is not reached within MAX_TABS presses. */
async function tabTo(id: string): Promise<number> {
  const seen: string[] = [];
  for (let presses = 0; presses <= MAX_TABS; presses++) {
    const current = await focusedId();
    if (current === id) return presses;
    seen.push(current || '(no id)');
    await pressKeys('Tab');
  }
  assert.fail(`Tab did not reach #${id} within ${MAX_TABS} presses; the focus went through: ${seen.join(', ')}`);
}

/** Cancels the open wizard and answers "Discard" when it asks (it asks only when there is input). */
async function cancelAndDiscard(): Promise<void> {
  await steps({ waitFor: '#phase-heading' }, { pause: 600 }, { click: 'Cancel' });
  await steps({ pause: 800 });
  if (wizardTabOpen()) await clickButton('.monaco-dialog-box', 'Discard');
  await eventually('the wizard to close after Cancel', () => (wizardTabOpen() ? undefined : true));
}

/** Opens an empty wizard at Assess: any draft an earlier suite kept is discarded first. */
async function openEmptyWizard(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  if (await vscode.commands.executeCommand(Commands.resumeWizardDraft)) await cancelAndDiscard();
  await vscode.commands.executeCommand(Commands.openWizard);
  await steps({ waitFor: '#phase-heading' });
}

describe('Wizard accessibility', function () {
  this.timeout(300_000);
  let originalTheme: unknown;

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    originalTheme = vscode.workspace.getConfiguration().inspect('workbench.colorTheme')?.globalValue;
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration()
      .update('workbench.colorTheme', originalTheme, vscode.ConfigurationTarget.Global);
    if (hasUiBridge() && wizardTabOpen()) await cancelAndDiscard();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('gives every input, select, textarea and button an accessible name in each of the four phases', async function () {
    if (!hasUiBridge()) this.skip();
    await openEmptyWizard();
    // Fill what makes more controls appear: the severity questions' next step, a runbook suggestion, an action item.
    await steps(
      { fill: 'Title', value: 'Disk full on db-1' },
      { fill: 'Affected services', value: 'orders-db' },
      { fill: 'Started', value: '2026-04-03T08:00' },
      { check: 'No', nth: 0 },
    );
    const unnamed: Record<string, string[]> = {};
    for (const phase of ['Assess', 'Investigate', 'Document', 'Improve']) {
      if (phase !== 'Assess') await steps({ click: 'Next' });
      if (phase === 'Improve') await steps({ click: 'Add action item' });
      const [heading] = await steps({ text: '#phase-heading' });
      assert.equal(heading, phase);
      unnamed[phase] = await evaluate<string[]>(UNNAMED_CONTROLS);
    }
    assert.deepEqual(
      unnamed,
      { Assess: [], Investigate: [], Document: [], Improve: [] },
      `controls without an accessible name:\n${JSON.stringify(unnamed, null, 2)}`,
    );
    await cancelAndDiscard();
  });

  it('works by keyboard alone: the heading has the focus on open, Tab reaches the fields and Next, Enter changes the phase and focuses its heading', async function () {
    if (!hasUiBridge()) this.skip();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (await vscode.commands.executeCommand(Commands.resumeWizardDraft)) await cancelAndDiscard();
    await runPaletteCommand('Incident: Open Wizard');
    await steps({ waitFor: '#phase-heading' });
    await eventually('the phase heading to have the focus', async () =>
      (await focusedId()) === 'phase-heading' ? true : undefined,
    );

    // A fresh wizard: the host's evaluation has findings (the summary counts them), but no field shows one before it is touched.
    await eventually(
      'the evaluation summary',
      async () => {
        const [text] = await steps({ text: '#summary' });
        return text?.startsWith('To check before finishing') ? text : undefined;
      },
      30_000,
    );
    assert.deepEqual(await evaluate<string[]>(SHOWN_FINDINGS), [], 'no finding is shown on an untouched form');

    assert.equal(await tabTo('field-assess-title'), 1, 'the first Tab from the heading reaches the Title field');
    await typeText('Disk full on db-1', 20);
    assert.deepEqual(await steps({ value: 'Title' }), ['Disk full on db-1']);
    await tabTo('next');
    await pressKeys('Enter');
    const [heading, current, focused] = await steps(
      { text: '#phase-heading' },
      { attribute: '[aria-current="step"]', name: 'id' },
      { focused: true },
    );
    assert.equal(heading, 'Investigate');
    assert.equal(current, 'step-investigate', 'aria-current="step" moved to the Investigate step');
    assert.equal(focused, 'phase-heading', 'the new phase heading has the focus');

    // A vague root cause: the PM008 finding appears in the live region next to the field, and the field points at it.
    await tabTo('field-investigate-rootCause');
    await typeText('Human error.', 20);
    const region = '#findings-investigate-rootCause';
    const [live, describedBy] = await steps(
      { attribute: region, name: 'aria-live' },
      { attribute: '#field-investigate-rootCause', name: 'aria-describedby' },
    );
    assert.ok(live === 'polite' || live === 'assertive', `the findings region is a live region (aria-live="${live}")`);
    assert.ok(
      describedBy?.split(' ').includes('findings-investigate-rootCause'),
      'the root cause field is described by its findings region',
    );
    const announced = await eventually(
      'the PM008 finding in the live region',
      async () => {
        const [text] = await steps({ text: region });
        return text?.includes('PM008') ? text : undefined;
      },
      30_000,
    );
    assert.match(announced, /PM008: /);
    await cancelAndDiscard();
  });

  it('shows the focus in the high-contrast theme, with screenshots of Assess and Improve', async function () {
    if (!hasUiBridge()) this.skip();
    await vscode.workspace
      .getConfiguration()
      .update('workbench.colorTheme', HIGH_CONTRAST, vscode.ConfigurationTarget.Global);
    await openEmptyWizard();
    await eventually('the page to take the high-contrast theme', async () =>
      (await evaluate<FocusStyle>(FOCUS_STYLE)).highContrast ? true : undefined,
    );

    // Assess: a text field and a button, each focused by Tab.
    await tabTo('field-assess-title');
    await typeText('Disk full on db-1', 20);
    const field = await evaluate<FocusStyle>(FOCUS_STYLE);
    assert.ok(visible(field.outline), `the focused Title field has a visible outline: ${JSON.stringify(field)}`);
    await screenshot('wizard-assess-high-contrast');
    await tabTo('next');
    const next = await evaluate<FocusStyle>(FOCUS_STYLE);
    assert.ok(visible(next.outline), `the focused Next button has a visible outline: ${JSON.stringify(next)}`);

    // Improve: reached by Tab and Enter on Next in each phase (Enter moves the focus to the new heading).
    await pressKeys('Enter');
    for (const phase of ['Document', 'Improve']) {
      await tabTo('next');
      await pressKeys('Enter');
      assert.deepEqual(await steps({ text: '#phase-heading' }, { focused: true }), [phase, 'phase-heading']);
    }
    await steps({ click: 'Add action item' });
    const [heading] = await steps({ text: '#phase-heading' });
    assert.equal(heading, 'Improve');
    await steps({ fill: 'Action', value: 'Alert when a database disk is above 80%' });
    const action = await evaluate<FocusStyle>(FOCUS_STYLE);
    assert.equal(action.id, 'action-0-action');
    assert.ok(visible(action.outline), `the focused Action field has a visible outline: ${JSON.stringify(action)}`);
    await screenshot('wizard-improve-high-contrast');
    await cancelAndDiscard();
  });
});

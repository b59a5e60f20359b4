// The incident wizard's page script: receives the draft and profile from the host, shows one phase at a time, and sends every edit back (validated with zod both ways).
import {
  hostMessageSchema,
  parseMessage,
  WIZARD_PHASES,
  wizardDraftSchema,
  type HostMessage,
  type WebviewMessage,
  type WizardDraft,
  type WizardFinding,
  type WizardPhase,
} from '../webview/protocol';
import { draftHasInput, revisionOf } from '../webview/draft';
import { filledFields, touchedFromState, visibleFindings } from '../core/wizard/visibility';
import { findingIsFor, type App, type CommitsMessage, type EvaluationMessage, type InitMessage } from './app';
import { append, clear, h } from './dom';
import { durationsText, PHASE_TITLES, renderPhase, updatePreview } from './phases';

/** What the page keeps in VS Code's webview state, so hiding the panel or reloading the window loses nothing. */
interface PageState {
  readonly draft: WizardDraft;
  readonly commits?: CommitsMessage;
  /** How many edits the draft has had (the host keeps the count with its copy). */
  readonly revision?: number;
  /** The fields the user has touched (dotted draft paths); their findings are shown. Missing in a state saved before the page kept it. */
  readonly touched?: readonly string[];
  /** Whether Finish was pressed: every finding is shown from then on. */
  readonly finishPressed?: boolean;
}

const vscode = acquireVsCodeApi<PageState>();
const root = document.getElementById('wizard') as HTMLElement;
/** How long typing must pause before the draft goes to the host. */
const SEND_DELAY_MS = 250;

let init: InitMessage | undefined;
let draft: WizardDraft | undefined;
let revision = 0;
let evaluation: EvaluationMessage | undefined;
let commits: CommitsMessage | undefined;
let sendTimer: ReturnType<typeof setTimeout> | undefined;
let finishing = false;
/** The fields the user has touched (input, a change, a click or leaving them); only their findings are shown until Finish. */
let touched = new Set<string>();
let finishPressed = false;

function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

const app: App = {
  get draft() {
    return draft as WizardDraft;
  },
  get init() {
    return init as InitMessage;
  },
  get evaluation() {
    return evaluation;
  },
  get commits() {
    return commits;
  },
  changed,
  rerender: (focusId) => renderCurrentPhase(focusId),
  post,
};

/** Saves the draft in the webview state now, and sends it to the host after a pause in typing. */
function changed(): void {
  if (!draft) return;
  revision += 1;
  saveState();
  clearTimeout(sendTimer);
  sendTimer = setTimeout(sendDraft, SEND_DELAY_MS);
}

function sendDraft(): void {
  clearTimeout(sendTimer);
  sendTimer = undefined;
  if (!draft) return;
  // Never send what the host would refuse: say what is wrong instead.
  const checked = wizardDraftSchema.safeParse(draft);
  if (!checked.success) {
    showStatus(`Not saved: ${checked.error.issues[0]?.path.join('.')}: ${checked.error.issues[0]?.message}`);
    return;
  }
  post({ type: 'draftChanged', draft, revision });
}

function saveState(): void {
  if (draft) vscode.setState({ draft, commits, revision, touched: [...touched], finishPressed });
}

window.addEventListener('message', (event: MessageEvent) => {
  const parsed = parseMessage(hostMessageSchema, event.data);
  if (!parsed.ok) {
    console.warn(parsed.error);
    return;
  }
  receive(parsed.message);
});

function receive(message: HostMessage): void {
  switch (message.type) {
    case 'init': {
      init = message;
      const saved = vscode.getState();
      const fromState = saved ? wizardDraftSchema.safeParse(saved.draft) : undefined;
      // The page's own state is saved on every keystroke, so after hiding it is the newest copy (the host's is
      // at most one pause older); after a reload it can be older than the host's. The one with more edits wins.
      const own =
        fromState?.success && revisionOf(saved?.revision) >= revisionOf(message.revision) ? fromState.data : undefined;
      draft = own ?? message.draft;
      revision = own ? revisionOf(saved?.revision) : revisionOf(message.revision);
      commits = own ? saved?.commits : undefined;
      // What was touched before hiding or reloading, and in a resumed draft every field that already holds input.
      touched = new Set([...touchedFromState(saved?.touched), ...filledFields(draft)]);
      finishPressed = saved?.finishPressed === true;
      renderShell();
      renderCurrentPhase();
      // Start keyboard and screen-reader users at the phase's heading; Tab then reaches its first field.
      document.getElementById('phase-heading')?.focus();
      saveState();
      sendDraft();
      if (!commits && (draft.assess.started || draft.assess.detected)) requestCommits();
      break;
    }
    case 'evaluation':
      evaluation = message;
      showEvaluation();
      break;
    case 'commits':
      commits = message;
      saveState();
      if (draft?.phase === 'investigate') renderCurrentPhase(document.activeElement?.id || undefined);
      break;
    case 'trustChanged':
      if (init) init = { ...init, canWrite: message.canWrite };
      showTrust();
      break;
    case 'finished':
      finishing = false;
      showStatus(`Postmortem written to ${message.path}.`);
      break;
    case 'error':
      finishing = false;
      showStatus(message.message);
      updateButtons();
      break;
    default: {
      const never: never = message;
      console.warn(`Unknown message ${JSON.stringify(never)}`);
    }
  }
}

function requestCommits(): void {
  if (!draft) return;
  const { started, detected, mitigated, resolved } = draft.assess;
  post({ type: 'requestCommits', since: started || detected, until: resolved || mitigated });
}

/** The parts that stay while phases change: step indicator, phase container, buttons and status line. */
function renderShell(): void {
  if (!init) return;
  clear(root);
  root.removeAttribute('aria-busy');
  const steps = h('ol', { class: 'steps' });
  WIZARD_PHASES.forEach((phase, index) => {
    const button = h(
      'button',
      { type: 'button', class: 'step', id: `step-${phase}`, 'data-phase': phase },
      h('span', { class: 'step-number', text: `${index + 1}` }),
      ` ${PHASE_TITLES[phase]}`,
    );
    button.addEventListener('click', () => goTo(phase));
    steps.appendChild(h('li', {}, button));
  });
  const back = button('back', 'Back', 'secondary', () => goTo(WIZARD_PHASES[phaseIndex() - 1]));
  const next = button('next', 'Next', 'primary', () => goTo(WIZARD_PHASES[phaseIndex() + 1]));
  const finish = button('finish', 'Finish', 'primary', finishWizard);
  const cancel = button('cancel', 'Cancel', 'secondary', () => {
    sendDraft();
    post({ type: 'cancel', dirty: isDirty() });
  });
  append(
    root,
    h(
      'header',
      {},
      h('h1', { text: 'Incident Wizard' }),
      h('p', { class: 'muted', text: `Profile: ${init.profile.title}` }),
      h('nav', { 'aria-label': 'Wizard steps' }, steps),
    ),
    h('section', { id: 'phase', 'aria-labelledby': 'phase-heading' }),
    h(
      'footer',
      {},
      h('div', { class: 'buttons' }, back, next, finish, cancel),
      h('p', {
        id: 'finish-reason',
        class: 'warning',
        hidden: true,
        text: 'This workspace is not trusted, so the wizard cannot write the postmortem. Trust the workspace to finish; your draft is kept.',
      }),
      h('p', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' }),
      h('div', { id: 'summary', class: 'summary', 'aria-live': 'polite' }),
    ),
  );
  showTrust();
}

/** Shows why Finish is disabled while the workspace is not trusted, and enables it once trust is granted. */
function showTrust(): void {
  const canWrite = init?.canWrite ?? false;
  document.getElementById('finish-reason')?.toggleAttribute('hidden', canWrite);
  const finish = document.getElementById('finish');
  if (canWrite) finish?.removeAttribute('aria-describedby');
  else finish?.setAttribute('aria-describedby', 'finish-reason');
  updateButtons();
}

function button(id: string, text: string, kind: 'primary' | 'secondary', onClick: () => void): HTMLButtonElement {
  const element = h('button', { type: 'button', id, class: kind, text });
  element.addEventListener('click', onClick);
  return element;
}

function phaseIndex(): number {
  return WIZARD_PHASES.indexOf(draft?.phase ?? 'assess');
}

function goTo(phase: WizardPhase | undefined): void {
  if (!draft || !phase || phase === draft.phase) return;
  draft.phase = phase;
  changed();
  renderCurrentPhase();
  // Focus the new phase's heading so keyboard and screen-reader users start at its top.
  document.getElementById('phase-heading')?.focus();
  if (phase === 'investigate' && !commits) requestCommits();
}

/** Builds the current phase into its container; focuses `focusId` when given (after a list changed). */
function renderCurrentPhase(focusId?: string): void {
  const container = document.getElementById('phase');
  if (!container || !draft || !init) return;
  clear(container);
  append(
    container,
    h('h2', { id: 'phase-heading', tabindex: -1, text: PHASE_TITLES[draft.phase] }),
    renderPhase(app, draft.phase),
  );
  for (const phase of WIZARD_PHASES) {
    const step = document.getElementById(`step-${phase}`);
    if (!step) continue;
    if (phase === draft.phase) step.setAttribute('aria-current', 'step');
    else step.removeAttribute('aria-current');
  }
  updateButtons();
  showEvaluation();
  if (focusId) document.getElementById(focusId)?.focus();
}

function updateButtons(): void {
  const index = phaseIndex();
  (document.getElementById('back') as HTMLButtonElement | null)?.toggleAttribute('disabled', index === 0);
  (document.getElementById('next') as HTMLButtonElement | null)?.toggleAttribute(
    'disabled',
    index === WIZARD_PHASES.length - 1,
  );
  (document.getElementById('finish') as HTMLButtonElement | null)?.toggleAttribute(
    'disabled',
    !init?.canWrite || finishing,
  );
}

function finishWizard(): void {
  if (!draft || !init?.canWrite || finishing) return;
  finishing = true;
  finishPressed = true;
  saveState();
  showEvaluation();
  focusFirstFinding();
  updateButtons();
  clearTimeout(sendTimer);
  post({ type: 'finish', draft });
  showStatus('Writing the postmortem…');
  // The host answers with `finished` or `error`; either re-enables Finish if the panel stays.
  setTimeout(() => {
    finishing = false;
    updateButtons();
  }, 3000);
}

/** Marks the field of the element an event came from as touched; with `show`, shows its findings at once. */
function touch(event: Event, show: boolean): void {
  const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-field]') : null;
  const path = target?.dataset.field;
  if (!path || touched.has(path)) return;
  touched.add(path);
  saveState();
  // While typing, the evaluation the edit asks for shows the field's findings; showing the older one now would flash stale ones.
  if (show) showEvaluation();
}

/** Moves the focus to the first field of the phase that shows a finding (after Finish). */
function focusFirstFinding(): void {
  for (const region of Array.from(document.querySelectorAll<HTMLElement>('[data-findings-for]'))) {
    if (region.dataset.findingsFor?.startsWith('phase:') || !region.querySelector('li')) continue;
    const control =
      document.querySelector<HTMLElement>(`[aria-describedby~="${region.id}"]:not(fieldset)`) ??
      region.parentElement?.querySelector<HTMLElement>('input, textarea, select, button');
    if (control) {
      control.focus();
      return;
    }
  }
}

/** Shows the last evaluation: findings next to the fields touched (all after Finish), the durations, the preview and a summary per phase (counting every finding). */
function showEvaluation(): void {
  if (!evaluation || !draft) return;
  const all = evaluation.findings;
  const findings = visibleFindings(all, touched, finishPressed);
  const shown = new Set<WizardFinding>();
  for (const region of Array.from(document.querySelectorAll<HTMLElement>('[data-findings-for]'))) {
    const path = region.dataset.findingsFor ?? '';
    if (path.startsWith('phase:')) continue;
    const mine = findings.filter((f) => findingIsFor(f, path) && !f.field?.slice(path.length + 1).match(/^\d+\./));
    mine.forEach((f) => shown.add(f));
    fillFindings(region, mine);
  }
  const phaseRegion = document.querySelector<HTMLElement>(`[data-findings-for="phase:${draft.phase}"]`);
  if (phaseRegion)
    fillFindings(
      phaseRegion,
      findings.filter((f) => f.phase === draft?.phase && !shown.has(f)),
      'Other checks for this phase',
    );
  const durations = document.getElementById('durations');
  if (durations) durations.textContent = durationsText(app);
  const slo = document.getElementById('slo-impact');
  if (slo && evaluation.sloImpact) slo.textContent = evaluation.sloImpact;
  if (draft.phase === 'document') updatePreview(app);
  const summary = document.getElementById('summary');
  if (summary) {
    const counts = WIZARD_PHASES.map(
      (phase) => [phase, all.filter((f) => f.phase === phase && f.severity !== 'info').length] as const,
    ).filter(([, n]) => n > 0);
    summary.textContent =
      counts.length === 0
        ? `No problems found. The postmortem will be written to ${evaluation.path}.`
        : `To check before finishing: ${counts.map(([phase, n]) => `${PHASE_TITLES[phase]} ${n}`).join(', ')}. The postmortem will be written to ${evaluation.path}.`;
  }
}

function fillFindings(region: HTMLElement, findings: readonly WizardFinding[], heading?: string): void {
  // Rebuild only when the text changes, so screen readers do not announce the same findings again.
  const key = findings.map((f) => `${f.ruleId}:${f.message}`).join('\n');
  if (region.dataset.key === key) return;
  region.dataset.key = key;
  clear(region);
  if (findings.length === 0) return;
  append(
    region,
    heading ? h('p', { class: 'findings-heading', text: heading }) : null,
    h(
      'ul',
      {},
      ...findings.map((f) =>
        h(
          'li',
          { class: `finding ${f.severity}` },
          h('span', {
            class: 'severity',
            text: f.severity === 'error' ? 'Error' : f.severity === 'warning' ? 'Warning' : 'Note',
          }),
          ` ${f.ruleId}: ${f.message}`,
        ),
      ),
    ),
  );
}

function showStatus(text: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}

function isDirty(): boolean {
  return draft !== undefined && draftHasInput(draft);
}

root.addEventListener('input', (event) => touch(event, false));
root.addEventListener('change', (event) => touch(event, true));
// A click counts for buttons only (Add, Remove): clicking into a text field is not yet touching it.
root.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('button')) touch(event, true);
});
root.addEventListener('focusout', (event) => touch(event, true));

// Send what was typed before the page goes away (hidden panel, reload).
window.addEventListener('pagehide', () => {
  if (sendTimer) sendDraft();
});
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden' && sendTimer) sendDraft();
});

post({ type: 'ready' });

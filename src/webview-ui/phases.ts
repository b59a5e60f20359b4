// The four phases of the wizard (Assess, Investigate, Document, Improve), each built from labelled native controls bound to the draft.
import { ACTION_ITEM_TYPES, type WizardPhase, type WizardRunbookChoice } from '../webview/protocol';
import type { App } from './app';
import { append, fieldId, h } from './dom';
import { findingsRegion, listField, PRIORITY_CHOICES, selectField, textField } from './fields';
import { renderPreview } from './preview';

/** The heading of each phase, as the step indicator and the `<h2>` show it. */
export const PHASE_TITLES: Readonly<Record<WizardPhase, string>> = {
  assess: 'Assess',
  investigate: 'Investigate',
  document: 'Document',
  improve: 'Improve',
};

/** What each phase is for, in one sentence under its heading. */
const PHASE_INTROS: Readonly<Record<WizardPhase, string>> = {
  assess: 'What is broken, who is affected, how severe it is, and when it started, was noticed and ended.',
  investigate:
    'The changes around the incident, why it happened (ask "why?" until you reach the cause), and what made it worse.',
  document:
    'The story of the incident for readers who were not there. The preview shows the postmortem exactly as it will be written.',
  improve: 'What the team will do so it does not happen again: at least one action item for each contributing factor.',
};

/** Builds the body of `phase` (everything under its heading). */
export function renderPhase(app: App, phase: WizardPhase): HTMLElement {
  const body = h('div', { class: 'phase-body' }, h('p', { class: 'intro', text: PHASE_INTROS[phase] }));
  switch (phase) {
    case 'assess':
      append(body, ...assess(app));
      break;
    case 'investigate':
      append(body, ...investigate(app));
      break;
    case 'document':
      append(body, ...documentPhase(app));
      break;
    case 'improve':
      append(body, ...improve(app));
      break;
    default: {
      const never: never = phase;
      throw new Error(`unknown phase ${String(never)}`);
    }
  }
  // Findings of this phase that no field above shows.
  append(
    body,
    h('div', { class: 'findings phase-findings', 'data-findings-for': `phase:${phase}`, 'aria-live': 'polite' }),
  );
  return body;
}

function assess(app: App): HTMLElement[] {
  return [
    textField(app, 'assess.title', 'Title', {
      hint: 'A short name for the incident, e.g. "Checkout returns 502 errors".',
      maxLength: 500,
    }),
    textField(app, 'assess.whatIsBroken', 'What is broken', { rows: 3 }),
    h(
      'fieldset',
      {},
      h('legend', { text: 'Who is affected' }),
      textField(app, 'assess.affectedUsers', 'Affected users', {
        rows: 2,
        hint: 'Which users, and what they could not do.',
      }),
      textField(app, 'assess.affectedTenants', 'Affected tenants or customers'),
      textField(app, 'assess.affectedPercent', 'Share affected (%)', {
        type: 'text',
        placeholder: '0 to 100',
        maxLength: 10,
      }),
    ),
    textField(app, 'assess.whatChanged', 'What changed', {
      rows: 2,
      hint: 'Deploys, configuration or traffic changes just before it started. The postmortem names it as the trigger and as an event of the timeline.',
    }),
    textField(app, 'assess.changedAt', 'When it changed (UTC)', {
      type: 'datetime-local',
      hint: 'Leave it empty when the change came at the start of the incident.',
    }),
    textField(app, 'assess.services', 'Affected services', {
      hint: 'Comma-separated, e.g. checkout-api, payment-service.',
      parse: (value) =>
        value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
          .slice(0, 100),
      format: (value) => (Array.isArray(value) ? value.join(', ') : ''),
    }),
    textField(app, 'assess.incidentCommander', 'Incident commander'),
    severity(app),
    h(
      'fieldset',
      { class: 'times' },
      h('legend', { text: 'Time boundaries (UTC)' }),
      textField(app, 'assess.started', 'Started', { type: 'datetime-local' }),
      textField(app, 'assess.detected', 'Detected', { type: 'datetime-local' }),
      textField(app, 'assess.mitigated', 'Mitigated', { type: 'datetime-local' }),
      textField(app, 'assess.resolved', 'Resolved', { type: 'datetime-local' }),
      h('p', { class: 'durations', id: 'durations', 'aria-live': 'polite', text: durationsText(app) }),
    ),
  ];
}

/** "Time to detect: 12 minutes. Time to recover: 1 hour 5 minutes." from the host's evaluation. */
export function durationsText(app: App): string {
  const evaluation = app.evaluation;
  const minutes = (n: number | null | undefined) =>
    n === null || n === undefined ? 'not known yet' : formatMinutes(n);
  return `Time to detect: ${minutes(evaluation?.timeToDetectMinutes)}. Time to recover: ${minutes(evaluation?.timeToRecoverMinutes)}.`;
}

function formatMinutes(total: number): string {
  if (total < 0) return 'the times are out of order';
  const hours = Math.floor(total / 60);
  const minutes = Math.round(total % 60);
  const part = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return hours > 0 ? `${part(hours, 'hour')}${minutes ? ` ${part(minutes, 'minute')}` : ''}` : part(minutes, 'minute');
}

/** The severity: the profile's decision tree (one yes/no question at a time) or a direct choice, with each level's definition. */
function severity(app: App): HTMLElement {
  const { severities, decisionTree, decisionFallback } = app.init.profile;
  const answers = app.draft.assess.severityAnswers;
  const questions = h('ol', { class: 'decision-tree' });
  let decided: string | undefined;
  for (let index = 0; index < decisionTree.length && decided === undefined; index++) {
    const question = decisionTree[index];
    const name = `severity-q${index}`;
    const radio = (value: boolean) => {
      const id = `${name}-${value ? 'yes' : 'no'}`;
      const input = h('input', { type: 'radio', id, name, value: value ? 'yes' : 'no' });
      input.checked = answers[index] === value;
      input.addEventListener('change', () => {
        answers.length = index;
        answers.push(value);
        app.draft.assess.severity = decide(app);
        app.changed();
        app.rerender(id);
      });
      return h('span', { class: 'choice' }, input, h('label', { for: id, text: value ? 'Yes' : 'No' }));
    };
    questions.appendChild(
      h(
        'li',
        {},
        h('fieldset', { class: 'question' }, h('legend', { text: question.question }), radio(true), radio(false)),
      ),
    );
    if (answers[index] === true) decided = question.yes;
    if (answers[index] === undefined) break;
  }
  if (decided === undefined && answers.length >= decisionTree.length && answers.every((a) => a === false))
    decided = decisionFallback;
  const choices = severities.map((s) => [s.id, `${s.id}: ${s.label}`] as const);
  const select = selectField(app, 'assess.severity', 'Severity level', choices, {
    onChange: () => app.rerender(fieldId('assess.severity')),
  });
  const chosen = severities.find((s) => s.id === app.draft.assess.severity);
  const reset = h('button', { type: 'button', class: 'secondary', text: 'Start the questions again' });
  reset.addEventListener('click', () => {
    answers.length = 0;
    app.changed();
    app.rerender('severity-q0-yes');
  });
  return h(
    'fieldset',
    { class: 'severity', 'data-field': 'assess.severity' },
    h('legend', { text: 'Severity' }),
    decisionTree.length > 0
      ? h('p', { class: 'hint', text: 'Answer the questions to find the level, or choose it directly below.' })
      : null,
    decisionTree.length > 0 ? questions : null,
    decided !== undefined
      ? h('p', { class: 'decided', 'aria-live': 'polite', text: `The answers give ${decided}.` })
      : null,
    answers.length > 0 ? reset : null,
    select,
    h('p', {
      class: 'definition',
      id: 'severity-definition',
      'aria-live': 'polite',
      text: chosen ? `${chosen.id} (${chosen.label}): ${chosen.definition}` : 'No level chosen yet.',
    }),
    h(
      'details',
      {},
      h('summary', { text: 'Every level and when it applies' }),
      h(
        'dl',
        {},
        ...severities.flatMap((s) => [h('dt', { text: `${s.id}: ${s.label}` }), h('dd', { text: s.definition })]),
      ),
    ),
  );
}

/** The level the decision-tree answers give; empty while unanswered. */
function decide(app: App): string {
  const { decisionTree, decisionFallback } = app.init.profile;
  const answers = app.draft.assess.severityAnswers;
  for (let index = 0; index < decisionTree.length; index++) {
    if (answers[index] === true) return decisionTree[index].yes;
    if (answers[index] === undefined) return app.draft.assess.severity;
  }
  return decisionFallback;
}

function investigate(app: App): HTMLElement[] {
  return [
    commits(app),
    listField(app, 'investigate.whys', {
      legend: '5 Whys',
      hint: 'Start from the symptom and ask "why?" again for each answer until you reach a cause you can fix.',
      itemLabel: (index) => `Why ${index + 1}`,
      addText: 'Add a why',
      rows: 2,
      keepOne: true,
    }),
    textField(app, 'investigate.rootCause', 'Root cause', {
      rows: 4,
      hint: 'The specific technical cause: what failed, where, and why it was possible.',
    }),
    listField(app, 'investigate.contributingFactors', {
      legend: 'Contributing factors',
      hint: 'What made the incident possible, larger or longer. Each one needs an action item in the Improve phase.',
      itemLabel: (index) => `Contributing factor ${index + 1}`,
      addText: 'Add contributing factor',
    }),
  ];
}

/** The commits in the incident window, each with a "Suspected" checkbox; asks the host for them. */
function commits(app: App): HTMLElement {
  const { started, detected, mitigated, resolved } = app.draft.assess;
  const since = started || detected;
  const until = resolved || mitigated;
  const reload = h('button', { type: 'button', class: 'secondary', id: 'reload-commits', text: 'Load commits' });
  reload.addEventListener('click', () => app.post({ type: 'requestCommits', since, until }));
  const box = h(
    'fieldset',
    { class: 'commits', 'data-field': 'investigate.suspectedCommits' },
    h('legend', { text: 'Commits in the incident window' }),
  );
  const status = h('p', { class: 'hint', id: 'commits-status', 'aria-live': 'polite' });
  const received = app.commits;
  if (!received) {
    status.textContent = since
      ? 'Press "Load commits" to list the commits from the start of the incident to its end.'
      : 'Enter when the incident started (Assess) to list its commits.';
  } else if (received.unavailable) {
    status.textContent = `Commits unavailable: ${received.unavailable}`;
  } else if (received.commits.length === 0) {
    status.textContent = 'No commits in the incident window.';
  } else {
    status.textContent = `${received.commits.length} commit${received.commits.length === 1 ? '' : 's'} in the incident window. Mark the ones you suspect.`;
  }
  append(box, status);
  const suspected = app.draft.investigate.suspectedCommits;
  if (received && !received.unavailable && received.commits.length > 0) {
    const list = h('ul', { class: 'commit-list' });
    for (const commit of received.commits) {
      const id = `commit-${commit.shortHash}`;
      const input = h('input', { type: 'checkbox', id, 'aria-describedby': `${id}-text` });
      input.checked = suspected.includes(commit.shortHash);
      input.addEventListener('change', () => {
        const at = suspected.indexOf(commit.shortHash);
        if (input.checked && at < 0) suspected.push(commit.shortHash);
        if (!input.checked && at >= 0) suspected.splice(at, 1);
        app.changed();
      });
      list.appendChild(
        h(
          'li',
          {},
          h('span', { class: 'choice' }, input, h('label', { for: id, text: 'Suspected' })),
          h(
            'span',
            { class: 'commit', id: `${id}-text` },
            h('code', { text: commit.shortHash }),
            ` ${commit.subject} `,
            h('span', { class: 'muted', text: `${commit.author}, ${commit.date}` }),
          ),
        ),
      );
    }
    append(box, list);
  }
  append(box, since ? reload : null);
  return box;
}

function documentPhase(app: App): HTMLElement[] {
  const preview = h('div', { class: 'preview-body', id: 'preview' });
  return [
    textField(app, 'document.summary', 'Summary', {
      rows: 4,
      hint: 'Two or three sentences: what happened, the impact, how it ended.',
    }),
    textField(app, 'document.impact', 'Impact', { rows: 3 }),
    textField(app, 'document.detection', 'Detection', {
      rows: 2,
      hint: 'How the team found out: which alert, report or dashboard.',
    }),
    textField(app, 'document.mitigation', 'Mitigation', {
      rows: 3,
      hint: 'What stopped the damage, and what fixed it for good.',
    }),
    textField(app, 'document.fixConfirmedBy', 'Who confirmed the fix, and how', {
      rows: 2,
      hint: 'Optional. Best a real user, for example: the customer who reported it placed an order at 15:14. It is written in the timeline at the resolution.',
    }),
    ...app.init.profile.otherSections.map((section) =>
      textField(app, `document.otherSections.${section.id}`, section.title, {
        rows: 3,
        hint: section.prompt,
        id: `field-section-${section.id}`,
      }),
    ),
    runbooks(app),
    h(
      'section',
      { class: 'preview', 'aria-labelledby': 'preview-heading' },
      h('h3', { id: 'preview-heading', text: 'Preview' }),
      h('p', {
        class: 'hint',
        id: 'preview-path',
        text: app.evaluation
          ? `Will be written to ${app.evaluation.path}`
          : 'The preview appears once the host has checked the draft.',
      }),
      preview,
    ),
  ];
}

/** Identifies the runbook suggestions shown, so new ones rebuild the list and unchanged ones leave it (and the focus) alone. */
function suggestionsKey(app: App): string {
  return JSON.stringify(app.evaluation?.runbookSuggestions ?? []);
}

/** Fills the Document phase's preview from the last evaluation, and the runbook suggestions when they changed. */
export function updatePreview(app: App): void {
  const box = document.getElementById('runbooks');
  if (box && box.dataset.key !== suggestionsKey(app)) box.replaceWith(runbooks(app));
  const target = document.getElementById('preview');
  const path = document.getElementById('preview-path');
  if (!target || !app.evaluation) return;
  if (path) path.textContent = `Will be written to ${app.evaluation.path}`;
  renderPreview(target, app.evaluation.markdown, (href) => app.post({ type: 'openLink', href }));
}

/** The runbooks to create or update on Finish, from the host's suggestions for the affected services. */
function runbooks(app: App): HTMLElement {
  const chosen = app.draft.document.runbooks;
  const suggestions: WizardRunbookChoice[] = [...(app.evaluation?.runbookSuggestions ?? [])];
  for (const choice of chosen) if (!suggestions.some((s) => sameChoice(s, choice))) suggestions.push(choice);
  const box = h(
    'fieldset',
    { class: 'runbooks', id: 'runbooks', 'data-key': suggestionsKey(app), 'data-field': 'document.runbooks' },
    h('legend', { text: 'Runbooks to create or update' }),
  );
  if (suggestions.length === 0) {
    append(box, h('p', { class: 'hint', text: 'Name the affected services in Assess to get runbook suggestions.' }));
    return box;
  }
  suggestions.forEach((suggestion, index) => {
    const id = `runbook-${index}`;
    const input = h('input', { type: 'checkbox', id });
    const current = chosen.find((c) => sameChoice(c, suggestion));
    input.checked = current !== undefined;
    input.addEventListener('change', () => {
      const at = chosen.findIndex((c) => sameChoice(c, suggestion));
      if (input.checked && at < 0) chosen.push({ ...suggestion });
      if (!input.checked && at >= 0) chosen.splice(at, 1);
      app.changed();
      app.rerender(id);
    });
    const text =
      suggestion.action === 'create'
        ? `Create a runbook for ${suggestion.service}`
        : `Update the runbook ${suggestion.path ?? ''} (${suggestion.service})`;
    append(box, h('div', { class: 'choice' }, input, h('label', { for: id, text })));
    if (current && current.action === 'create') {
      const modeId = `${id}-failure-mode`;
      const mode = h('input', { type: 'text', id: modeId, maxlength: 500 });
      mode.value = current.failureMode;
      mode.addEventListener('input', () => {
        current.failureMode = mode.value;
        app.changed();
      });
      append(
        box,
        h(
          'div',
          { class: 'field nested' },
          h('label', { for: modeId, text: `Failure mode of the ${suggestion.service} runbook` }),
          mode,
        ),
      );
    }
  });
  return box;
}

/** Whether two runbook choices are the same: the same service and action (and, for updates, the same file). */
function sameChoice(a: WizardRunbookChoice, b: WizardRunbookChoice): boolean {
  return a.service === b.service && a.action === b.action && (a.path ?? '') === (b.path ?? '');
}

function improve(app: App): HTMLElement[] {
  const items = app.draft.improve.actionItems;
  const { requiredActionColumns, minimumActionItems } = app.init.profile;
  const rows = h('ol', { class: 'action-items' });
  items.forEach((_, index) => {
    const base = `improve.actionItems.${index}`;
    const idOf = (field: string) => `action-${index}-${field}`;
    const remove = h('button', {
      type: 'button',
      class: 'secondary remove',
      text: 'Remove',
      'aria-label': `Remove action item ${index + 1}`,
    });
    remove.addEventListener('click', () => {
      items.splice(index, 1);
      app.changed();
      app.rerender(items.length > 0 ? `action-${Math.min(index, items.length - 1)}-action` : 'add-action-item');
    });
    rows.appendChild(
      h(
        'li',
        {},
        h(
          'fieldset',
          { class: 'action-item' },
          h('legend', { text: `Action item ${index + 1}` }),
          textField(app, `${base}.action`, 'Action', { id: idOf('action'), maxLength: 20000 }),
          textField(app, `${base}.owner`, 'Owner', { id: idOf('owner') }),
          selectField(app, `${base}.priority`, 'Priority', PRIORITY_CHOICES, { id: idOf('priority') }),
          textField(app, `${base}.due`, 'Due date', { type: 'date', id: idOf('due') }),
          selectField(
            app,
            `${base}.type`,
            'Type',
            ACTION_ITEM_TYPES.map((t) => [t, t[0].toUpperCase() + t.slice(1)] as const),
            { id: idOf('type') },
          ),
          remove,
        ),
      ),
    );
  });
  const add = h('button', { type: 'button', class: 'secondary', id: 'add-action-item', text: 'Add action item' });
  add.addEventListener('click', () => {
    if (items.length >= 100) return;
    items.push({ action: '', owner: '', priority: '', due: '', type: '' });
    app.changed();
    app.rerender(`action-${items.length - 1}-action`);
  });
  const factors = app.draft.investigate.contributingFactors.filter((f) => f.trim()).length;
  const rules = [
    `This profile needs at least ${Math.max(minimumActionItems, factors)} action item${Math.max(minimumActionItems, factors) === 1 ? '' : 's'}`,
    factors > 0 ? ` (one for each of the ${factors} contributing factor${factors === 1 ? '' : 's'})` : '',
    requiredActionColumns.length > 0 ? `, each with ${requiredActionColumns.join(', ')}.` : '.',
  ].join('');
  return [
    h(
      'fieldset',
      { class: 'list', 'data-field': 'improve.actionItems' },
      h('legend', { text: 'Action items' }),
      h('p', { class: 'hint', id: 'action-items-rule', text: rules }),
      rows,
      add,
      findingsRegion('improve.actionItems'),
    ),
    app.init.hasSlo
      ? h(
          'section',
          { class: 'slo', 'aria-labelledby': 'slo-heading' },
          h('h3', { id: 'slo-heading', text: 'SLO impact' }),
          h('p', {
            id: 'slo-impact',
            'aria-live': 'polite',
            text:
              app.evaluation?.sloImpact ??
              'Enter the start and end of the incident (Assess) to see the error budget it used.',
          }),
        )
      : h('span'),
  ];
}

// Wizard drafts for the tests: one filled in completely, and helpers to change parts of it.
import { emptyDraft, type WizardDraft } from '../../../../src/webview/protocol';
import type { Profile } from '../../../../src/core/profiles';

/** A draft filled in as a careful user would: every phase, every section the profile asks for, two action items. */
export function fullDraft(profile: Profile): WizardDraft {
  const draft = emptyDraft();
  draft.phase = 'improve';
  draft.assess = {
    title: 'Checkout API errors after connection pool change',
    whatIsBroken: 'Checkout requests fail with HTTP 500.',
    affectedUsers: 'All customers checking out in the EU region',
    affectedTenants: 'eu-1, eu-2',
    affectedPercent: '40',
    whatChanged: 'Deploy 4812 lowered the database connection pool size from 50 to 5.',
    changedAt: '',
    severityAnswers: [false, true],
    severity: profile.severities[1].id,
    started: '2026-03-15T14:28',
    detected: '2026-03-15T14:32',
    mitigated: '2026-03-15T14:50',
    resolved: '2026-03-15T15:19',
    incidentCommander: 'Dana Smith',
    services: ['checkout-api'],
  };
  draft.investigate = {
    suspectedCommits: ['a1b2c3d'],
    whys: [
      'Why did checkout fail? Because requests timed out waiting for a database connection.',
      'Why were no connections free? Because the pool size was lowered from 50 to 5 in deploy 4812.',
      'Why was the pool lowered? Because the config template default changed and nobody reviewed the diff.',
    ],
    rootCause:
      'Deploy 4812 changed the checkout database connection pool size from 50 to 5, so under normal load requests queued for a connection and timed out after 30 seconds.',
    contributingFactors: [
      'The config template default changed without review',
      'No alert on connection pool saturation',
    ],
  };
  const otherSections: Record<string, string> = {};
  for (const s of profile.documents.postmortem?.sections ?? [])
    otherSections[s.id] = `The team wrote this part of the ${s.title.toLowerCase()} with real content.`;
  draft.document = {
    summary:
      'From 14:28 to 15:19 UTC checkout requests in the EU region failed because the database connection pool was too small.',
    impact: 'About 40% of checkout requests failed for 51 minutes; no data was lost.',
    detection: 'The checkout error-rate alert fired four minutes after the first errors.',
    mitigation: 'The on-call engineer rolled back deploy 4812, and errors stopped at 14:50.',
    fixConfirmedBy: 'the customer who reported it, who placed an order at 15:19',
    otherSections,
    runbooks: [{ service: 'checkout-api', failureMode: 'pool exhaustion', action: 'create' }],
  };
  draft.improve = {
    actionItems: [
      {
        action: 'Review config template default changes before release (CF1)',
        owner: 'platform-team',
        priority: 'P1',
        due: '2026-04-01',
        type: 'process',
      },
      {
        action: 'Add an alert on connection pool saturation (CF2)',
        owner: 'Dana Smith',
        priority: 'P0',
        due: '2026-03-22',
        type: 'monitoring',
      },
    ],
  };
  return draft;
}

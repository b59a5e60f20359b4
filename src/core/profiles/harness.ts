// The default profile, from the Harness incident-response process (seed 000).
import { STANDARD_INCIDENT, STANDARD_RUNBOOK } from './shared';
import type { Profile } from './types';

export const harnessProfile: Profile = {
  name: 'harness',
  title: 'Harness incident response',
  description:
    'Four phases (assess, investigate, document, improve); postmortems in docs/postmortems, runbooks in docs/runbooks, SEV1-SEV4.',
  documents: {
    postmortem: {
      folder: 'docs/postmortems',
      fileName: 'YYYY-MM-DD-<slug>.md',
      sections: [
        {
          id: 'summary',
          title: 'Summary',
          synonyms: ['Executive Summary', 'Overview', 'TL;DR', 'Incident Summary'],
          required: true,
        },
        {
          id: 'timeline',
          title: 'Timeline',
          synonyms: ['Incident Timeline', 'Timeline of Events', 'Chronology', 'Sequence of Events'],
          required: true,
        },
        {
          id: 'root-cause',
          title: 'Root Cause',
          synonyms: ['Root Causes', 'Root Cause Analysis', 'RCA', 'Cause', 'Causes'],
          required: true,
        },
        {
          id: 'contributing-factors',
          title: 'Contributing Factors',
          synonyms: ['Contributing Causes', 'Contributors', 'Factors'],
          required: true,
        },
        {
          id: 'impact',
          title: 'Impact',
          synonyms: ['Customer Impact', 'User Impact', 'Business Impact', 'Impact Assessment'],
          required: true,
        },
        {
          id: 'detection',
          title: 'Detection',
          synonyms: ['How It Was Detected', 'Detection and Response'],
          required: true,
        },
        {
          id: 'mitigation',
          title: 'Mitigation',
          synonyms: ['Resolution', 'Response', 'Remediation', 'Mitigation and Resolution', 'Recovery'],
          required: true,
        },
        {
          id: 'action-items',
          title: 'Action Items',
          synonyms: [
            'Action Plan',
            'Follow-up Actions',
            'Follow-ups',
            'Corrective Actions',
            'Next Steps',
            'Preventive Actions',
          ],
          required: true,
        },
      ],
    },
    runbook: STANDARD_RUNBOOK,
    incident: STANDARD_INCIDENT,
  },
  severities: [
    {
      id: 'SEV1',
      label: 'Critical',
      definition: 'Complete service outage, data loss, or a security breach affecting all users.',
    },
    { id: 'SEV2', label: 'Major', definition: 'Major feature degradation affecting a significant subset of users.' },
    { id: 'SEV3', label: 'Minor', definition: 'Minor feature degradation with a workaround available.' },
    { id: 'SEV4', label: 'Cosmetic', definition: 'Cosmetic issue or internal tooling degradation.' },
  ],
  // Seed 000, Phase 1: "Apply the project's severity matrix if one exists"; the levels above are its fallback.
  severityMatrix: 'docs/runbooks/severity-matrix.md',
  // Follows from the definitions above: outage, data loss or security first, then the wider and the narrower degradation.
  severityDecisionTree: {
    questions: [
      { question: 'Is the service completely down, has data been lost, or has security been breached?', yes: 'SEV1' },
      { question: 'Is a major feature degraded for a significant subset of users?', yes: 'SEV2' },
      { question: 'Is a minor feature degraded, with a workaround available?', yes: 'SEV3' },
    ],
    fallback: 'SEV4',
  },
  // Seed 000: action items have owners, priorities and due dates (PM004, PM018, PM005); its gates name the owners and due dates.
  actionItems: { requiredColumns: ['Owner', 'Due Date', 'Priority'], minimum: 1 },
  // Seed 000's gates are errors: a root cause statement (PM008), an action item per contributing factor (PM007), no
  // unjustified severity change (PM012); a workspace without SLO definitions is a finding to take on as a P0 action item (PM016).
  rules: { PM007: 'error', PM008: 'error', PM012: 'error', PM016: 'warning' },
};

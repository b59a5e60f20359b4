// The agent incident-response profile (seed 001): P1-P4, live records and postmortems both under .agent/incidents.
import { STANDARD_RUNBOOK } from './shared';
import type { Profile } from './types';

export const agentProfile: Profile = {
  name: 'agent',
  title: 'Agent incident response',
  description:
    'Contain first, then 5 Whys; live incident records and postmortems share .agent/incidents/INC-YYYY-MM-DD-<slug>.md; P1-P4, with a postmortem required for P1 and P2.',
  documents: {
    runbook: STANDARD_RUNBOOK,
    postmortem: {
      folder: '.agent/incidents',
      fileName: 'INC-YYYY-MM-DD-<slug>.md',
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
          synonyms: ['Root Causes', 'Root Cause Analysis', 'RCA', 'Cause'],
          required: true,
        },
        {
          id: 'five-whys',
          title: '5 Whys',
          synonyms: ['Five Whys', 'The Five Whys', 'The 5 Whys', '5 Whys Analysis', 'Five Whys Analysis'],
          required: false,
        },
        {
          id: 'evidence',
          title: 'Evidence',
          synonyms: ['Findings', 'Observations', 'Diagnostics', 'Logs and Metrics'],
          required: false,
        },
        {
          id: 'went-well',
          title: 'What Went Well',
          synonyms: ['Went Well', 'Things That Went Well', 'What Worked', 'What Worked Well'],
          required: true,
        },
        {
          id: 'went-poorly',
          title: 'What Went Poorly',
          synonyms: [
            'What Went Wrong',
            "What Didn't Go Well",
            'What Did Not Go Well',
            'Went Poorly',
            'Things That Went Poorly',
            'What Could Be Improved',
          ],
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
    incident: {
      folder: '.agent/incidents',
      fileName: 'INC-YYYY-MM-DD-<slug>.md',
      headerFields: ['Date', 'Severity', 'Status', 'Incident Commander'],
      sections: [
        {
          id: 'evidence',
          title: 'Evidence',
          synonyms: ['Findings', 'Observations', 'Triage Findings', 'Diagnostics'],
          required: true,
          // Seed 001's triage checklist: collect data before guessing.
          questions: [
            'What is the user-visible symptom?',
            'When did it start (from monitoring, not from when someone reported it)?',
            'What changed recently: the last deploy, a config change, a dependency update?',
            'What does the error log say (the exact error messages and stack traces)?',
            'Is it affecting all users or a subset?',
            'Did an automated alert catch it, or did a user report it?',
          ],
        },
        {
          id: 'timeline',
          title: 'Actions Taken',
          synonyms: ['Timeline', 'Action Log', 'Response Log', 'Containment Actions', 'Containment'],
          required: false,
        },
      ],
    },
  },
  severities: [
    {
      id: 'P1',
      label: 'Critical',
      definition: 'The service is fully down, data has been lost, or security has been breached.',
      responseTime: 'Immediately',
      aliases: ['Priority 1', 'Critical'],
      requiresPostmortem: true,
    },
    {
      id: 'P2',
      label: 'High',
      definition: 'A major feature is broken and a significant share of users is affected.',
      responseTime: 'Within 30 minutes',
      aliases: ['Priority 2', 'High'],
      requiresPostmortem: true,
    },
    {
      id: 'P3',
      label: 'Medium',
      definition: 'The service is partly degraded and users have a workaround.',
      responseTime: 'Within 2 hours',
      aliases: ['Priority 3', 'Medium'],
      requiresPostmortem: false,
    },
    {
      id: 'P4',
      label: 'Low',
      definition: 'A minor bug or a cosmetic problem.',
      responseTime: 'Next sprint',
      aliases: ['Priority 4', 'Low'],
      requiresPostmortem: false,
    },
  ],
  // Follows from the definitions above: outage, data loss or security first, then the wider and the narrower degradation.
  severityDecisionTree: {
    questions: [
      { question: 'Is the service fully down, has data been lost, or has security been breached?', yes: 'P1' },
      { question: 'Is a major feature broken for a significant share of users?', yes: 'P2' },
      { question: 'Is the service partly degraded, with a workaround for users?', yes: 'P3' },
    ],
    fallback: 'P4',
  },
  actionItems: { requiredColumns: ['Action', 'Owner', 'Due Date'], minimum: 1 },
  // Seed 001: the post-mortem is written within 24 hours of resolution.
  postmortemDeadlineHours: 24,
  roles: ['Incident Commander'],
  // Seed 001, rule 4: never resolved until a real user confirms the fix (PM020 on the postmortem and the resolved record).
  userConfirmsFix: true,
  // Seed 001's rules are its gates: no blame (PM013); a real user confirmed the fix (PM020); every P1/P2 incident gets a
  // postmortem (IN001, an error by default).
  rules: { PM013: 'error', PM020: 'error' },
};

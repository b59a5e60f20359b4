// The PagerDuty profile: the shape of PagerDuty's public postmortem template, the most copied one in the wild.
import { STANDARD_INCIDENT, STANDARD_RUNBOOK } from './shared';
import type { Profile } from './types';

export const pagerdutyProfile: Profile = {
  name: 'pagerduty',
  title: 'PagerDuty postmortem template',
  description:
    "Follows PagerDuty's public postmortem template (overview, what happened, contributing factors, resolution, impact, responders, timeline, what went well and what did not, action items as tickets, messaging) in docs/postmortems; the template names contributing factors, not one root cause, as the causal analysis, and grades incidents SEV-1 and SEV-2 (a generic SEV-1..SEV-4 is used).",
  documents: {
    postmortem: {
      folder: 'docs/postmortems',
      fileName: 'YYYY-MM-DD-<slug>.md',
      // The template opens with its owner (then the meeting and the call recording, which a written document rarely keeps).
      headerFields: ['Date', 'Severity', 'Postmortem Owner'],
      sections: [
        {
          id: 'summary',
          title: 'Overview',
          synonyms: ['Summary', 'Executive Summary', 'TL;DR', 'Incident Summary'],
          required: true,
        },
        {
          id: 'what-happened',
          title: 'What Happened',
          synonyms: ['Description', 'Incident Description', 'Narrative'],
          required: true,
        },
        // The causal analysis: the template names the conditions that contributed, not one root cause, so Contributing
        // Factors is what a postmortem must have; a Root Cause section (which new documents and the wizard write) is optional.
        {
          id: 'contributing-factors',
          title: 'Contributing Factors',
          synonyms: ['Contributing Causes', 'Contributors', 'Factors', 'Conditions That Contributed'],
          required: true,
        },
        {
          id: 'root-cause',
          title: 'Root Cause',
          synonyms: ['Root Causes', 'Root Cause Analysis', 'RCA', 'Causes', 'Cause'],
          required: false,
        },
        {
          id: 'resolution',
          title: 'Resolution',
          synonyms: ['Mitigation', 'Remediation', 'Recovery', 'Mitigation and Resolution', 'Fix'],
          required: true,
        },
        {
          id: 'impact',
          title: 'Impact',
          synonyms: ['Customer Impact', 'User Impact', 'Business Impact', 'Impact Assessment'],
          required: true,
        },
        {
          id: 'responders',
          title: 'Responders',
          synonyms: ['People Involved', 'Participants', 'Incident Responders', 'Roles'],
          required: true,
        },
        {
          id: 'timeline',
          title: 'Timeline',
          synonyms: ['Incident Timeline', 'Timeline of Events', 'Chronology', 'Sequence of Events'],
          required: true,
        },
        // "How'd We Do?" only groups the two parts below it.
        { id: 'retrospective', title: "How'd We Do?", synonyms: ['How Did We Do', 'Retrospective'], required: false },
        {
          id: 'went-well',
          title: 'What Went Well?',
          synonyms: ['What Went Well', 'Went Well', 'Things That Went Well', 'What Worked', 'What Worked Well'],
          required: true,
        },
        {
          id: 'went-wrong',
          title: "What Didn't Go So Well?",
          synonyms: [
            'What Did Not Go So Well',
            "What Didn't Go Well",
            'What Did Not Go Well',
            'What Went Wrong',
            'What Went Poorly',
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
        { id: 'messaging', title: 'Messaging', synonyms: ['Communications', 'Communication'], required: false },
        {
          id: 'internal-email',
          title: 'Internal Email',
          synonyms: ['Internal Message', 'Internal Communication'],
          required: false,
        },
        {
          id: 'external-message',
          title: 'External Message',
          synonyms: ['Public Message', 'Status Page Post', 'Customer Communication'],
          required: false,
        },
      ],
    },
    runbook: STANDARD_RUNBOOK,
    incident: STANDARD_INCIDENT,
  },
  severities: [
    {
      id: 'SEV-1',
      label: 'Critical',
      definition: 'A critical issue: the service is down or badly degraded for many customers, or data is at risk.',
      aliases: ['SEV1', 'Critical'],
      requiresPostmortem: true,
    },
    {
      id: 'SEV-2',
      label: 'Major',
      definition: 'A major issue: a core function is degraded for a significant subset of customers.',
      aliases: ['SEV2', 'Major'],
      requiresPostmortem: true,
    },
    {
      id: 'SEV-3',
      label: 'Minor',
      definition: 'A minor issue with limited customer impact or a workaround.',
      aliases: ['SEV3', 'Minor'],
      requiresPostmortem: false,
    },
    {
      id: 'SEV-4',
      label: 'Low',
      definition: 'No customer impact: a cosmetic or internal problem.',
      aliases: ['SEV4', 'Low'],
      requiresPostmortem: false,
    },
  ],
  // The template: each action item is a ticket in the tracker, and a ticket has an assignee.
  actionItems: { requiredColumns: ['Action Item', 'Owner', 'Ticket'], minimum: 1 },
  // Follows from the definitions above, most severe first.
  severityDecisionTree: {
    questions: [
      { question: 'Is the service down or badly degraded for many customers, or is data at risk?', yes: 'SEV-1' },
      { question: 'Is a core function degraded for a significant subset of customers?', yes: 'SEV-2' },
      { question: 'Is there limited customer impact, or a workaround?', yes: 'SEV-3' },
    ],
    fallback: 'SEV-4',
  },
  rules: {},
};

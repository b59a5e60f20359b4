// The Google SRE profile: the shape of the example postmortem in Google's "Site Reliability Engineering" book.
import { STANDARD_INCIDENT, STANDARD_RUNBOOK } from './shared';
import type { Profile } from './types';

export const googleSreProfile: Profile = {
  name: 'google-sre',
  title: 'Google SRE book postmortem',
  description:
    "Follows the example postmortem of Google's SRE book (summary, impact, root causes, trigger, resolution, detection, action items, lessons learned, timeline) in docs/postmortems; the book gives no severity scale, so a generic SEV1-SEV4 is used, with a postmortem required where its postmortem criteria (user-visible impact beyond a threshold, data loss, on-call intervention) apply.",
  documents: {
    runbook: STANDARD_RUNBOOK,
    incident: STANDARD_INCIDENT,
    postmortem: {
      folder: 'docs/postmortems',
      fileName: 'YYYY-MM-DD-<slug>.md',
      headerFields: ['Date', 'Authors', 'Status'],
      sections: [
        {
          id: 'summary',
          title: 'Summary',
          synonyms: ['Executive Summary', 'Overview', 'TL;DR', 'Incident Summary'],
          required: true,
        },
        {
          id: 'impact',
          title: 'Impact',
          synonyms: ['User Impact', 'Customer Impact', 'Business Impact', 'Impact Assessment'],
          required: true,
        },
        {
          id: 'root-causes',
          title: 'Root Causes',
          synonyms: ['Root Cause', 'Root Cause Analysis', 'RCA', 'Causes', 'Cause'],
          required: true,
        },
        {
          id: 'trigger',
          title: 'Trigger',
          synonyms: ['Triggers', 'Triggering Event', 'Trigger Event', 'What Triggered It'],
          required: true,
        },
        {
          id: 'resolution',
          title: 'Resolution',
          synonyms: ['Mitigation', 'Remediation', 'Recovery', 'Mitigation and Resolution', 'Response'],
          required: true,
        },
        {
          id: 'detection',
          title: 'Detection',
          synonyms: ['How It Was Detected', 'Detection and Alerting', 'Alerting'],
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
        {
          id: 'lessons-learned',
          title: 'Lessons Learned',
          synonyms: ['Lessons', 'Learnings', 'Key Takeaways', 'Takeaways'],
          required: true,
        },
        {
          id: 'went-well',
          title: 'What Went Well',
          synonyms: ['Went Well', 'Things That Went Well', 'What Worked', 'What Worked Well'],
          required: true,
        },
        {
          id: 'went-wrong',
          title: 'What Went Wrong',
          synonyms: [
            'What Went Poorly',
            "What Didn't Go Well",
            'What Did Not Go Well',
            'Went Wrong',
            'What Could Be Improved',
          ],
          required: true,
        },
        {
          id: 'got-lucky',
          title: 'Where We Got Lucky',
          synonyms: ['Where We Were Lucky', 'Got Lucky', 'What Was Lucky', 'Lucky Breaks', 'Luck'],
          required: true,
        },
        {
          id: 'timeline',
          title: 'Timeline',
          synonyms: ['Incident Timeline', 'Timeline of Events', 'Chronology', 'Sequence of Events'],
          required: true,
        },
        {
          id: 'supporting-information',
          title: 'Supporting Information',
          synonyms: ['Supporting Info', 'Supporting Material', 'References', 'Links', 'Appendix'],
          required: false,
        },
      ],
    },
  },
  severities: [
    {
      id: 'SEV1',
      label: 'Critical',
      definition: 'A user-visible outage of a whole service, or data loss of any kind.',
      aliases: ['SEV-1', 'Critical'],
      requiresPostmortem: true,
    },
    {
      id: 'SEV2',
      label: 'Major',
      definition:
        'User-visible degradation beyond the agreed threshold, or one that needed on-call intervention such as a rollback or rerouting traffic.',
      aliases: ['SEV-2', 'Major'],
      requiresPostmortem: true,
    },
    {
      id: 'SEV3',
      label: 'Minor',
      definition: 'Degradation that stayed below the user-visible threshold and resolved without intervention.',
      aliases: ['SEV-3', 'Minor'],
      requiresPostmortem: false,
    },
    {
      id: 'SEV4',
      label: 'Low',
      definition: 'No user impact and no intervention needed: a cosmetic or internal tooling problem.',
      aliases: ['SEV-4', 'Low'],
      requiresPostmortem: false,
    },
  ],
  // Follows from the definitions above: outage, data loss or security first, then the wider and the narrower degradation.
  severityDecisionTree: {
    questions: [
      { question: 'Is a whole service down for users, or has any data been lost?', yes: 'SEV1' },
      {
        question:
          'Is there user-visible degradation beyond the agreed threshold, or did it need on-call intervention such as a rollback or rerouting traffic?',
        yes: 'SEV2',
      },
      { question: 'Was there degradation that stayed below the user-visible threshold?', yes: 'SEV3' },
    ],
    fallback: 'SEV4',
  },
  actionItems: { requiredColumns: ['Action Item', 'Type', 'Owner', 'Bug'], minimum: 1 },
  // Real postmortems rarely write Authors and Status as header fields (all 16 of the corpus lack Status): PM019 is off.
  rules: { PM019: 'off' },
};

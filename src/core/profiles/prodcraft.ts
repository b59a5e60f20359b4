// The prodcraft incident-response profile (seed 002): mitigate first, fail-closed containment, three roles, SEV1-SEV4.
import { STANDARD_RUNBOOK } from './shared';
import type { Profile } from './types';

export const prodcraftProfile: Profile = {
  name: 'prodcraft',
  title: 'Prodcraft incident response',
  description:
    'Mitigate first with fail-closed containment; roles Incident Commander, Technical Responder, Communications Lead; SEV1-SEV4. The process names its outputs but no folders, so live records (playbook and timeline) go in docs/incidents and postmortem reports in docs/incidents/postmortems.',
  documents: {
    runbook: STANDARD_RUNBOOK,
    postmortem: {
      folder: 'docs/incidents/postmortems',
      fileName: 'YYYY-MM-DD-<slug>.md',
      headerFields: ['Date', 'Severity', 'Incident Commander'],
      sections: [
        {
          id: 'summary',
          title: 'Summary',
          synonyms: ['Executive Summary', 'Overview', 'TL;DR', 'Incident Summary'],
          required: false,
        },
        {
          id: 'impact',
          title: 'Impact',
          synonyms: ['User Impact', 'Customer Impact', 'Current User Impact', 'Impact Assessment'],
          required: true,
        },
        {
          id: 'containment',
          title: 'Containment Decision',
          synonyms: [
            'Containment',
            'Containment Path',
            'Mitigation',
            'Mitigation Decision',
            'Rollback Decision',
            'Fail-Closed Decision',
          ],
          required: true,
        },
        {
          id: 'timeline',
          title: 'Timeline',
          synonyms: ['Incident Timeline', 'Timeline of Events', 'Chronology', 'Sequence of Events'],
          required: true,
        },
        {
          id: 'evidence',
          title: 'Evidence Sources',
          synonyms: ['Evidence', 'Sources of Evidence', 'Evidence Log'],
          required: false,
        },
        {
          id: 'root-cause',
          title: 'Root Cause Analysis',
          synonyms: ['Root Cause', 'Root Causes', 'RCA', '5 Whys', 'Five Whys', 'The Five Whys'],
          required: true,
        },
        {
          id: 'went-well',
          title: 'What Went Well',
          synonyms: ['What Went Well in the Response', 'Went Well', 'Things That Went Well', 'What Worked'],
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
            'What Could Be Improved',
          ],
          required: true,
        },
        {
          id: 'action-items',
          title: 'Action Items',
          synonyms: [
            'Follow-up Actions',
            'Follow-ups',
            'Corrective Actions',
            'Next Steps',
            'Action Plan',
            'Post-Incident Actions',
          ],
          required: true,
        },
      ],
    },
    incident: {
      folder: 'docs/incidents',
      fileName: 'YYYY-MM-DD-<slug>.md',
      headerFields: ['Date', 'Severity', 'Incident Commander', 'Communications Lead'],
      sections: [
        {
          id: 'boundary',
          title: 'Current Boundary',
          synonyms: ['Incident Boundary', 'Confirmed Facts', 'Incident Facts', 'What Is Failing'],
          required: true,
          // Seed 002, step 1: the minimum facts needed to respond.
          questions: [
            'Which user-facing behaviour is failing?',
            'When did it start, relative to the last deploy?',
            'Does it involve a known unsupported flow, a coexistence seam or a rollout boundary?',
            'Which mitigation levers exist right now: rollback, route disable, traffic shaping, read-only mode, failover?',
          ],
        },
        {
          id: 'impact',
          title: 'Impact',
          synonyms: ['User Impact', 'Customer Impact', 'Current User Impact'],
          required: true,
        },
        {
          id: 'response-team',
          title: 'Response Team',
          synonyms: ['Roles', 'Incident Roles', 'Team', 'Responders'],
          required: false,
        },
        {
          id: 'communication',
          title: 'Communication Plan',
          synonyms: [
            'Communication',
            'Communications',
            'Communication Cadence',
            'Stakeholder Updates',
            'Status Updates',
          ],
          required: true,
        },
        {
          id: 'containment',
          title: 'Containment Decision',
          synonyms: [
            'Containment',
            'Containment Path',
            'Mitigation',
            'Mitigation Decision',
            'Rollback Decision',
            'Fail-Closed Decision',
          ],
          required: true,
        },
        {
          id: 'timeline',
          title: 'Timeline',
          synonyms: ['Incident Timeline', 'Timeline of Events', 'Chronology'],
          required: true,
        },
        {
          id: 'evidence',
          title: 'Evidence Sources',
          synonyms: ['Evidence', 'Sources of Evidence', 'Evidence Log'],
          required: true,
        },
        {
          id: 'open-questions',
          title: 'Open Questions',
          synonyms: ['Open Incident Questions', 'Unknowns', 'Uncertainties'],
          required: false,
        },
        {
          id: 'recovery',
          title: 'Recovery Verification',
          synonyms: ['Verification', 'Recovery', 'Recovery Checks'],
          required: false,
          requiredOnceResolved: true,
          // Seed 002, step 6: what is confirmed before the incident is declared resolved (PM002 once the record declares it).
          checklist: [
            'Alerts and customer-visible symptoms have cleared',
            'The rollback, fail-closed behaviour or fallback path is still active as intended',
            'Temporary guardrails that must stay until a permanent fix ships are documented',
            'Follow-up work is handed off (runbooks, retrospective, tech-debt management)',
          ],
        },
        {
          id: 'handoff',
          title: 'Handoff',
          synonyms: ['Hand-off', 'Follow-up Work', 'Temporary Guardrails', 'Guardrails'],
          required: false,
        },
      ],
    },
  },
  severities: [
    {
      id: 'SEV1',
      label: 'Critical',
      definition:
        'The service is down, data is lost or corrupted, or security is breached (for example a complete outage).',
      responseTime: 'Immediately, all hands',
      aliases: ['SEV-1', 'Critical'],
      requiresPostmortem: true,
    },
    {
      id: 'SEV2',
      label: 'Major',
      definition: 'A major feature is broken and many users feel it (for example payments failing).',
      responseTime: 'Within 30 minutes',
      aliases: ['SEV-2', 'Major'],
      requiresPostmortem: true,
    },
    {
      id: 'SEV3',
      label: 'Minor',
      definition: 'A minor feature is broken and a workaround exists (for example wrong search results).',
      responseTime: 'Within 4 hours',
      aliases: ['SEV-3', 'Minor'],
      requiresPostmortem: true,
    },
    {
      id: 'SEV4',
      label: 'Cosmetic',
      definition: 'A cosmetic fault with no user impact (for example a misaligned element).',
      responseTime: 'Next business day',
      aliases: ['SEV-4', 'Cosmetic'],
      requiresPostmortem: true,
    },
  ],
  // Follows from the definitions above: outage, data loss or security first, then the wider and the narrower degradation.
  severityDecisionTree: {
    questions: [
      { question: 'Is the service down, is data lost or corrupted, or is security breached?', yes: 'SEV1' },
      { question: 'Is a major feature broken so that many users feel it (for example payments failing)?', yes: 'SEV2' },
      {
        question: 'Is a minor feature broken, with a workaround available (for example wrong search results)?',
        yes: 'SEV3',
      },
    ],
    fallback: 'SEV4',
  },
  actionItems: { requiredColumns: ['Action', 'Owner', 'Deadline'], minimum: 1 },
  // Seed 002, step 7: the postmortem within 48 hours.
  postmortemDeadlineHours: 48,
  roles: ['Incident Commander', 'Technical Responder', 'Communications Lead'],
  // Seed 002's quality gate: the stakeholder communication cadence and its owner are explicit (PM017); a required
  // postmortem exists within 48 hours (IN001, an error by default). The roles are explicit: the header names the
  // Incident Commander and, on an incident record, the Communications Lead (PM019). The live record has the sections the
  // gate asks for: impact, containment decision, timeline, evidence sources, communication plan (IN002).
  rules: { IN002: 'error', PM017: 'error', PM019: 'error' },
};

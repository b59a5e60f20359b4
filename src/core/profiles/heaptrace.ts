// The heaptrace lead-engineer incident-response profile (seed 004): severity decision tree, Five Whys, at least two action items.
import { STANDARD_RUNBOOK } from './shared';
import type { Profile } from './types';

/** Seed 004: the postmortem is written within 48 hours of the fix, while memory is fresh. */
const POSTMORTEM_HOURS = 48;

export const heaptraceProfile: Profile = {
  name: 'heaptrace',
  title: 'Heaptrace lead-engineer incident response',
  description:
    'Stabilise before investigating; SEV-1..SEV-4 chosen by a decision tree; a summary table, the Five Whys, numbered action items (at least two) with owner, deadline and status; no AI tool references. The process names no folders, so postmortems go in docs/postmortems and live records in docs/incidents.',
  documents: {
    runbook: STANDARD_RUNBOOK,
    postmortem: {
      folder: 'docs/postmortems',
      fileName: 'YYYY-MM-DD-<slug>.md',
      headerFields: ['Date', 'Duration', 'Severity', 'Affected Systems', 'Affected Users', 'Incident Commander'],
      sections: [
        {
          id: 'summary',
          title: 'Summary',
          synonyms: ['Executive Summary', 'Overview', 'Incident Summary', 'Summary Table'],
          required: true,
        },
        {
          id: 'impact',
          title: 'Impact',
          synonyms: ['User Impact', 'Customer Impact', 'Business Impact', 'Impact Assessment', 'Blast Radius'],
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
          title: 'Root Cause Analysis',
          synonyms: ['Root Cause', 'Root Causes', 'RCA', 'Cause Analysis'],
          required: true,
        },
        {
          id: 'five-whys',
          title: 'The Five Whys',
          synonyms: ['Five Whys', '5 Whys', 'The 5 Whys', 'Five Whys Analysis', '5 Whys Analysis'],
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
          id: 'action-items',
          title: 'Action Items',
          synonyms: [
            'Action Plan',
            'Follow-up Actions',
            'Follow-ups',
            'Corrective Actions',
            'Prevention',
            'Preventive Actions',
          ],
          required: true,
        },
        {
          id: 'lessons-learned',
          title: 'Lessons Learned',
          synonyms: ['Lessons', 'Learnings', 'Key Takeaways', 'Takeaways', 'What We Learned'],
          required: true,
        },
      ],
    },
    incident: {
      folder: 'docs/incidents',
      fileName: 'YYYY-MM-DD-<slug>.md',
      headerFields: ['Date', 'Severity', 'Status', 'Incident Commander'],
      sections: [
        {
          id: 'triage',
          title: 'Triage',
          synonyms: ['Triage Questions', 'Five Triage Questions', 'The Five Triage Questions', 'Triage and Scope'],
          required: true,
          // Seed 004's five triage questions, answered as soon as the incident is declared.
          questions: [
            'What is broken: which feature, endpoint or page?',
            'When did it start: was there a recent deploy, and when did errors spike in monitoring?',
            'Who is affected: all users, one tenant, one role, one browser?',
            'What changed: a deploy, a config change, a database migration, infrastructure, a third-party outage?',
            'Can we mitigate immediately: roll back the last deploy, toggle a feature flag, redirect traffic, scale up resources?',
          ],
        },
        {
          id: 'timeline',
          title: 'Timeline',
          synonyms: ['Incident Timeline', 'Timeline of Events', 'Running Timeline'],
          required: true,
        },
        {
          id: 'status-updates',
          title: 'Status Updates',
          synonyms: ['Incident Updates', 'Updates', 'Communications', 'Stakeholder Updates'],
          required: false,
        },
        {
          id: 'fix',
          title: 'Fix',
          synonyms: ['Hotfix', 'Mitigation', 'Rollback', 'Fix and Mitigation'],
          required: false,
        },
        {
          id: 'verification',
          title: 'Resolution Checklist',
          synonyms: ['Verification', 'Fix Verification', 'Validation', 'Resolution Verification'],
          required: false,
          // Seed 004: what must be true before the incident is called resolved.
          checklist: [
            'The original error no longer occurs',
            'Affected users can complete the workflow',
            'Error rates are back to baseline',
            'The fix introduced no new errors',
            'Monitoring confirms normal operation',
            'The fix is deployed to production, not only to staging',
          ],
        },
        {
          id: 'completion-checklist',
          title: 'Completion Checklist',
          synonyms: ['Incident Checklist', 'Response Checklist', 'Incident Response Checklist'],
          required: false,
          // Seed 004: the whole response, from classification to the shared postmortem.
          checklist: [
            'Severity classified within 5 minutes',
            'The five triage questions answered',
            'Blast radius documented: who and what is affected',
            'Root cause identified, not just the symptoms',
            'Fix minimal and targeted, with no refactoring',
            'Fix tested in staging before production',
            'Monitoring confirms the resolution',
            'Status updates sent during the incident',
            `Postmortem written within ${POSTMORTEM_HOURS} hours`,
            'Action items have owners and deadlines',
            'Postmortem shared with the team',
          ],
        },
      ],
    },
  },
  severities: [
    {
      id: 'SEV-1',
      label: 'Critical',
      definition:
        'The application is completely down, or data has been lost, or security has been breached; every user is affected.',
      responseTime: 'Drop everything, all hands; resolve within 1 hour',
      updateCadence: 'First status within 5 minutes, then every 15 minutes',
      aliases: ['SEV1', 'Sev 1', 'Critical'],
      requiresPostmortem: true,
    },
    {
      id: 'SEV-2',
      label: 'Major',
      definition:
        'A core workflow (login, payment, the main feature) is broken, or more than 10% of users are affected; a workaround may exist.',
      responseTime: 'Primary on-call plus one backup engineer; resolve within 4 hours',
      updateCadence: 'First status within 5 minutes, then every 15 minutes',
      aliases: ['SEV2', 'Sev 2', 'Major'],
      requiresPostmortem: true,
    },
    {
      id: 'SEV-3',
      label: 'Minor',
      definition: 'A minor feature is broken or looks wrong for at most 10% of users, and the workaround is easy.',
      responseTime: 'On-call handles it without escalation; resolve by the next business day',
      updateCadence: 'First status within 5 minutes, then every 15 minutes',
      aliases: ['SEV3', 'Sev 3', 'Minor'],
      requiresPostmortem: true,
    },
    {
      id: 'SEV-4',
      label: 'Low',
      definition: 'An inconvenience or non-blocking edge case with minimal user impact.',
      responseTime: 'Add to the backlog; resolve in the next sprint',
      aliases: ['SEV4', 'Sev 4', 'Low'],
      requiresPostmortem: true,
    },
  ],
  // Seed 004's own tree, question for question.
  severityDecisionTree: {
    questions: [
      { question: 'Is the application completely down?', yes: 'SEV-1' },
      { question: 'Is there data loss or a security breach?', yes: 'SEV-1' },
      { question: 'Is a core workflow broken (login, payment, the main feature)?', yes: 'SEV-2' },
      { question: 'Are more than 10% of users affected?', yes: 'SEV-2' },
    ],
    fallback: 'SEV-3',
  },
  // Seed 004: open items are followed up two weeks on (an unfinished item is the next incident).
  actionItems: { requiredColumns: ['Action', 'Owner', 'Deadline', 'Status'], minimum: 2, followUpReviewDays: 14 },
  postmortemDeadlineHours: POSTMORTEM_HOURS,
  roles: ['Incident Commander'],
  // Seed 004's mandatory rules are errors: timestamps for everything (PM010), blame the system, not the person (PM013,
  // PM008 for a root cause that stops at a person), no AI tool references (PM014), action items with a tracked status (PM018);
  // the postmortem's summary table has every row (PM019); the status updates a live record lists are at most 15 minutes
  // apart (PM021, from the severity's update cadence).
  rules: {
    PM008: 'error',
    PM010: 'error',
    PM013: 'error',
    PM014: 'error',
    PM018: 'error',
    PM019: 'error',
    PM021: 'error',
  },
};

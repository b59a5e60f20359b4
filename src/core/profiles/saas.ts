// The multi-tenant SaaS incident-response profile (seed 003): SEV-1..SEV-4 with update cadence, tenant impact, lessons learned.
import { STANDARD_RUNBOOK } from './shared';
import type { Profile } from './types';

export const saasProfile: Profile = {
  name: 'saas',
  title: 'Multi-tenant SaaS incident response',
  description:
    'Assess tenant impact, collect evidence, 5 Whys, minimal fix verified in staging; postmortems in docs/spec/.llm/completed/postmortem-YYYY-MM-DD-<slug>.md; SEV-1..SEV-4 with update cadence. The process names no folder for live records, so they go in docs/spec/.llm/incidents.',
  documents: {
    runbook: STANDARD_RUNBOOK,
    postmortem: {
      folder: 'docs/spec/.llm/completed',
      fileName: 'postmortem-YYYY-MM-DD-<slug>.md',
      headerFields: ['Date', 'Severity', 'Duration', 'Author'],
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
          synonyms: ['Tenant Impact', 'Customer Impact', 'User Impact', 'Impact Assessment', 'Business Impact'],
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
          synonyms: ['Root Causes', 'Root Cause Analysis', 'RCA', '5 Whys', 'Five Whys', '5 Whys Analysis'],
          required: true,
        },
        {
          id: 'contributing-factors',
          title: 'Contributing Factors',
          synonyms: ['Contributing Causes', 'Contributors', 'Factors'],
          required: true,
        },
        {
          id: 'went-well',
          title: 'What Went Well',
          synonyms: ['Went Well', 'Things That Went Well', 'What Worked', 'What Worked Well'],
          required: true,
        },
        {
          id: 'could-be-improved',
          title: 'What Could Be Improved',
          synonyms: [
            'What Could Have Gone Better',
            'What Went Poorly',
            'What Went Wrong',
            "What Didn't Go Well",
            'Areas for Improvement',
            'Opportunities for Improvement',
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
        {
          id: 'lessons-learned',
          title: 'Lessons Learned',
          synonyms: ['Lessons', 'Learnings', 'Key Takeaways', 'Takeaways', 'What We Learned'],
          required: true,
        },
      ],
    },
    incident: {
      folder: 'docs/spec/.llm/incidents',
      fileName: 'incident-YYYY-MM-DD-<slug>.md',
      headerFields: ['Date', 'Severity'],
      sections: [
        {
          id: 'impact',
          title: 'Impact Assessment',
          synonyms: ['Impact', 'Tenant Impact', 'Affected Tenants', 'Scope'],
          required: true,
          // Seed 003, step 1: the questions that set the scope and the severity.
          questions: [
            'Which tenants are affected (error logs by tenant id, the monitoring dashboards)?',
            'What functionality is broken (health endpoints, critical paths, error types)?',
            'When did it start (deploy times, metric anomalies, the first error logged)?',
            'Is it getting worse (the error rate over the last 15 minutes)?',
            'Is there a workaround (another path affected users can take)?',
          ],
        },
        // Seed 003: the impact assessment and the evidence both carry the timeline.
        {
          id: 'timeline',
          title: 'Timeline',
          synonyms: ['Incident Timeline', 'Timeline of Events', 'Chronology'],
          required: true,
        },
        {
          id: 'evidence',
          title: 'Evidence',
          synonyms: ['Evidence Collected', 'Diagnostics', 'Logs, Metrics and Traces', 'Findings'],
          required: true,
        },
        {
          id: 'root-cause',
          title: 'Root Cause',
          synonyms: ['Root Cause Analysis', '5 Whys', 'Five Whys', 'RCA'],
          required: false,
        },
        {
          id: 'fix-checklist',
          title: 'Fix Checklist',
          synonyms: ['Fix', 'Fix Plan', 'Staging Verification'],
          required: false,
          checklist: [
            'The fix is minimal and targeted: no refactoring, no extra changes',
            'The fix addresses the root cause, not just the symptom',
            'The test suite passes with the fix',
            'The fix has been tested in staging',
            'The rollback plan is documented',
          ],
        },
        {
          id: 'deployment-checklist',
          title: 'Deployment Checklist',
          synonyms: ['Deployment', 'Deploy Checklist', 'Post-Deploy Monitoring'],
          required: false,
          checklist: [
            'Fix deployed to production',
            'Enhanced monitoring in place, watching error rate and latency',
            'Watched after the deploy: at least 15 minutes for SEV-1 and SEV-2, 5 minutes for SEV-3 and SEV-4',
            'Error rate back to baseline',
            'Latency back to baseline',
            'No new error types appearing',
            'Affected tenants verified working',
          ],
        },
      ],
    },
  },
  severities: [
    {
      id: 'SEV-1',
      label: 'Critical',
      definition: 'The service is down, data is lost, security is breached, or every tenant is affected.',
      responseTime: 'All hands',
      updateCadence: 'Continuously, at least every 15 minutes',
      aliases: ['SEV1', 'Sev 1', 'Critical'],
    },
    {
      id: 'SEV-2',
      label: 'Major',
      definition: 'A major feature is broken for a significant subset of tenants.',
      responseTime: 'A dedicated team',
      updateCadence: 'Every 30 minutes',
      aliases: ['SEV2', 'Sev 2', 'Major'],
    },
    {
      id: 'SEV-3',
      label: 'Minor',
      definition: 'A minor feature is degraded for a few tenants.',
      responseTime: 'Next business day',
      updateCadence: 'Once, when resolved',
      aliases: ['SEV3', 'Sev 3', 'Minor'],
    },
    {
      id: 'SEV-4',
      label: 'Cosmetic',
      definition: 'A cosmetic issue with no loss of functionality.',
      responseTime: 'Backlog; fix in the next sprint',
      aliases: ['SEV4', 'Sev 4', 'Cosmetic'],
    },
  ],
  // Follows from the definitions above: outage, data loss or security first, then the wider and the narrower degradation.
  severityDecisionTree: {
    questions: [
      {
        question: 'Is the service down, is data lost, is security breached, or is every tenant affected?',
        yes: 'SEV-1',
      },
      { question: 'Is a major feature broken for a significant subset of tenants?', yes: 'SEV-2' },
      { question: 'Is a minor feature degraded for a few tenants?', yes: 'SEV-3' },
    ],
    fallback: 'SEV-4',
  },
  actionItems: { requiredColumns: ['Action', 'Owner', 'Due Date', 'Status'], minimum: 1 },
  // Seed 003's post-mortem header: Date, Severity, Duration and Author (PM019; the severity is PM011's).
  rules: { PM019: 'error' },
};

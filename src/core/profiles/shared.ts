// Document kinds several profiles share: the one definition of the runbook and of a generic live incident record.
import type { DocumentKindSpec } from './types';

/** Verbs of a runbook step that looks at the system (a diagnosis step). */
const DIAGNOSIS_VERBS = [
  'check',
  'inspect',
  'investigate',
  'examine',
  'find',
  'look',
  'identify',
  'determine',
  'diagnose',
  'query',
  'search',
  'grep',
  'ensure',
  'study',
  'list',
  'gather',
  'collect',
  'view',
];
/** Verbs of a runbook step that changes the system to end the problem (a mitigation step). */
const MITIGATION_VERBS = [
  'restart',
  'reboot',
  'fail over',
  'failover',
  'roll back',
  'rollback',
  'revert',
  'terminate',
  'kill',
  'scale',
  'drain',
  'restore',
  'fix',
  'redeploy',
  'delete',
  'remove',
  'clear',
  'disable',
  'increase',
  'vacuum',
  'flush',
  'purge',
  'promote',
  'recover',
  'repair',
  'cordon',
  'evict',
  'mitigate',
  'resolve',
  'stop',
  'resize',
  'grow',
  'rotate',
  'reset',
  'rerun',
  'retry',
];
/** Verbs of a runbook step that checks the fix worked (a verification step). */
const VERIFICATION_VERBS = ['confirm', 'verify', 'validate', 'test', 'recheck', 'monitor', 'watch'];

/** Runbooks as seed 000 describes them: five sections, commands rather than prose. Profiles whose seed has no runbook format use it too. */
export const STANDARD_RUNBOOK: DocumentKindSpec = {
  folder: 'docs/runbooks',
  fileName: '<service>-<failure-mode>.md',
  sections: [
    {
      id: 'symptoms',
      title: 'Symptoms',
      synonyms: [
        'Signs',
        'Alerts',
        'Indicators',
        'Meaning',
        'Alert Meaning',
        'What This Alert Means',
        'Alert Description',
      ],
      required: true,
    },
    {
      id: 'diagnosis',
      title: 'Diagnosis Steps',
      synonyms: ['Diagnosis', 'Investigation', 'Investigation Steps', 'Triage', 'Troubleshooting'],
      required: true,
      stepVerbs: DIAGNOSIS_VERBS,
    },
    {
      id: 'mitigation',
      title: 'Mitigation Steps',
      synonyms: ['Mitigation', 'Remediation', 'Resolution Steps', 'Resolution', 'Fix', 'Steps', 'Procedure'],
      required: true,
      stepVerbs: MITIGATION_VERBS,
    },
    {
      id: 'escalation',
      title: 'Escalation Path',
      synonyms: ['Escalation', 'Escalation Policy', 'Who to Contact', 'Contacts'],
      required: true,
    },
    {
      id: 'verification',
      title: 'Recovery Verification',
      synonyms: ['Verification', 'Verify Recovery', 'Validation', 'Post-Recovery Checks', 'Testing'],
      required: true,
      stepVerbs: VERIFICATION_VERBS,
    },
  ],
  // An alert runbook answers a page: what it means, how to look, what to do, whom to call, how to tell it worked.
  // A procedure runbook is a task done on request (granting access, rotating a key): its steps and a check that they worked.
  variants: [
    {
      id: 'alert',
      title: 'alert runbook',
      required: ['symptoms', 'diagnosis', 'mitigation', 'escalation', 'verification'],
      signals: ['Alert', 'Alerts', 'Alerting', 'Meaning', 'Symptoms', 'Firing', 'Down', 'Page'],
    },
    {
      id: 'procedure',
      title: 'procedure runbook',
      required: ['mitigation', 'verification'],
      signals: ['Procedure', 'Steps', 'Process', 'Prerequisites', 'Instructions', 'How To', 'Request', 'Requests'],
      titleVerbs: [
        'add',
        'back up',
        'create',
        'decommission',
        'delete',
        'drain',
        'grant',
        'migrate',
        'offboard',
        'onboard',
        'provision',
        'rebuild',
        'reindex',
        'remove',
        'renew',
        'replace',
        'reset',
        'resize',
        'restore',
        'revoke',
        'rotate',
        'upgrade',
      ],
    },
  ],
};

/** A live incident record: summary, timeline and evidence, for profiles whose seed names no record format. */
export const STANDARD_INCIDENT: DocumentKindSpec = {
  folder: 'docs/incidents',
  fileName: 'YYYY-MM-DD-<slug>.md',
  sections: [
    { id: 'summary', title: 'Summary', synonyms: ['Overview'], required: true },
    { id: 'timeline', title: 'Timeline', synonyms: ['Incident Timeline'], required: true },
    { id: 'evidence', title: 'Evidence', synonyms: ['Findings', 'Observations'], required: false },
  ],
};

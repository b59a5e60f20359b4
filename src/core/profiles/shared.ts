// Document kinds several profiles share: the one definition of the runbook and of a generic live incident record.
import type { DocumentKindSpec } from './types';

/** Runbooks as seed 000 describes them: five sections, commands rather than prose. Profiles whose seed has no runbook format use it too. */
export const STANDARD_RUNBOOK: DocumentKindSpec = {
  folder: 'docs/runbooks',
  fileName: '<service>-<failure-mode>.md',
  sections: [
    { id: 'symptoms', title: 'Symptoms', synonyms: ['Signs', 'Alerts', 'Indicators'], required: true },
    { id: 'diagnosis', title: 'Diagnosis Steps', synonyms: ['Diagnosis', 'Investigation', 'Investigation Steps', 'Triage', 'Troubleshooting'], required: true },
    { id: 'mitigation', title: 'Mitigation Steps', synonyms: ['Mitigation', 'Remediation', 'Resolution Steps', 'Resolution', 'Fix'], required: true },
    { id: 'escalation', title: 'Escalation Path', synonyms: ['Escalation', 'Escalation Policy', 'Who to Contact', 'Contacts'], required: true },
    { id: 'verification', title: 'Recovery Verification', synonyms: ['Verification', 'Verify Recovery', 'Validation', 'Post-Recovery Checks'], required: true },
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

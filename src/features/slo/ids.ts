// Command, setting and scheme ids of the metrics, error-budget, index and preview features.

export { Commands as MetricsCommands, Settings as MetricsSettings } from '../../constants';

/** The scheme of the read-only error-budget report document. */
export const REPORT_SCHEME = 'incident-workbench-report';

/** The diagnostic collection for problems in slo.yaml. */
export const SLO_DIAGNOSTIC_COLLECTION = 'incidentWorkbench.slo';

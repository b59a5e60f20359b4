// Service level objectives: slo.yaml in three forms, error-budget math, the report, and rule PM015.
export * from './types';
export { parseSloFile, SLO_FILE_NAMES, MAX_SLO_BYTES, DEFAULT_WINDOW } from './parse';
export * from './window';
export * from './affected';
export * from './attribution';
export * from './budget';
export * from './report';
export { PM015 } from './budgetActionItem';

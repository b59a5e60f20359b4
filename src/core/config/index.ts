// The workspace configuration file `.incident-workbench.yaml`: schema, parsing with located problems, profile resolution.
export * from './types';
export {
  parseConfig,
  formatConfigProblem,
  MAX_CONFIG_PROBLEMS,
  type ConfigResult,
  type ParseConfigOptions,
} from './parse';
export { resolveProfile, ConfigResolutionError, type ResolutionIssue } from './resolve';
export { configFileSchema, RULE_LEVELS } from './schema';
export { configJsonSchema } from './jsonSchema';

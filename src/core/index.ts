// The public surface of core, for services, the CLI and the features.
export * from './profiles';
export * from './rules';
export * from './markdown/position';
export {
  parseMarkdown,
  type MarkdownDocument,
  type Heading,
  type Section,
  type Table,
  type TableRow,
  type TableCell,
} from './markdown/model';
export { normalizeHeading } from './markdown/headingText';
export { matchSections } from './postmortem/sections';
export { lintText, lintModel, lintWorkspaceFile, lintNamedFile, ruleLevel, type LintResult } from './lint/lint';
export { kindFromProfileFolders, kindFromPathWords, kindFromContent, toPosix } from './lint/documentKind';
export {
  fixesFor,
  fixesForFile,
  applyEdits,
  type Fix,
  type FixContext,
  type FindingFixes,
  type TextEdit,
} from './fixes/fixes';
export * from './config';
export * from './authoring';
export {
  renderDocument,
  firstBlankLine,
  minutesBetween,
  formatDuration,
  type TemplateValues,
  type TemplateCommit,
  type TemplateEvent,
} from './templates/templates';
export {
  documentPath,
  assertSafeRelativePath,
  nextFreePath,
  UnsafePathError,
  type PathValues,
} from './templates/paths';
export { slugify, shortHash, MAX_SLUG_LENGTH } from './templates/slug';
export { readIncident, type IncidentModel } from './postmortem/model';
export { matchSeverity, readFields, findField, type Field } from './postmortem/fields';

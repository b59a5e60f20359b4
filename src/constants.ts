// Every command, view, setting, context-key and diagnostic id of the extension, defined once.

/** The extension's identifier in the Marketplace (`publisher.name`). */
export const EXTENSION_ID = 'incident-workbench.incident-workbench';

/** The name shown as the source of diagnostics and as the output channel's title. */
export const DIAGNOSTIC_SOURCE = 'Incident Workbench';

/** Command ids, as contributed in package.json. */
export const Commands = {
  lintWorkspace: 'incidentWorkbench.lintWorkspace',
  showRuleDocumentation: 'incidentWorkbench.showRuleDocumentation',
  chooseProfile: 'incidentWorkbench.chooseProfile',
  showIncidentWindowChanges: 'incidentWorkbench.showIncidentWindowChanges',
  showErrorBudget: 'incidentWorkbench.showErrorBudget',
  updateIncidentIndex: 'incidentWorkbench.updateIncidentIndex',
} as const;

/** The scheme of the read-only documents that show one whole commit (`git show`). */
export const COMMIT_DOCUMENT_SCHEME = 'incident-workbench-commit';

/** The built-in git extension, whose `git:` URIs show a file at a revision. */
export const BUILTIN_GIT_EXTENSION_ID = 'vscode.git';

/** Setting ids, grouped by category as in the Settings UI. */
export const Settings = {
  section: 'incidentWorkbench',
  profileName: 'profile.name',
  diagnosticsEnabled: 'diagnostics.enabled',
  diagnosticsDebounceMs: 'diagnostics.debounceMs',
  indexPath: 'index.path',
  indexUpdateOnSave: 'index.updateOnSave',
  sloFile: 'slo.file',
} as const;

/** The diagnostic collection's name. */
export const DIAGNOSTIC_COLLECTION = 'incidentWorkbench';

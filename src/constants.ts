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
  showTrends: 'incidentWorkbench.showTrends',
  newPostmortem: 'incidentWorkbench.newPostmortem',
  newRunbook: 'incidentWorkbench.newRunbook',
  declareIncident: 'incidentWorkbench.declareIncident',
  convertToPostmortem: 'incidentWorkbench.convertToPostmortem',
  addTimelineEntry: 'incidentWorkbench.addTimelineEntry',
  importTimeline: 'incidentWorkbench.importTimeline',
  copyStatusUpdate: 'incidentWorkbench.copyStatusUpdate',
  copyResolutionNotice: 'incidentWorkbench.copyResolutionNotice',
  tagCodeLocation: 'incidentWorkbench.tagCodeLocation',
  refreshTaggedCode: 'incidentWorkbench.refreshTaggedCode',
  openTagIncident: 'incidentWorkbench.openTagIncident',
  showTagLocations: 'incidentWorkbench.showTagLocations',
  refreshTrees: 'incidentWorkbench.refreshTrees',
  toggleIncidentGrouping: 'incidentWorkbench.toggleIncidentGrouping',
  toggleActionItemGrouping: 'incidentWorkbench.toggleActionItemGrouping',
  markActionItemDone: 'incidentWorkbench.markActionItemDone',
  openTreeItemToSide: 'incidentWorkbench.openTreeItemToSide',
  revealTreeItemInExplorer: 'incidentWorkbench.revealTreeItemInExplorer',
  filterTrees: 'incidentWorkbench.filterTrees',
  clearTreeFilter: 'incidentWorkbench.clearTreeFilter',
  copyTreeItemLink: 'incidentWorkbench.copyTreeItemLink',
  lintTreeItem: 'incidentWorkbench.lintTreeItem',
  getStarted: 'incidentWorkbench.getStarted',
  openCiGuide: 'incidentWorkbench.openCiGuide',
  openWizard: 'incidentWorkbench.openWizard',
  resumeWizardDraft: 'incidentWorkbench.resumeWizardDraft',
  createConfigFromDocuments: 'incidentWorkbench.createConfigFromDocuments',
} as const;

/** Commands the extension registers for its own tests and tools, not contributed (the `_` prefix keeps them out of the palette). */
export const InternalCommands = {
  /** Answers with the activation figures once the heavy features are registered (`ActivationFigures`). */
  activationTiming: '_incidentWorkbench.activationTiming',
  /** Answers with the URIs the workspace-document layer holds now (a deleted file must not be among them). */
  cachedDocuments: '_incidentWorkbench.cachedDocuments',
  /**
   * Answers with the language server's state (`LanguageServerStatus`): whether the client runs, and the server's
   * process id. Does not start the server.
   */
  languageServer: '_incidentWorkbench.languageServer',
  /** Starts the language client (if it is not running) and answers once it is ready, with `LanguageServerStatus`. */
  startLanguageServer: '_incidentWorkbench.startLanguageServer',
} as const;

/** The walkthrough contributed in package.json, as `workbench.action.openWalkthrough` names it (`publisher.name#id`). */
export const WALKTHROUGH_ID = `${EXTENSION_ID}#getStarted`;

/** View container and view ids, as contributed in package.json. */
export const Views = {
  container: 'incidentWorkbench',
  taggedCode: 'incidentWorkbench.taggedCode',
  incidents: 'incidentWorkbench.incidents',
  runbooks: 'incidentWorkbench.runbooks',
  actionItems: 'incidentWorkbench.actionItems',
} as const;

/** The diagnostic collection for TG001 and TG002 findings in code files. */
export const TAG_DIAGNOSTIC_COLLECTION = 'incidentWorkbench.tags';

/** Context keys for `when` clauses. */
export const ContextKeys = {
  /** The kind of the active editor's document under its profile: `postmortem`, `incident`, `runbook`, or empty. */
  activeDocumentKind: 'incidentWorkbench:activeDocumentKind',
  /** `year`, `severity` or `service`. */
  incidentGrouping: 'incidentWorkbench:incidentGrouping',
  /** `owner` or `incident`. */
  actionItemGrouping: 'incidentWorkbench:actionItemGrouping',
  /** Whether the side bar views are filtered. */
  treesFiltered: 'incidentWorkbench:treesFiltered',
  /** Whether an incident wizard draft is saved in this workspace (shows "Resume Wizard Draft"). */
  hasWizardDraft: 'incidentWorkbench:hasWizardDraft',
} as const;

/** The incident wizard's webview panel type, as the `onWebviewPanel:` activation event names it. */
export const WIZARD_VIEW_TYPE = 'incidentWorkbench.wizard';

/** The chart pages' webview panel type (Show Trends, Show Error Budget), as the `onWebviewPanel:` activation event names it. */
export const CHARTS_VIEW_TYPE = 'incidentWorkbench.charts';

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
  diagnosticsMaxFileSize: 'diagnostics.maxFileSize',
  diagnosticsBaseline: 'diagnostics.baseline',
  indexPath: 'index.path',
  indexUpdateOnSave: 'index.updateOnSave',
  sloFile: 'slo.file',
  tagsEnabled: 'tags.enabled',
  tagsCodeLens: 'tags.codeLens',
  tagsExclude: 'tags.exclude',
  tagsMaxFileSize: 'tags.maxFileSize',
  tagsScanner: 'tags.scanner',
  tagsUseGitignore: 'tags.useGitignore',
} as const;

/** The diagnostic collection's name. */
export const DIAGNOSTIC_COLLECTION = 'incidentWorkbench';

/** The diagnostic collection for problems in slo.yaml. */
export const SLO_DIAGNOSTIC_COLLECTION = 'incidentWorkbench.slo';

/** The diagnostic collection for problems in configuration files (.incident-workbench.yaml, severity matrices). */
export const CONFIG_DIAGNOSTIC_COLLECTION = 'incidentWorkbench.config';

/** The scheme of the read-only error-budget report document. */
export const REPORT_SCHEME = 'incident-workbench-report';

/** `contextValue`s of the side bar's tree items, matched by `viewItem ==` in package.json menus. */
export const TreeItemContexts = {
  folder: 'incidentWorkbench.treeFolder',
  group: 'incidentWorkbench.treeGroup',
  incident: 'incidentWorkbench.incidentDocument',
  runbook: 'incidentWorkbench.runbookDocument',
  actionItem: 'incidentWorkbench.openActionItem',
  taggedFile: 'incidentWorkbench.taggedFile',
  taggedLocation: 'incidentWorkbench.taggedLocation',
  taggedIncident: 'incidentWorkbench.incident',
  taggedIncidentWithoutDocument: 'incidentWorkbench.incidentWithoutDocument',
} as const;

/** Status bar item ids. */
export const StatusBarItems = {
  profile: 'incidentWorkbench.profile',
  findings: 'incidentWorkbench.findings',
} as const;

/** Workspace-state keys. */
export const StateKeys = {
  /** The incident wizard's saved draft. */
  wizardDraft: 'incidentWorkbench.wizard.draft',
} as const;

/** The language server's custom requests (`incident-workbench lsp`): plain JSON of core's summaries. */
export const ServerRequests = {
  /** Every incident document's summary (`SummariesResult`). */
  summaries: 'incidentWorkbench/summaries',
  /** The incident documents INCIDENT tags link to, and the tags of the open documents (`TagIndexResult`). */
  tagIndex: 'incidentWorkbench/tagIndex',
  /** Every action item of the workspace's incident documents (`ActionItemsResult`). */
  actionItems: 'incidentWorkbench/actionItems',
  /** The server's process id (the extension's bundled server only; its fault tests kill it). */
  processId: 'incidentWorkbench/processId',
} as const;

/**
 * Requests the language server's browser entry sends to its client, which reads the workspace (through
 * vscode.workspace.fs in the web extension): the file system of src/server/clientFileSystem.ts. Each takes `{ uri }`.
 */
export const ServerFileRequests = {
  /** `{ mtime, size }` of a file, or null when there is none. */
  stat: 'incidentWorkbench/fs/stat',
  /** A file's text (UTF-8), or null when it cannot be read. */
  readText: 'incidentWorkbench/fs/readText',
  /** The URIs of the Markdown files under a folder, dependency and build folders left out. */
  findMarkdownFiles: 'incidentWorkbench/fs/findMarkdownFiles',
} as const;

/** The language server's name in `initialize`'s answer and its diagnostics' pull identifier. */
export const SERVER_NAME = 'incident-workbench';

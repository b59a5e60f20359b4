// The heavy half of the extension (dist/heavy.js): every feature that parses Markdown, YAML or git output, loaded by lazy.ts after activation.
import type * as vscode from 'vscode';
import { register as registerAuthoring } from './authoring/register';
import { register as registerCharts } from './charts/register';
import { register as registerCodeActions } from './codeActions/IncidentCodeActionProvider';
import { register as registerRuleDocumentation } from './commands/ruleDocumentation';
import { register as registerDiagnostics } from './diagnostics/register';
import { register as registerGitCorrelation } from './gitCorrelation/register';
import { register as registerInit } from './init/register';
import { BaselineManager } from './diagnostics/BaselineManager';
import { register as registerMetrics } from './metrics/register';
import type { ProfileSource } from './shared/profileSettings';
import { register as registerSlo } from './slo/register';
import { SloManager } from './slo/SloManager';
import { register as registerTags, type TagsFeature } from './tags/register';
import { register as registerTrees, type TreesFeature } from './trees/register';
import { register as registerWizard } from './wizard/register';
import { WorkspaceDocuments } from './shared/WorkspaceDocuments';
import { WorkspaceFactsManager } from './shared/WorkspaceFactsManager';
import { templateCommitsInWindow } from '../services/gitService';
import { LanguageClientManager } from './lsp/LanguageClientManager';
import type { ServerStarter } from './lsp/types';

export { parseConfig } from '../core/config/parse';
export { applySeverityMatrix, parseSeverityMatrix } from '../core/config/severityMatrix';
export { extendMarkdownIt } from './preview/previewPlugin';

/**
 * How this build starts the language server: none here, so the features run in the extension host. The desktop
 * build (heavyNode.ts, dist/heavy.js) exports the Node starter under this name instead.
 */
export const serverStarter: ServerStarter | undefined = undefined;

/** What the heavy features need from the thin half. */
export interface HeavyDeps {
  readonly log: vscode.LogOutputChannel;
  readonly profiles: ProfileSource;
  /** Fires when a folder's config file or the profile setting changes. */
  readonly onDidChangeProfiles: vscode.Event<void>;
  /**
   * Starts the language server's client over the entry's transport. Given: diagnostics of open documents, quick
   * fixes, tag and timeline hovers and CodeLens, and completion come from the server. Left out: from the
   * in-process providers (the web build, until it has a browser starter).
   */
  readonly serverStarter?: ServerStarter;
}

/** The registered heavy features; what the extension's API exposes comes from here. */
export interface HeavyFeatures {
  readonly slos: SloManager;
  readonly tags: TagsFeature;
  readonly trees: TreesFeature;
  /** The language client's manager, when the entry gave a server starter. */
  readonly languageClient: LanguageClientManager | undefined;
  readonly disposables: readonly vscode.Disposable[];
}

/** Registers every heavy feature (their commands, providers, views and managers). */
export function registerFeatures(context: vscode.ExtensionContext, deps: HeavyDeps): HeavyFeatures {
  const { log, profiles, onDidChangeProfiles, serverStarter: starter } = deps;
  const server = starter !== undefined;

  const slos = new SloManager({ log });
  // The one reading of each document's text, model and summary, shared by the trees, tags and metrics.
  const documents = new WorkspaceDocuments({ profiles, log });
  const forgetDocuments = onDidChangeProfiles(() => documents.clear());
  const slosFor = (uri: vscode.Uri | undefined) => slos.slosFor(uri);
  const tags = registerTags(context, {
    extensionUri: context.extensionUri,
    log,
    profiles,
    onDidChangeProfiles,
    documents,
    serverProvidesLenses: server,
  });
  const trees = registerTrees(context, { log, profiles, onDidChangeProfiles, documents });
  const languageClient = starter
    ? new LanguageClientManager({
        extensionUri: context.extensionUri,
        starter,
        log,
        profiles,
        onDidChangeProfiles,
        onDidShowSideBar: trees.onDidShow,
      })
    : undefined;
  // The postmortems each folder holds (IN001), from the side bar's cache and watchers.
  const facts = new WorkspaceFactsManager(trees.manager, profiles, log, onDidChangeProfiles);
  const baselines = new BaselineManager(log);
  const charts = registerCharts(context, { extensionUri: context.extensionUri, log, profiles, documents });
  const disposables = [
    ...(languageClient ? [languageClient] : []),
    documents,
    forgetDocuments,
    slos,
    tags,
    trees,
    facts,
    baselines,
    charts,
    registerDiagnostics(context, {
      extensionUri: context.extensionUri,
      log,
      profiles,
      documents,
      onDidChangeProfiles,
      slosFor,
      onDidChangeSlos: slos.onDidChange,
      sloFileMissingFor: (uri) => slos.sloFileMissing(uri),
      workspaceFor: (uri) => facts.factsFor(uri),
      onDidChangeWorkspace: facts.onDidChange,
      baselineFor: (uri) => baselines.baselineFor(uri),
      onDidChangeBaseline: baselines.onDidChange,
      server: languageClient,
    }),
    // Fixes for the findings this extension host still computes (documents the server does not serve).
    registerCodeActions(context, { log, profiles, servedByServer: (uri) => languageClient?.serves(uri) === true }),
    registerRuleDocumentation(context),
    registerGitCorrelation(context, { log, profiles, documents }),
    registerAuthoring(context, {
      log,
      profiles,
      documents,
      onDidChangeProfiles,
      lookupCommits: templateCommitsInWindow,
    }),
    registerMetrics(context, { profiles, onDidChange: onDidChangeProfiles, documents, serverProvidesTimeline: server }),
    registerSlo(context, { log, slos, profiles, documents, charts: charts.manager }),
    registerWizard(context, { log, profiles, documents, slosFor }),
    registerInit(documents),
  ];
  return { slos, tags, trees, languageClient, disposables };
}

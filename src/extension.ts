// Wiring only: builds the shared pieces and registers each feature; reads like a table of contents.
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from './constants';
import { register as registerAuthoring } from './features/authoring/register';
import { register as registerCodeActions } from './features/codeActions/IncidentCodeActionProvider';
import { register as registerChooseProfile } from './features/commands/chooseProfile';
import { register as registerRuleDocumentation } from './features/commands/ruleDocumentation';
import { register as registerDiagnostics } from './features/diagnostics/register';
import { register as registerGitCorrelation } from './features/gitCorrelation/register';
import { register as registerMetrics } from './features/metrics/register';
import { extendMarkdownIt } from './features/preview/previewPlugin';
import { profileSource } from './features/shared/profileSettings';
import { WorkspaceConfigManager } from './features/shared/WorkspaceConfigManager';
import { register as registerSlo } from './features/slo/register';
import { SloManager } from './features/slo/SloManager';
import { StatusBarManager } from './features/statusBar/StatusBarManager';
import { register as registerTags } from './features/tags/register';
import { register as registerTrees } from './features/trees/register';
import { register as registerWalkthrough } from './features/walkthrough/register';
import { register as registerWizard } from './features/wizard/register';
import { templateCommitsInWindow } from './services/gitService';

/** What the extension exports: the Markdown preview hook, and the tag tree for tests and other extensions. */
export interface IncidentWorkbenchApi {
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
  readonly tags: { readonly tree: vscode.TreeDataProvider<unknown> };
  readonly trees: {
    readonly incidents: vscode.TreeDataProvider<unknown>;
    readonly runbooks: vscode.TreeDataProvider<unknown>;
    readonly actionItems: vscode.TreeDataProvider<unknown>;
  };
  /** Milliseconds from the first line of dist/extension.js running to `activate` finishing; undefined outside the bundle. */
  readonly activationMs: number | undefined;
}

/** `performance.now()` when the bundle started loading: set by the first line of dist/extension.js (scripts/build.mjs). */
declare const __iwLoadStarted: number | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<IncidentWorkbenchApi> {
  const log = vscode.window.createOutputChannel(DIAGNOSTIC_SOURCE, { log: true });
  const configs = new WorkspaceConfigManager(log);
  context.subscriptions.push(log, configs);
  await configs.initialize();
  const profiles = profileSource(configs, log);
  const slos = new SloManager({ log });
  const tags = registerTags(context, { extensionUri: context.extensionUri, log, profiles, onDidChangeProfiles: configs.onDidChange });
  const trees = registerTrees(context, { log, profiles, onDidChangeProfiles: configs.onDidChange });
  context.subscriptions.push(slos, tags, trees);

  context.subscriptions.push(
    registerDiagnostics(context, {
      extensionUri: context.extensionUri, log, profiles, onDidChangeProfiles: configs.onDidChange,
      slosFor: (uri) => slos.slosFor(uri), onDidChangeSlos: slos.onDidChange,
    }),
    registerCodeActions(context, { log, profiles }),
    registerRuleDocumentation(context),
    registerChooseProfile(),
    registerGitCorrelation(context, { log, profiles }),
    registerAuthoring(context, { log, profiles, onDidChangeProfiles: configs.onDidChange, lookupCommits: templateCommitsInWindow }),
    new StatusBarManager(profiles, configs.onDidChange),
    registerMetrics(context, { profiles, onDidChange: configs.onDidChange }),
    registerSlo(context, { log, slos, profiles }),
    registerWalkthrough(context),
    registerWizard(context, { log, profiles, slosFor: (uri) => slos.slosFor(uri) }),
  );
  const activationMs = typeof __iwLoadStarted === 'number' ? Math.round((performance.now() - __iwLoadStarted) * 10) / 10 : undefined;
  log.info(`Activated ${context.extension.id} ${String(context.extension.packageJSON.version)}${activationMs === undefined ? '' : ` in ${activationMs} ms`}.`);
  // VS Code's Markdown preview calls this to add the severity badge and metrics strip.
  return {
    extendMarkdownIt: (md) => extendMarkdownIt(md, { profiles, slosFor: (uri) => slos.slosFor(uri), log }),
    tags: { tree: tags.tree },
    trees: { incidents: trees.incidents, runbooks: trees.runbooks, actionItems: trees.actionItems },
    activationMs,
  };
}

export function deactivate(): void {}

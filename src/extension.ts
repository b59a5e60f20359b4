// Wiring only: builds the shared pieces and registers each feature; reads like a table of contents.
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { Commands, DIAGNOSTIC_SOURCE } from './constants';
import { ActivationTiming } from './features/activationTiming';
import { register as registerChooseProfile } from './features/commands/chooseProfile';
import type { HeavyFeatures } from './features/heavy';
import { heavy } from './features/lazy';
import { profileSource } from './features/shared/profileSettings';
import { WorkspaceConfigManager } from './features/shared/WorkspaceConfigManager';
import { StatusBarManager } from './features/statusBar/StatusBarManager';
import { register as registerWalkthrough } from './features/walkthrough/register';

/** What the extension exports: the Markdown preview hook, and the trees for tests and other extensions (activation figures: `InternalCommands.activationTiming`). */
export interface IncidentWorkbenchApi {
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
  readonly tags: { readonly tree: vscode.TreeDataProvider<unknown> };
  readonly trees: {
    readonly incidents: vscode.TreeDataProvider<unknown>;
    readonly runbooks: vscode.TreeDataProvider<unknown>;
    readonly actionItems: vscode.TreeDataProvider<unknown>;
  };
}

/** When this module (the whole bundle before it) finished loading: where the activate call's measure starts. */
const moduleLoaded = performance.now();

/** The commands the thin half registers itself; every other command belongs to the heavy features. */
const THIN_COMMANDS: readonly string[] = [Commands.chooseProfile, Commands.getStarted, Commands.openCiGuide];

/**
 * Registers the light features now and the heavy ones (dist/heavy.js: linting, trees, tags, SLOs, git,
 * authoring, the wizard) once the configuration files are read, or earlier when something needs them.
 */
export function activate(context: vscode.ExtensionContext): IncidentWorkbenchApi {
  const timing = new ActivationTiming(moduleLoaded);
  const log = vscode.window.createOutputChannel(DIAGNOSTIC_SOURCE, { log: true });
  const configs = new WorkspaceConfigManager(log);
  const profiles = profileSource(configs, log);
  context.subscriptions.push(log, configs);

  let features: HeavyFeatures | undefined;
  const placeholders = untilLoaded(
    Object.values(Commands).filter((id) => !THIN_COMMANDS.includes(id)),
    () => load(),
  );
  const load = (): HeavyFeatures => {
    if (features) return features;
    const started = performance.now();
    placeholders.dispose();
    // The desktop's heavy bundle carries the Node starter of the language server; the web's has none (yet).
    const { registerFeatures, serverStarter } = heavy();
    features = registerFeatures(context, { log, profiles, onDidChangeProfiles: configs.onDidChange, serverStarter });
    context.subscriptions.push(...features.disposables);
    timing.featuresLoaded(started, log);
    return features;
  };
  context.subscriptions.push(
    placeholders,
    timing.register(),
    new StatusBarManager(profiles, configs.onDidChange),
    registerChooseProfile(),
    registerWalkthrough(context),
  );
  // After activation: read the config files, then lint the open documents with the profile they set.
  void configs
    .initialize()
    .catch((e: unknown) =>
      log.error(`Reading the configuration files failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
    )
    .then(() => load());

  timing.activated(context.extension, log);
  // VS Code's Markdown preview calls extendMarkdownIt to add the severity badge and metrics strip; the trees load the heavy half when read.
  return {
    extendMarkdownIt: (md) =>
      heavy().extendMarkdownIt(md, { profiles, slosFor: (uri) => load().slos.slosFor(uri), log }),
    tags: {
      get tree() {
        return load().tags.tree;
      },
    },
    trees: {
      get incidents() {
        return load().trees.incidents;
      },
      get runbooks() {
        return load().trees.runbooks;
      },
      get actionItems() {
        return load().trees.actionItems;
      },
    },
  };
}

export function deactivate(): void {}

/** Placeholder commands until the heavy features register the real ones: the first call loads them, then runs the real command. */
function untilLoaded(ids: readonly string[], load: () => unknown): vscode.Disposable {
  return vscode.Disposable.from(
    ...ids.map((id) =>
      vscode.commands.registerCommand(id, (...args: unknown[]) => {
        load();
        return vscode.commands.executeCommand(id, ...args);
      }),
    ),
  );
}

// Wiring only: builds the shared pieces and registers each feature; reads like a table of contents.
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { Commands, DIAGNOSTIC_SOURCE } from './constants';
import { register as registerChooseProfile } from './features/commands/chooseProfile';
import type { HeavyFeatures } from './features/heavy';
import { heavy } from './features/lazy';
import { profileSource } from './features/shared/profileSettings';
import { WorkspaceConfigManager } from './features/shared/WorkspaceConfigManager';
import { StatusBarManager } from './features/statusBar/StatusBarManager';
import { register as registerWalkthrough } from './features/walkthrough/register';

/** What the extension exports: the Markdown preview hook, and the tag tree for tests and other extensions. */
export interface IncidentWorkbenchApi {
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
  readonly tags: { readonly tree: vscode.TreeDataProvider<unknown> };
  readonly trees: {
    readonly incidents: vscode.TreeDataProvider<unknown>;
    readonly runbooks: vscode.TreeDataProvider<unknown>;
    readonly actionItems: vscode.TreeDataProvider<unknown>;
  };
  /**
   * The extension's own activation cost in milliseconds, as VS Code's Running Extensions view
   * splits it: loading the code (first line of dist/extension.js to the end of this module)
   * plus the `activate` call. The time VS Code spends in between (preparing the context's
   * storage) is not ours and is reported apart. Undefined outside the bundle.
   */
  readonly activationMs: number | undefined;
  /** The parts of activationMs, and VS Code's own wait between them, in milliseconds. */
  readonly activationParts: { readonly codeLoadingMs: number; readonly activateCallMs: number; readonly waitBeforeActivateMs: number } | undefined;
  /** Resolves when the heavy features are registered (the open documents linted): milliseconds since the bundle started loading. */
  readonly featuresReady: Promise<number | undefined>;
}

/** `performance.now()` when the bundle started loading: set by the first line of dist/extension.js (scripts/build.mjs). */
declare const __iwLoadStarted: number | undefined;

/** When this module (the whole bundle before it) finished loading. */
const moduleLoaded = performance.now();

/** The commands the thin half registers itself; every other command belongs to the heavy features. */
const THIN_COMMANDS: readonly string[] = [Commands.chooseProfile, Commands.getStarted, Commands.openCiGuide];

/**
 * Registers the light features now and the heavy ones (dist/heavy.js: linting, trees, tags, SLOs, git,
 * authoring, the wizard) once the configuration files are read, or earlier when something needs them.
 */
export function activate(context: vscode.ExtensionContext): IncidentWorkbenchApi {
  const activateCalled = performance.now();
  const log = vscode.window.createOutputChannel(DIAGNOSTIC_SOURCE, { log: true });
  const configs = new WorkspaceConfigManager(log);
  const profiles = profileSource(configs, log);
  context.subscriptions.push(log, configs);

  let features: HeavyFeatures | undefined;
  let ready: (ms: number | undefined) => void = () => undefined;
  const featuresReady = new Promise<number | undefined>((resolve) => { ready = resolve; });
  const placeholders = untilLoaded(Object.values(Commands).filter((id) => !THIN_COMMANDS.includes(id)), () => load());
  const load = (): HeavyFeatures => {
    if (features) return features;
    const started = performance.now();
    placeholders.dispose();
    features = heavy().registerFeatures(context, { log, profiles, onDidChangeProfiles: configs.onDidChange });
    context.subscriptions.push(...features.disposables);
    const sinceLoad = sinceBundleLoad();
    log.info(`Loaded the linter, trees, tags, SLOs, git and wizard features in ${Math.round(performance.now() - started)} ms${sinceLoad === undefined ? '' : ` (${sinceLoad} ms after the extension started loading)`}.`);
    ready(sinceLoad);
    return features;
  };
  context.subscriptions.push(
    placeholders,
    new StatusBarManager(profiles, configs.onDidChange),
    registerChooseProfile(),
    registerWalkthrough(context),
  );
  // After activation: read the config files, then lint the open documents with the profile they set.
  void configs.initialize()
    .catch((e: unknown) => log.error(`Reading the configuration files failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`))
    .then(() => load());

  const activationParts = typeof __iwLoadStarted === 'number'
    ? { codeLoadingMs: tenth(moduleLoaded - __iwLoadStarted), activateCallMs: tenth(performance.now() - activateCalled), waitBeforeActivateMs: tenth(activateCalled - moduleLoaded) }
    : undefined;
  const activationMs = activationParts && tenth(activationParts.codeLoadingMs + activationParts.activateCallMs);
  log.info(`Activated ${context.extension.id} ${String(context.extension.packageJSON.version)}${activationParts ? ` in ${activationMs} ms (code loading ${activationParts.codeLoadingMs} ms, activate ${activationParts.activateCallMs} ms; VS Code prepared the context in ${activationParts.waitBeforeActivateMs} ms between them)` : ''}.`);
  // VS Code's Markdown preview calls extendMarkdownIt to add the severity badge and metrics strip; the trees load the heavy half when read.
  return {
    extendMarkdownIt: (md) => heavy().extendMarkdownIt(md, { profiles, slosFor: (uri) => load().slos.slosFor(uri), log }),
    tags: { get tree() { return load().tags.tree; } },
    trees: {
      get incidents() { return load().trees.incidents; },
      get runbooks() { return load().trees.runbooks; },
      get actionItems() { return load().trees.actionItems; },
    },
    activationMs,
    activationParts,
    featuresReady,
  };
}

export function deactivate(): void {}

/** Milliseconds since the first line of dist/extension.js ran, to a tenth; undefined outside the bundle. */
function sinceBundleLoad(): number | undefined {
  return typeof __iwLoadStarted === 'number' ? tenth(performance.now() - __iwLoadStarted) : undefined;
}

function tenth(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** Placeholder commands until the heavy features register the real ones: the first call loads them, then runs the real command. */
function untilLoaded(ids: readonly string[], load: () => unknown): vscode.Disposable {
  return vscode.Disposable.from(...ids.map((id) => vscode.commands.registerCommand(id, (...args: unknown[]) => {
    load();
    return vscode.commands.executeCommand(id, ...args);
  })));
}

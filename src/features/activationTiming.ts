// How long activation took, kept apart from the wiring: loading the bundle, the activate call, and registering the heavy features.
import * as vscode from 'vscode';
import { InternalCommands } from '../constants';

/** `performance.now()` when the bundle started loading: set by the first line of dist/extension.js (scripts/build.mjs). */
declare const __iwLoadStarted: number | undefined;

/** The activation figures the internal command returns (the integration tests and the benchmarks read them). */
export interface ActivationFigures {
  /**
   * The extension's own activation cost in milliseconds, as VS Code's Running Extensions view splits it: loading
   * the code (first line of dist/extension.js to the end of extension.ts) plus the `activate` call. The time VS
   * Code spends in between (preparing the context's storage) is not ours and is reported apart. Undefined outside the bundle.
   */
  readonly activationMs: number | undefined;
  /** The parts of activationMs, and VS Code's own wait between them, in milliseconds. */
  readonly activationParts:
    | { readonly codeLoadingMs: number; readonly activateCallMs: number; readonly waitBeforeActivateMs: number }
    | undefined;
  /** When the heavy features were registered (the open documents linted): milliseconds since the bundle started loading. */
  readonly featuresReadyMs: number | undefined;
}

/** Measures one activation; `moduleLoaded` is `performance.now()` at the end of extension.ts's module body. */
export class ActivationTiming {
  private readonly activateCalled = performance.now();
  private figures: Omit<ActivationFigures, 'featuresReadyMs'> = { activationMs: undefined, activationParts: undefined };
  private ready: (ms: number | undefined) => void = () => undefined;
  private readonly featuresReady = new Promise<number | undefined>((resolve) => {
    this.ready = resolve;
  });

  constructor(private readonly moduleLoaded: number) {}

  /** Call at the end of `activate`: records and logs the activation's cost. */
  activated(extension: vscode.Extension<unknown>, log: vscode.LogOutputChannel): void {
    const parts =
      typeof __iwLoadStarted === 'number'
        ? {
            codeLoadingMs: tenth(this.moduleLoaded - __iwLoadStarted),
            activateCallMs: tenth(performance.now() - this.activateCalled),
            waitBeforeActivateMs: tenth(this.activateCalled - this.moduleLoaded),
          }
        : undefined;
    const activationMs = parts && tenth(parts.codeLoadingMs + parts.activateCallMs);
    this.figures = { activationMs, activationParts: parts };
    log.info(
      `Activated ${extension.id} ${String(extension.packageJSON.version)}${parts ? ` in ${activationMs} ms (code loading ${parts.codeLoadingMs} ms, activate ${parts.activateCallMs} ms; VS Code prepared the context in ${parts.waitBeforeActivateMs} ms between them)` : ''}.`,
    );
  }

  /** Call once the heavy features are registered; `started` is `performance.now()` before registering them. */
  featuresLoaded(started: number, log: vscode.LogOutputChannel): void {
    const sinceLoad = typeof __iwLoadStarted === 'number' ? tenth(performance.now() - __iwLoadStarted) : undefined;
    log.info(
      `Loaded the linter, trees, tags, SLOs, git and wizard features in ${Math.round(performance.now() - started)} ms${sinceLoad === undefined ? '' : ` (${sinceLoad} ms after the extension started loading)`}.`,
    );
    this.ready(sinceLoad);
  }

  /** The internal command (not contributed, not in the API) that answers with the figures once the heavy features are registered. */
  register(): vscode.Disposable {
    return vscode.commands.registerCommand(InternalCommands.activationTiming, async (): Promise<ActivationFigures> => ({
      ...this.figures,
      featuresReadyMs: await this.featuresReady,
    }));
  }
}

function tenth(ms: number): number {
  return Math.round(ms * 10) / 10;
}

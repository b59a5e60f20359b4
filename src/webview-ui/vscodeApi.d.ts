// The API VS Code injects into a webview: message passing to the extension host and a state that survives the page being hidden or reloaded.

/** What `acquireVsCodeApi()` returns; call it once. */
interface VsCodeWebviewApi<State> {
  postMessage(message: unknown): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi<State = unknown>(): VsCodeWebviewApi<State>;

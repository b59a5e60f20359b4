// Client for the UI bridge that scripts/integration.mjs serves: asks the browser showing this workbench to do what the extension API cannot (command palette, keys, screenshots).
import * as fs from 'node:fs/promises';
import * as http from 'node:http';

/** The bridge's base URL, or undefined when the suite runs without a browser (e.g. under @vscode/test-electron). */
export function uiBridgeUrl(): string | undefined {
  return process.env.IW_UI_BRIDGE || undefined;
}

export function hasUiBridge(): boolean {
  return uiBridgeUrl() !== undefined;
}

function call<T>(action: string, body: object = {}, timeoutMs = 60_000): Promise<T> {
  const base = uiBridgeUrl();
  if (!base) return Promise.reject(new Error('IW_UI_BRIDGE is not set: no browser is attached to this run'));
  const payload = JSON.stringify(body);
  return new Promise<T>((resolve, reject) => {
    const req = http.request(
      `${base}/${action}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        timeout: timeoutMs,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => {
          let parsed: { error?: string } & Record<string, unknown>;
          try {
            parsed = JSON.parse(text);
          } catch {
            reject(new Error(`UI bridge ${action}: HTTP ${res.statusCode}, not JSON: ${text.slice(0, 200)}`));
            return;
          }
          if (res.statusCode === 200) resolve(parsed as T);
          else reject(new Error(`UI bridge ${action} failed: ${parsed.error ?? `HTTP ${res.statusCode}`}`));
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`UI bridge ${action}: no answer within ${timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** Opens the command palette (F1), types `title` and runs the matching command with Enter. */
export async function runPaletteCommand(title: string): Promise<void> {
  await call('palette', { title });
}

/** Saves a PNG of the whole window as test-results/<name>.png; resolves with its absolute path. */
export async function screenshot(name: string): Promise<string> {
  const { path } = await call<{ path: string }>('screenshot', { name });
  return path;
}

/** Presses keys in order, in Playwright's notation (`Escape`, `Control+S`, `F1`). */
export async function pressKeys(...keys: string[]): Promise<void> {
  await call('keys', { keys });
}

/** Opens and focuses the Problems panel; resolves with the text it shows. */
export async function focusProblemsPanel(): Promise<{ text: string }> {
  return call<{ text: string }>('focusProblems');
}

/** The messages of the notifications on screen now (toasts), as shown. */
export async function visibleNotifications(): Promise<string[]> {
  return (await call<{ messages: string[] }>('notifications')).messages;
}

/** One step inside a webview: fill, check or select a control by its exact visible label (`nth` match), click a button by its name, or read something back. */
export type WebviewStep =
  | { fill: string; value: string; nth?: number }
  | { check: string; nth?: number }
  | { select: string; value: string; nth?: number }
  | { click: string; nth?: number }
  | { waitFor: string }
  | { value: string; nth?: number }
  | { text: string }
  | { attribute: string; name: string }
  /** A DOM property, e.g. a script's `nonce` (browsers hide it from `getAttribute`). */
  | { property: string; name: string }
  | { focused: true }
  /** A JavaScript expression evaluated inside the page (e.g. an IIFE reading the DOM); the result is its value as JSON. */
  | { evaluate: string }
  | { pause: number };

/**
 * Runs `steps` inside the open webview whose page has `<body data-webview="<webview>">`, in
 * order; resolves with one result per step (the value, text or attribute read; null for actions).
 */
export async function inWebview(webview: string, steps: WebviewStep[]): Promise<Array<string | null>> {
  const { results } = await call<{ results: Array<string | null> }>('webview', { webview, steps }, 120_000);
  return results;
}

/** The text (as shown) and aria-label of the first visible element of the workbench matching the CSS `selector`. */
export async function domText(selector: string): Promise<{ text: string; label: string | null }> {
  return call<{ text: string; label: string | null }>('domText', { selector });
}

/** Clicks the button named `name` (exact visible name) inside the first element matching the CSS selector `within`. */
export async function clickButton(within: string, name: string): Promise<void> {
  await call('clickButton', { within, name });
}

/** Types `text` into whatever has the keyboard focus, one key every `intervalMs` as a person would; resolves with the time it took. */
export async function typeText(text: string, intervalMs = 50): Promise<number> {
  return (await call<{ ms: number }>('type', { text, intervalMs }, text.length * intervalMs * 3 + 30_000)).ms;
}

/** Whether this extension host is the one after a window reload a test asked for (continueAfterReload); suites that check what survived register only then. */
export function afterReload(): boolean {
  return Boolean(process.env.IW_AFTER_RELOAD);
}

/**
 * Asks for a window reload once this run's tests are done: the test runner keeps the results so
 * far, scripts/integration.mjs reloads the page, and the runner in the new extension host runs the
 * suite titled `suiteTitle` (registered only when `afterReload()`), counting both parts as one run.
 * Leave what should survive (an open panel, saved state) in place: no later suite may close it.
 */
export async function continueAfterReload(suiteTitle: string): Promise<void> {
  const results = process.env.IW_TEST_RESULTS;
  if (!results)
    throw new Error('IW_TEST_RESULTS is not set: only scripts/integration.mjs can reload the window between tests');
  const grep = `^${suiteTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `;
  await fs.writeFile(`${results}.reload-request`, JSON.stringify({ grep }));
}

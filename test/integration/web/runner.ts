// The web test runner's entry (bundled by scripts/integration.mjs --web into a web extension): runs the web suite in
// the web worker extension host, next to the browser-only Incident Workbench, and posts the results to the UI bridge.
import * as vscode from 'vscode';
import { run, type Results } from './harness';
import './web.test';

export function activate(): void {
  const bridge = vscode.workspace.getConfiguration('incidentWorkbenchTests').get<string>('uiBridge', '');
  if (!bridge) return;
  const post = (action: string, body: unknown) =>
    // text/plain: a simple request, so the bridge on another port is asked no CORS preflight.
    fetch(`${bridge}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(body),
    });
  setTimeout(() => {
    const empty: Results = { passed: 0, failed: 0, pending: 0, tests: [], errors: [] };
    void (async () => {
      let results: Results;
      try {
        await post('report', { partial: true, results: empty });
        results = await run(/.*/, (partial) =>
          post('report', { partial: true, results: partial }).then(() => undefined),
        );
      } catch (e) {
        results = {
          ...empty,
          errors: [{ message: `web test runner crashed: ${String(e)}`, stack: (e as Error).stack }],
        };
      }
      await post('report', { partial: false, results });
    })();
  }, 0);
}

export function deactivate(): void {}

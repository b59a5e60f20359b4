// Integration: the editor reads the workspace's severity matrix (harness: docs/runbooks/severity-matrix.md), watches it, and shows a bad one on its line.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, eventually, workspaceUri } from './workspace';

const MATRIX = 'docs/runbooks/severity-matrix.md';

function matrix(...rows: string[]): Uint8Array {
  return new TextEncoder().encode(
    ['# Severity matrix', '', '| Severity | Label | Definition |', '|---|---|---|', ...rows, ''].join('\n'),
  );
}

/** The extension's diagnostics on the matrix file, once `match` finds them. */
function matrixDiagnostics(match: (d: readonly vscode.Diagnostic[]) => boolean): Promise<readonly vscode.Diagnostic[]> {
  return eventually('the severity matrix diagnostics', () => {
    const found = vscode.languages
      .getDiagnostics(workspaceUri(MATRIX))
      .filter((d) => d.source === 'Incident Workbench');
    return match(found) ? found : undefined;
  });
}

describe('Severity matrix in the editor', function () {
  this.timeout(60000);
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });
  after(async () => {
    try {
      await vscode.workspace.fs.delete(workspaceUri(MATRIX));
    } catch {
      // Already gone.
    }
  });

  it('shows a bad matrix at its line, re-reads it when saved, and keeps the last valid one in force', async () => {
    const uri = workspaceUri(MATRIX);
    await vscode.workspace.fs.writeFile(uri, matrix('| SEV1 | Critical | Checkout is down |', '| SEV2 | Minor | |'));
    const never = await matrixDiagnostics((d) => d.length > 0);
    assert.equal(never.length, 1);
    assert.equal(never[0].range.start.line, 5);
    assert.match(never[0].message, /SEV2 has no definition.*built-in severity scale is used until this is fixed/);

    await vscode.workspace.fs.writeFile(
      uri,
      matrix('| SEV1 | Critical | Checkout is down |', '| SEV2 | Minor | A report is late |'),
    );
    await matrixDiagnostics((d) => d.length === 0);

    await vscode.workspace.fs.writeFile(uri, matrix('| SEV1 | Critical | |'));
    const broken = await matrixDiagnostics((d) => d.length > 0);
    assert.equal(broken[0].range.start.line, 4);
    assert.match(broken[0].message, /last valid version of the severity matrix stays in use/);
  });
});

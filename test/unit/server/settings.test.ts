// The editor's settings in the language server: read from VS Code's section or the flat shape, applied at initialize
// and on workspace/didChangeConfiguration (profile without a config file, whether to lint, baseline as hints).
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, Diagnostic } from 'vscode-languageserver/node';
import { createBaseline, formatBaseline } from '../../../src/core/lint/baseline';
import { lintWorkspaceFile } from '../../../src/core/lint/lint';
import { splitLines } from '../../../src/core/markdown/model';
import { findProfile } from '../../../src/core/profiles';
import type { Profile } from '../../../src/core/profiles/types';
import { readClientSettings } from '../../../src/server/settings';
import { copySampleWorkspace, TestClient } from './lspHarness';

const DRAFT = 'docs/postmortems/2026-03-20-payment-service-crashloop.md';
const pm001 = (ds: readonly Diagnostic[]) => ds.filter((d) => d.code === 'PM001');

describe('readClientSettings', () => {
  it("reads VS Code's incidentWorkbench section as the client's configuration sync sends it", () => {
    assert.deepEqual(
      readClientSettings({
        incidentWorkbench: {
          profile: { name: 'agent' },
          diagnostics: { enabled: false, maxFileSize: 2048, baseline: 'baseline.json', debounceMs: 300 },
          tags: { enabled: true },
        },
      }),
      { defaultProfile: 'agent', diagnosticsEnabled: false, maxFileSize: 2048, baseline: 'baseline.json' },
    );
  });

  it('reads the flat shape, and leaves out fields of the wrong type', () => {
    assert.deepEqual(readClientSettings({ defaultProfile: 'saas', diagnosticsEnabled: true }), {
      defaultProfile: 'saas',
      diagnosticsEnabled: true,
    });
    assert.deepEqual(
      readClientSettings({ defaultProfile: 3, diagnosticsEnabled: 'no', maxFileSize: -1, baseline: null }),
      {},
    );
    assert.deepEqual(readClientSettings(undefined), {});
    assert.deepEqual(readClientSettings('x'), {});
  });
});

describe('the language server with the editor settings', () => {
  let client: TestClient;
  let text: string;
  beforeEach(() => {
    client = new TestClient(copySampleWorkspace());
    text = readFileSync(path.join(client.root, DRAFT), 'utf8');
  });
  afterEach(() => client.dispose());

  it('lints nothing while diagnostics.enabled is false, and lints again once the setting changes', async () => {
    await client.initialize({}, { settings: { diagnosticsEnabled: false } });
    const uri = await client.open(DRAFT, text);
    assert.deepEqual((await client.diagnostics(uri)).diagnostics, []);
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { incidentWorkbench: { diagnostics: { enabled: true } } },
    });
    const { diagnostics } = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      pm001(diagnostics).map((d) => d.message),
      ['Missing required section "Root Cause".', 'Missing required section "Contributing Factors".'],
    );
  });

  it('shows the findings the baseline holds as hints (severity 4), the others as before', async () => {
    const profile = findProfile('harness') as Profile;
    const findings = (lintWorkspaceFile(DRAFT, text, profile) ?? { findings: [] }).findings.filter(
      (f) => f.ruleId === 'PM001',
    );
    assert.equal(findings.length, 2);
    writeFileSync(
      path.join(client.root, 'baseline.json'),
      formatBaseline(createBaseline([{ path: DRAFT, lines: splitLines(text), findings }])),
    );
    await client.initialize({}, { settings: { baseline: 'baseline.json' } });
    const uri = await client.open(DRAFT, text);
    const { diagnostics } = await client.diagnostics(uri);
    assert.deepEqual(
      pm001(diagnostics).map((d) => d.severity),
      [4, 4],
    );
    assert.ok(
      diagnostics.some((d) => d.code !== 'PM001' && d.severity !== 4),
      'findings the baseline does not hold keep their severity',
    );
  });

  it('uses the profile the settings name when the workspace has no configuration file, and a changed one', async () => {
    await client.initialize({}, { settings: { defaultProfile: 'heaptrace' } });
    const line = text.split('\n').findIndex((l) => l.startsWith('**Severity:**'));
    const uri = await client.open(DRAFT, text.replace('**Severity:** SEV1', '**Severity:** '));
    const labels = async () =>
      (
        await client.request<CompletionItem[]>('textDocument/completion', {
          textDocument: { uri },
          position: { line, character: '**Severity:** '.length },
        })
      ).map((i) => i.label);
    assert.deepEqual(await labels(), ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4']);
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { defaultProfile: 'harness' },
    });
    // The notification is handled in order: the next request sees the new profile once it is loaded.
    for (let i = 0; i < 50 && (await labels())[0] !== 'SEV1'; i++) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(await labels(), ['SEV1', 'SEV2', 'SEV3', 'SEV4']);
  });
});

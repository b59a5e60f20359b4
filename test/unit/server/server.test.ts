// The language server over JSON-RPC on the sample workspace: findings, fixes, re-lint, hover, CodeLens, completion, custom requests, faults.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource, LSPErrorCodes } from 'vscode-languageserver/node';
import type { CodeAction, CompletionItem, Diagnostic, Hover, TextEdit } from 'vscode-languageserver/node';
import { ServerRequests } from '../../../src/constants';
import { applyEdits } from '../../../src/core/fixes/fixes';
import { ALL_RULES } from '../../../src/core/rules';
import type { Rule } from '../../../src/core/rules/types';
import type { ActionItemsResult, SummariesResult, TagIndexResult } from '../../../src/server/requests';
import { copySampleWorkspace, TestClient } from './lspHarness';

const DRAFT = 'docs/postmortems/2026-03-20-payment-service-crashloop.md';
const CLEAN = 'docs/postmortems/2026-03-15-user-service-timeout.md';

const codes = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.code} ${d.range.start.line}`);

describe('the language server (JSON-RPC over in-memory streams)', () => {
  let client: TestClient;
  let text: string;
  beforeEach(() => {
    client = new TestClient(copySampleWorkspace());
    text = readFileSync(path.join(client.root, DRAFT), 'utf8');
  });
  afterEach(() => client.dispose());

  it('answers initialize with its capabilities: no pull diagnostics for a client without them', async () => {
    const { capabilities } = await client.initialize();
    assert.ok(capabilities.hoverProvider);
    assert.ok(capabilities.codeActionProvider);
    assert.ok(capabilities.completionProvider);
    assert.ok(capabilities.codeLensProvider);
    assert.equal(capabilities.diagnosticProvider, undefined);
  });

  it("publishes the draft postmortem's missing sections and unowned action item, linked to the rules' pages", async () => {
    await client.initialize();
    const uri = await client.open(DRAFT, text);
    const { diagnostics } = await client.diagnostics(uri);
    const pm001 = diagnostics.filter((d) => d.code === 'PM001').map((d) => d.message);
    assert.deepEqual(pm001, [
      'Missing required section "Root Cause".',
      'Missing required section "Contributing Factors".',
    ]);
    const pm004 = diagnostics.find((d) => d.code === 'PM004');
    assert.match(pm004?.message ?? '', /Write secret rotation runbooks .* has no owner/);
    assert.equal(
      pm004?.range.start.line,
      text.split('\n').findIndex((l) => l.startsWith('| 4 |')),
    );
    assert.equal(pm004?.source, 'Incident Workbench');
    assert.equal(pm004?.codeDescription?.href, 'https://example.test/rules/PM004.md');
  });

  it('offers "Add the Root Cause section" as a WorkspaceEdit that clears the finding once applied, then re-lints on didChange', async () => {
    await client.initialize();
    const uri = await client.open(DRAFT, text);
    const { diagnostics } = await client.diagnostics(uri);
    const rootCause = diagnostics.find((d) => d.message.includes('"Root Cause"')) as Diagnostic;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: rootCause.range,
      context: { diagnostics: [rootCause] },
    });
    assert.equal(actions[0].title, 'Add the "Root Cause" section');
    assert.equal(actions[0].isPreferred, true);
    assert.deepEqual(
      actions.slice(1).map((a) => a.title),
      ['Disable PM001 for this line', 'Disable PM001 for this file'],
    );
    const edits = actions[0].edit?.changes?.[uri] as TextEdit[];
    const fixed = applyEdits(text, edits);
    assert.match(fixed, /## Root Cause\n\n<Root Cause: write this section.>/);

    await client.change(uri, 2, fixed);
    const after = await client.diagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(
      after.diagnostics.filter((d) => d.code === 'PM001').map((d) => d.message),
      ['Missing required section "Contributing Factors".'],
    );
  });

  it('gives versioned documentChanges to a client that supports them', async () => {
    await client.initialize({ workspace: { workspaceEdit: { documentChanges: true } } });
    const uri = await client.open(DRAFT, text, 'markdown', 7);
    const { diagnostics } = await client.diagnostics(uri);
    const rootCause = diagnostics.find((d) => d.message.includes('"Root Cause"')) as Diagnostic;
    const [first] = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: rootCause.range,
      context: { diagnostics: [] },
    });
    assert.deepEqual(
      (first.edit?.documentChanges?.[0] as { textDocument: { uri: string; version: number } }).textDocument,
      { uri, version: 7 },
    );
  });

  it('answers pull diagnostics (textDocument/diagnostic) when the client supports them, and publishes nothing', async () => {
    const { capabilities } = await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } } });
    assert.deepEqual(capabilities.diagnosticProvider, {
      identifier: 'incident-workbench',
      interFileDependencies: true,
      workspaceDiagnostics: false,
    });
    const uri = await client.open(DRAFT, text);
    const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri },
    });
    assert.equal(report.kind, 'full');
    assert.deepEqual(
      report.items.filter((d) => d.code === 'PM001').map((d) => d.message),
      ['Missing required section "Root Cause".', 'Missing required section "Contributing Factors".'],
    );
    assert.equal(client.published.get(uri), undefined);
  });

  it('completes the profile\'s severities with their definitions after "Severity:"', async () => {
    await client.initialize();
    const uri = await client.open(DRAFT, text.replace('**Severity:** SEV1', '**Severity:** '));
    const line = text.split('\n').findIndex((l) => l.startsWith('**Severity:**'));
    const items = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: '**Severity:** '.length },
    });
    assert.deepEqual(
      items.map((i) => i.label),
      ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
    );
    assert.ok(String((items[0].documentation as { value: string }).value).length > 20);
  });

  it("completes owners already used in the workspace's action items in an Owner cell", async () => {
    await client.initialize();
    const lines = text.split('\n');
    const row = lines.findIndex((l) => l.startsWith('| 4 |'));
    const uri = await client.open(DRAFT, text);
    const character = lines[row].indexOf('| |') + 2;
    const items = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: row, character },
    });
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('@payments') && labels.includes('@platform'), labels.join(', '));
  });

  it('completes rule ids and names in a disable comment, and the sections the postmortem lacks after "## "', async () => {
    await client.initialize();
    const withComment = `${text}\n<!-- incident-workbench-disable-next-line PM\n## \n`;
    const uri = await client.open(DRAFT, withComment);
    const lines = withComment.split('\n');
    const commentLine = lines.findIndex((l) => l.startsWith('<!-- incident-workbench-disable-next-line'));
    const rules = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: commentLine, character: lines[commentLine].length },
    });
    assert.ok(rules.some((i) => i.label === 'PM004'));
    assert.ok(rules.some((i) => i.label === ALL_RULES[0].name));
    assert.equal(rules.length, ALL_RULES.length * 2);
    const headings = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: commentLine + 1, character: 3 },
    });
    assert.deepEqual(
      headings.map((i) => i.label),
      ['Root Cause', 'Contributing Factors'],
    );
  });

  it('completes INCIDENT tags of the existing postmortems inside a code comment only', async () => {
    await client.initialize();
    const code = 'const a = 1;\n// INCIDENT-\nconst b = "INCIDENT-";\n';
    const uri = await client.open('services/user-service/src/new.ts', code, 'typescript');
    const inComment = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 1, character: 12 },
    });
    assert.deepEqual(
      inComment.map((i) => i.label),
      ['INCIDENT-2026-03-20 payment-service-crashloop', 'INCIDENT-2026-03-15 user-service-timeout'],
    );
    const inString = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 2, character: 20 },
    });
    assert.deepEqual(inString, []);
  });

  it("hovers over a tag with its postmortem's summary, and shows it in a CodeLens", async () => {
    await client.initialize();
    const code = readFileSync(path.join(client.root, 'services/payment-service/app/webhooks.py'), 'utf8');
    const uri = await client.open('services/payment-service/app/webhooks.py', code, 'python');
    const line = code.split('\n').findIndex((l) => l.includes('INCIDENT-2026-03-20'));
    const hover = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: code.split('\n')[line].indexOf('INCIDENT') + 3 },
    });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /^\*\*Postmortem: Payment service crash loop\*\* · SEV1 · 2026\\-03\\-20 · Draft\n/);
    assert.match(value, /\*\*Action items:\*\* 1 of 4 done, 3 open/);
    assert.match(value, /`docs\/postmortems\/2026-03-20-payment-service-crashloop\.md`$/);
    const lenses = await client.request<Array<{ command: { title: string } }>>('textDocument/codeLens', {
      textDocument: { uri },
    });
    assert.deepEqual(
      lenses.map((l) => l.command.title),
      ['Postmortem: Payment service crash loop (SEV1, 2026-03-20)'],
    );
  });

  it('hovers over a timeline heading with its measures and puts them in a CodeLens', async () => {
    await client.initialize();
    const uri = await client.open(DRAFT, text);
    const line = text.split('\n').indexOf('## Timeline');
    const hover = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: 4 },
    });
    assert.match((hover.contents as { value: string }).value, /^\*\*Incident measures\*\* \(from this timeline\)/);
    const lenses = await client.request<Array<{ range: { start: { line: number } }; command: { title: string } }>>(
      'textDocument/codeLens',
      { textDocument: { uri } },
    );
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].range.start.line, line);
    assert.match(lenses[0].command.title, /^TTD 2 min · /);
  });

  it('reports a tag with no document (TG001) in code, as the CLI does', async () => {
    await client.initialize();
    const uri = await client.open(
      'services/api-gateway/extra.go',
      'package main\n// INCIDENT-2025-01-01: nothing\n',
      'go',
    );
    const { diagnostics } = await client.diagnostics(uri);
    assert.deepEqual(codes(diagnostics), ['TG001 1']);
  });

  it('answers the custom requests with plain JSON of the summaries, the tag index and the action items', async () => {
    await client.initialize();
    await client.open(
      'services/payment-service/app/webhooks.py',
      readFileSync(path.join(client.root, 'services/payment-service/app/webhooks.py'), 'utf8'),
      'python',
    );
    const result = await client.request<SummariesResult>(ServerRequests.summaries, { kinds: ['postmortem'] });
    assert.equal(result.profile, 'harness');
    assert.deepEqual(
      result.summaries.map((s) => `${s.path} ${s.severity}`),
      [`${CLEAN} SEV2`, `${DRAFT} SEV1`],
    );
    assert.equal(result.summaries[1].metrics.timeToDetect, 2);
    const index = await client.request<TagIndexResult>(ServerRequests.tagIndex, null);
    assert.deepEqual(
      index.documents.map((d) => d.path),
      [DRAFT, CLEAN],
    );
    assert.deepEqual(
      index.tags.map((t) => `${t.tag} → ${t.documents.join()}`),
      [`INCIDENT-2026-03-20 payment-service-crashloop → ${DRAFT}`],
    );
    const items = await client.request<ActionItemsResult>(ServerRequests.actionItems, null);
    assert.ok(
      items.items.some((i) => i.path === DRAFT && i.owner === undefined && /secret rotation runbooks/.test(i.action)),
    );
  });

  it('answers a bad request with an error and keeps serving', async () => {
    await client.initialize();
    const uri = await client.open(DRAFT, text);
    await assert.rejects(client.request(ServerRequests.summaries, { kinds: ['essay'] }), /"kinds" must be a list of/);
    await assert.rejects(
      client.request('textDocument/hover', { textDocument: { uri }, position: { line: -1 } }),
      /position must be/,
    );
    await assert.rejects(
      client.request('textDocument/codeAction', { textDocument: {} }),
      /textDocument\.uri must be a string/,
    );
    await assert.rejects(client.request('incidentWorkbench/noSuchThing', {}), /Unhandled method|not found/i);
    const { diagnostics } = await client.diagnostics(uri);
    assert.ok(diagnostics.length > 0);
  });

  it('gives a document over the size limit one finding saying it was skipped', async () => {
    await client.initialize({}, { maxFileSize: 2048 });
    const uri = await client.open(DRAFT, text);
    const { diagnostics } = await client.diagnostics(uri);
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0].message, /did not lint this document: it is \d+ KB, more than the 2 KB limit/);
  });
});

describe('the language server when a rule throws', () => {
  /** A rule with a bug: it throws on one document. */
  const broken: Rule = {
    id: 'PM999',
    name: 'broken',
    title: 'A rule that throws',
    defaultSeverity: 'error',
    kinds: ['postmortem'],
    check: ({ doc }) => {
      if (doc.lines.some((l) => l.includes('crash loop'))) throw new Error('rule bug');
      return [];
    },
  };
  let client: TestClient;
  beforeEach(() => {
    client = new TestClient(copySampleWorkspace(), { rules: [...ALL_RULES, broken] });
  });
  afterEach(() => client.dispose());

  it('reports the failure once, naming the file, publishes nothing for it, and keeps linting the others', async () => {
    await client.initialize();
    const text = readFileSync(path.join(client.root, DRAFT), 'utf8');
    const bad = await client.open(DRAFT, text);
    assert.deepEqual((await client.diagnostics(bad)).diagnostics, []);
    await client.change(bad, 2, `${text}\n`);
    await client.diagnostics(bad, (p) => p.version === 2);
    const other = await client.open(
      'docs/postmortems/2026-04-01-other.md',
      readFileSync(path.join(client.root, CLEAN), 'utf8').replace('## Contributing Factors', '## Other notes'),
    );
    const { diagnostics } = await client.diagnostics(other);
    assert.ok(diagnostics.some((d) => d.code === 'PM001'));
    const failures = client.logs.filter((l) => l.message.includes('could not lint'));
    assert.equal(failures.length, 1);
    assert.match(
      failures[0].message,
      /could not lint docs\/postmortems\/2026-03-20-payment-service-crashloop\.md: Error: rule bug/,
    );
  });
});

describe('the language server while typing (pacing)', () => {
  /** A rule that notes the `<!-- v N -->` marker of every text it lints, so the test sees what was linted. */
  const linted: number[] = [];
  const spy: Rule = {
    id: 'PM998',
    name: 'spy',
    title: 'Notes what was linted',
    defaultSeverity: 'info',
    kinds: ['postmortem'],
    check: ({ doc }) => {
      const marker = doc.lines.map((l) => /^<!-- v (\d+) -->$/.exec(l)).find(Boolean);
      if (marker) linted.push(Number(marker[1]));
      return [];
    },
  };
  let client: TestClient;
  let text: string;
  beforeEach(() => {
    linted.length = 0;
    // A wait far longer than sending the burst takes, so every change after the first is one burst.
    client = new TestClient(copySampleWorkspace(), {
      rules: [...ALL_RULES, spy],
      pacing: { debounceMs: 1000, burstGapMs: 60_000, adaptive: false },
    });
    text = readFileSync(path.join(client.root, DRAFT), 'utf8');
  });
  afterEach(() => client.dispose());

  const marked = (version: number, body: string) => `<!-- v ${version} -->\n${body}`;

  it("lints and publishes only the newest version of a burst of changes, with the final text's findings", async () => {
    await client.initialize();
    const uri = await client.open(DRAFT, marked(1, text));
    const withRootCause = `${text}
## Root Cause

A bad deploy.
`;
    assert.notEqual(withRootCause, text);
    const last = 41;
    for (let v = 2; v <= last; v++)
      // The odd versions lack the Root Cause section, the even ones have it; the last (odd) lacks it again.
      void client.change(uri, v, marked(v, v % 2 === 0 ? withRootCause : text));
    const final = await client.diagnostics(uri, (p) => p.version === last);
    const versions = (client.published.get(uri) ?? []).map((p) => p.version);
    assert.deepEqual(
      versions.filter((v) => v !== 1),
      [last],
      `published versions ${versions.join(', ')}: none of the ones in between`,
    );
    assert.ok(
      final.diagnostics.some((d) => d.message === 'Missing required section "Root Cause".'),
      'the final version lacks Root Cause again, and says so',
    );
    assert.deepEqual(
      linted.filter((v) => v !== 1),
      [last],
      `linted versions ${linted.join(', ')}: only the newest after the first`,
    );
  });

  it('a later change is linted too, and its findings replace the earlier ones', async () => {
    await client.initialize();
    const uri = await client.open(DRAFT, marked(1, text));
    await client.diagnostics(uri, (p) => p.version === 1);
    const fixed = `${text}
## Root Cause

A bad deploy.
`;
    void client.change(uri, 2, marked(2, fixed));
    const second = await client.diagnostics(uri, (p) => p.version === 2);
    assert.ok(!second.diagnostics.some((d) => d.message === 'Missing required section "Root Cause".'));
    assert.deepEqual(
      (client.published.get(uri) ?? []).map((p) => p.version),
      [1, 2],
    );
  });

  it('answers a pull for the newest version after a burst of changes', async () => {
    await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } } });
    const uri = await client.open(DRAFT, marked(1, text));
    const fixed = `${text}
## Root Cause

A bad deploy.
`;
    for (let v = 2; v <= 20; v++) void client.change(uri, v, marked(v, v === 20 ? fixed : text));
    const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri },
    });
    assert.ok(!report.items.some((d) => d.message === 'Missing required section "Root Cause".'));
    assert.deepEqual(linted, [20], 'pull mode lints when asked, and only the version asked for');
  });

  it('drops a pull that the client cancels while it waits inside a burst, without linting for it', async () => {
    await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } } });
    const uri = await client.open(DRAFT, marked(1, text));
    for (let v = 2; v <= 5; v++) void client.change(uri, v, marked(v, text));
    const source = new CancellationTokenSource();
    const answer = client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token);
    setTimeout(() => source.cancel(), 50);
    await assert.rejects(answer, (e: { code?: number }) => e.code === LSPErrorCodes.RequestCancelled);
    assert.deepEqual(linted, []);
    const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.ok(report.items.some((d) => d.message === 'Missing required section "Root Cause".'));
    assert.deepEqual(linted, [5]);
  });
});

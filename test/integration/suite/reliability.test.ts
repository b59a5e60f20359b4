// Integration: hostile and huge files in a real VS Code (20 MB, invalid UTF-8, binary, CRLF), and a 30-second typing load on a 5,000-line postmortem.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import { EXTENSION_ID, eventually, workspaceUri } from './workspace';
import { hasUiBridge, typeText } from './uiBridge';

const SOURCE = 'Incident Workbench';
const CLEAN = 'docs/postmortems/2026-03-15-user-service-timeout.md';
const INCOMPLETE = 'docs/postmortems/2026-03-20-payment-service-crashloop.md';
const FIXTURES = {
  huge: 'docs/postmortems/2026-04-10-huge.md',
  invalidUtf8: 'docs/postmortems/2026-04-11-invalid-utf8.md',
  binary: 'docs/postmortems/2026-04-12-binary.md',
  crlf: 'docs/postmortems/2026-04-13-crlf.md',
  load: 'docs/postmortems/2026-04-14-load.md',
};
/** Where the load figures go: test-results/ of the checkout (the suite runs from out/test/integration/suite). */
const RESULTS_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'test-results');

const encode = (text: string) => new TextEncoder().encode(text);
const read = async (relativePath: string) =>
  new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(relativePath)));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MB = 1024 * 1024;

function ruleOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : (d.code ?? ''));
}

function ours(uri: vscode.Uri, ruleId?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === SOURCE && (ruleId === undefined || ruleOf(d) === ruleId));
}

/** Fails unless every diagnostic of the document lies inside it. */
function assertRangesInside(document: vscode.TextDocument): void {
  for (const d of vscode.languages.getDiagnostics(document.uri)) {
    assert.ok(
      document.validateRange(d.range).isEqual(d.range),
      `${ruleOf(d)} ${JSON.stringify(d.range)} lies outside ${path.basename(document.uri.path)}`,
    );
  }
}

/** Runs one of the extension's commands and returns how long the round trip took: proof the extension host still answers. */
async function commandRoundTrip(): Promise<number> {
  const started = Date.now();
  await vscode.commands.executeCommand('incidentWorkbench.refreshTrees');
  return Date.now() - started;
}

/** The median and the largest of `values` (0 for none). */
function summary(values: readonly number[]): { count: number; median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    median: sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : 0,
    max: sorted.at(-1) ?? 0,
  };
}

/** A full garbage collection in this extension host, so that heap figures show what is kept, not what awaits collection; false when V8 does not allow it. */
function collectGarbage(): boolean {
  try {
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
    return true;
  } catch {
    return false;
  }
}

/** The extension host's memory: heap in use before and after a full collection, and the resident set. */
function memory(): { heapUsedMB: number; heapKeptMB: number; rssMB: number; collected: boolean } {
  const heapUsedMB = Math.round(process.memoryUsage().heapUsed / MB);
  const collected = collectGarbage();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsedMB, heapKeptMB: Math.round(heapUsed / MB), rssMB: Math.round(rss / MB), collected };
}

describe('Reliability', function () {
  this.timeout(180_000);
  const figures: Record<string, unknown> = {};

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    for (const file of Object.values(FIXTURES))
      await vscode.workspace.fs.delete(workspaceUri(file)).then(undefined, () => undefined);
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(path.join(RESULTS_DIR, 'load.json'), `${JSON.stringify(figures, null, 2)}\n`);
  });

  it('does not lint a 20 MB postmortem, says why in the Problems panel, and keeps answering', async () => {
    const sample = await read(CLEAN);
    const filler = `${'The gateway held the connection while the pool drained, and the alert stayed quiet. '.repeat(12)}\n\n`;
    let text = sample;
    while (text.length < 20 * MB) text += filler.repeat(200);
    const uri = workspaceUri(FIXTURES.huge);
    let started = Date.now();
    await vscode.workspace.fs.writeFile(uri, encode(text));
    const writeMs = Date.now() - started;
    started = Date.now();
    const document = await vscode.workspace.openTextDocument(uri);
    const openMs = Date.now() - started;
    started = Date.now();
    await vscode.window.showTextDocument(document);
    const showMs = Date.now() - started;
    started = Date.now();
    const note = await eventually(
      'the size note',
      () => vscode.languages.getDiagnostics(uri).find((d) => /did not lint this document/.test(d.message)),
      60_000,
    );
    const noteAfterShownMs = Date.now() - started;
    assert.match(
      note.message,
      /^Incident Workbench did not lint this document: it is 20\.\d MB, more than the 1\.0 MB limit\. Raise the setting "incidentWorkbench\.diagnostics\.maxFileSize" to lint it\.$/,
    );
    assert.equal(note.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(vscode.languages.getDiagnostics(uri).length, 1, 'only the note, no findings');
    const roundTripMs = await commandRoundTrip();
    figures.hugeFile = {
      bytes: text.length,
      lines: document.lineCount,
      writeMs,
      openTextDocumentMs: openMs,
      showTextDocumentMs: showMs,
      noteAfterShownMs,
      commandRoundTripMs: roundTripMs,
    };
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri);
  });

  it('lints a postmortem with invalid UTF-8 bytes, with every range inside the document', async () => {
    const sample = encode(await read(INCOMPLETE));
    // A lone continuation byte, a truncated sequence and two bytes never valid in UTF-8, inside the Summary.
    const at = new TextDecoder().decode(sample).indexOf('## Summary') + '## Summary\n\n'.length;
    const bad = new Uint8Array([...sample.slice(0, at), 0x80, 0xc3, 0x28, 0xfe, 0xff, 0x20, ...sample.slice(at)]);
    const uri = workspaceUri(FIXTURES.invalidUtf8);
    await vscode.workspace.fs.writeFile(uri, bad);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await eventually(
      'PM001 and PM004 findings',
      () => (ours(uri, 'PM001').length === 2 && ours(uri, 'PM004').length === 1) || undefined,
    );
    assert.ok(document.getText().includes('\ufffd'), 'VS Code shows the bad bytes as replacement characters');
    assertRangesInside(document);
    const owner = ours(uri, 'PM004')[0];
    assert.match(document.lineAt(owner.range.start.line).text, /Write secret rotation runbooks/);
    await commandRoundTrip();
  });

  it('survives a binary file named .md: opened or refused by VS Code, the extension keeps answering', async () => {
    const bytes = new Uint8Array(64 * 1024).map((_, i) => (i * 131 + (i >> 7)) % 256);
    const uri = workspaceUri(FIXTURES.binary);
    await vscode.workspace.fs.writeFile(uri, bytes);
    let outcome: string;
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      // Linted like any other document, and nothing it reports may point outside it.
      await sleep(1500);
      assertRangesInside(document);
      outcome = `opened as text (${document.lineCount} lines, ${vscode.languages.getDiagnostics(uri).length} diagnostics)`;
    } catch (e) {
      outcome = `VS Code refused to open it as text: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
    }
    // Lint All reads it from disk whatever the editor did; it must finish and count it.
    const totals = await vscode.commands.executeCommand<{ files: number }>('incidentWorkbench.lintWorkspace');
    assert.ok(totals && totals.files >= 3, `Lint All finished: ${JSON.stringify(totals)}`);
    figures.binaryFile = { outcome, lintAllFiles: totals.files, commandRoundTripMs: await commandRoundTrip() };
  });

  it('reports findings in a CRLF file at the right columns', async () => {
    const sample = await read(CLEAN);
    const withFinding = sample.replace(
      '## Contributing Factors\n',
      '## Contributing Factors\n\n- **Paging.** The pager rota was out of date, TODO check with the on-call lead.\n',
    );
    assert.notEqual(withFinding, sample);
    const uri = workspaceUri(FIXTURES.crlf);
    await vscode.workspace.fs.writeFile(uri, encode(withFinding.replace(/\n/g, '\r\n')));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.eol, vscode.EndOfLine.CRLF);
    const [todo] = await eventually('the placeholder finding', () =>
      ours(uri, 'PM003').length ? ours(uri, 'PM003') : undefined,
    );
    assert.equal(document.getText(todo.range), 'TODO');
    const line = document.lineAt(todo.range.start.line).text;
    assert.equal(todo.range.start.character, line.indexOf('TODO'));
    assertRangesInside(document);
  });

  it('keeps up with 30 s of typing at 20 keystrokes a second in a 5,000-line postmortem, with bounded memory', async () => {
    // A new contributing factor is typed into the sample postmortem, made 5,000 lines long by an appendix.
    // PM007 (a factor without an action item) spans the whole factor line, so the end of its
    // range shows which keystrokes each lint saw; the last keystrokes type a placeholder (PM003).
    const sample = await read(CLEAN);
    const anchor = '## Contributing Factors\n\n';
    assert.ok(sample.includes(anchor));
    const typingPrefix = '- **Rota.** ';
    const appendix = Array.from(
      { length: 5000 },
      (_, i) => `- Note ${i + 1}: connection pool at ${(i * 7) % 100}% while the gateway waited ${(i * 13) % 900} ms.`,
    );
    const full = `${sample.replace(anchor, `${anchor}${typingPrefix}\n`).trimEnd()}\n\n## Appendix: pool samples\n\n${appendix.join('\n')}`;
    const text = `${full.split('\n').slice(0, 5000).join('\n')}\n`;
    const uri = workspaceUri(FIXTURES.load);
    await vscode.workspace.fs.writeFile(uri, encode(text));
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    assert.ok(document.lineCount >= 5000, `${document.lineCount} lines`);
    const typingLine = text.split('\n').indexOf(typingPrefix);
    assert.ok(typingLine > 0);
    const factorEnd = () => ours(uri, 'PM007').find((d) => d.range.start.line === typingLine)?.range.end.character;
    await eventually('the first lint, on open', () => factorEnd());
    const before = ours(uri).length;

    // Words no action item of the sample mentions, so the factor stays without one (and PM007 stays) throughout.
    const sentence = 'Quarterly rota reviews lapsed quietly. ';
    const finalWord = ' TODO';
    const KEYS = 600; // 30 s at 20 a second
    const INTERVAL_MS = 50;
    const typed =
      Array.from({ length: KEYS - finalWord.length }, (_, i) => sentence[i % sentence.length]).join('') + finalWord;

    const keyTimes: number[] = [];
    const updates: { afterLastKeyMs: number; keysBehind: number }[] = [];
    let lastSeenEnd = factorEnd();
    const subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === document && e.contentChanges.length) keyTimes.push(Date.now());
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (!e.uris.some((u) => u.toString() === uri.toString())) return;
        const end = factorEnd();
        // Only the extension's own lints move the end of PM007's range; other collections' events are not counted.
        if (end === undefined || end === lastSeenEnd) return;
        lastSeenEnd = end;
        updates.push({
          afterLastKeyMs: Date.now() - (keyTimes.at(-1) ?? Date.now()),
          keysBehind: document.lineAt(typingLine).text.length - end,
        });
      }),
    ];
    const memoryAt: Record<string, ReturnType<typeof memory>> = { start: memory() };
    const middle = setTimeout(
      () => {
        memoryAt.middle = memory();
      },
      (KEYS * INTERVAL_MS) / 2,
    );
    // Put the cursor at the end of the factor and wait until the window has it (setting
    // editor.selection alone does not wait, and the first keys then land at the old cursor).
    const lineEnd = document.lineAt(typingLine).range.end;
    await vscode.window.showTextDocument(document, {
      selection: new vscode.Range(lineEnd, lineEnd),
      preserveFocus: false,
    });
    assert.ok(editor.selection.active.isEqual(lineEnd));
    const started = Date.now();
    let method: string;
    try {
      if (hasUiBridge()) {
        // Real keystrokes in the browser, one every 50 ms.
        method = 'browser keystrokes (Playwright, one every 50 ms)';
        await typeText(typed, INTERVAL_MS);
      } else {
        method = 'TextEditor.edit inserts, one every 50 ms';
        for (let i = 0; i < KEYS; i++) {
          const wait = started + i * INTERVAL_MS - Date.now();
          if (wait > 0) await sleep(wait);
          await editor.edit((b) => b.insert(document.lineAt(typingLine).range.end, typed[i]), {
            undoStopBefore: false,
            undoStopAfter: false,
          });
        }
      }
      const typingMs = Date.now() - started;
      await eventually('every keystroke reached the document', () =>
        document.lineAt(typingLine).text.endsWith(finalWord) ? true : undefined,
      );
      const updatesWhileTyping = updates.length;
      // The final text has the placeholder on the typed line: the diagnostics must say so.
      const [todo] = await eventually(
        'the placeholder typed last is reported',
        () => {
          const found = ours(uri, 'PM003').filter((d) => d.range.start.line === typingLine);
          return found.length ? found : undefined;
        },
        30_000,
      );
      await eventually(
        'the last lint saw the whole line',
        () => (factorEnd() === document.lineAt(typingLine).text.length ? true : undefined),
        30_000,
      );
      clearTimeout(middle);
      memoryAt.end = memory();
      const growth = memoryAt.end.heapKeptMB - memoryAt.start.heapKeptMB;
      const delays = updates.map((u) => u.afterLastKeyMs);
      figures.typingLoad = {
        method,
        lines: document.lineCount,
        keystrokes: keyTimes.length,
        typingMs,
        keystrokesPerSecond: Number(
          (keyTimes.length / (((keyTimes.at(-1) ?? started) - (keyTimes[0] ?? started)) / 1000 || 1)).toFixed(1),
        ),
        findingsBefore: before,
        lintsWhileTyping: updatesWhileTyping,
        lintsInAll: updates.length,
        updateDelayAfterLastKeystrokeMs: summary(delays),
        finalUpdateAfterLastKeystrokeMs: delays.at(-1) ?? -1,
        keystrokesBehindAtUpdate: summary(updates.map((u) => u.keysBehind)),
        memory: memoryAt,
        heapKeptGrowthMB: growth,
      };
      assert.equal(document.lineAt(typingLine).text, `${typingPrefix}${typed}`, 'every keystroke landed, in order');
      assert.equal(document.getText(todo.range), 'TODO');
      assert.ok(memoryAt.end.collected, 'a full garbage collection could be run, so the heap figure is what is kept');
      assert.ok(growth < 200, `extension host heap kept ${growth} MB more after typing`);
    } finally {
      clearTimeout(middle);
      subscriptions.forEach((s) => s.dispose());
    }
  });
});

// Debian's Neovim (`nvim --headless`, built-in LSP client) against `node dist/cli.js lsp --stdio`, with the set-up docs/editors.md gives.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { copySampleWorkspace, REPO_ROOT } from './lspHarness';
import { rmSync } from 'node:fs';

const DRAFT = 'docs/postmortems/2026-03-20-payment-service-crashloop.md';

/** The Neovim set-up of docs/editors.md: its first Lua block, run as written. */
function documentedSetup(): string {
  const doc = readFileSync(path.join(REPO_ROOT, 'docs', 'editors.md'), 'utf8');
  const block = /```lua\n([\s\S]*?)```/.exec(doc)?.[1];
  assert.ok(block, 'docs/editors.md has a Lua block');
  return block;
}

/** Opens the draft, waits for findings, applies the Root Cause fix and waits for the re-lint; writes what it saw as JSON. */
const PROBE = `
local out, file = OUT, FILE
-- -u NONE starts without file-type detection; a user's Neovim has it on.
vim.cmd('filetype on')
local function messages(buf)
  local m = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(m, d.message) end
  table.sort(m)
  return m
end
local function has(buf, text)
  for _, d in ipairs(vim.diagnostic.get(buf)) do if d.message:find(text, 1, true) then return d end end
end
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local result = {}
result.arrived = vim.wait(20000, function() return has(buf, '"Root Cause"') ~= nil end, 50)
result.attached = #vim.lsp.buf_get_clients(buf)
result.before = messages(buf)
local d = has(buf, '"Root Cause"')
if d then
  local client = vim.lsp.get_active_clients()[1]
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
    context = { diagnostics = {} },
  }
  local response = client.request_sync('textDocument/codeAction', params, 20000, buf)
  local action = response and response.result and response.result[1]
  result.title = action and action.title
  if action then vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding) end
  result.relinted = vim.wait(20000, function()
    return has(buf, 'Missing required section "Root Cause"') == nil and #vim.diagnostic.get(buf) > 0
  end, 50)
  result.after = messages(buf)
  result.heading = vim.fn.search('^## Root Cause$', 'nw') > 0
end
local f = io.open(out, 'w')
f:write(vim.fn.json_encode(result))
f:close()
vim.cmd('qa!')
`;

describe('Neovim against incident-workbench lsp --stdio (docs/editors.md set-up)', function () {
  this.timeout(180_000);
  const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  let root: string;

  before(function () {
    if (nvim.error) {
      console.warn('Skipped: nvim is not installed (Debian: apt-get install neovim).');
      this.skip();
    }
    // Bundle so Neovim runs the artefact users run.
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT });
  });
  beforeEach(() => {
    root = copySampleWorkspace();
    mkdirSync(path.join(root, '.git'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('shows the draft postmortem\'s findings, applies "Add the Root Cause section" and re-lints the edit', () => {
    const out = path.join(root, 'probe.json');
    const setup = path.join(root, 'setup.lua');
    writeFileSync(
      setup,
      `${documentedSetup()}\nIncidentWorkbench.cmd = ${luaList([process.execPath, path.join(REPO_ROOT, 'dist', 'cli.js'), 'lsp', '--stdio'])}\n` +
        `OUT = ${luaString(out)}\nFILE = ${luaString(path.join(root, DRAFT))}\n${PROBE}`,
    );
    const run = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${setup}`], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(run.status, 0, `${run.stderr}\n${run.stdout}`);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(result.attached, 1);
    assert.equal(result.arrived, true, JSON.stringify(result));
    assert.ok(result.before.includes('Missing required section "Root Cause".'));
    assert.ok(result.before.includes('Missing required section "Contributing Factors".'));
    assert.equal(result.title, 'Add the "Root Cause" section');
    assert.equal(result.heading, true);
    assert.equal(result.relinted, true, JSON.stringify(result));
    assert.ok(!result.after.includes('Missing required section "Root Cause".'));
    assert.ok(result.after.includes('Missing required section "Contributing Factors".'));
    // The inserted section is linted in turn: its placeholder is now the finding.
    assert.ok(
      result.after.some((m: string) => /^Section "Root Cause" has no content yet/.test(m)),
      result.after.join('\n'),
    );
  });
});

function luaString(s: string): string {
  return JSON.stringify(s);
}

function luaList(items: readonly string[]): string {
  return `{ ${items.map(luaString).join(', ')} }`;
}

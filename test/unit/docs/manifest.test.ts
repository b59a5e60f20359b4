import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Commands, ContextKeys, Settings, Views } from '../../../src/constants';

const root = path.resolve(__dirname, '../../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

/** The English text of a manifest string: a `%key%` reference resolved from package.nls.json, else the string itself. */
function text(value: string): string {
  const m = /^%(.+)%$/.exec(value);
  return m ? nls[m[1]] : value;
}

/** Every string in `value` (recursively), with the JSON path that leads to it. */
function strings(value: unknown, at = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${at}.${k}`));
  return [];
}

describe('the manifest (package.json)', () => {
  it('contributes exactly the commands defined in constants.ts, each in the "Incident" category', () => {
    const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(contributed, Object.values(Commands).sort());
    for (const c of manifest.contributes.commands) assert.equal(text(c.category), 'Incident', c.command);
  });

  it('contributes exactly the settings defined in constants.ts, each with a description and a default', () => {
    const properties = Object.assign(
      {},
      ...manifest.contributes.configuration.map((c: { properties: object }) => c.properties),
    ) as Record<string, { default?: unknown; description?: string; markdownDescription?: string }>;
    const defined = Object.entries(Settings)
      .filter(([k]) => k !== 'section')
      .map(([, v]) => `${Settings.section}.${v}`)
      .sort();
    assert.deepEqual(Object.keys(properties).sort(), defined);
    for (const [id, p] of Object.entries(properties)) {
      assert.ok(p.description || p.markdownDescription, `${id} has a description`);
      assert.ok('default' in p, `${id} has a default`);
    }
  });

  it('names only commands it contributes in menus, and only views it contributes', () => {
    const commands = new Set(Object.values(Commands));
    for (const [menu, items] of Object.entries(manifest.contributes.menus ?? {}) as Array<
      [string, Array<{ command: string; when?: string }>]
    >) {
      for (const item of items) {
        assert.ok(commands.has(item.command as never), `${menu}: ${item.command}`);
        for (const m of (item.when ?? '').matchAll(/view == ([\w.]+)/g))
          assert.ok(Object.values(Views).includes(m[1] as never), `${menu}: ${m[1]}`);
        for (const m of (item.when ?? '').matchAll(/(incidentWorkbench:[\w]+)/g))
          assert.ok(Object.values(ContextKeys).includes(m[1] as never), `${menu}: ${m[1]}`);
      }
    }
    const views = Object.values(manifest.contributes.views ?? {}).flat() as Array<{ id: string }>;
    assert.deepEqual(
      views.map((v) => v.id).sort(),
      Object.values(Views)
        .filter((v) => v !== Views.container)
        .sort(),
    );
  });

  it('activates lazily, never on "*", and points at files that exist', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
    for (const file of [
      manifest.icon,
      'media/activity-bar.svg',
      ...(manifest.contributes['markdown.previewStyles'] ?? []),
    ]) {
      assert.ok(existsSync(path.join(root, file)), file);
    }
  });
});

describe('the manifest strings (package.nls.json)', () => {
  it('resolves every %key% of package.json in package.nls.json, and uses every key there', () => {
    const used = new Set(strings(manifest).flatMap(([, v]) => [...v.matchAll(/^%([^%\s]+)%$/g)].map((m) => m[1])));
    for (const key of used) assert.equal(typeof nls[key], 'string', `package.nls.json has "${key}"`);
    assert.deepEqual(
      Object.keys(nls).filter((k) => !used.has(k)),
      [],
      'keys of package.nls.json that package.json does not use',
    );
  });

  it('leaves no user-visible English text in package.json itself, so that it can be translated', () => {
    const visible =
      /^\.(displayName|description)$|\.capabilities\.\w+\.description$|^\.contributes\..*\.(title|category|name|contextualTitle|contents|description|markdownDescription|altText)$|\.enumDescriptions\[\d+\]$/;
    const literal = strings(manifest).filter(([at, v]) => visible.test(at) && !/^%[^%\s]+%$/.test(v));
    assert.deepEqual(
      literal.map(([at]) => at),
      [],
    );
  });
});

describe('generated files', () => {
  it('ships the Markdown snippets generated from the current profiles', async () => {
    const { markdownSnippets } = await import('../../../src/core/templates/snippets');
    const committed = JSON.parse(readFileSync(path.join(root, 'snippets', 'incident-workbench.code-snippets'), 'utf8'));
    assert.deepEqual(
      committed,
      JSON.parse(JSON.stringify(markdownSnippets())),
      'run `npm run build` to regenerate snippets/',
    );
    assert.ok(committed['Postmortem sections (harness)'].body.includes('## Root Cause'));
  });
});

describe('the manifest for the web and virtual workspaces (#22)', () => {
  const palette = (manifest.contributes.menus.commandPalette ?? []) as Array<{ command: string; when?: string }>;

  it('has a browser entry next to main, shipped in the package, and leaves the CLI bundle out of it', () => {
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.browser, './dist/web/extension.js');
    assert.ok(manifest.files.includes('dist/web/extension.js'));
    assert.ok(!manifest.files.includes('dist/cli.js'), 'the CLI bundle is not part of the .vsix');
  });

  it('supports virtual workspaces in part, saying in English what is left out', () => {
    const virtual = manifest.capabilities.virtualWorkspaces;
    assert.equal(virtual.supported, 'limited');
    assert.match(text(virtual.description), /not available/);
    assert.match(text(virtual.description), /commit correlation/i);
  });

  it('hides from the palette what needs git or the local disk where there is none', () => {
    const when = (id: string) => palette.find((p) => p.command === id)?.when ?? '';
    assert.match(when(Commands.showIncidentWindowChanges), /!virtualWorkspace/);
    assert.match(when(Commands.showIncidentWindowChanges), /shellExecutionSupported/);
    assert.match(when(Commands.importTimeline), /!virtualWorkspace/);
    // What works everywhere is not hidden there.
    for (const id of [Commands.newPostmortem, Commands.openWizard, Commands.lintWorkspace])
      assert.doesNotMatch(when(id), /virtualWorkspace|shellExecutionSupported|isWeb/, id);
  });
});

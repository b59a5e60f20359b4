// The Get Started walkthrough of the manifest: its ids, buttons, completion events and images, and the CI guide its last step opens.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run } from '../../../src/cli/main';
import { Commands, EXTENSION_ID, Settings, Views, WALKTHROUGH_ID } from '../../../src/constants';

const root = path.resolve(__dirname, '../../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const text = (value: string): string => nls[/^%(.+)%$/.exec(value)?.[1] ?? ''] ?? value;

interface Step {
  id: string;
  title: string;
  description: string;
  media: { svg?: string; image?: string; altText: string };
  completionEvents: string[];
}
const walkthroughs = manifest.contributes.walkthroughs as Array<{ id: string; title: string; steps: Step[] }>;

/** Built-in VS Code commands the walkthrough may name (the Problems panel). */
const BUILT_IN_COMMANDS = new Set(['workbench.actions.view.problems']);
const contributedViews = new Set(
  (Object.values(manifest.contributes.views).flat() as Array<{ id: string }>).map((v) => v.id),
);

/** Whether `id` is a command that exists when the extension runs: ours, a view's focus command, or an allowed built-in. */
function commandExists(id: string): boolean {
  return (
    Object.values(Commands).includes(id as never) ||
    BUILT_IN_COMMANDS.has(id) ||
    (id.endsWith('.focus') && contributedViews.has(id.slice(0, -'.focus'.length)))
  );
}

describe('the Get Started walkthrough', () => {
  it('is the one walkthrough, named by WALKTHROUGH_ID, and "Incident: Get Started" is contributed to open it', () => {
    assert.equal(walkthroughs.length, 1);
    assert.equal(EXTENSION_ID, `${manifest.publisher}.${manifest.name}`);
    assert.equal(WALKTHROUGH_ID, `${EXTENSION_ID}#${walkthroughs[0].id}`);
    const getStarted = manifest.contributes.commands.find(
      (c: { command: string }) => c.command === Commands.getStarted,
    );
    assert.equal(text(getStarted.title), 'Get Started');
  });

  it('walks from choosing a profile to CI, in that order, one button each at least', () => {
    const steps = walkthroughs[0].steps;
    assert.deepEqual(
      steps.map((s) => s.id),
      ['chooseProfile', 'newPostmortem', 'fixFinding', 'browse', 'ci'],
    );
    const buttons = steps.map((s) => [...text(s.description).matchAll(/\]\(command:([\w.]+)\)/g)].map((m) => m[1]));
    assert.deepEqual(
      buttons.map((b) => b[0]),
      [
        Commands.chooseProfile,
        Commands.newPostmortem,
        'workbench.actions.view.problems',
        `${Views.incidents}.focus`,
        Commands.openCiGuide,
      ],
    );
    for (const [i, b] of buttons.entries())
      for (const id of b) assert.ok(commandExists(id), `step ${steps[i].id}: ${id}`);
  });

  it('completes each step on an event that names a real command, view or setting', () => {
    const settings = new Set(
      Object.entries(Settings)
        .filter(([k]) => k !== 'section')
        .map(([, v]) => `${Settings.section}.${v}`),
    );
    for (const step of walkthroughs[0].steps) {
      assert.ok(step.completionEvents.length > 0, step.id);
      for (const event of step.completionEvents) {
        const [kind, id] = event.split(/:(.*)/s);
        if (kind === 'onCommand') assert.ok(commandExists(id), event);
        else if (kind === 'onView') assert.ok(contributedViews.has(id), event);
        else if (kind === 'onSettingChanged') assert.ok(settings.has(id), event);
        else assert.fail(`unexpected completion event ${event}`);
      }
    }
  });

  it('shows an SVG from media/walkthrough in every step, themed by VS Code colour variables that fall back to neutral colours', () => {
    for (const step of walkthroughs[0].steps) {
      const file = step.media.svg ?? step.media.image ?? '';
      assert.match(file, /^media\/walkthrough\/[\w-]+\.svg$/, step.id);
      assert.ok(text(step.media.altText).length > 10, `${step.id} has alt text`);
      const svg = readFileSync(path.join(root, file), 'utf8');
      assert.match(svg, /^<svg [^>]*viewBox=/, file);
      const vars = [...svg.matchAll(/var\((--[\w-]+)(,[^)]*)?\)/g)];
      assert.ok(vars.length > 0, `${file} uses theme variables`);
      for (const v of vars) {
        assert.match(v[1], /^--vscode-/, file);
        assert.ok(v[2], `${file}: ${v[1]} has a fallback colour`);
      }
      assert.doesNotMatch(svg, /<script|href="http/i, file);
      // The walkthrough shows the SVG under a content security policy without 'unsafe-inline' styles.
      assert.doesNotMatch(svg, /<style|style=|class=/, `${file}: colours in presentation attributes`);
    }
  });
});

describe("docs/ci.md (the walkthrough's last step)", () => {
  const guide = readFileSync(path.join(root, 'docs', 'ci.md'), 'utf8');

  it('is packaged with the extension', () => {
    assert.ok(
      (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).files as string[]).includes('docs/ci.md'),
    );
  });

  it('shows lint commands the CLI accepts (no usage error)', async function () {
    this.timeout(60_000);
    // Commands in code blocks and in backticks; one reading standard input (lint -) is left out, since the test gives none,
    // and --fix, which writes files.
    const commands = [...guide.matchAll(/npx incident-workbench (lint[^\n#`]*)/g)]
      .map((m) => m[1].trim().replace(/\s*\\$/, ''))
      .filter((c) => !/ - /.test(`${c} `) && !c.includes('--fix'));
    assert.ok(
      commands.some((c) => c.includes('--format github')),
      'a GitHub Actions command',
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'iw-ci-doc-'));
    try {
      mkdirSync(path.join(dir, 'docs', 'postmortems'), { recursive: true });
      // A folder with nothing to lint exits 2 (no silent pass), so give the commands one document.
      writeFileSync(path.join(dir, 'docs', 'postmortems', '2026-03-01-example.md'), '# Postmortem: example\n');
      for (const command of commands) {
        const args = (command.match(/"[^"]*"|\S+/g) ?? [])
          .map((a) => a.replace(/^"(.*)"$/, '$1'))
          .map((a) =>
            a === 'docs'
              ? path.join(dir, 'docs')
              : a.startsWith('docs/')
                ? path.join(dir, a)
                : a.startsWith('!docs/')
                  ? `!${path.join(dir, a.slice(1))}`
                  : a,
          );
        const out: string[] = [];
        const code = await run(args, { out: (t) => out.push(t), err: (t) => out.push(t) });
        assert.ok(code === 0 || code === 1, `${command}: exit ${code}\n${out.join('\n')}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.ok(existsSync(path.join(root, 'docs', 'rules', 'README.md')), 'the guide links docs/rules/README.md');
  });
});

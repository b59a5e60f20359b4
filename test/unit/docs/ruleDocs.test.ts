import * as assert from 'node:assert/strict';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, findProfile, lintText, type Profile } from '../../../src/core';

const root = path.resolve(__dirname, '../../../..');

describe('rule documentation pages', () => {
  for (const rule of ALL_RULES) {
    it(`${rule.id} has docs/rules/${rule.id}.md naming its id, name and severity, with a bad and a good example`, () => {
      const file = path.join(root, 'docs', 'rules', `${rule.id}.md`);
      assert.ok(existsSync(file), `missing ${file}`);
      const text = readFileSync(file, 'utf8');
      assert.match(text, new RegExp(`^# ${rule.id} — ${rule.name}$`, 'm'));
      assert.match(text, new RegExp(`\\*\\*Default severity:\\*\\* ${rule.defaultSeverity}`));
      assert.match(text, /^## Bad$/m);
      assert.match(text, /^## Good$/m);
    });
  }

  it('has no page for a rule that does not exist', () => {
    const ids = new Set(ALL_RULES.map((r) => r.id));
    const pages = readdirSync(path.join(root, 'docs', 'rules'))
      .filter((f) => f !== 'README.md')
      .map((f) => f.replace(/\.md$/, ''));
    assert.deepEqual(
      pages.filter((p) => !ids.has(p)),
      [],
    );
  });

  it('has rule ids that are unique and well formed', () => {
    const ids = ALL_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^(?:PM|RB|TG|IN)\d{3}$/);
  });
});

describe('rule documentation examples', () => {
  /** The first ```markdown block after `## <heading>`. */
  function block(md: string, heading: string): string | undefined {
    const at = md.indexOf(`\n## ${heading}\n`);
    if (at < 0) return undefined;
    return /(````?)markdown\n([\s\S]*?)\n\1\n/.exec(md.slice(at))?.[2];
  }
  // PM015 needs an slo.yaml and the TG rules read code, not Markdown: their pages show them in prose and their own tests cover them.
  const markdownRules = ALL_RULES.filter((r) => r.kinds.length > 0 && r.id !== 'PM015');

  for (const rule of markdownRules) {
    it(`${rule.id} fires on its page's Bad example and not on its Good one`, () => {
      const md = readFileSync(path.join(root, 'docs', 'rules', `${rule.id}.md`), 'utf8');
      // PM014 is off by default; the heaptrace profile turns it on (and requires a tracked status, PM018, header fields, PM019, and the update cadence, PM021), prodcraft PM017 and IN002; IN001 needs a deadline and PM020 a user who confirms the fix (agent).
      const profile = findProfile(
        ['PM014', 'PM018', 'PM019', 'PM021'].includes(rule.id)
          ? 'heaptrace'
          : rule.id === 'PM017' || rule.id === 'IN002'
            ? 'prodcraft'
            : rule.id === 'IN001' || rule.id === 'PM020'
              ? 'agent'
              : 'harness',
      ) as Profile;
      // PM016 and IN001 need facts about the workspace: no slo.yaml; its postmortems (one, linked from the Good example) and the time.
      const postmortem = {
        path: '.agent/incidents/INC-2026-03-15-db-timeout-postmortem.md',
        date: undefined,
        links: [],
      };
      const options =
        rule.id === 'PM016'
          ? { sloFileMissing: true }
          : rule.id === 'IN001'
            ? {
                path: '.agent/incidents/INC-2026-03-15-checkout.md',
                workspace: { postmortems: [postmortem], now: Date.parse('2030-01-01T00:00:00Z') },
              }
            : {};
      const bad = block(md, 'Bad');
      const good = block(md, 'Good');
      assert.ok(bad && good, 'the page has a Bad and a Good markdown example');
      const of = (text: string) =>
        lintText(text, rule.kinds[0], profile, options).findings.filter((f) => f.ruleId === rule.id);
      assert.ok(of(bad).length > 0, 'the Bad example is reported');
      assert.deepEqual(
        of(good).map((f) => f.message),
        [],
        'the Good example is clean',
      );
    });
  }
});

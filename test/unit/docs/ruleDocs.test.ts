import * as assert from 'node:assert/strict';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../../src/core';

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
    const pages = readdirSync(path.join(root, 'docs', 'rules')).filter((f) => f !== 'README.md').map((f) => f.replace(/\.md$/, ''));
    assert.deepEqual(pages.filter((p) => !ids.has(p)), []);
  });

  it('has rule ids that are unique and well formed', () => {
    const ids = ALL_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^(?:PM|RB|TG|IN)\d{3}$/);
  });
});

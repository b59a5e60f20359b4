import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { BUILT_IN_PROFILES } from '../../../../src/core/profiles';
import { expectedDocumentPaths, findTagsInFile, LANGUAGES, TAG_RULES, TAG_SYNTAX } from '../../../../src/core/tags';
import { Settings } from '../../../../src/constants';

const root = path.resolve(__dirname, '../../../../..');
const doc = readFileSync(path.join(root, 'docs', 'tags.md'), 'utf8');
const blocks = [...doc.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], text: m[2] }));

describe('docs/tags.md', () => {
  it('states the grammar as core defines it', () => {
    assert.ok(doc.includes(`\`\`\`text\n${TAG_SYNTAX}\n\`\`\``));
  });

  it('has examples that are all tags, one per line, in any comment syntax', () => {
    const examples = blocks.find((b) => b.lang === 'text' && b.text.startsWith('//'));
    assert.ok(examples);
    const lines = examples.text.trimEnd().split('\n');
    assert.ok(lines.length >= 11);
    for (const line of lines) {
      const scan = findTagsInFile('example.unknownext', line);
      assert.equal(scan.tags.length, 1, line);
      assert.deepEqual(scan.problems, [], line);
    }
  });

  it('has block-comment and docstring examples that read as tags in their language', () => {
    for (const [lang, file] of [
      ['python', 'a.py'],
      ['java', 'a.java'],
      ['ts', 'a.ts'],
    ]) {
      const block = blocks.find((b) => b.lang === lang);
      assert.ok(block, lang);
      assert.equal(findTagsInFile(file, block.text).tags.length, 1, lang);
    }
  });

  it('lists every language core knows', () => {
    for (const language of LANGUAGES) assert.ok(doc.includes(`| ${language.name} |`), language.name);
  });

  it('shows, for every built-in profile, the paths a tag links to', () => {
    for (const profile of BUILT_IN_PROFILES) {
      const row = doc.split('\n').find((l) => l.startsWith(`| ${profile.name} |`));
      assert.ok(row, profile.name);
      const expected = expectedDocumentPaths(
        { date: { year: 2026, month: 3, day: 20 }, slug: 'payment-service-crashloop' },
        profile,
      );
      assert.deepEqual(
        [...row.matchAll(/`([^`]+)`/g)].map((m) => m[1]),
        expected,
        profile.name,
      );
    }
  });

  it('documents every tags setting', () => {
    for (const [key, id] of Object.entries(Settings)) {
      if (!key.startsWith('tags')) continue;
      assert.ok(doc.includes(`\`incidentWorkbench.${id}\``), id);
    }
  });
});

describe('tag rule pages', () => {
  for (const rule of TAG_RULES) {
    it(`${rule.id} has docs/rules/${rule.id}.md naming its id, name and severity, with a bad and a good example`, () => {
      const text = readFileSync(path.join(root, 'docs', 'rules', `${rule.id}.md`), 'utf8');
      assert.match(text, new RegExp(`^# ${rule.id} — ${rule.name}$`, 'm'));
      assert.match(text, new RegExp(`\\*\\*Default severity:\\*\\* ${rule.defaultSeverity}`));
      assert.match(text, /^## Bad$/m);
      assert.match(text, /^## Good$/m);
    });
  }

  it("TG002's bad example has the two problems its page names, and its good example is a tag", () => {
    const text = readFileSync(path.join(root, 'docs', 'rules', 'TG002.md'), 'utf8');
    const [bad, good] = [...text.matchAll(/^```python\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
    assert.deepEqual(
      findTagsInFile('a.py', bad).problems.map((p) => p.code),
      ['invalid-date', 'missing-colon'],
    );
    assert.equal(findTagsInFile('a.py', good).tags.length, 1);
  });
});

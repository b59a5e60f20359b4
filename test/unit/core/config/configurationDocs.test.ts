import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseConfig, RULE_LEVELS } from '../../../../src/core/config';
import { DOCUMENT_KINDS, findProfile } from '../../../../src/core/profiles';

const root = path.resolve(__dirname, '../../../../..');
const text = readFileSync(path.join(root, 'docs', 'configuration.md'), 'utf8');
const yamlBlocks = [...text.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1]);

describe('docs/configuration.md', () => {
  it('has YAML examples', () => {
    assert.ok(yamlBlocks.length >= 3);
  });

  yamlBlocks.forEach((block, i) => {
    it(`example ${i + 1} is a valid configuration with no warnings`, function () {
      const name = /^extends: (\S+)/m.exec(block)?.[1];
      if (name !== undefined && !findProfile(name)) this.skip(); // a profile not registered yet
      const r = parseConfig(block, '.incident-workbench.yaml');
      assert.deepEqual(r.problems, []);
      assert.ok(r.profile);
    });
  });

  it('names every document kind and rule level', () => {
    for (const kind of DOCUMENT_KINDS) assert.ok(text.includes(`\`${kind}\``), kind);
    for (const level of RULE_LEVELS) assert.ok(text.includes(`\`${level}\``), level);
  });
});

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, BUILT_IN_PROFILES } from '../../../src/core';

const root = path.resolve(__dirname, '../../../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** The rows of the Markdown table that follows `heading` in `text`. */
function tableAfter(text: string, heading: string): string[][] {
  const lines = text.slice(text.indexOf(heading)).split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i].startsWith('|'); i++)
    rows.push(
      lines[i]
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  return rows;
}

describe('README', () => {
  it('lists every rule with its name, default severity and title, in the rules table order', () => {
    const rows = tableAfter(readme, '## Rules');
    assert.deepEqual(
      rows.map((r) => [r[0].replace(/^\[(\w+)\].*$/, '$1'), r[1].replace(/`/g, ''), r[2], r[3]]),
      ALL_RULES.map((r) => [r.id, r.name, r.defaultSeverity, r.title]),
    );
  });

  it('lists every built-in profile', () => {
    const rows = tableAfter(readme, '### Profiles');
    assert.deepEqual(
      rows.map((r) => r[0].replace(/`| \(default\)/g, '')),
      BUILT_IN_PROFILES.map((p) => p.name),
    );
  });

  it('documents every setting of the manifest with its default', () => {
    const settings = Object.assign(
      {},
      ...manifest.contributes.configuration.map((c: { properties: object }) => c.properties),
    ) as Record<string, { default: unknown }>;
    const rows = tableAfter(readme, '### Settings');
    assert.deepEqual(rows.map((r) => r[0].replace(/`/g, '')).sort(), Object.keys(settings).sort());
    for (const row of rows)
      assert.equal(row[1].replace(/`/g, ''), String(settings[row[0].replace(/`/g, '')].default), row[0]);
  });

  it('shows screenshots that exist', () => {
    for (const m of readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) assert.ok(existsSync(path.join(root, m[1])), m[1]);
  });
});

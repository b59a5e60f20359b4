import * as assert from 'node:assert/strict';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import { range } from '../../../../src/core/markdown/position';
import { findTagsInFile, incidentDocuments, tagFindings, TAG_RULES, TG001, TG002 } from '../../../../src/core/tags';

const harness = findProfile('harness') as Profile;
const docs = incidentDocuments(['docs/postmortems/2026-03-15-user-service-timeout.md'], harness);
const CODE = [
  '// INCIDENT-2026-03-15: linked',
  '// INCIDENT-2026-03-16 checkout: no document',
  '// INCIDENT-2026-02-30: impossible',
  '// INCIDENT-2026-03-15 other-slug: wrong slug',
].join('\n');

describe('tag rules', () => {
  it('are TG001 and TG002 with names, titles and default levels, checking no Markdown document', () => {
    assert.deepEqual(
      TAG_RULES.map((r) => [r.id, r.name, r.defaultSeverity, r.kinds.length]),
      [
        ['TG001', 'tag-without-incident', 'warning', 0],
        ['TG002', 'invalid-tag', 'error', 0],
      ],
    );
    assert.deepEqual(TG001.check({} as never), []);
  });

  it("reports TG001 on each unlinked tag's head and TG002 on each tag problem, in order", () => {
    const findings = tagFindings(findTagsInFile('src/a.ts', CODE), docs, harness);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.range]),
      [
        ['TG001', 'warning', range(1, 3, 1, 31)],
        ['TG002', 'error', range(2, 12, 2, 22)],
        ['TG001', 'warning', range(3, 3, 3, 33)],
      ],
    );
    assert.equal(
      findings[0].message,
      'No incident document matches INCIDENT-2026-03-16 checkout; expected docs/postmortems/2026-03-16-checkout.md or docs/incidents/2026-03-16-checkout.md.',
    );
    assert.equal(
      findings[2].message,
      'No incident document matches INCIDENT-2026-03-15 other-slug; expected docs/postmortems/2026-03-15-other-slug.md or docs/incidents/2026-03-15-other-slug.md. ' +
        'Documents of that date: docs/postmortems/2026-03-15-user-service-timeout.md.',
    );
  });

  it("follows the profile's rule levels, off included", () => {
    const profile: Profile = { ...harness, rules: { [TG001.id]: 'error', [TG002.id]: 'off' } };
    assert.deepEqual(
      tagFindings(findTagsInFile('src/a.ts', CODE), docs, profile).map((f) => [f.ruleId, f.severity]),
      [
        ['TG001', 'error'],
        ['TG001', 'error'],
      ],
    );
  });

  it('reports nothing for a file whose tags all link', () => {
    assert.deepEqual(
      tagFindings(findTagsInFile('a.py', '# INCIDENT-2026-03-15 user-service-timeout: ok'), docs, harness),
      [],
    );
    assert.equal(TG002.id, 'TG002');
  });
});

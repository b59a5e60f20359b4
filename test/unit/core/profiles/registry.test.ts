import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  BUILT_IN_PROFILES,
  DEFAULT_PROFILE_NAME,
  findProfile,
  profileNames,
  DOCUMENT_KINDS,
} from '../../../../src/core/profiles';
import { normalizeHeading } from '../../../../src/core/markdown/headingText';
import { specsMatchingHeading } from './profileFixtures';

const root = path.resolve(__dirname, '../../../../..');

/** Letters and digits only, upper-cased: how severity names compare in documents. */
const severityKey = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

describe('built-in profiles', () => {
  it('lists harness, agent, prodcraft, saas, heaptrace, google-sre and pagerduty, in that order', () => {
    assert.deepEqual(profileNames(), ['harness', 'agent', 'prodcraft', 'saas', 'heaptrace', 'google-sre', 'pagerduty']);
    assert.equal(DEFAULT_PROFILE_NAME, 'harness');
  });

  it('finds each profile by its name, and nothing for an unknown name', () => {
    for (const profile of BUILT_IN_PROFILES) assert.equal(findProfile(profile.name), profile);
    assert.equal(findProfile('nothing-like-it'), undefined);
  });

  it('offers exactly these profiles in the incidentWorkbench.profile.name setting, one description each', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const setting = pkg.contributes.configuration
      .map(
        (c: { properties: Record<string, { enum?: string[]; enumDescriptions?: string[] }> }) =>
          c.properties['incidentWorkbench.profile.name'],
      )
      .find(Boolean);
    assert.deepEqual(setting.enum, profileNames());
    assert.equal(setting.enumDescriptions.length, profileNames().length);
  });

  for (const profile of BUILT_IN_PROFILES) {
    describe(profile.name, () => {
      const kinds = DOCUMENT_KINDS.filter((kind) => profile.documents[kind]);

      it('has a postmortem kind with at least one required section', () => {
        assert.ok(profile.documents.postmortem?.sections.some((s) => s.required));
      });

      for (const kind of kinds) {
        const spec = profile.documents[kind]!;

        it(`has unique ${kind} section ids`, () => {
          const ids = spec.sections.map((s) => s.id);
          assert.deepEqual(
            ids.filter((id, i) => ids.indexOf(id) !== i),
            [],
          );
        });

        it(`gives no two ${kind} sections the same title or synonym`, () => {
          const owners = new Map<string, string>();
          const clashes: string[] = [];
          for (const section of spec.sections) {
            for (const name of [section.title, ...section.synonyms]) {
              const key = normalizeHeading(name);
              const owner = owners.get(key);
              if (owner !== undefined && owner !== section.id) clashes.push(`${name}: ${owner} and ${section.id}`);
              owners.set(key, section.id);
            }
          }
          assert.deepEqual(clashes, []);
        });

        it(`matches each ${kind} section's title and synonyms, written as a heading, to that section only`, () => {
          const wrong = spec.sections.flatMap((section) =>
            [section.title, ...section.synonyms]
              .map((name) => ({ name, ids: specsMatchingHeading(name, spec.sections) }))
              .filter((m) => m.ids.length !== 1 || m.ids[0] !== section.id),
          );
          assert.deepEqual(wrong, []);
        });

        it(`keeps its ${kind} folder relative, with forward slashes and no trailing slash`, () => {
          assert.match(spec.folder, /^[^/\\][^\\]*[^/]$/);
        });
      }

      it('has unique severity ids, and no alias that reads as another level', () => {
        const ids = profile.severities.map((s) => s.id);
        assert.deepEqual(
          ids.filter((id, i) => ids.indexOf(id) !== i),
          [],
        );
        const owners = new Map<string, string>();
        const clashes: string[] = [];
        for (const level of profile.severities) {
          for (const name of [level.id, ...(level.aliases ?? [])]) {
            const owner = owners.get(severityKey(name));
            if (owner !== undefined && owner !== level.id) clashes.push(`${name}: ${owner} and ${level.id}`);
            owners.set(severityKey(name), level.id);
          }
        }
        assert.deepEqual(clashes, []);
      });

      it('names at least one required action-item column and a positive minimum', () => {
        assert.ok(profile.actionItems.requiredColumns.length > 0);
        assert.ok(profile.actionItems.minimum >= 1);
      });
    });
  }
});

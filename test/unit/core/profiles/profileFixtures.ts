// Shared helpers for the built-in profile tests: fixture files and heading-to-section matching.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../../../src/core/lint/lint';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { matchSections } from '../../../../src/core/postmortem/sections';
import { findProfile } from '../../../../src/core/profiles';
import type { DocumentKindSpec, Profile, SectionSpec } from '../../../../src/core/profiles';

const FIXTURES = path.resolve(__dirname, '../../../../..', 'test', 'fixtures', 'profiles');

/** The text of `test/fixtures/profiles/<profile>/<file>`. */
export function readFixture(profile: string, file: string): string {
  return readFileSync(path.join(FIXTURES, profile, file), 'utf8');
}

/** The ids of the specs a heading with this text would provide (the real matcher, one heading at a time). */
export function specsMatchingHeading(headingText: string, specs: readonly SectionSpec[]): string[] {
  const doc = parseMarkdown(`# Title\n\n## ${headingText}\n`);
  return matchSections(doc, specs)
    .filter((m) => m.section)
    .map((m) => m.spec.id);
}

/** Every heading of `text` except the document title, as written. */
export function sectionHeadings(text: string): string[] {
  const doc = parseMarkdown(text);
  return doc.sections.filter((s) => s.heading !== doc.title).map((s) => s.heading.text);
}

/** `text` without the heading line that provides `spec` (its body stays, under the previous heading). */
export function withoutSection(text: string, spec: SectionSpec): string {
  const [match] = matchSections(parseMarkdown(text), [spec]);
  if (!match.section) throw new Error(`fixture has no "${spec.title}" heading`);
  const lines = text.split('\n');
  lines.splice(match.section.heading.line, 1);
  return lines.join('\n');
}

/**
 * Whether `text` states header field `name` in one of the forms documents use: a bold label
 * (`**Date:** …`), a row of a summary table (`| Date | … |`), or a heading (`### Date: …`).
 */
export function statesField(text: string, name: string): boolean {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^(?:\\*\\*${n}:\\*\\*\\s*\\S|\\|\\s*${n}\\s*\\|\\s*\\S|#{1,6}\\s+${n}:\\s*\\S)`, 'm').test(text);
}

/**
 * The checks every built-in profile's `complete.md` postmortem fixture must pass: no PM001 finding,
 * exactly one PM001 finding naming each required section once its heading is removed, no heading
 * that matches two sections, and every header field stated.
 */
export function completePostmortemChecks(profileName: string): void {
  const profile = findProfile(profileName) as Profile;
  const spec = profile.documents.postmortem as DocumentKindSpec;
  const text = readFixture(profileName, 'complete.md');
  const pm001 = (t: string) => lintText(t, 'postmortem', profile).findings.filter((f) => f.ruleId === 'PM001');

  it('lints complete.md with no PM001 finding', () => {
    assert.deepEqual(pm001(text), []);
  });

  for (const section of spec.sections.filter((s) => s.required)) {
    it(`reports exactly one PM001 finding, naming "${section.title}", when that heading is removed`, () => {
      assert.deepEqual(
        pm001(withoutSection(text, section)).map((f) => f.message),
        [`Missing required section "${section.title}".`],
      );
    });
  }

  it('has no heading in complete.md that matches two sections', () => {
    const ambiguous = sectionHeadings(text)
      .map((heading) => ({ heading, ids: specsMatchingHeading(heading, spec.sections) }))
      .filter((h) => h.ids.length > 1);
    assert.deepEqual(ambiguous, []);
  });

  it('states every header field of the profile in complete.md', () => {
    assert.deepEqual(
      (spec.headerFields ?? []).filter((name) => !statesField(text, name)),
      [],
    );
  });
}

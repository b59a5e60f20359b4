import * as assert from 'node:assert/strict';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { matchSeverity, readFields, readSeverity } from '../../../../src/core/postmortem/fields';
import { findProfile, type Profile } from '../../../../src/core/profiles';

const harness = findProfile('harness') as Profile;
const agent = findProfile('agent') as Profile;

/** The severity `text` states under `profile`: `level @line:start source "as written"`, or `none`. */
function severity(text: string, profile: Profile = harness): string {
  const doc = parseMarkdown(text);
  const { field, level } = readSeverity(doc, readFields(doc), profile);
  if (!field) return 'none';
  return `${level?.id ?? '?'} @${field.range.start.line + 1}:${field.range.start.character} ${field.source} "${field.value}"`;
}

describe('severity as teams write it', () => {
  it('reads a field, a two-column table row, front matter, a summary table and a heading with the value under it', () => {
    assert.equal(severity('# Outage\n\n**Severity:** SEV2\n'), 'SEV2 @3:14 label "SEV2"');
    assert.equal(
      severity('# Outage\n\n| Field | Value |\n|---|---|\n| Severity | Sev 1 |\n'),
      'SEV1 @5:13 table "Sev 1"',
    );
    assert.equal(severity('---\nseverity: critical\n---\n# Outage\n'), 'SEV1 @2:10 front-matter "critical"');
    assert.equal(
      severity('# Outage\n\n| Date | Severity | Duration |\n|---|---|---|\n| 2026-03-02 | SEV-3 | 40 min |\n'),
      'SEV3 @5:15 table "SEV-3"',
    );
    assert.equal(severity('# Outage\n\n## Severity\n\nSEV 4\n\n## Summary\nA typo.\n'), 'SEV4 @5:0 heading "SEV 4"');
  });

  it('reads a severity named in a sentence, the most severe of several', () => {
    assert.equal(
      severity('# Outage\n\n## Timeline\n- 10:02 Sev 2 ticket raised\n- 10:30 escalated to SEV-1\n'),
      'SEV1 @5:21 sentence "SEV-1"',
    );
    assert.equal(
      severity('# Outage\n\nThis was a SEV2 incident for the billing team.\n'),
      'SEV2 @3:11 sentence "SEV2"',
    );
    assert.equal(
      severity('# Outage\n\nThe severity was major while payments failed.\n'),
      'SEV2 @3:17 sentence "major"',
    );
    assert.equal(severity('# Outage\n\nWe declared a P1 at 10:04.\n', agent), 'P1 @3:14 sentence "P1"');
  });

  it('reports a SEV-style mention that is not on the scale, and ignores a P-number that may be a priority', () => {
    assert.equal(severity('# Outage\n\nThis was a SEV2 incident.\n', agent), '? @3:11 sentence "SEV2"');
    assert.equal(severity('# Outage\n\n## Action Items\n- [P1] Add an alert (owner: @a)\n'), 'none');
    assert.equal(severity('# Outage\n\nThe severity of the impact is unclear.\n'), 'none');
  });

  it('ignores severities in code and prefers a field over any sentence', () => {
    assert.equal(severity('# Outage\n\n```\nalert: sev1\n```\n'), 'none');
    assert.equal(
      severity('# Outage\n\n**Severity:** SEV3\n\nAt first it looked like a SEV1.\n'),
      'SEV3 @3:14 label "SEV3"',
    );
  });

  it('maps a bare number onto the level with that number', () => {
    assert.equal(matchSeverity('2', harness)?.id, 'SEV2');
    assert.equal(matchSeverity('severity 3', harness)?.id, 'SEV3');
    assert.equal(matchSeverity('1', agent)?.id, 'P1');
    assert.equal(matchSeverity('7', harness), undefined);
  });
});

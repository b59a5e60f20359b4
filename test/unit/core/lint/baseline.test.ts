import * as assert from 'node:assert/strict';
import { createBaseline, formatBaseline, parseBaseline, splitByBaseline } from '../../../../src/core/lint/baseline';
import { lintText } from '../../../../src/core/lint/lint';
import { splitLines } from '../../../../src/core/markdown/model';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import { CLEAN_POSTMORTEM, replaceSection } from '../../../fixtures/documents';

const harness = findProfile('harness') as Profile;
const OLD = replaceSection(CLEAN_POSTMORTEM, 'Root Cause', '## Root Cause\n\nHuman error.');

function file(text: string, path = 'docs/postmortems/2026-03-15-old.md') {
  return { path, lines: splitLines(text), findings: lintText(text, 'postmortem', harness).findings };
}

describe('baseline', () => {
  const baseline = createBaseline([file(OLD)]);

  it('records each finding by rule, file and hash, and reads back what it writes', () => {
    assert.ok(baseline.entries.some((e) => e.rule === 'PM008' && e.file === 'docs/postmortems/2026-03-15-old.md'));
    assert.deepEqual(parseBaseline(formatBaseline(baseline)), baseline);
  });

  it('holds every finding of the document it was made from', () => {
    const { fresh, baselined } = splitByBaseline(baseline, [file(OLD)]);
    assert.deepEqual(fresh.get('docs/postmortems/2026-03-15-old.md'), []);
    assert.ok((baselined.get('docs/postmortems/2026-03-15-old.md') ?? []).some((f) => f.ruleId === 'PM008'));
  });

  it('keeps a finding baselined when another part of the document is edited (lines move)', () => {
    const edited = OLD.replace(/^## Summary\n/m, '## Summary\n\nA paragraph added a year later.\n\nAnd another.\n');
    assert.notEqual(edited, OLD);
    const { fresh } = splitByBaseline(baseline, [file(edited)]);
    assert.deepEqual(fresh.get('docs/postmortems/2026-03-15-old.md'), []);
  });

  it('reports a new finding, and the same finding in another file', () => {
    const worse = replaceSection(OLD, 'Contributing Factors', '');
    const { fresh } = splitByBaseline(baseline, [file(worse), file(OLD, 'docs/postmortems/2026-04-01-new.md')]);
    assert.ok((fresh.get('docs/postmortems/2026-03-15-old.md') ?? []).length > 0);
    assert.ok((fresh.get('docs/postmortems/2026-04-01-new.md') ?? []).some((f) => f.ruleId === 'PM008'));
  });

  it('refuses a file that is not a baseline, saying why', () => {
    assert.throws(() => parseBaseline('{'), /not valid JSON/);
    assert.throws(() => parseBaseline('{"version": 2, "entries": []}'), /version 1/);
    assert.throws(() => parseBaseline('{"version": 1, "entries": [{"rule": "PM001"}]}'), /entries\[0\]/);
  });
});

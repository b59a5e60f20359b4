import * as assert from 'node:assert/strict';
import { applyEdits, fixesFor, type FixContext } from '../../../../src/core/fixes/fixes';
import { lintText } from '../../../../src/core/lint/lint';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import { CLEAN_POSTMORTEM, replaceSection } from '../../../fixtures/documents';

const harness = findProfile('harness') as Profile;

function fix(text: string, ruleId: string, title: RegExp, index = 0): string {
  const finding = lintText(text, 'postmortem', harness).findings.filter((f) => f.ruleId === ruleId)[index];
  assert.ok(finding, `no ${ruleId} finding`);
  const context: FixContext = { doc: parseMarkdown(text), kind: 'postmortem', profile: harness, today: '2026-11-26' };
  const chosen = fixesFor(finding, context).find((f) => title.test(f.title));
  assert.ok(
    chosen,
    `no fix matching ${title}: ${fixesFor(finding, context)
      .map((f) => f.title)
      .join(', ')}`,
  );
  return applyEdits(text, chosen.edits);
}

describe('quick fixes', () => {
  it('inserts a missing section before the next section of the profile order', () => {
    const text = replaceSection(CLEAN_POSTMORTEM, 'Root Cause', '');
    const fixed = fix(text, 'PM001', /Add the "Root Cause" section/);
    assert.match(
      fixed,
      /\| 15:19 \| Error rate back to normal; incident resolved \|\n\n+## Root Cause\n\n<Root Cause: write this section\.>\n\n## Contributing Factors/,
    );
    assert.deepEqual(
      lintText(fixed, 'postmortem', harness).findings.filter((f) => f.ruleId === 'PM001'),
      [],
    );
  });

  it('appends a missing last section at the end of the document', () => {
    const text = replaceSection(CLEAN_POSTMORTEM, 'Action Items', '');
    const fixed = fix(text, 'PM001', /Add the "Action Items" section/);
    assert.ok(
      fixed.endsWith(
        'We rolled back the deploy and added the missing index.\n\n## Action Items\n\n<Action Items: write this section.>\n',
      ),
      JSON.stringify(fixed.slice(-120)),
    );
  });

  it('adds a missing Owner column to every line of the table', () => {
    const text = replaceSection(
      CLEAN_POSTMORTEM,
      'Action Items',
      '## Action Items\n| Action | Due Date |\n|---|---|\n| Add query test | 2026-03-22 |\nAdd breaker | 2026-03-29\n',
    );
    const fixed = fix(text, 'PM004', /Add a "Owner" column/);
    assert.match(
      fixed,
      /\| Action \| Due Date \| Owner \|\n\|---\|---\| --- \|\n\| Add query test \| 2026-03-22 \| {3}\|\nAdd breaker \| 2026-03-29 \| {2}$/,
    );
    const after = lintText(fixed, 'postmortem', harness).findings.filter((f) => f.ruleId === 'PM004');
    assert.equal(after.length, 2, 'each empty owner cell is now reported at its cell');
    assert.ok(after.every((f) => /has no owner/.test(f.message)));
  });

  it('converts list action items into the profile table, keeping owners, dates and priorities', () => {
    const text = replaceSection(
      CLEAN_POSTMORTEM,
      'Action Items',
      [
        '## Action Items',
        '- [P0] Add query performance test for preferences endpoint (owner: @backend, due: 2026-03-16)',
        '- [P1] Add circuit breaker between gateway and user service',
        '',
      ].join('\n'),
    );
    const fixed = fix(text, 'PM004', /Convert the action items list to a table/);
    assert.match(
      fixed,
      /## Action Items\n\| Action \| Owner \| Due Date \| Priority \|\n\|---\|---\|---\|---\|\n\| Add query performance test for preferences endpoint \| @backend \| 2026-03-16 \| P0 \|\n\| Add circuit breaker between gateway and user service \| {2}\| {2}\| P1 \|$/,
    );
  });

  it("replaces a YYYY-MM-DD placeholder with today's date", () => {
    const text = CLEAN_POSTMORTEM.replace('**Date:** 2026-03-15', '**Date:** YYYY-MM-DD');
    assert.match(fix(text, 'PM003', /today's date/), /\*\*Date:\*\* 2026-11-26/);
  });

  it('disables a rule for the next line, and for the file after front matter', () => {
    const text = CLEAN_POSTMORTEM.replace('## Impact\n', '## Impact\nThe outage was caused by @jdoe.\n');
    const line = fix(text, 'PM013', /for this line/);
    assert.match(line, /<!-- incident-workbench-disable-next-line PM013 -->\nThe outage was caused by @jdoe\./);
    assert.deepEqual(lintText(line, 'postmortem', harness).findings, []);
    const file = fix(`---\ntitle: x\n---\n${text}`, 'PM013', /for this file/);
    assert.ok(file.startsWith('---\ntitle: x\n---\n<!-- incident-workbench-disable-file PM013 -->\n# Postmortem'));
  });

  it('offers no line-disable inside a table, where a comment line would split it', () => {
    const text = replaceSection(
      CLEAN_POSTMORTEM,
      'Action Items',
      '## Action Items\n| Action | Owner | Due Date |\n|---|---|---|\n| Add query test |  | 2026-03-22 |\n',
    );
    const finding = lintText(text, 'postmortem', harness).findings.find((f) => f.ruleId === 'PM004')!;
    const titles = fixesFor(finding, {
      doc: parseMarkdown(text),
      kind: 'postmortem',
      profile: harness,
      today: '2026-11-26',
    }).map((f) => f.title);
    assert.deepEqual(titles, ['Disable PM004 for this file']);
  });
});

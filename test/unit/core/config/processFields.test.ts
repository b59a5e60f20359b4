import * as assert from 'node:assert/strict';
import { parseConfig, type ConfigProblem } from '../../../../src/core/config';
import { findProfile, type Profile } from '../../../../src/core/profiles';

const FILE = '.incident-workbench.yaml';

/** `line:col-endLine:endCol severity message`, 1-based, as a user reads it. */
function show(p: ConfigProblem): string {
  const r = p.range;
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${p.severity} ${p.message}`;
}

function read(...lines: string[]): { profile?: Profile; problems: string[] } {
  const r = parseConfig(`${lines.join('\n')}\n`, FILE);
  return { profile: r.profile, problems: r.problems.map(show) };
}

describe('configuration: the process gates (postmortemDeadlineHours, actionItems.followUpReviewDays, severityMatrix)', () => {
  it('sets the postmortem deadline, the follow-up review and the matrix path over the base profile', () => {
    const r = read(
      'extends: google-sre',
      'postmortemDeadlineHours: 72',
      'actionItems:',
      '  followUpReviewDays: 30',
      'severityMatrix: ./ops/severity.md',
    );
    assert.deepEqual(r.problems, []);
    assert.equal(r.profile?.postmortemDeadlineHours, 72);
    assert.equal(r.profile?.actionItems.followUpReviewDays, 30);
    assert.equal(r.profile?.severityMatrix, 'ops/severity.md');
  });

  it('accepts a fractional number of hours', () => {
    assert.equal(read('postmortemDeadlineHours: 0.5').profile?.postmortemDeadlineHours, 0.5);
  });

  it("keeps the base profile's values when the keys are absent", () => {
    const prodcraft = findProfile('prodcraft') as Profile;
    const p = read('extends: prodcraft', 'rules: { PM001: warning }').profile as Profile;
    assert.equal(p.postmortemDeadlineHours, 48);
    assert.equal(p.actionItems.followUpReviewDays, prodcraft.actionItems.followUpReviewDays);
    assert.equal(read('rules: { PM001: warning }').profile?.severityMatrix, 'docs/runbooks/severity-matrix.md');
  });

  it('refuses hours that are not a positive number, at the value', () => {
    assert.deepEqual(read('postmortemDeadlineHours: 0').problems, [
      '1:26-1:27 error postmortemDeadlineHours: must be a number of hours greater than 0 (got the number 0)',
    ]);
    assert.deepEqual(read('postmortemDeadlineHours: -24').problems, [
      '1:26-1:29 error postmortemDeadlineHours: must be a number of hours greater than 0 (got the number -24)',
    ]);
    assert.deepEqual(read('postmortemDeadlineHours: 48h').problems, [
      '1:26-1:29 error postmortemDeadlineHours: must be a number (got "48h")',
    ]);
    assert.deepEqual(read('postmortemDeadlineHours: 100000').problems, [
      '1:26-1:32 error postmortemDeadlineHours: must be at most 8784 hours (a year) (got the number 100000)',
    ]);
  });

  it('refuses a follow-up review that is not a whole number of days from 1', () => {
    assert.deepEqual(read('actionItems: { followUpReviewDays: 0 }').problems, [
      '1:36-1:37 error actionItems.followUpReviewDays: must be at least 1 (got the number 0)',
    ]);
    assert.deepEqual(read('actionItems: { followUpReviewDays: 1.5 }').problems, [
      '1:36-1:39 error actionItems.followUpReviewDays: must be a whole number (got the number 1.5)',
    ]);
  });

  it('refuses a matrix path outside the workspace or not Markdown', () => {
    assert.deepEqual(read('severityMatrix: ../matrix.md').problems, [
      '1:17-1:29 error severityMatrix: must stay inside the workspace (".." is not allowed) (got "../matrix.md")',
    ]);
    assert.deepEqual(read('severityMatrix: docs/matrix.txt').problems, [
      '1:17-1:32 error severityMatrix: must be a Markdown file ending in .md or .markdown (got "docs/matrix.txt")',
    ]);
  });

  it('applies nothing from a file with a bad value (errors are never half-applied)', () => {
    assert.equal(read('postmortemDeadlineHours: 0', 'actionItems: { followUpReviewDays: 30 }').profile, undefined);
  });
});

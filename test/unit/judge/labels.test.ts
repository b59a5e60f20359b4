import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { findProfile } from '../../../src/core/profiles';
import { ALL_RULES } from '../../../src/core/rules';
import {
  checkLabels,
  HOLDOUT_PATHS,
  keyKind,
  parseLabels,
  type JudgedKind,
  type LabelsEnvironment,
} from '../../judged/labels';

const REPO = path.resolve(__dirname, '../../../..');
const CORPUS = path.resolve(REPO, '..', 'shared', 'corpus');
const LABELS = path.join(REPO, 'test', 'judged', 'labels.yaml');

const realSections = (name: string, kind: JudgedKind) => findProfile(name)?.documents[kind]?.sections.map((s) => s.id);
const ruleIds = new Set(ALL_RULES.map((r) => r.id));

describe('judge: the labels file format', () => {
  const one = (body: string) =>
    parseLabels(
      `documents:\n  - path: postmortems/a.md\n    kind: postmortem\n    profile: harness\n    holdout: false\n${body}`,
    );

  it('reads a document with its judged rules, expected and debatable findings and times', () => {
    const { documents, errors } = one(
      [
        '    rules: [PM001, PM004, PM010]',
        '    expected:',
        '      - { rule: PM001, section: impact, why: "no impact anywhere" }',
        '      - { rule: PM004, line: 12, to: 13, why: "no owner" }',
        '    debatable:',
        '      - { rule: PM010, why: "arguable" }',
        '    times: { detect: 4, recover: null, detection: "line 3" }',
      ].join('\n'),
    );
    assert.deepEqual(errors, []);
    const [d] = documents;
    assert.deepEqual(d.rules, ['PM001', 'PM004', 'PM010']);
    assert.deepEqual(
      d.expected.map((l) => [l.rule, l.section, l.line, l.to]),
      [
        ['PM001', 'impact', undefined, undefined],
        ['PM004', undefined, 12, 13],
      ],
    );
    assert.deepEqual(
      d.debatable.map((l) => l.rule),
      ['PM010'],
    );
    assert.deepEqual(d.times, { detect: 4, recover: null, start: undefined, detection: 'line 3', recovery: undefined });
  });

  it('says which document and which field is wrong', () => {
    const { errors } = one(
      [
        '    rules: [PM001, PM004]',
        '    expected:',
        '      - { rule: PM004, why: "no line" }',
        '      - { rule: PM001, why: "no section" }',
        '      - { rule: PM009, line: 3, why: "not judged here" }',
        '      - { rule: PM004, line: 5, to: 4, why: "backwards" }',
        '      - { rule: PM004, line: 6 }',
        '    times: { detect: null, recover: null }',
      ].join('\n'),
    );
    assert.deepEqual(errors, [
      'postmortems/a.md: expected[0]: PM004 needs "line" (1-based).',
      'postmortems/a.md: expected[1]: PM001 needs "section" (the profile\'s section id).',
      'postmortems/a.md: expected[2]: PM009 is not among the document\'s judged "rules".',
      'postmortems/a.md: expected[3]: "to" must be a line at or after "line".',
      'postmortems/a.md: expected[4] (PM004) needs a "why".',
      'postmortems/a.md: "times" must be "unreadable" or give "detect" and "recover" in minutes (null for one the timeline does not give).',
    ]);
  });

  it('keys missing sections by section, PM010 and PM011 by document and the other rules by line', () => {
    assert.deepEqual(['PM001', 'RB001', 'PM010', 'PM011', 'PM003', 'PM004', 'PM005', 'PM009'].map(keyKind), [
      'section',
      'section',
      'document',
      'document',
      'line',
      'line',
      'line',
      'line',
    ]);
  });

  it('reports a file, profile, section, rule or hold-out part that does not exist', () => {
    const { documents } = parseLabels(
      [
        'documents:',
        '  - { path: postmortems/a.md, kind: postmortem, profile: harness, holdout: true, rules: [PM001, PM003, XX999],',
        '      expected: [{ rule: PM001, section: lessons, why: w }, { rule: PM003, line: 11, why: w }] }',
        '  - { path: postmortems/gone.md, kind: runbook, profile: nobody, holdout: false, rules: [RB001] }',
      ].join('\n'),
    );
    const env: LabelsEnvironment = {
      lineCount: (p) => (p === 'postmortems/a.md' ? 10 : undefined),
      sectionIds: realSections,
      ruleIds,
      holdout: ['postmortems/b.md'],
    };
    const errors = checkLabels(documents, env);
    assert.ok(errors.includes('postmortems/a.md: XX999 is not a rule of the linter.'), errors.join('\n'));
    assert.ok(
      errors.some((e) => e.startsWith('postmortems/a.md: PM001: "lessons" is not a section of harness\'s postmortems')),
      errors.join('\n'),
    );
    assert.ok(
      errors.includes('postmortems/a.md: PM003: line 11 is past the end of the file (10 lines).'),
      errors.join('\n'),
    );
    assert.ok(errors.includes('postmortems/gone.md: no such file in the corpus.'), errors.join('\n'));
    assert.ok(
      errors.includes('postmortems/gone.md: "nobody" is not a built-in profile with runbooks.'),
      errors.join('\n'),
    );
    assert.ok(
      errors.includes('The hold-out part must be exactly postmortems/b.md; marked: postmortems/a.md.'),
      errors.join('\n'),
    );
  });
});

describe('judge: test/judged/labels.yaml', () => {
  const { documents, errors } = parseLabels(readFileSync(LABELS, 'utf8'));

  it('is well-formed', () => {
    assert.deepEqual(errors, []);
  });

  it('points at real corpus files and lines, built-in profiles and sections, and rules of the linter, and marks exactly the five hold-out files', function () {
    if (!existsSync(CORPUS)) this.skip(); // the corpus of issue #17 lives next to the repository, not in it
    const lineCount = (p: string) => {
      const file = path.join(CORPUS, p);
      return existsSync(file) && statSync(file).isFile() ? readFileSync(file, 'utf8').split('\n').length : undefined;
    };
    assert.deepEqual(
      checkLabels(documents, { lineCount, sectionIds: realSections, ruleIds, holdout: HOLDOUT_PATHS }),
      [],
    );
    assert.equal(HOLDOUT_PATHS.length, 5);
  });

  it('labels every postmortem and runbook of the corpus', function () {
    if (!existsSync(CORPUS)) this.skip();
    const labelled = new Set(documents.map((d) => d.path));
    for (const folder of ['postmortems', 'runbooks']) {
      const files = readFileSync(path.join(CORPUS, 'SOURCES.tsv'), 'utf8')
        .split('\n')
        .map((l) => l.split('\t')[0])
        .filter((f) => f.startsWith(`${folder}/`));
      assert.ok(files.length > 0, folder);
      for (const f of files) assert.ok(labelled.has(f), `${f} is not labelled`);
    }
  });
});

import * as assert from 'node:assert/strict';
import type { Label } from '../../judged/labels';
import {
  judgeDocument,
  judgeTimes,
  matches,
  meets,
  precision,
  ratio,
  recall,
  sectionFromMessage,
  tally,
  TARGETS,
  withinTolerance,
  type PartScore,
  type Reported,
} from '../../judged/score';

const finding = (rule: string, line: number, message = `${rule} finding`, section?: string): Reported => ({
  rule,
  line,
  message,
  ...(section ? { section } : {}),
});
const label = (rule: string, key: Partial<Label> = {}): Label => ({ rule, why: 'reason', ...key });

describe('judge: matching a finding to a label', () => {
  it('matches a missing-section finding by the section id its message names', () => {
    assert.equal(matches(label('PM001', { section: 'impact' }), finding('PM001', 1, 'x', 'impact')), true);
    assert.equal(matches(label('PM001', { section: 'impact' }), finding('PM001', 1, 'x', 'summary')), false);
    assert.equal(
      matches(label('PM001', { section: 'impact' }), finding('PM001', 1, 'x')),
      false,
      'a section the profile does not know matches nothing',
    );
  });

  it('matches a line finding anywhere within the item, first and last line included', () => {
    const item = label('PM004', { line: 10, to: 12 });
    assert.deepEqual(
      [9, 10, 11, 12, 13].map((l) => matches(item, finding('PM004', l))),
      [false, true, true, true, false],
    );
    assert.equal(matches(label('PM003', { line: 7 }), finding('PM003', 7)), true);
    assert.equal(matches(label('PM003', { line: 7 }), finding('PM003', 8)), false);
  });

  it('matches a once-per-document finding wherever it is reported, but never another rule', () => {
    assert.equal(matches(label('PM010'), finding('PM010', 42)), true);
    assert.equal(matches(label('PM010'), finding('PM011', 42)), false);
  });
});

describe('judge: verdicts on one document', () => {
  const doc = {
    rules: ['PM004', 'PM010'],
    expected: [label('PM004', { line: 5 }), label('PM004', { line: 6 }), label('PM004', { line: 9 })],
    debatable: [label('PM004', { line: 7 }), label('PM010')],
  };

  it('sorts findings into right, wrong and debatable, and lists the expected ones not reported as missed', () => {
    const [pm004, pm010] = judgeDocument(doc, [
      finding('PM004', 5),
      finding('PM004', 7),
      finding('PM004', 8),
      finding('PM010', 3),
    ]);
    assert.deepEqual(
      pm004.right.map((h) => h.label.line),
      [5],
    );
    assert.deepEqual(
      pm004.wrong.map((f) => f.line),
      [8],
    );
    assert.deepEqual(
      pm004.debatable.map((f) => f.line),
      [7],
    );
    assert.deepEqual(
      pm004.missed.map((l) => l.line),
      [6, 9],
    );
    assert.deepEqual(
      pm010.debatable.map((f) => f.line),
      [3],
      'a debatable document-level finding is neither right nor wrong',
    );
  });

  it('confirms each expected label once: a second finding on the same item is wrong', () => {
    const [pm004] = judgeDocument(doc, [finding('PM004', 5), finding('PM004', 5)]);
    assert.equal(pm004.right.length, 1);
    assert.equal(pm004.wrong.length, 1);
  });

  it('ignores findings of rules the document is not judged on (closed world only for judged rules)', () => {
    const outcomes = judgeDocument(doc, [finding('PM013', 5)]);
    assert.deepEqual(
      outcomes.map((o) => o.rule),
      ['PM004', 'PM010'],
    );
    assert.equal(
      outcomes.every((o) => o.wrong.length === 0 && o.right.length === 0),
      true,
    );
  });

  it('counts a finding as right rather than debatable when an expected label describes it too', () => {
    const overlapping = {
      rules: ['PM009'],
      expected: [label('PM009', { line: 3 })],
      debatable: [label('PM009', { line: 2, to: 4 })],
    };
    const [pm009] = judgeDocument(overlapping, [finding('PM009', 3)]);
    assert.equal(pm009.right.length, 1);
    assert.equal(pm009.debatable.length, 0);
  });
});

describe('judge: precision and recall', () => {
  it('adds up documents per rule and divides: right / reported, right / expected', () => {
    const a = judgeDocument(
      { rules: ['PM005'], expected: [label('PM005', { line: 1 }), label('PM005', { line: 2 })], debatable: [] },
      [finding('PM005', 1), finding('PM005', 9)],
    );
    const b = judgeDocument(
      {
        rules: ['PM005'],
        expected: [label('PM005', { line: 4 }), label('PM005', { line: 5 }), label('PM005', { line: 6 })],
        debatable: [],
      },
      [finding('PM005', 4), finding('PM005', 5)],
    );
    const [t] = tally([a, b]);
    assert.deepEqual(
      { ...t },
      { rule: 'PM005', documents: 2, expected: 5, right: 3, wrong: 1, missed: 2, debatable: 0 },
    );
    assert.equal(precision(t), 3 / 4);
    assert.equal(recall(t), 3 / 5);
  });

  it('has no precision when nothing was reported and no recall when nothing was expected', () => {
    assert.equal(precision({ right: 0, wrong: 0 }), undefined);
    assert.equal(recall({ right: 0, missed: 0 }), undefined);
    assert.equal(ratio(1, 0), undefined);
    assert.equal(precision({ right: 0, wrong: 3 }), 0);
  });
});

describe('judge: times within 20%', () => {
  it('accepts a computed time within 20% of the hand-computed one', () => {
    assert.equal(withinTolerance(100, 120), true);
    assert.equal(withinTolerance(100, 80), true);
    assert.equal(withinTolerance(100, 121), false);
    assert.equal(withinTolerance(100, 79), false);
  });

  it('accepts 2 minutes either way for small values, where 20% is less than that', () => {
    assert.equal(withinTolerance(0, 2), true);
    assert.equal(withinTolerance(5, 7), true);
    assert.equal(withinTolerance(5, 8), false);
    assert.equal(withinTolerance(1, 0), true);
  });

  it('never accepts a time the product could not compute', () => {
    assert.equal(withinTolerance(0, null), false);
    assert.equal(withinTolerance(30, undefined), false);
  });

  it('compares only the measures the labels give, and passes a document only when all of them are within', () => {
    const onlyRecover = judgeTimes({ detect: null, recover: 60 }, { detect: 999, recover: 66 });
    assert.deepEqual(
      onlyRecover.checks.map((c) => c.metric),
      ['recover'],
    );
    assert.equal(onlyRecover.ok, true);
    const both = judgeTimes({ detect: 10, recover: 60 }, { detect: 30, recover: 60 });
    assert.deepEqual(
      both.checks.map((c) => c.ok),
      [false, true],
    );
    assert.equal(both.ok, false);
  });
});

describe('judge: section names in messages and targets', () => {
  const sections = [
    { id: 'root-cause', title: 'Root Cause', synonyms: ['Root Causes', 'RCA'] },
    { id: 'impact', title: 'Impact', synonyms: [] },
  ];

  it('reads the section id from the quoted title or synonym of a missing-section message', () => {
    assert.equal(sectionFromMessage('Missing required section "Root Cause".', sections), 'root-cause');
    assert.equal(sectionFromMessage('Missing required section "root  causes".', sections), 'root-cause');
    assert.equal(
      sectionFromMessage('Missing required section "Impact" (an alert runbook needs it).', sections),
      'impact',
    );
    assert.equal(sectionFromMessage('Missing required section "Epilogue".', sections), undefined);
    assert.equal(sectionFromMessage('No quotes here.', sections), undefined);
  });

  it('fails a target whose value cannot be computed, such as the precision of a rule that never fires', () => {
    const part = (pm010: { right: number; wrong: number }): PartScore => ({
      name: 'p',
      documents: 1,
      times: { documents: 0, within: 0 },
      rules: [{ rule: 'PM010', documents: 1, expected: 1, missed: 1 - pm010.right, debatable: 0, ...pm010 }],
    });
    const target = TARGETS.find((t) => t.label.startsWith('PM010')) as (typeof TARGETS)[number];
    assert.equal(meets(target, part({ right: 0, wrong: 0 })), false);
    assert.equal(meets(target, part({ right: 4, wrong: 1 })), true, '80% meets the 80% target');
    assert.equal(meets(target, part({ right: 3, wrong: 1 })), false);
  });
});

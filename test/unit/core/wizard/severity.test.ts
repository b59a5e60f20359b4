import * as assert from 'node:assert/strict';
import { BUILT_IN_PROFILES, findProfile, type Profile } from '../../../../src/core/profiles';
import { severityDecisionTree, severityFromAnswers } from '../../../../src/core/wizard';

const harness = findProfile('harness') as Profile;

describe('the severity decision tree', () => {
  for (const profile of BUILT_IN_PROFILES) {
    it(`${profile.name}: has its own tree of 3 or 4 questions whose levels are all in the scale`, () => {
      assert.ok(profile.severityDecisionTree, 'the profile defines a tree');
      const tree = severityDecisionTree(profile);
      const ids = profile.severities.map((s) => s.id);
      assert.ok(tree.questions.length >= 3 && tree.questions.length <= 4);
      for (const q of tree.questions) {
        assert.ok(ids.includes(q.yes), `${q.yes} is in ${ids.join(', ')}`);
        assert.match(q.question, /^[A-Z].*\?$/);
      }
      assert.ok(ids.includes(tree.fallback));
      // The first question leads to the most severe level.
      assert.equal(tree.questions[0].yes, ids[0]);
    });
  }

  it('is seed 004\'s tree for heaptrace, where every "no" ends at SEV-3', () => {
    const tree = severityDecisionTree(findProfile('heaptrace') as Profile);
    assert.deepEqual(
      tree.questions.map((q) => q.yes),
      ['SEV-1', 'SEV-1', 'SEV-2', 'SEV-2'],
    );
    assert.equal(tree.questions[3].question, 'Are more than 10% of users affected?');
    assert.equal(tree.fallback, 'SEV-3');
  });

  it('is derived from the level definitions for a profile without one', () => {
    const custom: Profile = {
      ...harness,
      name: 'custom',
      severityDecisionTree: undefined,
      severities: [
        { id: 'Red', label: 'Red', definition: 'Customers cannot pay.' },
        { id: 'Amber', label: 'Amber', definition: 'Payments are slow' },
        { id: 'Green', label: 'Green', definition: 'Nobody outside the team notices.' },
      ],
    };
    assert.deepEqual(severityDecisionTree(custom), {
      questions: [
        { question: 'Does this describe the incident: Customers cannot pay?', yes: 'Red' },
        { question: 'Does this describe the incident: Payments are slow?', yes: 'Amber' },
      ],
      fallback: 'Green',
    });
  });

  it('is derived again when a configuration replaced the scale the tree names', () => {
    const replaced: Profile = {
      ...harness,
      severities: [
        { id: 'P1', label: 'High', definition: 'Bad.' },
        { id: 'P2', label: 'Low', definition: 'Not bad.' },
      ],
    };
    const tree = severityDecisionTree(replaced);
    assert.deepEqual(
      tree.questions.map((q) => q.yes),
      ['P1'],
    );
    assert.equal(tree.fallback, 'P2');
  });

  it('answers: the first yes decides, all no gives the fallback, open questions give nothing yet', () => {
    const tree = severityDecisionTree(harness);
    assert.equal(severityFromAnswers(tree, [false, true]), 'SEV2');
    assert.equal(severityFromAnswers(tree, [false, false, false]), 'SEV4');
    assert.equal(severityFromAnswers(tree, [false]), undefined);
    assert.equal(severityFromAnswers(tree, [true]), 'SEV1');
  });
});

// The pacer alone: one lint of a document at a time, changes that come meanwhile coalesced into one more run.
import * as assert from 'node:assert/strict';
import { LintPacer } from '../../../src/server/pacing';

const tick = (ms = 5) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('LintPacer', () => {
  /** A lint that records its runs and finishes only when the test says so. */
  function controlledLint() {
    const runs: string[] = [];
    const finishers: Array<() => void> = [];
    const lint = (uri: string) => {
      runs.push(uri);
      return new Promise<void>((resolve) => finishers.push(resolve));
    };
    return { runs, lint, finishNext: () => finishers.shift()?.() };
  }

  it('lints the first change at once, and a burst of changes during that lint with exactly one more run', async () => {
    const c = controlledLint();
    const pacer = new LintPacer(c.lint, { debounceMs: 0, burstGapMs: 0 });
    pacer.changed('a');
    await tick();
    assert.deepEqual(c.runs, ['a']);
    for (let i = 0; i < 10; i++) pacer.changed('a');
    await tick();
    assert.deepEqual(c.runs, ['a'], 'never two lints of one document at once');
    c.finishNext();
    await tick();
    assert.deepEqual(c.runs, ['a', 'a'], 'the ten changes gave one more run');
    c.finishNext();
    await tick();
    assert.equal(c.runs.length, 2);
    assert.equal(pacer.busy('a'), false);
  });

  it('waits the debounce inside a burst and restarts it at each change', async () => {
    const c = controlledLint();
    const pacer = new LintPacer(c.lint, { debounceMs: 40, burstGapMs: 10_000 });
    pacer.changed('a');
    await tick();
    c.finishNext();
    for (let i = 0; i < 5; i++) {
      pacer.changed('a');
      await tick(10);
    }
    assert.equal(c.runs.length, 1, 'no lint while the keys come faster than the debounce');
    await tick(80);
    assert.equal(c.runs.length, 2);
    c.finishNext();
  });

  it('lints documents independently and runs nothing for a closed one', async () => {
    const c = controlledLint();
    const pacer = new LintPacer(c.lint, { debounceMs: 30, burstGapMs: 10_000 });
    pacer.changed('a');
    pacer.changed('b');
    await tick();
    assert.deepEqual(c.runs.sort(), ['a', 'b']);
    c.finishNext();
    c.finishNext();
    pacer.changed('a');
    pacer.forget('a');
    await tick(60);
    assert.equal(c.runs.length, 2);
    assert.equal(pacer.busy('a'), false);
  });

  it('adaptive: lints at once inside a burst while a lint is quicker than the keys, and waits once it is slower', async () => {
    const c = controlledLint();
    let now = 0;
    const pacer = new LintPacer(c.lint, { debounceMs: 100, burstGapMs: 150, adaptive: true }, () => now);
    pacer.changed('a');
    await tick();
    c.finishNext();
    pacer.linted('a', 10); // a 10 ms lint
    now += 50;
    pacer.changed('a'); // a key 50 ms later: the lint ends before the next one, so no wait
    await tick();
    assert.equal(c.runs.length, 2);
    c.finishNext();
    pacer.linted('a', 80); // now an 80 ms lint: longer than the 50 ms between keys
    now += 50;
    pacer.changed('a');
    assert.equal(pacer.settleDelay('a'), 63, '1.25 times the gap between the keys');
    await tick();
    assert.equal(c.runs.length, 2, 'waiting for the next key');
    await tick(80);
    assert.equal(c.runs.length, 3);
    c.finishNext();
  });
});

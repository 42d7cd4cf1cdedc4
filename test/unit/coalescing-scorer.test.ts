import { describe, expect, it } from 'vitest';
import { CoalescingScorer, coalesceScorer } from '../../src/completeness/coalescing-scorer.js';
import type { CompletenessScorer } from '../../src/completeness/completeness-scorer.js';

/** A batch scorer that scores a text by its length and records every call it got. */
function recordingBatchScorer(fail = false) {
  const calls: string[][] = [];
  const scorer = {
    name: 'recording',
    calls,
    score: async (text: string) => text.length / 100,
    scoreBatch: async (texts: readonly string[]) => {
      calls.push([...texts]);
      if (fail) throw new Error('model gone');
      return texts.map((text) => text.length / 100);
    },
  };
  return scorer;
}

describe('CoalescingScorer', () => {
  it('scores the requests of one turn in one call and gives each caller its own scores', async () => {
    const inner = recordingBatchScorer();
    const scorer = new CoalescingScorer(inner);
    const [single, batch, other] = await Promise.all([scorer.score('abc'), scorer.scoreBatch(['a', 'ab']), scorer.score('abcdefghij')]);
    expect(inner.calls).toEqual([['abc', 'a', 'ab', 'abcdefghij']]);
    expect([single, batch, other]).toEqual([0.03, [0.01, 0.02], 0.1]);
  });

  it('makes a new call for requests of a later turn', async () => {
    const inner = recordingBatchScorer();
    const scorer = new CoalescingScorer(inner);
    await scorer.score('one');
    await scorer.score('two');
    expect(inner.calls).toEqual([['one'], ['two']]);
  });

  it('fails every request of a failed call', async () => {
    const scorer = new CoalescingScorer(recordingBatchScorer(true));
    const results = await Promise.allSettled([scorer.score('a'), scorer.scoreBatch(['b'])]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });

  it('leaves a scorer that cannot batch as it is', () => {
    const plain: CompletenessScorer = { name: 'plain', score: async () => 1 };
    expect(coalesceScorer(plain)).toBe(plain);
    expect(coalesceScorer(recordingBatchScorer())).toBeInstanceOf(CoalescingScorer);
  });
});

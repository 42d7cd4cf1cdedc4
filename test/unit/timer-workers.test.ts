import { describe, expect, it } from 'vitest';
import { timerWorkerSizes } from '../../src/runtime/timer-workers.js';

describe('timerWorkerSizes', () => {
  it('splits the default 64 slots into eight workers of eight', () => {
    expect(timerWorkerSizes(64, 8)).toEqual([8, 8, 8, 8, 8, 8, 8, 8]);
  });

  it('gives the remainder to a last, smaller worker', () => {
    expect(timerWorkerSizes(20, 8)).toEqual([8, 8, 4]);
  });

  it('keeps one worker when the slots fit in one', () => {
    expect(timerWorkerSizes(5, 8)).toEqual([5]);
    expect(timerWorkerSizes(64, 64)).toEqual([64]);
  });

  it('never loses or adds a slot', () => {
    for (let total = 1; total <= 100; total++) {
      for (const perWorker of [1, 3, 8, 64]) {
        const sizes = timerWorkerSizes(total, perWorker);
        expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(total);
        expect(Math.max(...sizes)).toBeLessThanOrEqual(perWorker);
        expect(sizes.length).toBe(Math.ceil(total / perWorker));
      }
    }
  });

  it('rejects sizes that are not positive integers', () => {
    expect(() => timerWorkerSizes(0, 8)).toThrow(RangeError);
    expect(() => timerWorkerSizes(64, 0)).toThrow(/positive integers/);
    expect(() => timerWorkerSizes(2.5, 8)).toThrow(RangeError);
  });
});

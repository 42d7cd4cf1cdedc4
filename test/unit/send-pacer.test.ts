import { describe, expect, it } from 'vitest';
import { SendPacer } from '../../src/adapters/onebot/send-pacer.js';

/** A clock that only moves when the pacer sleeps, by the slept time plus `lateBy` (a late timer). */
function simulatedClock(lateBy = 0) {
  let now = 1000;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      // Like a real timer, let what is already runnable run first.
      await new Promise((resolve) => setImmediate(resolve));
      now += ms + lateBy;
    },
    advance: (ms: number) => (now += ms),
  };
}

describe('SendPacer', () => {
  it('releases the sends of one account interval apart, in the order they asked', async () => {
    const clock = simulatedClock();
    const pacer = new SendPacer(300, clock.now, clock.sleep);
    const released: Array<[string, number]> = [];
    await Promise.all(['a', 'b', 'c'].map((name) => pacer.wait('qq1').then(() => void released.push([name, clock.now()]))));
    expect(released).toEqual([['a', 1000], ['b', 1300], ['c', 1600]]);
  });

  it('measures each gap from the previous real release, so a late timer does not squeeze the next gap', async () => {
    const clock = simulatedClock(40);
    const pacer = new SendPacer(300, clock.now, clock.sleep);
    const released: number[] = [];
    await Promise.all([1, 2, 3].map(() => pacer.wait('qq1').then(() => void released.push(clock.now()))));
    expect(released[1]! - released[0]!).toBeGreaterThanOrEqual(300);
    expect(released[2]! - released[1]!).toBeGreaterThanOrEqual(300);
  });

  it('does not delay a send after a long pause, nor another account', async () => {
    const clock = simulatedClock();
    const pacer = new SendPacer(300, clock.now, clock.sleep);
    await pacer.wait('qq1');
    clock.advance(5000);
    const before = clock.now();
    await pacer.wait('qq1');
    await pacer.wait('qq2');
    expect(clock.now()).toBe(before);
  });
});

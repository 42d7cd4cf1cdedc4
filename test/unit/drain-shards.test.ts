import { describe, expect, it } from 'vitest';
import { shardKeys } from '../../src/redis/keys.js';
import { shardJobKey, shardOf } from '../../src/runtime/drain-shards.js';
import { DrainSlots } from '../../src/runtime/drain-slots.js';

describe('drain shards', () => {
  it('puts a session in the same shard every time, within range', () => {
    for (const shards of [1, 2, 16, 1024]) {
      for (const id of ['http:private:alice', 'onebot:group:123456', 'telegram:private:-1001', '']) {
        const shard = shardOf(id, shards);
        expect(shard).toBe(shardOf(id, shards));
        expect(Number.isInteger(shard) && shard >= 0 && shard < shards).toBe(true);
      }
    }
  });

  it('spreads sessions evenly over the shards', () => {
    const counts = new Array<number>(16).fill(0);
    for (let index = 0; index < 16_000; index++) counts[shardOf(`onebot:private:${10_000 + index}`, 16)]! += 1;
    // 1 000 expected per shard; a fair hash stays well within ±15 %.
    expect(Math.min(...counts)).toBeGreaterThan(850);
    expect(Math.max(...counts)).toBeLessThan(1150);
  });

  it('keeps a shard’s keys in one cluster slot and its job id free of colons', () => {
    const keys = shardKeys('kizuna', 7);
    const tags = Object.values(keys).map((key) => /\{([^}]*)\}/.exec(key)?.[1]);
    expect(new Set(tags)).toEqual(new Set(['drain-shard:7']));
    expect(shardJobKey(7)).toBe('shard-7');
  });
});

describe('drain slots', () => {
  it('grants at most what is free, and what comes back goes to waiters in line first', async () => {
    const slots = new DrainSlots(3);
    expect(slots.tryTake(2)).toBe(2);
    expect(slots.tryTake(5)).toBe(1);
    expect(slots.tryTake(1)).toBe(0);
    const first = slots.take(2);
    const second = slots.take(1);
    slots.give(1);
    expect(await first).toBe(1);
    // A slot given back while someone waits is not for whoever asks next without waiting.
    slots.give(1);
    expect(slots.tryTake(1)).toBe(0);
    expect(await second).toBe(1);
    slots.give(3);
    expect(slots.tryTake(5)).toBe(3);
  });

  it('ignores a give of nothing', () => {
    const slots = new DrainSlots(1);
    slots.give(0);
    expect(slots.tryTake(2)).toBe(1);
  });
});

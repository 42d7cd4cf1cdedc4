/**
 * Memory Reboot's check sweep on the suite's Redis: it reads the index of groups that may owe checks instead
 * of scanning the keyspace, the index empties once checks settle, a racing enqueue keeps its group in the
 * index, one worker sweeps at a time, and groups queued by a version without the index are adopted once.
 */
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { CheckSweeper } from '../../src/memory-reboot/check-sweeper.js';
import { RebootStore } from '../../src/memory-reboot/reboot-store.js';
import { globalKeys, rebootKeys } from '../../src/redis/keys.js';
import { withScripts } from '../../src/redis/scripts.js';
import { deletePrefix } from '../helpers/redis-cleanup.js';
import { post, settled, startRebootRuntime, storedCount, t0 } from '../helpers/reboot-scenarios.js';
import { testPrefix } from '../helpers/test-config.js';
import { waitFor } from '../helpers/wait-for.js';

const entry = (id: string) => JSON.stringify({ id, at: t0, sender: { id: 'a' }, text: `news number ${id}`, images: [] });

/** Calls of SCAN the server has answered so far (all clients). */
async function scanCalls(redis: Redis): Promise<number> {
  const match = /^cmdstat_scan:calls=(\d+)/mu.exec(await redis.info('commandstats'));
  return Number(match?.[1] ?? 0);
}

/** A trigger that records the groups it was asked to check. */
function recordingTrigger(): { trigger(sessionId: string): Promise<void>; calls: string[] } {
  const calls: string[] = [];
  return { calls, trigger: async (sessionId) => void calls.push(sessionId) };
}

describe('the periodic check sweep on a running worker', () => {
  it('reads the index, never SCANs, triggers a group whose job was lost, and empties the index once checks settle', async () => {
    const kizuna = await startRebootRuntime({ runtime: { sweepIntervalSeconds: 0.2 } });
    const redis = withScripts(kizuna.runtime.redis);
    const index = globalKeys(kizuna.config.redis.prefix).rebootGroups;
    try {
      await post(kizuna, 'http:group:first', { sender: 'a', text: 'the first group talks', at: t0 });
      await post(kizuna, 'http:group:second', { sender: 'b', text: 'the second group talks', at: t0 });
      await settled(kizuna, 'http:group:first');
      await settled(kizuna, 'http:group:second');
      await waitFor(async () => (await redis.zcard(index)) === 0, { message: 'index emptied by a sweep' });

      const scansBefore = await scanCalls(redis);
      const g = 'http:group:lost-job';
      expect(await new RebootStore(redis, kizuna.config.redis.prefix).enqueue(g, entry('x1'))).toEqual({ needsTrigger: true, dropped: 0 });
      expect(await redis.zscore(index, g)).toBe('1');
      await settled(kizuna, g);
      expect(await storedCount(kizuna, g)).toBe(1);
      await waitFor(async () => (await redis.zcard(index)) === 0, { message: 'index emptied again' });
      expect(await scanCalls(redis)).toBe(scansBefore);
    } finally {
      await kizuna.stop();
    }
  });
});

describe('CheckSweeper', () => {
  const redis = withScripts(new Redis(inject('redisUrl')));
  let prefix = testPrefix();
  const sweeper = (trigger = recordingTrigger()) => new CheckSweeper({ redis, prefix, trigger, lockSeconds: 10 });

  afterEach(async () => {
    await deletePrefix(redis, prefix);
    prefix = testPrefix();
  });
  afterAll(() => redis.disconnect());

  it('keeps a group whose score changed between the read and the removal', async () => {
    const store = new RebootStore(redis, prefix);
    const index = globalKeys(prefix).rebootGroups;
    const g = 'http:group:racing';
    await store.enqueue(g, entry('m1'));
    const read = (await redis.zscore(index, g))!;
    await store.enqueue(g, entry('m2'));
    expect(await redis.forgetGroup(index, g, read)).toBe(0);
    expect(await redis.zscore(index, g)).toBe('2');
    expect(await redis.forgetGroup(index, g, '2')).toBe(1);
    expect(await redis.zscore(index, g)).toBeNull();
  });

  it('triggers the groups that owe checks and forgets the others', async () => {
    const store = new RebootStore(redis, prefix);
    await store.enqueue('http:group:owing', entry('m1'));
    await store.enqueue('http:group:done', entry('m2'));
    const done = rebootKeys(prefix, 'http:group:done');
    await redis.del(done.pending, done.armed);
    const trigger = recordingTrigger();
    expect(await sweeper(trigger).sweep()).toMatchObject({ triggered: 1, forgotten: 1, skipped: false });
    expect(trigger.calls).toEqual(['http:group:owing']);
    expect(await redis.zrange(globalKeys(prefix).rebootGroups, '0', '-1')).toEqual(['http:group:owing']);
  });

  it('lets one of two racing sweeps run, and releases the lock when done', async () => {
    await new RebootStore(redis, prefix).enqueue('http:group:owing', entry('m1'));
    const first = recordingTrigger();
    const second = recordingTrigger();
    const reports = await Promise.all([sweeper(first).sweep(), sweeper(second).sweep()]);
    expect(reports.map((report) => report.skipped).sort()).toEqual([false, true]);
    expect([...first.calls, ...second.calls]).toEqual(['http:group:owing']);
    expect(await redis.exists(globalKeys(prefix).rebootSweepLock)).toBe(0);
    expect((await sweeper().sweep()).skipped).toBe(false);
  });

  it('adopts groups queued without the index on its first sweep only, with one SCAN', async () => {
    const legacy = rebootKeys(prefix, 'http:group:legacy');
    await redis.rpush(legacy.pending, entry('old'));
    await redis.set(legacy.armed, '1');
    const trigger = recordingTrigger();
    const worker = sweeper(trigger);
    const scansBefore = await scanCalls(redis);
    expect(await worker.sweep()).toMatchObject({ adopted: 1, triggered: 1 });
    const scansAfterFirst = await scanCalls(redis);
    expect(scansAfterFirst).toBeGreaterThan(scansBefore);
    expect(trigger.calls).toEqual(['http:group:legacy']);
    expect(await redis.zscore(globalKeys(prefix).rebootGroups, 'http:group:legacy')).not.toBeNull();
    expect(await worker.sweep()).toMatchObject({ adopted: 0, triggered: 1 });
    expect(await scanCalls(redis)).toBe(scansAfterFirst);
  });
});

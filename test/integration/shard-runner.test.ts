// A shard's run against a real Redis, with the session drain replaced by a recorder: what it takes, when it
// hands the shard over, what it does with a drain that stops at its batch limit or fails, and that shutting
// down mid-wait loses no listed session.
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it, inject } from 'vitest';
import { closeQuietly, createCommandConnection, createWorkerConnection, waitUntilReady } from '../../src/redis/connection.js';
import { shardKeys } from '../../src/redis/keys.js';
import { type ScriptCommands, withScripts } from '../../src/redis/scripts.js';
import { DrainSlots } from '../../src/runtime/drain-slots.js';
import type { DrainOutcome } from '../../src/runtime/session-driver.js';
import { ShardRunner, type ShardRunnerOptions } from '../../src/runtime/shard-runner.js';
import { deletePrefix } from '../helpers/redis-cleanup.js';
import { testPrefix } from '../helpers/test-config.js';

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

interface Bench {
  redis: Redis & ScriptCommands;
  runner: ShardRunner;
  drained: string[];
  handovers: number[];
  /** Lists sessions as due in shard 0. */
  list(...sessionIds: string[]): Promise<void>;
  /** Lists sessions as due in another shard. */
  listIn(shard: number, sessionIds: readonly string[]): Promise<void>;
  keys: ReturnType<typeof shardKeys>;
}

async function bench(drain: (sessionId: string) => Promise<DrainOutcome>, options: Partial<ShardRunnerOptions> = {}): Promise<Bench> {
  const url = inject('redisUrl');
  const prefix = testPrefix();
  const redis = withScripts(createCommandConnection(url));
  await waitUntilReady(redis);
  const drained: string[] = [];
  const handovers: number[] = [];
  const runner = new ShardRunner({
    redis,
    prefix,
    connect: () => createWorkerConnection(url).on('error', () => undefined),
    drain: async (sessionId) => {
      drained.push(sessionId);
      return drain(sessionId);
    },
    slots: new DrainSlots(4),
    addJob: async (shard) => void handovers.push(shard),
    onDrainError: () => undefined,
    lingerMs: 100,
    random: () => 0.5,
    ...options,
  });
  const keys = shardKeys(prefix, 0);
  cleanups.push(async () => {
    runner.stop();
    await deletePrefix(redis, prefix);
    await closeQuietly(redis);
  });
  return {
    redis,
    runner,
    drained,
    handovers,
    keys,
    list: async (...sessionIds) => {
      for (const sessionId of sessionIds) await redis.markDue(keys.due, keys.armed, sessionId);
    },
    listIn: async (shard, sessionIds) => {
      const other = shardKeys(prefix, shard);
      for (const sessionId of sessionIds) await redis.markDue(other.due, other.armed, sessionId);
    },
  };
}

const released = async (): Promise<DrainOutcome> => 'released';

describe('a shard run', () => {
  it('drains every listed session once, then releases the shard when nothing comes for the linger time', async () => {
    const shard = await bench(released);
    await shard.list('a', 'b', 'c');
    const run = shard.runner.run(0);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await shard.list('d');
    expect(await run).toBe('released');
    expect([...shard.drained].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(await shard.redis.exists(shard.keys.armed)).toBe(0);
    expect(await shard.redis.llen(shard.keys.taken)).toBe(0);
  });

  it('hands the shard over at the end of its lease, leaving what is still listed for the next run', async () => {
    const shard = await bench(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return 'released';
    }, { leaseMs: 150 });
    const ids = Array.from({ length: 200 }, (_, index) => `s${index}`);
    await shard.list(...ids);
    expect(await shard.runner.run(0)).toBe('handed-over');
    expect(shard.handovers).toEqual([0]);
    expect(await shard.redis.exists(shard.keys.armed)).toBe(1);
    const left = await shard.redis.lrange(shard.keys.due, 0, -1);
    expect(left.length).toBeGreaterThan(0);
    expect([...shard.drained, ...left].sort()).toEqual([...ids].sort());

    // The next runs (here the same runner) carry on until the shard is released.
    while ((await shard.runner.run(0)) === 'handed-over');
    expect([...shard.drained].sort()).toEqual([...ids].sort());
  });

  it('lists again a session whose drain stopped at its batch limit, and retries one whose drain failed', async () => {
    const attempts = new Map<string, number>();
    const shard = await bench(async (sessionId) => {
      const attempt = (attempts.get(sessionId) ?? 0) + 1;
      attempts.set(sessionId, attempt);
      if (sessionId === 'busy' && attempt === 1) return 'more';
      if (sessionId === 'flaky' && attempt === 1) throw new Error('snapshot unreadable');
      return 'released';
    }, { lingerMs: 400 });
    await shard.list('busy', 'flaky', 'calm');
    expect(await shard.runner.run(0)).toBe('released');
    expect(Object.fromEntries(attempts)).toEqual({ busy: 2, flaky: 2, calm: 1 });
    expect(await shard.redis.llen(shard.keys.taken)).toBe(0);
  });

  it('stopped while it waits, it ends without waiting out the linger and loses nothing listed', async () => {
    // A minute's linger: were the wait not cut short, the test would run out of time.
    const shard = await bench(released, { lingerMs: 60_000 });
    await shard.list('x');
    const run = shard.runner.run(0);
    while (shard.drained.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 50));
    shard.runner.stop();
    expect(['released', 'handed-over']).toContain(await run);
    expect(shard.drained).toEqual(['x']);
    const listed = [...(await shard.redis.lrange(shard.keys.due, 0, -1)), ...(await shard.redis.lrange(shard.keys.taken, 0, -1))];
    expect(listed).toEqual([]);
  });

  it('shares the slots between busy shards: a shard that starts later gets its turn at the slots the first one frees', async () => {
    const ids = (letter: string) => Array.from({ length: 60 }, (_, index) => `${letter}${index}`);
    const inFlight = { a: 0, b: 0 };
    let aLeft = 60;
    let bPeakWhileAWasDue = 0;
    // Shard 0's drains hold their slots until shard 1's run waits in line, so shard 0 cannot run dry first
    // however slowly shard 1's run starts.
    let openGate = () => {};
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const slots = new DrainSlots(4);
    const shard = await bench(
      async (sessionId) => {
        const mine = sessionId.startsWith('a') ? 'a' : 'b';
        inFlight[mine]++;
        if (mine === 'b' && aLeft > 4) bPeakWhileAWasDue = Math.max(bPeakWhileAWasDue, inFlight.b);
        if (mine === 'a') await gate;
        // Drains of uneven length, so shards' drains settle at different moments, as real ones do; shard 1's
        // last longer than the gaps between shard 0's, so a second slot can come while the first is held.
        await new Promise((resolve) => setTimeout(resolve, mine === 'a' ? 1 + (Number(sessionId.slice(1)) % 5) : 20));
        inFlight[mine]--;
        if (mine === 'a') aLeft--;
        return 'released';
      },
      { slots, lingerMs: 50 },
    );
    await shard.list(...ids('a'));
    const first = shard.runner.run(0);
    while (inFlight.a < 4) await new Promise((resolve) => setTimeout(resolve, 1));
    await shard.listIn(1, ids('b'));
    const inLineBefore = slots.inLine;
    const second = shard.runner.run(1);
    while (slots.inLine <= inLineBefore) await new Promise((resolve) => setTimeout(resolve, 1));
    openGate();
    expect(await first).toBe('released');
    expect(await second).toBe('released');
    // Shard 0 held all four slots when shard 1 came; before shard 0 ran dry, shard 1 got more than the one
    // slot an idle run waits for (it kept one slot, retaking it at every settling, before slots were shared).
    expect(bPeakWhileAWasDue).toBeGreaterThanOrEqual(2);
    expect([...shard.drained].sort()).toEqual([...ids('a'), ...ids('b')].sort());
  });

  it('ends its lease while it waits in line for a slot, and hands over without losing or doubling a session', async () => {
    const shard = await bench(async () => {
      await new Promise((resolve) => setTimeout(resolve, 4));
      return 'released';
    }, { slots: new DrainSlots(2), leaseMs: 60 });
    const ids = (letter: string) => Array.from({ length: 40 }, (_, index) => `${letter}${index}`);
    await shard.list(...ids('a'));
    await shard.listIn(1, ids('b'));
    // Two busy shards on two slots: each run is in line for the other's slot when its lease ends.
    const outcomes = await Promise.all([shard.runner.run(0), shard.runner.run(1)]);
    expect(outcomes).toContain('handed-over');
    expect(new Set(shard.drained).size).toBe(shard.drained.length);
    // The next runs carry on until both shards are released: every session drained once.
    for (const index of [0, 1]) if (outcomes[index] === 'handed-over') while ((await shard.runner.run(index)) === 'handed-over');
    expect([...shard.drained].sort()).toEqual([...ids('a'), ...ids('b')].sort());
  });

  it('starts by reclaiming what an earlier run left taken, in order, before newer sessions', async () => {
    // One slot: the run drains one session at a time, in list order.
    const shard = await bench(released, { slots: new DrainSlots(1) });
    await shard.list('old1', 'old2');
    await shard.redis.takeDue(shard.keys.due, shard.keys.taken, '', '0', '10');
    await shard.list('new');
    expect(await shard.runner.run(0)).toBe('released');
    expect(shard.drained).toEqual(['old1', 'old2', 'new']);
  });
});

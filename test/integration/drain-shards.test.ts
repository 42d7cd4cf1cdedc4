// Sessions drained by shard: a run reclaims what a killed run left taken, the sweeper gives a shard its
// missing job, and a session whose drain fails does not hold up the other sessions of its shard.
import { afterEach, describe, expect, it } from 'vitest';
import type { KizunaConfig } from '../../src/config/schema.js';
import { shardKeys } from '../../src/redis/keys.js';
import type { ScriptCommands } from '../../src/redis/scripts.js';
import { shardOf } from '../../src/runtime/drain-shards.js';
import { logProblem, messageTexts } from '../helpers/session-log.js';
import { ingestedMessage } from '../helpers/session-events.js';
import { testConfig } from '../helpers/test-config.js';
import { startTestRuntime, type TestRuntime } from '../helpers/test-runtime.js';
import { waitFor } from '../helpers/wait-for.js';

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function start(config: KizunaConfig, roles: Array<'session'>): Promise<TestRuntime> {
  const kizuna = await startTestRuntime({ config, roles });
  cleanups.push(() => kizuna.stop());
  return kizuna;
}

/** One shard, so every session of the test shares it. */
function oneShardConfig(): KizunaConfig {
  return testConfig({ runtime: { drainShards: 1 }, debounce: { timeoutSeconds: 600 } });
}

async function ingestAll(client: TestRuntime, ids: readonly string[], text: string): Promise<void> {
  for (const id of ids) await client.runtime.ingestor.ingest(id, ingestedMessage(id, text));
}

function counters(kizuna: TestRuntime) {
  return kizuna.runtime.stats.getSnapshot().context.counters;
}

async function appliedTexts(kizuna: TestRuntime, sessionId: string): Promise<string[]> {
  return messageTexts((await kizuna.runtime.reader.readLog(sessionId)).entries);
}

describe('drain shards', () => {
  it('drain first the sessions a killed run left taken, each event once', async () => {
    const config = oneShardConfig();
    const client = await start(config, []);
    const ids = ['http:private:t1', 'http:private:t2', 'http:private:t3'];
    await ingestAll(client, ids, 'so about');
    const keys = shardKeys(config.redis.prefix, 0);
    // A run took them and died before settling them: they are in the taken list, not due.
    const redis = client.runtime.redis as typeof client.runtime.redis & ScriptCommands;
    expect(await redis.takeDue(keys.due, keys.taken, '', '0', '10')).toEqual(ids);
    expect(await redis.llen(keys.due)).toBe(0);

    const worker = await start(config, ['session']);
    for (const id of ids) await waitFor(async () => (await appliedTexts(worker, id)).length === 1, { message: `${id} drained` });
    await waitFor(async () => (await redis.exists(keys.armed)) === 0, { message: 'the shard was released' });
    expect(await redis.llen(keys.taken)).toBe(0);
    await waitFor(() => (counters(worker).drain_shard_runs_total['outcome="released"'] ?? 0) >= 1, { message: 'the run counted' });
    for (const id of ids) expect(await appliedTexts(worker, id)).toEqual(['so about']);
  });

  it('gets its job back from the sweeper when the job was lost', async () => {
    const config = oneShardConfig();
    const client = await start(config, []);
    await ingestAll(client, ['http:private:lost'], 'are you there?');
    await client.runtime.queues.drain.obliterate({ force: true });
    expect(await client.runtime.queues.drain.count()).toBe(0);

    // The session is owed a drain, but its shard is still armed: listing it again adds no job. The sweep a
    // worker runs when it starts finds the armed shard without a job and adds it.
    const worker = await start(config, ['session']);
    await waitFor(async () => (await appliedTexts(worker, 'http:private:lost')).length === 1, { message: 'drained after the sweep' });
  });

  it('goes on draining the other sessions while one session’s drain fails, and retries that one', async () => {
    const config = oneShardConfig();
    const client = await start(config, []);
    const broken = 'http:private:broken';
    const prefix = config.redis.prefix;
    // A stored snapshot that cannot be decoded: every drain of this session throws.
    await client.runtime.redis.hset(`${prefix}:{${broken}}:actor`, 'snapshot', '{not json', 'version', '3');
    await ingestAll(client, [broken], 'hello?');
    const others = ['http:private:ok1', 'http:private:ok2'];
    await ingestAll(client, others, 'hi there!');

    const worker = await start(config, ['session']);
    for (const id of others) await waitFor(async () => (await appliedTexts(worker, id)).length === 1, { message: `${id} drained` });
    expect(await appliedTexts(worker, broken)).toEqual([]);
    expect(counters(worker).drain_failures_total['']).toBeGreaterThanOrEqual(1);
    expect(await client.runtime.redis.lrange(`${prefix}:{${broken}}:mailbox`, 0, -1)).toHaveLength(1);

    // Repaired by hand (as an operator would); the retry drains it without a new event.
    await client.runtime.redis.hdel(`${prefix}:{${broken}}:actor`, 'snapshot', 'version');
    await waitFor(async () => (await appliedTexts(worker, broken)).length === 1, { timeoutMs: 10_000, message: 'the failed session was retried' });
  });

  it('hands a stopped worker’s shards to the worker still running, every event applied once and in order', async () => {
    const config = testConfig({ runtime: { drainShards: 4, eventLogMaxEntries: 5000 }, debounce: { timeoutSeconds: 600 } });
    const client = await start(config, []);
    const first = await startTestRuntime({ config, roles: ['session'] });
    const second = await start(config, ['session']);
    const ids = Array.from({ length: 20 }, (_, index) => `http:private:handover${index}`);
    const rounds = 10;
    for (let round = 0; round < rounds; round++) {
      // Closed as SIGTERM closes it (TestRuntime.stop would also delete the test's keys).
      if (round === 4) await first.runtime.close();
      await Promise.all(ids.map((id) => client.runtime.ingestor.ingest(id, ingestedMessage(id, `part ${round} and`))));
    }
    const { redis, reader } = client.runtime;
    for (const id of ids) {
      await waitFor(async () => (await logProblem(redis, reader, config.redis.prefix, id)) === null, { message: `${id} fully applied` });
      expect(await appliedTexts(second, id)).toEqual(Array.from({ length: rounds }, (_, round) => `part ${round} and`));
    }
  });

  it('spreads sessions over the configured number of shards', async () => {
    const config = testConfig({ runtime: { drainShards: 4 }, debounce: { timeoutSeconds: 600 } });
    const client = await start(config, []);
    const ids = Array.from({ length: 12 }, (_, index) => `http:private:spread${index}`);
    await ingestAll(client, ids, 'one');
    const listed = await Promise.all([0, 1, 2, 3].map((shard) => client.runtime.redis.lrange(shardKeys(config.redis.prefix, shard).due, 0, -1)));
    for (const id of ids) expect(listed[shardOf(id, 4)]).toContain(id);
    expect(listed.flat().sort()).toEqual([...ids].sort());
  });
});

// How a fired timer reaches its session: its event appended and one drain, a fired job kept
// by the timer worker (so re-arming it is a no-op), a failed one removed.
import { afterEach, describe, expect, it } from 'vitest';
import { timerJobId } from '../../src/runtime/queues.js';
import { TimerScheduler } from '../../src/runtime/timer-scheduler.js';
import { logProblem, timerFirings } from '../helpers/session-log.js';
import { testConfig } from '../helpers/test-config.js';
import { startTestRuntime, type TestRuntime } from '../helpers/test-runtime.js';
import { ingestedMessage } from '../helpers/session-events.js';
import { waitFor } from '../helpers/wait-for.js';

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function sessionWorker(timeoutSeconds: number, drainShards?: number): Promise<TestRuntime> {
  const runtime = drainShards === undefined ? {} : { runtime: { drainShards } };
  const kizuna = await startTestRuntime({ config: testConfig({ debounce: { timeoutSeconds }, ...runtime }), roles: ['session'] });
  cleanups.push(() => kizuna.stop());
  return kizuna;
}

async function stateOf(kizuna: TestRuntime, sessionId: string): Promise<string | undefined> {
  return (await kizuna.runtime.reader.getSession(sessionId))?.state as string | undefined;
}

function drains(kizuna: TestRuntime): number {
  return kizuna.runtime.stats.getSnapshot().context.counters.drains_total[''] ?? 0;
}

describe('a fired timer', () => {
  it('is applied by one drain of its session', async () => {
    const kizuna = await sessionWorker(0.5);
    const sessionId = 'http:private:fired-shard';
    const { ingestor, reader, redis } = kizuna.runtime;
    await ingestor.ingest(sessionId, ingestedMessage(sessionId, 'so'));
    await waitFor(async () => (await stateOf(kizuna, sessionId)) === 'buffering');
    await waitFor(async () => (await redis.exists(`${kizuna.config.redis.prefix}:{${sessionId}}:armed`)) === 0);
    const before = drains(kizuna);

    await waitFor(async () => (await stateOf(kizuna, sessionId)) === 'awaiting-llm', { message: 'the debounce timer sent the buffer' });
    // A drain is counted when it ends, just after its commit is visible.
    await waitFor(async () => drains(kizuna) > before, { message: 'the drain that applied the firing ended' });
    expect(timerFirings((await reader.readLog(sessionId)).entries)).toEqual(['debounce:1']);
    expect(drains(kizuna)).toBe(before + 1);
    expect(await logProblem(redis, reader, kizuna.config.redis.prefix, sessionId)).toBeNull();
  });

  it('is applied through one drain job when sessions have their own drain jobs (drainShards 0)', async () => {
    const kizuna = await sessionWorker(0.5, 0);
    const sessionId = 'http:private:fired';
    const { ingestor, reader, redis, queues } = kizuna.runtime;
    await ingestor.ingest(sessionId, ingestedMessage(sessionId, 'so'));
    await waitFor(async () => (await stateOf(kizuna, sessionId)) === 'buffering');
    const drainIds = queues.drain.toKey('id');
    const asked = Number(await redis.get(drainIds));

    await waitFor(async () => (await stateOf(kizuna, sessionId)) === 'awaiting-llm', { message: 'the debounce timer sent the buffer' });
    expect(timerFirings((await reader.readLog(sessionId)).entries)).toEqual(['debounce:1']);
    expect(Number(await redis.get(drainIds))).toBe(asked + 1);
    expect(await logProblem(redis, reader, kizuna.config.redis.prefix, sessionId)).toBeNull();
  });

  it('keeps its job once fired, so arming the same generation again does nothing', async () => {
    const kizuna = await sessionWorker(60);
    const sessionId = 'http:private:kept';
    const { ingestor, reader, queues } = kizuna.runtime;
    await ingestor.ingest(sessionId, ingestedMessage(sessionId, 'so'));
    await waitFor(async () => (await stateOf(kizuna, sessionId)) === 'buffering');
    // A generation the session never armed: the machine ignores it, so nothing cancels its job.
    const scheduler = new TimerScheduler(queues.timers);
    await scheduler.arm({ sessionId, name: 'wakeup', gen: 42, dueAt: Date.now() });
    const id = timerJobId(sessionId, 'wakeup', 42);
    await waitFor(async () => (await queues.timers.getJobState(id)) === 'completed', { message: 'the fired job is kept' });
    await scheduler.arm({ sessionId, name: 'wakeup', gen: 42, dueAt: Date.now() });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(timerFirings((await reader.readLog(sessionId)).entries)).toEqual(['wakeup:42']);
  });

  it('leaves no job behind when its job fails', async () => {
    const kizuna = await sessionWorker(60);
    const { queues } = kizuna.runtime;
    await queues.timers.add('timer', {}, { jobId: 'not-a-timer' });
    await waitFor(async () => (await queues.timers.getJob('not-a-timer')) === undefined, { message: 'the failed job was removed' });
    expect(await queues.timers.getFailedCount()).toBe(0);
  });
});

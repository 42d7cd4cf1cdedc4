// How a fired timer reaches its session: drained in place by the timer job in a session worker, handed to
// a drain job when that drain fails or when the timer job is a re-run after a stall.
import { afterEach, describe, expect, it } from 'vitest';
import { createTimerProcessor } from '../../workers/timer-processor.js';
import { sessionKeys } from '../../src/redis/keys.js';
import { timerJobId } from '../../src/runtime/queues.js';
import { TimerScheduler } from '../../src/runtime/timer-scheduler.js';
import { logProblem, timerFirings } from '../helpers/session-log.js';
import { testConfig } from '../helpers/test-config.js';
import { startTestRuntime, type TestRuntime } from '../helpers/test-runtime.js';
import { waitFor } from '../helpers/wait-for.js';

const fragment = (sessionId: string, text: string) => ({
  type: 'message.received' as const,
  at: Date.now(),
  sender: { id: sessionId },
  text,
  images: [],
  mentionsBot: false,
});

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function sessionWorker(timeoutSeconds: number): Promise<TestRuntime> {
  const kizuna = await startTestRuntime({ config: testConfig({ debounce: { timeoutSeconds } }), roles: ['session'] });
  cleanups.push(() => kizuna.stop());
  return kizuna;
}

/** How many drain jobs were ever asked for (BullMQ numbers every add, deduplicated or not). */
async function drainJobsAsked(kizuna: TestRuntime): Promise<number> {
  return Number((await kizuna.runtime.redis.get(kizuna.runtime.queues.drain.toKey('id'))) ?? 0);
}

async function stateOf(kizuna: TestRuntime, sessionId: string): Promise<string | undefined> {
  return (await kizuna.runtime.reader.getSession(sessionId))?.state as string | undefined;
}

describe('a fired timer', () => {
  it('is applied by the timer job itself, without a drain job', async () => {
    const kizuna = await sessionWorker(0.5);
    const sessionId = 'http:private:in-place';
    await kizuna.runtime.ingestor.ingest(sessionId, fragment(sessionId, 'so'));
    await waitFor(async () => (await stateOf(kizuna, sessionId)) === 'buffering');
    const asked = await drainJobsAsked(kizuna);

    await waitFor(async () => (await stateOf(kizuna, sessionId)) === 'awaiting-llm', { message: 'the debounce timer sent the buffer' });
    const { redis, reader } = kizuna.runtime;
    expect(timerFirings((await reader.readLog(sessionId)).entries)).toEqual(['debounce:1']);
    expect(await drainJobsAsked(kizuna)).toBe(asked);
    expect(await logProblem(redis, reader, kizuna.config.redis.prefix, sessionId)).toBeNull();
    // The fired job is kept (the timer worker's retention), so re-running its arming effect is a no-op.
    expect(await kizuna.runtime.queues.timers.getJobState(timerJobId(sessionId, 'debounce', 1))).toBe('completed');
  });

  it('is handed to a drain job when the in-place drain fails, and applied once the failure clears', async () => {
    const kizuna = await sessionWorker(1);
    const sessionId = 'http:private:failing-drain';
    const { ingestor, redis, reader } = kizuna.runtime;
    await ingestor.ingest(sessionId, fragment(sessionId, 'so'));
    await waitFor(async () => (await stateOf(kizuna, sessionId)) === 'buffering');
    const asked = await drainJobsAsked(kizuna);

    // A stored snapshot the driver cannot read (its version moved, so the cached actor is stale too).
    const actor = sessionKeys(kizuna.config.redis.prefix, sessionId).actor;
    const [snapshot, version] = (await redis.hmget(actor, 'snapshot', 'version')) as [string, string];
    await redis.hset(actor, 'snapshot', '{"value":', 'version', Number(version) + 1);
    await waitFor(async () => (await drainJobsAsked(kizuna)) > asked, { message: 'a drain job was asked for' });
    expect(await redis.llen(sessionKeys(kizuna.config.redis.prefix, sessionId).mailbox)).toBe(1);
    // The failed timer job is removed (retention), its event waits in the mailbox for the drain job.
    await waitFor(async () => (await kizuna.runtime.queues.timers.getJob(timerJobId(sessionId, 'debounce', 1))) === undefined);

    await redis.hset(actor, 'snapshot', snapshot, 'version', version);
    await waitFor(async () => (await stateOf(kizuna, sessionId)) === 'awaiting-llm', { message: 'the retried drain job applied the firing' });
    expect(timerFirings((await reader.readLog(sessionId)).entries)).toEqual(['debounce:1']);
    expect(await logProblem(redis, reader, kizuna.config.redis.prefix, sessionId)).toBeNull();
  });

  it('goes through a drain job when its job is re-run after a stall', async () => {
    const kizuna = await sessionWorker(60);
    const sessionId = 'http:private:stalled-timer';
    const { ingestor, queues, stats, driver, reader } = kizuna.runtime;
    await ingestor.ingest(sessionId, fragment(sessionId, 'so'));
    const before = await waitFor(async () => {
      const view = await reader.getSession(sessionId);
      return view?.state === 'buffering' ? view : undefined;
    });
    // A timer job as BullMQ hands it out again after its first run stalled.
    await new TimerScheduler(queues.timers).arm({ sessionId, name: 'wakeup', gen: 99, dueAt: Date.now() + 600_000 });
    const job = (await queues.timers.getJob(timerJobId(sessionId, 'wakeup', 99)))!;
    await job.remove();
    job.stalledCounter = 1;
    const asked = await drainJobsAsked(kizuna);

    await createTimerProcessor(ingestor, stats, driver ?? undefined)(job);
    expect(await drainJobsAsked(kizuna)).toBe(asked + 1);
    // The drain job applies it (a generation the session never armed: nothing changes but the version).
    const after = await waitFor(async () => {
      const view = await reader.getSession(sessionId);
      return view && view.version > before.version ? view : undefined;
    });
    expect(after.state).toBe('buffering');
    expect(timerFirings((await reader.readLog(sessionId)).entries)).toEqual(['wakeup:99']);
  });
});

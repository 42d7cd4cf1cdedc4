// Durable timers: they survive the death of every worker, a superseded one never changes state, and the
// sweeper re-arms a timer whose job went missing.
import { afterEach, describe, expect, it } from 'vitest';
import { sessionKeys } from '../../src/redis/keys.js';
import { replaySession } from '../../src/runtime/replay.js';
import { llmJobId, timerJobId } from '../../src/runtime/queues.js';
import { TimerScheduler, timerOfJob } from '../../src/runtime/timer-scheduler.js';
import { type KizunaProcess, startWorkerProcess, writeConfigFile } from '../helpers/kizuna-process.js';
import { logProblem, messageTexts, timerFirings } from '../helpers/session-log.js';
import { testConfig } from '../helpers/test-config.js';
import { startTestRuntime, type TestRuntime } from '../helpers/test-runtime.js';
import { waitFor } from '../helpers/wait-for.js';

const hello = (sessionId: string, text = 'hello!') => ({
  type: 'message.received' as const,
  at: Date.now(),
  sender: { id: sessionId },
  text,
  images: [],
  mentionsBot: false,
});

let cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function runtimeFor(config = testConfig(), roles: Array<'session' | 'llm' | 'outbox'> = ['session', 'llm', 'outbox']): Promise<TestRuntime> {
  const kizuna = await startTestRuntime({ config, roles });
  cleanups.push(() => kizuna.stop());
  return kizuna;
}

describe('durable timers', () => {
  it('fire once each after every worker was killed and new ones started', async () => {
    const config = testConfig({ offline: { replyWaitSeconds: 2 }, wait: { minSeconds: 1, maxSeconds: 30, maxConsecutiveTimeouts: 2 } });
    const client = await runtimeFor(config, []);
    const configPath = writeConfigFile(config);
    const sessionIds = Array.from({ length: 40 }, (_, index) => `http:private:timer${index}`);
    let workers: KizunaProcess[] = await Promise.all([0, 1].map(() => startWorkerProcess(client.redisUrl, configPath)));
    cleanups.push(() => workers.forEach((worker) => worker.kill('SIGKILL')));

    await Promise.all(sessionIds.map((id) => client.runtime.ingestor.ingest(id, hello(id))));
    // Every session waits and its wait timer is a delayed job (its arming effect has run).
    await waitFor(async () => {
      const views = await Promise.all(sessionIds.map((id) => client.runtime.reader.getSession(id)));
      const delayed = await client.runtime.queues.timers.getDelayedCount();
      return views.every((view) => view?.state === 'waiting') && delayed === sessionIds.length;
    });
    for (const worker of workers) worker.kill('SIGKILL');
    await Promise.all(workers.map((worker) => worker.exited));
    expect(await client.runtime.queues.timers.getDelayedCount()).toBe(sessionIds.length);

    // Every wait timer comes due while no worker runs; they fire when workers come back.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    workers = await Promise.all([0, 1].map(() => startWorkerProcess(client.redisUrl, configPath)));

    await waitFor(
      async () => {
        const views = await Promise.all(sessionIds.map((id) => client.runtime.reader.getSession(id)));
        return views.every((view) => view?.state === 'idle' && view.context?.consecutiveTimeouts === 2);
      },
      { timeoutMs: 60_000, message: 'every session timed out twice and went idle' },
    );
    const { redis, reader } = client.runtime;
    for (const sessionId of sessionIds) {
      expect(await logProblem(redis, reader, config.redis.prefix, sessionId)).toBeNull();
      const log = await reader.readLog(sessionId);
      const firings = timerFirings(log.entries);
      expect(firings.filter((firing) => firing.startsWith('wait:'))).toHaveLength(2);
      expect(new Set(firings).size).toBe(firings.length);
      const view = await reader.getSession(sessionId);
      expect(replaySession({ sessionId, checkpoint: null, entries: log.entries, expected: view!.snapshot })).toMatchObject({ ok: true });
    }
  });

  it('a superseded timer that fires anyway never changes the session', async () => {
    const config = testConfig({ debounce: { timeoutSeconds: 60 }, offline: { replyWaitSeconds: 600 } });
    const kizuna = await runtimeFor(config);
    const { ingestor, reader, queues } = kizuna.runtime;
    const sessionId = 'http:private:superseded';
    await ingestor.ingest(sessionId, hello(sessionId, 'hello!'));
    const wait = await waitFor(async () => (await reader.getSession(sessionId))?.context?.timers.wait);
    // The user answers: the wait timer is cancelled and the session holds the new fragment.
    await ingestor.ingest(sessionId, hello(sessionId, 'so'));
    const before = await waitFor(async () => {
      const view = await reader.getSession(sessionId);
      return view?.state === 'buffering' ? view : undefined;
    });
    expect(before.context?.timers.wait).toBeUndefined();

    // Deliver the old generation as if its job had escaped cancellation.
    await new TimerScheduler(queues.timers).arm({ sessionId, name: 'wait', gen: wait.gen, dueAt: Date.now() });
    await waitFor(async () => timerFirings((await reader.readLog(sessionId)).entries).includes(`wait:${wait.gen}`));
    const after = await waitFor(async () => {
      const view = await reader.getSession(sessionId);
      return view && view.version > before.version ? view : undefined;
    });
    expect(after.state).toBe('buffering');
    expect(after.context).toEqual(before.context);
  });

  it('the sweeper re-arms a timer whose job went missing, and drains a mailbox nobody triggered', async () => {
    const config = testConfig({ debounce: { timeoutSeconds: 1 } });
    const kizuna = await runtimeFor(config);
    const { ingestor, reader, queues, sweeper, redis } = kizuna.runtime;
    const sessionId = 'http:private:swept';
    await ingestor.ingest(sessionId, hello(sessionId, 'so'));
    const timer = await waitFor(async () => (await reader.getSession(sessionId))?.context?.timers.debounce);
    const scheduler = new TimerScheduler(queues.timers);
    await redis.del(scheduler.jobKey(sessionId, 'debounce', timer.gen));
    await queues.timers.remove(timerJobId(sessionId, 'debounce', timer.gen));

    const report = await sweeper.sweep();
    expect(report).toMatchObject({ timersArmed: 1, skipped: false });
    await waitFor(async () => (await reader.getSession(sessionId))?.state === 'waiting');

    // An event appended behind the runtime's back (as if the ingesting process died before triggering).
    const keys = sessionKeys(config.redis.prefix, sessionId);
    const seq = await redis.hincrby(keys.actor, 'seq', 1);
    await redis.rpush(keys.mailbox, `${seq} ${JSON.stringify(hello(sessionId, 'orphan.'))}`);
    const second = await sweeper.sweep();
    expect(second.drains).toBe(1);
    // The orphan's drain asks the LLM, whose reply is one more event: wait until everything is applied.
    await waitFor(async () => (await logProblem(redis, reader, config.redis.prefix, sessionId)) === null, { message: 'every event applied once' });
    expect(messageTexts((await reader.readLog(sessionId)).entries)).toContain('orphan.');
  });

  it('the sweeper re-sends a group judgement whose LLM job went missing', async () => {
    const config = testConfig({ heartflow: { enabled: true, settleSeconds: 0 }, debounce: { enabled: false } });
    const kizuna = await runtimeFor(config, ['session']);
    const { ingestor, reader, queues, sweeper } = kizuna.runtime;
    const sessionId = 'http:group:judged';
    await ingestor.ingest(sessionId, { ...hello('bob', 'anyone up for ramen tonight?'), sender: { id: 'bob' } });
    const [request] = await waitFor(async () => {
      const side = (await reader.getSession(sessionId))?.context?.side ?? [];
      return side.length > 0 ? side : undefined;
    });
    expect(request).toMatchObject({ purpose: 'judge' });
    await queues.llm.remove(llmJobId(sessionId, request!.requestId));

    const report = await sweeper.sweep();
    expect(report).toMatchObject({ requestsResent: 1, skipped: false });
    const job = await queues.llm.getJob(llmJobId(sessionId, request!.requestId));
    expect(job?.data).toMatchObject({ purpose: 'judge', message: { text: 'anyone up for ramen tonight?' }, group: { threshold: expect.any(Number) } });
  });

  it('effects committed by a drain that died before running them are run by the next drain', async () => {
    const config = testConfig({ debounce: { timeoutSeconds: 30 } });
    const kizuna = await runtimeFor(config);
    const { ingestor, queues, redis } = kizuna.runtime;
    const sessionId = 'http:private:leftover';
    const keys = sessionKeys(config.redis.prefix, sessionId);
    const orphan = { type: 'timer.arm', sessionId, name: 'debounce', gen: 77, dueAt: Date.now() + 60_000 };
    await redis.rpush(keys.effects, JSON.stringify(orphan));
    const before = Date.now();
    await ingestor.ingest(sessionId, hello(sessionId, 'so'));
    await waitFor(async () => (await redis.llen(keys.effects)) === 0);
    const after = Date.now();
    const job = await queues.timers.getJob(timerJobId(sessionId, 'debounce', 77));
    expect(job && timerOfJob(job)).toMatchObject({ sessionId, name: 'debounce', gen: 77 });
    // The job's due time is its creation time plus a delay computed a moment earlier, from `dueAt`: it can
    // only be later than `dueAt`, by no more than the time the arming took.
    const dueAt = timerOfJob(job!)!.dueAt;
    expect(dueAt).toBeGreaterThanOrEqual(orphan.dueAt);
    expect(dueAt - orphan.dueAt).toBeLessThanOrEqual(after - before);
  });
});

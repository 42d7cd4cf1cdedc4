// Four worker processes share one Redis; 200 sessions receive 50 interleaved messages each while one worker
// is killed with SIGKILL in the middle of the load. Every event must be applied exactly once, in ingest order,
// and replaying each session's log must reproduce its snapshot.
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaySession } from '../../src/runtime/replay.js';
import { type KizunaProcess, startWorkerProcess, writeConfigFile } from '../helpers/kizuna-process.js';
import { logProblem, messageTexts } from '../helpers/session-log.js';
import { testConfig } from '../helpers/test-config.js';
import { startTestRuntime, type TestRuntime } from '../helpers/test-runtime.js';
import { waitFor } from '../helpers/wait-for.js';

const sessions = 200;
const eventsPerSession = 50;
const sessionIds = Array.from({ length: sessions }, (_, index) => `http:private:soak${index}`);

describe('soak: 4 worker processes, 200 sessions × 50 events, a worker killed mid-drain', () => {
  let ingest: TestRuntime;
  const workers: KizunaProcess[] = [];

  beforeAll(async () => {
    const config = testConfig({
      runtime: { eventLogMaxEntries: 5000, sweepIntervalSeconds: 0, lockDurationSeconds: 2, stalledIntervalSeconds: 1 },
      debounce: { timeoutSeconds: 0.2 },
      offline: { replyWaitSeconds: 600 },
    });
    ingest = await startTestRuntime({ config, roles: [] });
    const configPath = writeConfigFile(config);
    workers.push(...(await Promise.all([0, 1, 2, 3].map(() => startWorkerProcess(ingest.redisUrl, configPath)))));
  });

  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await ingest.stop();
  });

  /** Kills `victim` with SIGKILL at a moment it holds an active drain job (once `ready()` says so). */
  async function killWhileDraining(victim: KizunaProcess, ready: () => boolean): Promise<string> {
    const name = `${hostname()}:${victim.child.pid}`;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (ready()) {
        const active = await ingest.runtime.queues.drain.getActive();
        if (active.some((job) => job.processedBy === name)) {
          victim.kill('SIGKILL');
          return 'killed holding an active drain';
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    victim.kill('SIGKILL');
    return 'killed without catching it mid-drain';
  }

  it('applies every event exactly once and in order, and every log replays to its snapshot', async () => {
    const { ingestor, reader, redis } = ingest.runtime;
    const victim = workers[0]!;
    let round = 0;
    const nemesis = killWhileDraining(victim, () => round >= 20);
    for (; round < eventsPerSession; round++) {
      await Promise.all(
        sessionIds.map((sessionId) =>
          ingestor.ingest(sessionId, {
            type: 'message.received',
            at: Date.now(),
            sender: { id: sessionId },
            text: round % 7 === 6 ? `m${round} done.` : `m${round}`,
            images: [],
            mentionsBot: false,
          }),
        ),
      );
    }
    expect(await nemesis).toBe('killed holding an active drain');
    expect(await victim.exited).toBe('SIGKILL');

    const prefix = ingest.config.redis.prefix;
    await waitFor(
      async () => {
        const problems = await Promise.all(sessionIds.map((id) => logProblem(redis, reader, prefix, id)));
        return problems.every((problem) => problem === null);
      },
      { timeoutMs: 120_000, intervalMs: 500, message: 'all mailboxes drained' },
    );

    const expectedTexts = Array.from({ length: eventsPerSession }, (_, round) => (round % 7 === 6 ? `m${round} done.` : `m${round}`));
    for (const sessionId of sessionIds) {
      expect(await logProblem(redis, reader, prefix, sessionId)).toBeNull();
      const log = await reader.readLog(sessionId);
      expect(messageTexts(log.entries)).toEqual(expectedTexts);
      const view = await reader.getSession(sessionId);
      const replay = replaySession({ sessionId, checkpoint: log.checkpoint, entries: log.entries, expected: view!.snapshot });
      expect(replay, sessionId).toMatchObject({ ok: true });
    }
  });
});

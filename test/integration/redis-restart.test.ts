// Redis killed with SIGKILL and restarted from its AOF (redis.conf: appendonly, appendfsync everysec): armed
// timers and unapplied mailbox entries are all still there, and the runtime carries on with them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sessionKeys } from '../../src/redis/keys.js';
import { type PrivateRedis, startPrivateRedis } from '../../src/redis/private-redis.js';
import { freePort } from '../helpers/free-port.js';
import { logProblem, messageTexts, timerFirings } from '../helpers/session-log.js';
import { testConfig } from '../helpers/test-config.js';
import { startTestRuntime } from '../helpers/test-runtime.js';
import { waitFor } from '../helpers/wait-for.js';

const message = (sessionId: string, text: string) => ({
  type: 'message.received' as const,
  at: Date.now(),
  sender: { id: sessionId },
  text,
  images: [],
  mentionsBot: false,
});

describe('Redis killed and restarted from its AOF', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kizuna-aof-'));
  let redis: PrivateRedis | undefined;
  afterAll(async () => {
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps timers and mailboxes intact', async () => {
    const port = await freePort();
    redis = await startPrivateRedis({ port, dataDir });
    const config = testConfig({ offline: { replyWaitSeconds: 4 }, wait: { minSeconds: 1, maxConsecutiveTimeouts: 1 } });
    const waiting = Array.from({ length: 20 }, (_, index) => `http:private:aof-wait${index}`);
    const queued = Array.from({ length: 10 }, (_, index) => `http:private:aof-queued${index}`);

    // Sessions that end up waiting with a wait timer armed (a BullMQ delayed job).
    const first = await startTestRuntime({ config, redisUrl: redis.url });
    await Promise.all(waiting.map((id) => first.runtime.ingestor.ingest(id, message(id, 'hello!'))));
    await waitFor(async () => {
      const views = await Promise.all(waiting.map((id) => first.runtime.reader.getSession(id)));
      return views.every((view) => view?.state === 'waiting');
    });
    await first.runtime.close();

    // Events acknowledged while no worker runs: they wait in the mailboxes.
    const ingestOnly = await startTestRuntime({ config, redisUrl: redis.url, roles: [] });
    for (const id of queued) {
      for (const text of ['one', 'two', 'three.']) await ingestOnly.runtime.ingestor.ingest(id, message(id, text));
    }
    await ingestOnly.runtime.close();

    redis.process.kill('SIGKILL');
    await new Promise((resolve) => redis!.process.once('exit', resolve));
    redis = await startPrivateRedis({ port, dataDir });

    const after = await startTestRuntime({ config, redisUrl: redis.url, roles: [] });
    const { prefix } = config.redis;
    expect(await after.runtime.queues.timers.getDelayedCount()).toBe(waiting.length);
    for (const id of queued) expect(await after.runtime.redis.llen(sessionKeys(prefix, id).mailbox)).toBe(3);
    await after.runtime.close();

    const resumed = await startTestRuntime({ config, redisUrl: redis.url });
    try {
      const { reader, redis: connection } = resumed.runtime;
      await waitFor(
        async () => {
          const views = await Promise.all(waiting.map((id) => reader.getSession(id)));
          return views.every((view) => view?.state === 'idle' && view.context?.consecutiveTimeouts === 1);
        },
        { timeoutMs: 30_000, message: 'every wait timer fired after the restart' },
      );
      for (const id of waiting) {
        expect(timerFirings((await reader.readLog(id)).entries).filter((firing) => firing.startsWith('wait:'))).toHaveLength(1);
      }
      await waitFor(async () => {
        const problems = await Promise.all(queued.map((id) => logProblem(connection, reader, prefix, id)));
        return problems.every((problem) => problem === null);
      });
      for (const id of queued) expect(messageTexts((await reader.readLog(id)).entries)).toEqual(['one', 'two', 'three.']);
    } finally {
      await resumed.stop();
    }
  });
});

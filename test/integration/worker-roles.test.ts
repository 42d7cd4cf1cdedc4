// Worker roles split across processes: one process drains sessions, another answers LLM requests and
// delivers messages, both on one Redis. Killing the LLM/outbox process holds replies back; a new one
// delivers each exactly once.
import { afterEach, describe, expect, it } from 'vitest';
import { replaySession } from '../../src/runtime/replay.js';
import { type KizunaProcess, startWorkerProcess, writeConfigFile } from '../helpers/kizuna-process.js';
import { ingestedMessage } from '../helpers/session-events.js';
import { logProblem } from '../helpers/session-log.js';
import { testConfig } from '../helpers/test-config.js';
import { startTestRuntime, type TestRuntime } from '../helpers/test-runtime.js';
import { waitFor } from '../helpers/wait-for.js';

let cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function deliveredReplies(client: TestRuntime, sessionId: string): Promise<number> {
  const outbox = await client.runtime.reader.readOutbox(sessionId);
  return outbox.filter((entry) => entry.status === 'delivered' && entry.kind === 'reply').length;
}

describe('kizuna worker --roles', () => {
  it('a session worker and an llm,outbox worker share one Redis; replies wait for the second and go out once', async () => {
    const config = testConfig({ offline: { replyWaitSeconds: 0 } });
    const client = await startTestRuntime({ config, roles: [] });
    cleanups.push(() => client.stop());
    const configPath = writeConfigFile(config);
    const drains: KizunaProcess = await startWorkerProcess(client.redisUrl, configPath, 'session');
    let answers: KizunaProcess = await startWorkerProcess(client.redisUrl, configPath, 'llm,outbox');
    cleanups.push(() => drains.kill('SIGKILL'));
    cleanups.push(() => answers.kill('SIGKILL'));
    const sessionIds = ['http:private:roles-a', 'http:private:roles-b', 'http:private:roles-c'];

    await client.runtime.ingestor.ingest(sessionIds[0]!, ingestedMessage(sessionIds[0]!, 'hello there!'));
    await waitFor(async () => (await deliveredReplies(client, sessionIds[0]!)) === 1, { timeoutMs: 60_000, message: 'the first reply was delivered' });

    answers.kill('SIGKILL');
    await answers.exited;
    for (const sessionId of sessionIds.slice(1)) await client.runtime.ingestor.ingest(sessionId, ingestedMessage(sessionId, 'are you there?'));
    // The session worker alone takes the messages as far as the LLM request, and no further.
    await waitFor(async () => {
      const views = await Promise.all(sessionIds.slice(1).map((id) => client.runtime.reader.getSession(id)));
      return views.every((view) => view?.state === 'awaiting-llm');
    }, { timeoutMs: 60_000, message: 'both sessions wait for their LLM answer' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const sessionId of sessionIds.slice(1)) {
      expect(await deliveredReplies(client, sessionId)).toBe(0);
      expect((await client.runtime.reader.getSession(sessionId))?.state).toBe('awaiting-llm');
    }

    answers = await startWorkerProcess(client.redisUrl, configPath, 'llm,outbox');
    await waitFor(async () => {
      const counts = await Promise.all(sessionIds.map((id) => deliveredReplies(client, id)));
      return counts.every((count) => count === 1);
    }, { timeoutMs: 60_000, message: 'every session got its reply once the llm,outbox worker was back' });

    const { redis, reader } = client.runtime;
    for (const sessionId of sessionIds) {
      expect(await deliveredReplies(client, sessionId)).toBe(1);
      expect(await logProblem(redis, reader, config.redis.prefix, sessionId)).toBeNull();
      const log = await reader.readLog(sessionId);
      const view = await reader.getSession(sessionId);
      expect(replaySession({ sessionId, checkpoint: log.checkpoint, entries: log.entries, expected: view!.snapshot })).toMatchObject({ ok: true });
    }
  });
});

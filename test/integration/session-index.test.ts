// The global session index: every ingested session is listed, and a process that reconnects (Redis may
// have restarted and lost its last writes) registers its sessions again.
import { afterEach, describe, expect, it } from 'vitest';
import { globalKeys } from '../../src/redis/keys.js';
import { ingestedMessage } from '../helpers/session-events.js';
import { startTestRuntime, type TestRuntime } from '../helpers/test-runtime.js';

let kizuna: TestRuntime | undefined;
afterEach(async () => {
  await kizuna?.stop();
  kizuna = undefined;
});

describe('the session index', () => {
  it('lists a session from its first event and registers it again after a reconnect', async () => {
    kizuna = await startTestRuntime({ roles: [] });
    const { ingestor, reader, redis } = kizuna.runtime;
    const sessionId = 'http:private:indexed';
    await ingestor.ingest(sessionId, ingestedMessage(sessionId, 'one'));
    await ingestor.ingest(sessionId, ingestedMessage(sessionId, 'two'));
    expect((await reader.listSessions()).map((row) => row.sessionId)).toEqual([sessionId]);

    // As if Redis had restarted without its last second of writes: the entry is gone and the link dropped.
    await redis.del(globalKeys(kizuna.config.redis.prefix).sessions);
    const reconnected = new Promise((resolve) => redis.once('ready', resolve));
    redis.disconnect(true);
    await reconnected;
    await ingestor.ingest(sessionId, ingestedMessage(sessionId, 'three'));
    expect((await reader.listSessions()).map((row) => row.sessionId)).toEqual([sessionId]);
  });
});

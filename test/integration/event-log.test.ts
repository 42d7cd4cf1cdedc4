// The stored event log: a settings change names its settings by digest in the shared table, and readers
// (the API, `kizuna replay`) get the settings back; a batch of any size commits in one atomic step.
import { afterEach, describe, expect, it } from 'vitest';
import { sessionSettingsFor } from '../../src/config/session-settings.js';
import type { Redis } from 'ioredis';
import { sessionKeys } from '../../src/redis/keys.js';
import type { ScriptCommands } from '../../src/redis/scripts.js';
import { replaySession } from '../../src/runtime/replay.js';
import { SessionStore } from '../../src/runtime/session-store.js';
import { shareSettings } from '../../src/runtime/shared-settings.js';
import { startTestRuntime, type TestRuntime } from '../helpers/test-runtime.js';
import { ingestedMessage } from '../helpers/session-events.js';
import { waitFor } from '../helpers/wait-for.js';

let kizuna: TestRuntime | undefined;
afterEach(async () => {
  await kizuna?.stop();
  kizuna = undefined;
});

describe('the event log', () => {
  it('stores a settings change by digest and reads it back whole', async () => {
    kizuna = await startTestRuntime({ roles: ['session'] });
    const { ingestor, reader, redis } = kizuna.runtime;
    const sessionId = 'http:private:logged';
    await ingestor.ingest(sessionId, ingestedMessage(sessionId, 'hello there!'));
    await waitFor(async () => ((await reader.getSession(sessionId))?.version ?? 0) > 0);

    const settings = sessionSettingsFor(kizuna.config, sessionId);
    const [stored] = await redis.lrange(sessionKeys(kizuna.config.redis.prefix, sessionId).log, 0, 0);
    const raw = JSON.parse(stored!) as { event: { type: string; settings: unknown } };
    expect(raw.event).toMatchObject({ type: 'settings.changed', settings: shareSettings(settings).digest });

    const log = await reader.readLog(sessionId);
    expect(log.entries[0]!.event).toMatchObject({ type: 'settings.changed', settings });
    const view = await reader.getSession(sessionId);
    expect(replaySession({ sessionId, checkpoint: log.checkpoint, entries: log.entries, expected: view!.snapshot })).toMatchObject({ ok: true });
  });

  it('commits a batch with more entries than Lua unpacks at once (a large runtime.drainBatchSize)', async () => {
    kizuna = await startTestRuntime({ roles: [] });
    const { redis } = kizuna.runtime;
    const prefix = kizuna.config.redis.prefix;
    const store = new SessionStore(redis as Redis & ScriptCommands, prefix, {
      eventLogMaxEntries: 20_000,
      outboxMaxEntries: 20_000,
      messageIdMemory: 100,
      historyMaxEntries: 20_000,
      mentalLogMaxEntries: 20_000,
    });
    const sessionId = 'http:group:backlog';
    const count = 8_500;
    const rows = (kind: string) => Array.from({ length: count }, (_, index) => JSON.stringify({ kind, index }));
    const result = await store.commit(sessionId, {
      expectedVersion: 0,
      consumed: 0,
      lastSeq: 0,
      snapshot: '{}',
      state: '"idle"',
      committedAt: 1,
      logEntries: rows('log'),
      outbound: rows('outbound'),
      effects: rows('effect'),
      history: rows('history'),
      mental: rows('mental'),
    });
    expect(result).toMatchObject({ status: 'committed', version: 1 });
    const keys = sessionKeys(prefix, sessionId);
    for (const key of [keys.log, keys.outbox, keys.effects, keys.history, keys.mental]) expect(await redis.llen(key)).toBe(count);
    expect(JSON.parse((await redis.lindex(keys.history, -1))!)).toEqual({ kind: 'history', index: count - 1 });
  });
});

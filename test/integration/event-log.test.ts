// The stored event log: a settings change names its settings by digest in the shared table, and readers
// (the API, `kizuna replay`) get the settings back.
import { afterEach, describe, expect, it } from 'vitest';
import { sessionSettingsFor } from '../../src/config/session-settings.js';
import { sessionKeys } from '../../src/redis/keys.js';
import { replaySession } from '../../src/runtime/replay.js';
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
});

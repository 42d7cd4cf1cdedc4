/**
 * kizuna with its OneBot adapter, wired as `kizuna start` wires it (the delivery adapter in the outbox,
 * the reverse endpoint on the HTTP server's upgrade), on the suite's Redis and the scripted fake model,
 * plus readers of what the sessions received.
 */
import { createOnebotService, type OnebotService } from '../../src/adapters/onebot/onebot-service.js';
import type { KizunaConfig } from '../../src/config/schema.js';
import type { LogEntry } from '../../src/runtime/log-entry.js';
import { fakeLlmSection, persona, type ScriptedModel } from './session-scenarios.js';
import { testConfig } from './test-config.js';
import { quietLogger, startTestRuntime, type TestRuntime } from './test-runtime.js';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { deletePrefix } from './redis-cleanup.js';

export const testToken = 'onebot-secret';

export interface OnebotKizuna extends TestRuntime {
  onebot: OnebotService;
  /** The reverse endpoint, e.g. `ws://127.0.0.1:40123/onebot/v11/ws`. */
  reverseUrl: string;
}

/** Starts kizuna with OneBot enabled (reverse mode, `testToken`, no pacing unless overridden). Performs I/O. */
export async function startOnebotKizuna(model: ScriptedModel, onebot: Partial<KizunaConfig['onebot']> = {}, overrides: Parameters<typeof testConfig>[0] = {}): Promise<OnebotKizuna> {
  const config: KizunaConfig = {
    ...testConfig({
      ...overrides,
      llm: fakeLlmSection(model.baseUrl),
      onebot: { enabled: true, accessToken: testToken, sendIntervalSeconds: 0, maxFrameBytes: 65_536, connectWaitSeconds: 20, reconnectMinSeconds: 0.05, reconnectMaxSeconds: 0.4, ...onebot },
    }),
    persona,
    timezone: 'UTC',
  };
  const service = createOnebotService({ config, redisUrl: inject('redisUrl'), logger: quietLogger });
  const kizuna = await startTestRuntime({ config, http: true, adapters: [service.delivery], upgrade: service.handleUpgrade });
  service.start((sessionId, event, messageId) => kizuna.runtime.ingestor.ingest(sessionId, event, messageId));
  return {
    ...kizuna,
    onebot: service,
    reverseUrl: `${kizuna.baseUrl!.replace(/^http/, 'ws')}${config.onebot.reversePath}`,
    async stop() {
      await service.close();
      await kizuna.stop();
    },
  };
}

/** The `message.received` events a session applied, in order. */
export async function receivedMessages(kizuna: TestRuntime, sessionId: string): Promise<Array<Record<string, unknown>>> {
  const log = await kizuna.runtime.reader.readLog(sessionId);
  return log.entries
    .map((entry: LogEntry) => entry.event as unknown as Record<string, unknown>)
    .filter((event) => event['type'] === 'message.received');
}

/** A OneBot adapter on its own (forward mode, dialling `url`), for tests that call its delivery directly. Performs I/O. */
export function startForwardAdapter(url: string, onebot: Partial<KizunaConfig['onebot']> = {}): OnebotService {
  const config = testConfig({
    onebot: { enabled: true, mode: 'forward', forwardUrl: url, sendIntervalSeconds: 0, connectWaitSeconds: 20, reconnectMinSeconds: 0.05, reconnectMaxSeconds: 0.4, ...onebot },
  });
  const redisUrl = inject('redisUrl');
  const service = createOnebotService({ config, redisUrl, logger: quietLogger });
  // These tests send only; an event that arrives anyway is acknowledged and dropped.
  service.start(async (sessionId) => ({ sessionId, eventId: `${sessionId}#0`, seq: 0, duplicate: false }));
  return {
    ...service,
    async close() {
      await service.close();
      const cleaner = new Redis(redisUrl);
      await deletePrefix(cleaner, config.redis.prefix);
      cleaner.disconnect();
    },
  };
}

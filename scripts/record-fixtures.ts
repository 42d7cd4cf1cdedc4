/**
 * Records the replay fixtures in test/fixtures/sessions/: real sessions run by the real runtime on a private
 * Redis (with short durations), saved as `kizuna replay --save` would save them. Run it again, deliberately,
 * when a machine change makes old logs stop replaying: `npm run fixtures:record`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReplayInput } from '../src/runtime/replay-input.js';
import { parseConfig } from '../src/config/load-config.js';
import type { LlmClient } from '../src/llm/llm-types.js';
import { createOfflineLlm } from '../src/llm/offline-llm.js';
import { createLogger } from '../src/log.js';
import { startPrivateRedis } from '../src/redis/private-redis.js';
import type { IngestEvent } from '../src/runtime/ingestor.js';
import { type Runtime, startRuntime } from '../src/runtime/runtime.js';
import { freePort } from '../test/helpers/free-port.js';

const fixturesDir = new URL('../test/fixtures/sessions/', import.meta.url);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function say(text: string): IngestEvent {
  return { type: 'message.received', at: Date.now(), sender: { id: 'user' }, text, images: [], mentionsBot: false };
}

interface Scenario {
  name: string;
  description: string;
  llm?: LlmClient;
  config?: Record<string, unknown>;
  play(runtime: Runtime, sessionId: string): Promise<void>;
}

const scenarios: Scenario[] = [
  {
    name: 'debounce-merge',
    description: 'Two unfinished fragments are held and merged; the debounce timer sends them as one request.',
    async play(runtime, sessionId) {
      await runtime.ingestor.ingest(sessionId, say('so yesterday I went to the'));
      await sleep(150);
      await runtime.ingestor.ingest(sessionId, say('market and'));
      await sleep(900);
    },
  },
  {
    name: 'debounce-cancel',
    description: 'A complete message goes to the model; the user adds more before it answers; one merged request follows.',
    llm: slowOffline(400),
    async play(runtime, sessionId) {
      await runtime.ingestor.ingest(sessionId, say('hello!'));
      await sleep(100);
      await runtime.ingestor.ingest(sessionId, say('how are you today?'));
      await sleep(900);
    },
  },
  {
    name: 'wait-timeouts',
    description: 'The bot waits, follows up after a timeout, and stops at the timeout cap.',
    config: { offline: { replyWaitSeconds: 0.4 }, wait: { minSeconds: 0.3, maxSeconds: 5, maxConsecutiveTimeouts: 2 } },
    async play(runtime, sessionId) {
      await runtime.ingestor.ingest(sessionId, say('tell me a story!'));
      await sleep(2500);
    },
  },
  {
    name: 'proactive',
    description: 'After a goodbye the session is idle; the proactive timer fires and the bot writes first.',
    config: { proactive: { enabled: true, minDelaySeconds: 0.3, maxDelaySeconds: 0.5, expectReplySeconds: 0.3 }, wait: { minSeconds: 0.2, maxConsecutiveTimeouts: 1 } },
    async play(runtime, sessionId) {
      await runtime.ingestor.ingest(sessionId, say('good night!'));
      await sleep(1800);
    },
  },
  {
    name: 'proactive-quiet-hours',
    description: 'The proactive timer fires inside quiet hours: nothing is sent and the check moves to the end of the window.',
    config: {
      proactive: { enabled: true, minDelaySeconds: 0.3, maxDelaySeconds: 0.5, quietHours: quietWindowAroundNow(), timezone: 'UTC' },
    },
    async play(runtime, sessionId) {
      await runtime.ingestor.ingest(sessionId, say('good night!'));
      await sleep(1500);
    },
  },
  {
    name: 'reminder',
    description: 'The model sets a reminder through set_reminder; /reminders lists it; it fires and is delivered.',
    llm: reminderSetter(900),
    config: { reminders: { enabled: true, maxPerSession: 5 } },
    async play(runtime, sessionId) {
      await runtime.ingestor.ingest(sessionId, say('remind me to stretch in a moment!'));
      await sleep(300);
      await runtime.ingestor.ingest(sessionId, say('/reminders'));
      await sleep(2000);
    },
  },
  {
    name: 'llm-failure',
    description: 'The model fails; the session returns to idle keeping the text, which the next request carries.',
    llm: { name: 'failing', decide: () => Promise.reject(new Error('upstream 500')), text: () => Promise.reject(new Error('upstream 500')) },
    async play(runtime, sessionId) {
      await runtime.ingestor.ingest(sessionId, say('are you there?'));
      await sleep(2500);
      await runtime.ingestor.ingest(sessionId, say('hello?'));
      await sleep(2500);
    },
  },
];

/** A quiet-hours window from the current UTC minute to ten minutes later. */
function quietWindowAroundNow(): string {
  const now = new Date();
  const clock = (date: Date) => `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
  return `${clock(now)}-${clock(new Date(now.getTime() + 10 * 60_000))}`;
}

/** A model that answers the first message by setting a reminder `delayMs` ahead, then behaves like the offline one. */
function reminderSetter(delayMs: number): LlmClient {
  const offline = createOfflineLlm({ replyWaitSeconds: 0 });
  return {
    name: 'reminder-setter',
    decide: async (request, material, options) => {
      if (request.purpose !== 'reply' || !/remind/.test(request.text)) return offline.decide(request, material, options);
      return {
        calls: [
          { tool: 'reply', content: 'Sure, I will remind you!', maxWaitSeconds: 0 },
          { tool: 'set_reminder', when: 'in a moment', text: 'time to stretch', dueAt: Date.now() + delayMs },
        ],
      };
    },
    text: offline.text,
  };
}

function slowOffline(delayMs: number): LlmClient {
  const offline = createOfflineLlm({ replyWaitSeconds: 60 });
  return {
    name: 'slow-offline',
    decide: async (request, material, options) => (await sleep(delayMs), offline.decide(request, material, options)),
    text: offline.text,
  };
}

async function record(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kizuna-fixtures-'));
  const redis = await startPrivateRedis({ port: await freePort(), dataDir });
  const logger = createLogger('fixtures', 'error');
  try {
    for (const scenario of scenarios) {
      const config = parseConfig({
        redis: { prefix: `fixture-${scenario.name}` },
        runtime: { sweepIntervalSeconds: 0 },
        debounce: { timeoutSeconds: 0.5 },
        proactive: { enabled: false },
        offline: { replyWaitSeconds: 60 },
        ...scenario.config,
      });
      const runtime = await startRuntime({
        config,
        redisUrl: redis.url,
        roles: ['session', 'llm', 'outbox'],
        logger,
        ...(scenario.llm === undefined ? {} : { llm: scenario.llm }),
      });
      const sessionId = `http:private:${scenario.name}`;
      await scenario.play(runtime, sessionId);
      const input = await readReplayInput(runtime.reader, sessionId);
      await runtime.close();
      const fixture = { description: scenario.description, ...input };
      writeFileSync(new URL(`${scenario.name}.json`, fixturesDir), `${JSON.stringify(fixture, null, 2)}\n`);
      process.stdout.write(`recorded ${scenario.name}: ${input?.entries.length ?? 0} log entries\n`);
    }
  } finally {
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await record();

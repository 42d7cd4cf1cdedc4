/**
 * Memory Reboot scenarios on the real runtime: a `memory-reboot` worker (and nothing that drains sessions,
 * so what it ingests stays in the group's mailbox to be read), messages ingested with chosen times, and the
 * mailbox and stored state read back from Redis.
 */
import type { ImageRef, SessionEvent } from '../../machines/session-types.js';
import { rebootKeys, sessionKeys } from '../../src/redis/keys.js';
import type { RuntimeRole } from '../../src/runtime/runtime.js';
import { type TestRuntime, startTestRuntime } from './test-runtime.js';
import { testConfig } from './test-config.js';
import { waitFor } from './wait-for.js';

export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;
/** A fixed starting time for scenarios (messages carry their own times). */
export const t0 = Date.UTC(2026, 4, 1, 9, 0, 0);

type Overrides = Parameters<typeof testConfig>[0];

/** Starts a runtime with the memory-reboot role (the judge off unless the overrides turn it on). */
export async function startRebootRuntime(overrides: Overrides = {}, roles: RuntimeRole[] = ['memory-reboot']): Promise<TestRuntime> {
  const memoryReboot = { llmConfirm: false, ...((overrides?.['memoryReboot'] as object | undefined) ?? {}) };
  const security = { allowPrivateImageHosts: true, ...((overrides?.['security'] as object | undefined) ?? {}) };
  return startTestRuntime({ config: testConfig({ ...overrides, memoryReboot, security }), roles });
}

export interface Post {
  sender: string;
  text?: string;
  at: number;
  images?: ImageRef[];
  /** The platform's id of the message; `null` posts it without one (as an HTTP client may). */
  messageId?: string | null;
  name?: string;
  /** The message id this one quotes. */
  replyTo?: string;
}

let counter = 0;

/** Ingests a group message as an adapter would; returns its message id ('' when posted without one). */
export async function post(kizuna: TestRuntime, sessionId: string, message: Post): Promise<string> {
  const messageId = message.messageId === null ? undefined : (message.messageId ?? `m${(counter += 1)}`);
  await kizuna.runtime.ingestor.ingest(
    sessionId,
    {
      type: 'message.received',
      at: message.at,
      sender: message.name === undefined ? { id: message.sender } : { id: message.sender, name: message.name },
      text: message.text ?? '',
      images: message.images ?? [],
      mentionsBot: false,
      ...(messageId === undefined ? {} : { messageId }),
      ...(message.replyTo === undefined ? {} : { replyTo: message.replyTo }),
    },
    messageId,
  );
  return messageId ?? '';
}

/** Waits until every queued check of the group has been settled. */
export async function settled(kizuna: TestRuntime, sessionId: string): Promise<void> {
  const keys = rebootKeys(kizuna.config.redis.prefix, sessionId);
  await waitFor(async () => (await kizuna.runtime.redis.llen(keys.pending)) === 0 && (await kizuna.runtime.redis.exists(keys.armed)) === 0, {
    message: `checks of ${sessionId} settled`,
  });
}

/** Posts messages one by one, each checked before the next (the order a real group has). */
export async function postAll(kizuna: TestRuntime, sessionId: string, messages: readonly Post[]): Promise<string[]> {
  const ids: string[] = [];
  for (const message of messages) {
    ids.push(await post(kizuna, sessionId, message));
    await settled(kizuna, sessionId);
  }
  return ids;
}

/** The events in the group session's mailbox, in order. */
export async function mailboxEvents(kizuna: TestRuntime, sessionId: string): Promise<SessionEvent[]> {
  const entries = await kizuna.runtime.redis.lrange(sessionKeys(kizuna.config.redis.prefix, sessionId).mailbox, 0, -1);
  return entries.map((entry) => JSON.parse(entry.slice(entry.indexOf(' ') + 1)) as SessionEvent);
}

/** The Memory Reboot events (`reboot.matched`, `admin.answered`) in the group's mailbox. */
export async function rebootEvents(kizuna: TestRuntime, sessionId: string): Promise<SessionEvent[]> {
  return (await mailboxEvents(kizuna, sessionId)).filter((event) => event.type === 'reboot.matched' || event.type === 'admin.answered');
}

/** How many messages the group has stored. */
export async function storedCount(kizuna: TestRuntime, sessionId: string): Promise<number> {
  return kizuna.runtime.redis.hlen(rebootKeys(kizuna.config.redis.prefix, sessionId).records);
}


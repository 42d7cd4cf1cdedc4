/**
 * Ingest: the one way an event enters a session. The event is appended to the session's mailbox in Redis
 * and, when no drain was owed yet, a drain is triggered. Once `ingest` resolves, the event is durable and
 * will be applied exactly once.
 */
import type { SessionEvent } from '../../machines/session-types.js';
import type { DrainTrigger } from './drain-trigger.js';
import type { RuntimeStats } from './runtime-stats.js';
import { type AppendResult, guardRedis, type SessionStore } from './session-store.js';

/** An event as ingested: a message has no completeness score yet (the driver adds it). */
export type IngestEvent = SessionEvent extends infer E
  ? E extends { type: 'message.received' }
    ? Omit<E, 'completeness'>
    : E
  : never;

export interface IngestReceipt {
  sessionId: string;
  eventId: string;
  seq: number;
  /** True when the platform message id was seen before; nothing new was stored. */
  duplicate: boolean;
}

export class Ingestor {
  readonly #store: SessionStore;
  readonly #trigger: DrainTrigger;
  readonly #stats: RuntimeStats | undefined;

  constructor(store: SessionStore, trigger: DrainTrigger, stats?: RuntimeStats) {
    this.#store = store;
    this.#trigger = trigger;
    this.#stats = stats;
  }

  /** Appends `event` to the mailbox of `sessionId` and triggers a drain when one is owed. Performs I/O. */
  async ingest(sessionId: string, event: IngestEvent, messageId?: string): Promise<IngestReceipt> {
    const result = await this.#append(sessionId, event, messageId);
    if (result.needsDrain) await guardRedis(() => this.#trigger.trigger(sessionId));
    return this.#receipt(sessionId, result);
  }

  /**
   * Appends `event` and asks for a drain in the same round trip to Redis (one pipeline, the append first),
   * whether or not one was owed. For events that nearly always find their session quiet — a timer firing —
   * that is one trip instead of two; a request that was not needed joins the drain already owed (BullMQ
   * deduplication), at worst one more drain that finds the mailbox empty. Performs I/O.
   */
  async ingestAndTrigger(sessionId: string, event: IngestEvent): Promise<IngestReceipt> {
    const [result] = await Promise.all([this.#append(sessionId, event), guardRedis(() => this.#trigger.trigger(sessionId))]);
    return this.#receipt(sessionId, result);
  }

  async #append(sessionId: string, event: IngestEvent, messageId?: string): Promise<AppendResult> {
    const result = await this.#store.append(sessionId, JSON.stringify(event), event.at, messageId);
    this.#stats?.trigger.counted({ name: result.appended ? 'events_ingested_total' : 'events_duplicate_total' });
    return result;
  }

  #receipt(sessionId: string, result: AppendResult): IngestReceipt {
    return { sessionId, eventId: `${sessionId}#${result.seq}`, seq: result.seq, duplicate: !result.appended };
  }
}

/**
 * Ingest: the one way an event enters a session. The event is appended to the session's mailbox in Redis
 * and, when no drain was owed yet, a drain is triggered. Once `ingest` resolves, the event is durable and
 * will be applied exactly once.
 */
import type { SessionEvent } from '../../machines/session-types.js';
import type { DrainTrigger } from './drain-trigger.js';
import type { RuntimeStats } from './runtime-stats.js';
import { guardRedis, type SessionStore } from './session-store.js';

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
    const { receipt, needsDrain } = await this.appendOwingDrain(sessionId, event, messageId);
    if (needsDrain) await guardRedis(() => this.#trigger.trigger(sessionId));
    return receipt;
  }

  /**
   * Appends `event` without triggering a drain; `needsDrain` says this caller now owes the session one and
   * must drain it itself or `trigger` it (a session worker firing a timer drains in place). Performs I/O.
   */
  async appendOwingDrain(sessionId: string, event: IngestEvent, messageId?: string): Promise<{ receipt: IngestReceipt; needsDrain: boolean }> {
    const result = await this.#store.append(sessionId, JSON.stringify(event), event.at, messageId);
    this.#stats?.trigger.counted({ name: result.appended ? 'events_ingested_total' : 'events_duplicate_total' });
    const receipt = { sessionId, eventId: `${sessionId}#${result.seq}`, seq: result.seq, duplicate: !result.appended };
    return { receipt, needsDrain: result.needsDrain };
  }

  /** Asks for a drain job for `sessionId` (deduplicated per session). Performs I/O. */
  async trigger(sessionId: string): Promise<void> {
    await guardRedis(() => this.#trigger.trigger(sessionId));
  }
}

/**
 * Ingest: the one way an event enters a session. The event is appended to the session's mailbox in Redis
 * and, when no drain was owed yet, a drain is triggered. Once `ingest` resolves, the event is durable and
 * will be applied exactly once.
 */
import type { SessionEvent } from '../../machines/session-types.js';
import type { SessionTrigger } from './drain-shards.js';
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

/** Completes an event before it is stored (e.g. the content identities of a group message's images). */
export type IngestPreparer = (sessionId: string, event: IngestEvent) => Promise<IngestEvent>;

/**
 * Told about every event once it is durable (duplicates included, so a retried ingest after a crash reaches
 * it again): side work such as Memory Reboot's check queue. An observer that throws fails the ingest, which
 * the caller retries.
 */
export interface IngestObserver {
  observe(sessionId: string, event: IngestEvent, receipt: IngestReceipt): Promise<void>;
}

export class Ingestor {
  readonly #store: SessionStore;
  readonly #trigger: SessionTrigger;
  readonly #stats: RuntimeStats | undefined;
  readonly #observers: readonly IngestObserver[];
  readonly #prepare: IngestPreparer | undefined;

  constructor(store: SessionStore, trigger: SessionTrigger, stats?: RuntimeStats, observers: readonly IngestObserver[] = [], prepare?: IngestPreparer) {
    this.#store = store;
    this.#trigger = trigger;
    this.#stats = stats;
    this.#observers = observers;
    this.#prepare = prepare;
  }

  /** Appends `event` to the mailbox of `sessionId` and triggers a drain when one is owed. Performs I/O. */
  async ingest(sessionId: string, event: IngestEvent, messageId?: string): Promise<IngestReceipt> {
    const prepared = await this.#prepared(sessionId, event);
    const result = await this.#append(sessionId, prepared, messageId);
    if (result.needsDrain) await guardRedis(() => this.#trigger.trigger(sessionId));
    return this.#observed(sessionId, prepared, result);
  }

  #prepared(sessionId: string, event: IngestEvent): Promise<IngestEvent> | IngestEvent {
    return this.#prepare === undefined ? event : this.#prepare(sessionId, event);
  }

  async #append(sessionId: string, event: IngestEvent, messageId?: string): Promise<AppendResult> {
    const result = await this.#store.append(sessionId, JSON.stringify(event), event.at, messageId);
    this.#stats?.trigger.counted({ name: result.appended ? 'events_ingested_total' : 'events_duplicate_total' });
    return result;
  }

  /** Tells the observers about the durable event, then gives the receipt. */
  async #observed(sessionId: string, event: IngestEvent, result: AppendResult): Promise<IngestReceipt> {
    const receipt = { sessionId, eventId: `${sessionId}#${result.seq}`, seq: result.seq, duplicate: !result.appended };
    for (const observer of this.#observers) await guardRedis(() => observer.observe(sessionId, event, receipt));
    return receipt;
  }
}

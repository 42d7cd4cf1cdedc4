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

/** Completes an event before it is stored (e.g. the content identities of a group message's images). */
export type IngestPreparer = (sessionId: string, event: IngestEvent) => Promise<IngestEvent>;

export class Ingestor {
  readonly #store: SessionStore;
  readonly #trigger: DrainTrigger;
  readonly #stats: RuntimeStats | undefined;
  readonly #prepare: IngestPreparer | undefined;

  constructor(store: SessionStore, trigger: DrainTrigger, stats?: RuntimeStats, prepare?: IngestPreparer) {
    this.#store = store;
    this.#trigger = trigger;
    this.#stats = stats;
    this.#prepare = prepare;
  }

  /** Appends `event` to the mailbox of `sessionId` and triggers a drain when one is owed. Performs I/O. */
  async ingest(sessionId: string, event: IngestEvent, messageId?: string): Promise<IngestReceipt> {
    const prepared = this.#prepare === undefined ? event : await this.#prepare(sessionId, event);
    const result = await this.#store.append(sessionId, JSON.stringify(prepared), prepared.at, messageId);
    if (result.needsDrain) await guardRedis(() => this.#trigger.trigger(sessionId));
    this.#stats?.trigger.counted({ name: result.appended ? 'events_ingested_total' : 'events_duplicate_total' });
    return { sessionId, eventId: `${sessionId}#${result.seq}`, seq: result.seq, duplicate: !result.appended };
  }
}

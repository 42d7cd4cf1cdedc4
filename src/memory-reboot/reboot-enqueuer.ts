/**
 * Where Memory Reboot meets ingest: every group message, once durable, joins the group's check queue and
 * the group's check job is triggered (one per group at a time, like a session drain). One script call on
 * the ingest path; the check itself runs later on a `memory-reboot` worker.
 */
import type { Logger } from '../log.js';
import type { DrainTrigger } from '../runtime/drain-trigger.js';
import type { IngestEvent, IngestObserver, IngestReceipt } from '../runtime/ingestor.js';
import { parseSessionId } from '../runtime/session-id.js';
import type { CheckEntry } from './reboot-record.js';
import type { RebootStore } from './reboot-store.js';

/** The check entry of an ingested group message, or null for anything else; pure. */
export function checkEntryOf(sessionId: string, event: IngestEvent, receipt: Pick<IngestReceipt, 'eventId'>): CheckEntry | null {
  if (event.type !== 'message.received' || parseSessionId(sessionId)?.chatType !== 'group') return null;
  if (event.text.trim() === '' && event.images.length === 0) return null;
  return {
    id: event.messageId ?? receipt.eventId,
    ...(event.messageId === undefined ? {} : { messageId: event.messageId }),
    at: event.at,
    sender: event.sender,
    text: event.text,
    images: event.images,
    ...(event.replyTo === undefined ? {} : { replyTo: event.replyTo }),
  };
}

export class RebootEnqueuer implements IngestObserver {
  readonly #store: RebootStore;
  readonly #trigger: DrainTrigger;
  readonly #logger: Logger;

  constructor(store: RebootStore, trigger: DrainTrigger, logger: Logger) {
    this.#store = store;
    this.#trigger = trigger;
    this.#logger = logger;
  }

  /** Queues group messages for their check. Performs I/O. */
  async observe(sessionId: string, event: IngestEvent, receipt: IngestReceipt): Promise<void> {
    const entry = checkEntryOf(sessionId, event, receipt);
    if (entry === null) return;
    const { needsTrigger, dropped } = await this.#store.enqueue(sessionId, JSON.stringify(entry));
    if (dropped > 0) this.#logger.warn({ sessionId, dropped }, 'memory reboot: too many messages waiting for their check; the oldest were dropped');
    if (needsTrigger) await this.#trigger.trigger(sessionId);
  }
}

/**
 * The drain trigger: a BullMQ job per session that some worker picks up to apply the session's mailbox.
 * Deduplication by session id with `keepLastIfActive` keeps at most one drain running per session across
 * all workers, and one more queued behind it, so a wake-up is never lost.
 */
import type { Queue } from 'bullmq';

export interface DrainJobData {
  sessionId: string;
}

export class DrainTrigger {
  readonly #queue: Queue;

  constructor(queue: Queue) {
    this.#queue = queue;
  }

  /** Asks for a drain of `sessionId`. Performs I/O. */
  async trigger(sessionId: string): Promise<void> {
    const data: DrainJobData = { sessionId };
    await this.#queue.add('drain', data, {
      deduplication: { id: sessionId, keepLastIfActive: true },
      removeOnComplete: true,
      removeOnFail: true,
      attempts: 25,
      backoff: { type: 'exponential', delay: 200 },
    });
  }
}

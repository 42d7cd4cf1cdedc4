/**
 * The per-key drain trigger: a BullMQ job per key that some worker picks up — a session's drain when
 * `runtime.drainShards` is 0 (otherwise sessions are drained by shard: drain-shards.ts), a group's Memory
 * Reboot checks. Deduplication by key with `keepLastIfActive` keeps at most one job running per key across
 * all workers, and one more queued behind it, so a wake-up is never lost.
 */
import type { JobsOptions, Queue } from 'bullmq';
import type { SessionTrigger } from './drain-shards.js';

export interface DrainJobData {
  sessionId: string;
}

/**
 * The options of a drain job deduplicated by `key` — a session's, a shard's, a group's: one runs at a time and
 * one more waits behind it; a failed one is retried with backoff, then removed (the sweepers add it again).
 */
export function drainJobOptions(key: string): JobsOptions {
  return {
    deduplication: { id: key, keepLastIfActive: true },
    removeOnComplete: true,
    removeOnFail: true,
    attempts: 25,
    backoff: { type: 'exponential', delay: 200 },
  };
}

export class DrainTrigger implements SessionTrigger {
  readonly #queue: Queue;

  constructor(queue: Queue) {
    this.#queue = queue;
  }

  /** Asks for a drain of `sessionId`. Performs I/O. */
  async trigger(sessionId: string): Promise<void> {
    const data: DrainJobData = { sessionId };
    await this.#queue.add('drain', data, drainJobOptions(sessionId));
  }
}

/**
 * Sends a session's LLM requests to the `llm` queue, where any worker with the llm role runs them.
 * Aborting removes a request that has not started and cancels one that has, wherever it runs; a result that
 * arrives anyway is dropped by the session because its request id is no longer current.
 */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { llmJobId } from '../runtime/queues.js';
import { publishAbort } from './llm-abort.js';
import type { LlmRequest } from './llm-types.js';

export class LlmDispatcher {
  readonly #queue: Queue;
  readonly #attempts: number;
  readonly #publisher: { redis: Redis; prefix: string } | undefined;

  constructor(queue: Queue, attempts = 3, publisher?: { redis: Redis; prefix: string }) {
    this.#queue = queue;
    this.#attempts = attempts;
    this.#publisher = publisher;
  }

  /** Queues `request` (idempotently: one job per session and request id). Performs I/O. */
  async start(request: LlmRequest): Promise<void> {
    await this.#queue.add('llm', request, {
      jobId: llmJobId(request.sessionId, request.requestId),
      // Kept a while (bounded by count) so a re-run of the committed effect does not ask twice.
      removeOnComplete: { count: 1000 },
      removeOnFail: true,
      attempts: this.#attempts,
      backoff: { type: 'exponential', delay: 500 },
    });
  }

  /** Withdraws a request: removed if waiting, cancelled (its HTTP request aborted) if running. Performs I/O. */
  async abort(sessionId: string, requestId: string): Promise<void> {
    const jobId = llmJobId(sessionId, requestId);
    await this.#queue.remove(jobId);
    if (this.#publisher !== undefined) await publishAbort(this.#publisher.redis, this.#publisher.prefix, jobId);
  }
}

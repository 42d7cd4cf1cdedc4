/**
 * Sends a session's LLM requests to the `llm` queue, where any worker with the llm role runs them.
 * Aborting removes a request that has not started; a result that arrives anyway is dropped by the session
 * because its request id is no longer current.
 */
import type { Queue } from 'bullmq';
import { llmJobId } from '../runtime/queues.js';
import type { LlmRequest } from './llm-types.js';

export class LlmDispatcher {
  readonly #queue: Queue;
  readonly #attempts: number;

  constructor(queue: Queue, attempts = 3) {
    this.#queue = queue;
    this.#attempts = attempts;
  }

  /** Queues `request` (idempotently: one job per session and request id). Performs I/O. */
  async start(request: LlmRequest): Promise<void> {
    await this.#queue.add('llm', request, {
      jobId: llmJobId(request.sessionId, request.requestId),
      removeOnComplete: true,
      removeOnFail: true,
      attempts: this.#attempts,
      backoff: { type: 'exponential', delay: 500 },
    });
  }

  /** Withdraws a request that has not started. Performs I/O. */
  async abort(sessionId: string, requestId: string): Promise<void> {
    await this.#queue.remove(llmJobId(sessionId, requestId));
  }
}

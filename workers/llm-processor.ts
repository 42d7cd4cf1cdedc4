/**
 * The `llm` queue's processor: builds the request's material (persona, history, mental log), asks the model,
 * and ingests the outcome — `llm.replied` for a turn, `llm.text` for a side request. A retryable failure with
 * attempts left is rethrown (BullMQ backs off and retries); the last failure becomes `llm.failed` (turns) or
 * a canned `llm.text` (side requests), so a session never waits forever. An aborted request ends quietly:
 * its session no longer waits for it.
 */
import type { Job } from 'bullmq';
import { RuntimeError, toErrorInfo } from '../src/errors.js';
import { cannedThought, plainReminder } from '../src/llm/canned-lines.js';
import type { LlmClient, LlmRequest, PromptMaterial, TextRequest, TurnRequest } from '../src/llm/llm-types.js';
import type { Logger } from '../src/log.js';
import type { Ingestor } from '../src/runtime/ingestor.js';
import type { RuntimeStats } from '../src/runtime/runtime-stats.js';

export interface LlmProcessorOptions {
  client: LlmClient;
  ingestor: Ingestor;
  stats: RuntimeStats;
  logger: Logger;
  material: (request: LlmRequest) => Promise<PromptMaterial>;
  now?: () => number;
}

/** True for a conversation turn, false for a side request; pure. */
export function isTurnRequest(request: LlmRequest): request is TurnRequest {
  return request.purpose !== 'thinking' && request.purpose !== 'reminder';
}

/** Builds the processor function for the LLM worker. */
export function createLlmProcessor(options: LlmProcessorOptions) {
  const now = options.now ?? Date.now;
  const { client, ingestor, stats } = options;
  return async (job: Job<LlmRequest>, _token?: string, signal?: AbortSignal): Promise<void> => {
    const request = job.data;
    const started = now();
    stats.trigger.counted({ name: 'llm_requests_total' });
    try {
      const material = await options.material(request);
      const call = signal === undefined ? {} : { signal };
      if (isTurnRequest(request)) {
        const decision = await client.decide(request, material, call);
        await ingestor.ingest(request.sessionId, { type: 'llm.replied', at: now(), requestId: request.requestId, calls: decision.calls });
      } else {
        const text = await client.text(request, material, call);
        await ingestor.ingest(request.sessionId, { type: 'llm.text', at: now(), requestId: request.requestId, text, fallback: false });
      }
      stats.trigger.observed({ name: 'llm_latency_ms', values: [now() - started] });
    } catch (error) {
      if (signal?.aborted) return;
      stats.trigger.counted({ name: 'llm_failures_total' });
      const retryable = !(error instanceof RuntimeError) || error.retryable;
      if (retryable && job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw error;
      options.logger.warn({ sessionId: request.sessionId, requestId: request.requestId, purpose: request.purpose, err: toErrorInfo(error) }, 'LLM request failed for good');
      await ingestor.ingest(request.sessionId, failureEvent(request, error, now()));
    }
  };
}

function failureEvent(request: LlmRequest, error: unknown, at: number) {
  if (isTurnRequest(request)) {
    return { type: 'llm.failed' as const, at, requestId: request.requestId, error: toErrorInfo(error) };
  }
  return { type: 'llm.text' as const, at, requestId: request.requestId, text: fallbackText(request), fallback: true };
}

function fallbackText(request: TextRequest): string {
  return request.purpose === 'thinking' ? cannedThought(request.progress ?? 0) : plainReminder(request.reminderText ?? '');
}

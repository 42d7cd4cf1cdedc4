/**
 * The `llm` queue's processor: asks the model for a decision and ingests it as `llm.replied`. A failure
 * BullMQ will retry is rethrown; the last failure becomes `llm.failed`, so the session never waits forever.
 */
import type { Job } from 'bullmq';
import { toErrorInfo } from '../src/errors.js';
import type { LlmClient, LlmRequest } from '../src/llm/llm-types.js';
import type { Ingestor } from '../src/runtime/ingestor.js';
import type { RuntimeStats } from '../src/runtime/runtime-stats.js';

/** Builds the processor function for the LLM worker. */
export function createLlmProcessor(
  client: LlmClient,
  ingestor: Ingestor,
  stats: RuntimeStats,
  now: () => number = Date.now,
) {
  return async (job: Job<LlmRequest>, _token?: string, signal?: AbortSignal): Promise<void> => {
    const request = job.data;
    const started = now();
    stats.trigger.counted({ name: 'llm_requests_total' });
    try {
      const decision = await client.decide(request, signal === undefined ? {} : { signal });
      stats.trigger.observed({ name: 'llm_latency_ms', values: [now() - started] });
      await ingestor.ingest(request.sessionId, {
        type: 'llm.replied',
        at: now(),
        requestId: request.requestId,
        calls: decision.calls,
      });
    } catch (error) {
      stats.trigger.counted({ name: 'llm_failures_total' });
      const attempts = job.opts.attempts ?? 1;
      if (job.attemptsMade + 1 < attempts) throw error;
      await ingestor.ingest(request.sessionId, {
        type: 'llm.failed',
        at: now(),
        requestId: request.requestId,
        error: toErrorInfo(error),
      });
    }
  };
}

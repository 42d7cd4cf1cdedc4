/**
 * The `llm` queue's processor: builds the request's material (persona, history, mental log), inlines
 * uploaded images, asks the model, and ingests the outcome — `llm.replied` for a turn, `llm.text` for a side
 * request. A retryable failure with attempts left is rethrown (BullMQ backs off and retries); the last
 * failure becomes `llm.failed` (turns) or a canned `llm.text` (side requests), so a session never waits
 * forever. An aborted request ends quietly: its session no longer waits for it. Every attempt, whatever its
 * outcome, is recorded in the session's LLM call log before its result is ingested.
 */
import type { Job } from 'bullmq';
import type { ToolCall } from '../machines/session-types.js';
import { RuntimeError, toErrorInfo } from '../src/errors.js';
import { inlineUploads } from '../src/images/inline-uploads.js';
import { cannedThought, plainReminder } from '../src/llm/canned-lines.js';
import { collectExchanges } from '../src/llm/exchange-recorder.js';
import type { LlmCallLog, LlmCallRecord, LlmExchange } from '../src/llm/llm-call-log.js';
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
  /** Where each attempt is recorded for the console. */
  callLog?: Pick<LlmCallLog, 'append'>;
  /** Reads an uploaded image (`/v1/images/<id>`) as a `data:` URL, null once it expired. */
  toDataUrl?: (url: string) => Promise<string | null>;
  now?: () => number;
}

type Answer = { outcome: 'decided'; calls: ToolCall[] } | { outcome: 'text'; text: string };

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
    const exchanges: LlmExchange[] = [];
    const record = (result: Pick<LlmCallRecord, 'outcome'> & Partial<LlmCallRecord>) =>
      recordAttempt(options, request, { client: client.name, attempt: job.attemptsMade + 1, startedAt: started, latencyMs: now() - started, exchanges, ...result });
    const task = { task: request.purpose };
    stats.trigger.counted({ name: 'llm_requests_total', labels: task });
    try {
      const answer = await collectExchanges(exchanges, () => ask(options, request, signal));
      await record(answer);
      const at = now();
      await ingestor.ingest(
        request.sessionId,
        answer.outcome === 'decided'
          ? { type: 'llm.replied', at, requestId: request.requestId, calls: answer.calls }
          : { type: 'llm.text', at, requestId: request.requestId, text: answer.text, fallback: false },
      );
      stats.trigger.observed({ name: 'llm_latency_ms', values: [now() - started], labels: task });
    } catch (error) {
      if (signal?.aborted) {
        await record({ outcome: 'aborted', error: toErrorInfo(error) });
        return;
      }
      stats.trigger.counted({ name: 'llm_failures_total', labels: { ...task, code: toErrorInfo(error).code } });
      const retryable = !(error instanceof RuntimeError) || error.retryable;
      if (retryable && job.attemptsMade + 1 < (job.opts.attempts ?? 1)) {
        await record({ outcome: 'retrying', error: toErrorInfo(error) });
        throw error;
      }
      await record({ outcome: 'failed', error: toErrorInfo(error) });
      options.logger.warn({ sessionId: request.sessionId, requestId: request.requestId, purpose: request.purpose, err: toErrorInfo(error) }, 'LLM request failed for good');
      await ingestor.ingest(request.sessionId, failureEvent(request, error, now()));
    }
  };
}

async function ask(options: LlmProcessorOptions, request: LlmRequest, signal: AbortSignal | undefined): Promise<Answer> {
  const call = signal === undefined ? {} : { signal };
  let material = await options.material(request);
  if (options.toDataUrl !== undefined) {
    const inlined = await inlineUploads(request, material, options.toDataUrl);
    if (inlined.missing.length > 0) options.logger.info({ sessionId: request.sessionId, missing: inlined.missing }, 'uploaded images expired; sent without them');
    request = inlined.request;
    material = inlined.material;
  }
  if (isTurnRequest(request)) return { outcome: 'decided', calls: (await options.client.decide(request, material, call)).calls };
  return { outcome: 'text', text: await options.client.text(request, material, call) };
}

/** Records one attempt; a failure to record is logged, never the job's failure. */
async function recordAttempt(options: LlmProcessorOptions, request: LlmRequest, fields: Omit<LlmCallRecord, 'requestId' | 'purpose' | 'model'>): Promise<void> {
  if (options.callLog === undefined) return;
  const model = fields.exchanges[0]?.model ?? fields.client;
  try {
    await options.callLog.append(request.sessionId, { requestId: request.requestId, purpose: request.purpose, model, ...fields });
  } catch (error) {
    options.logger.debug({ err: error, sessionId: request.sessionId }, 'could not record an LLM call');
  }
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

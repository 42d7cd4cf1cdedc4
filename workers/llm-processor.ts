/**
 * The `llm` queue's processor: builds the request's material (persona, history, mental log), asks the model,
 * and ingests the outcome — `llm.replied` for a turn, `llm.text` for a side request, `judge.scored` for a
 * Heartflow judgement; a caption is stored, not ingested. A retryable failure with attempts left is rethrown
 * (BullMQ backs off and retries); the last failure becomes `llm.failed` (turns, judgements) or a canned
 * `llm.text` (side requests), so a session never waits forever. Without a judge model a judgement fails
 * closed at once, with one warning per process. An aborted request ends quietly: its session no longer
 * waits for it.
 */
import type { Job } from 'bullmq';
import { RuntimeError, toErrorInfo } from '../src/errors.js';
import type { GroupModels } from '../src/groups/group-models.js';
import { cannedThought, plainReminder } from '../src/llm/canned-lines.js';
import type { CaptionRequest, JudgeRequest, LlmClient, LlmRequest, PromptMaterial, TextRequest, TurnRequest } from '../src/llm/llm-types.js';
import type { Logger } from '../src/log.js';
import type { Ingestor } from '../src/runtime/ingestor.js';
import type { RuntimeStats } from '../src/runtime/runtime-stats.js';

export interface LlmProcessorOptions {
  client: LlmClient;
  ingestor: Ingestor;
  stats: RuntimeStats;
  logger: Logger;
  material: (request: TurnRequest | TextRequest) => Promise<PromptMaterial>;
  /** The judge and caption calls of group chats; absent: judgements fail closed, images stay uncaptioned. */
  groups?: GroupModels;
  now?: () => number;
}

/** True for a conversation turn, false for a side request; pure. */
export function isTurnRequest(request: LlmRequest): request is TurnRequest {
  return request.purpose === 'reply' || request.purpose === 'followup' || request.purpose === 'proactive' || request.purpose === 'wakeup';
}


/** Builds the processor function for the LLM worker. */
export function createLlmProcessor(options: LlmProcessorOptions) {
  const now = options.now ?? Date.now;
  const { client, ingestor, stats } = options;
  let warnedNoJudge = false;

  const judge = async (request: JudgeRequest, signal?: AbortSignal): Promise<void> => {
    const judgeModel = options.groups?.judgeModel ?? null;
    if (options.groups === undefined || judgeModel === null) {
      if (!warnedNoJudge) {
        warnedNoJudge = true;
        options.logger.warn({ sessionId: request.sessionId }, 'heartflow is on but no judge model is configured (llm.models.judge): the bot never joins group conversations on its own');
      }
      const error = { code: 'judge_unavailable', message: 'no judge model configured (llm.models.judge)' };
      await ingestor.ingest(request.sessionId, { type: 'llm.failed', at: now(), requestId: request.requestId, error });
      return;
    }
    const { verdict, calls } = await options.groups.judge(request, signal);
    if (verdict === null) {
      options.logger.warn({ sessionId: request.sessionId, requestId: request.requestId, calls }, 'the judge never answered with readable scores: no reply');
      const error = { code: 'judge_unreadable', message: `no readable scores in ${calls} answer(s)` };
      await ingestor.ingest(request.sessionId, { type: 'llm.failed', at: now(), requestId: request.requestId, error });
      return;
    }
    await ingestor.ingest(request.sessionId, { type: 'judge.scored', at: now(), requestId: request.requestId, ...verdict });
  };

  const caption = async (request: CaptionRequest, signal?: AbortSignal): Promise<void> => {
    if (options.groups === undefined || options.groups.visionModel === null) return;
    await options.groups.caption(request, signal);
  };

  return async (job: Job<LlmRequest>, _token?: string, signal?: AbortSignal): Promise<void> => {
    const request = job.data;
    const started = now();
    stats.trigger.counted({ name: 'llm_requests_total' });
    try {
      const call = signal === undefined ? {} : { signal };
      if (request.purpose === 'judge') await judge(request, signal);
      else if (request.purpose === 'caption') await caption(request, signal);
      else if (isTurnRequest(request)) {
        const decision = await client.decide(request, await options.material(request), call);
        await ingestor.ingest(request.sessionId, { type: 'llm.replied', at: now(), requestId: request.requestId, calls: decision.calls });
      } else {
        const text = await client.text(request, await options.material(request), call);
        await ingestor.ingest(request.sessionId, { type: 'llm.text', at: now(), requestId: request.requestId, text, fallback: false });
      }
      stats.trigger.observed({ name: 'llm_latency_ms', values: [now() - started] });
    } catch (error) {
      if (signal?.aborted) return;
      stats.trigger.counted({ name: 'llm_failures_total' });
      const retryable = !(error instanceof RuntimeError) || error.retryable;
      if (retryable && job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw error;
      options.logger.warn({ sessionId: request.sessionId, requestId: request.requestId, purpose: request.purpose, err: toErrorInfo(error) }, 'LLM request failed for good');
      const event = failureEvent(request, error, now());
      if (event !== null) await ingestor.ingest(request.sessionId, event);
    }
  };
}

/** What a session is told when its request failed for good; a caption's failure tells nobody. */
function failureEvent(request: LlmRequest, error: unknown, at: number) {
  if (isTurnRequest(request) || request.purpose === 'judge') {
    return { type: 'llm.failed' as const, at, requestId: request.requestId, error: toErrorInfo(error) };
  }
  if (request.purpose === 'caption') return null;
  return { type: 'llm.text' as const, at, requestId: request.requestId, text: fallbackText(request), fallback: true };
}

function fallbackText(request: TextRequest): string {
  return request.purpose === 'thinking' ? cannedThought(request.progress ?? 0) : plainReminder(request.reminderText ?? '');
}

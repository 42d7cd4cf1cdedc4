/**
 * The `llm` queue's processor: builds the request's material (persona, history, mental log), inlines
 * uploaded images, asks the model, and ingests the outcome — `llm.replied` for a turn, `llm.text` for a side
 * request, `judge.scored` for a Heartflow judgement; a caption is stored, not ingested. A retryable failure
 * with attempts left is rethrown (BullMQ backs off and retries); the last failure becomes `llm.failed`
 * (turns, judgements) or a canned `llm.text` (side requests), so a session never waits forever. Without a
 * judge model a judgement fails closed at once, with one warning per process. An aborted request ends
 * quietly: its session no longer waits for it. Every attempt, whatever its outcome, is recorded in the
 * session's LLM call log before its result is ingested.
 */
import type { Job } from 'bullmq';
import type { ToolCall } from '../machines/session-types.js';
import { RuntimeError, toErrorInfo } from '../src/errors.js';
import type { GroupModels } from '../src/groups/group-models.js';
import { inlineUploads } from '../src/images/inline-uploads.js';
import { uploadIdOf } from '../src/images/upload-store.js';
import { cannedThought, plainReminder } from '../src/llm/canned-lines.js';
import { collectExchanges } from '../src/llm/exchange-recorder.js';
import type { LlmCallLog, LlmCallRecord, LlmExchange } from '../src/llm/llm-call-log.js';
import type { CaptionRequest, JudgeRequest, LlmClient, LlmRequest, PromptMaterial, TextRequest, TurnRequest } from '../src/llm/llm-types.js';
import type { Logger } from '../src/log.js';
import type { Ingestor, IngestEvent } from '../src/runtime/ingestor.js';
import type { RuntimeStats } from '../src/runtime/runtime-stats.js';

export interface LlmProcessorOptions {
  client: LlmClient;
  ingestor: Ingestor;
  stats: RuntimeStats;
  logger: Logger;
  material: (request: TurnRequest | TextRequest) => Promise<PromptMaterial>;
  /** The judge and caption calls of group chats; absent: judgements fail closed, images stay uncaptioned. */
  groups?: GroupModels;
  /** Where each attempt is recorded for the console. */
  callLog?: Pick<LlmCallLog, 'append'>;
  /** Reads an uploaded image (`/v1/images/<id>`) as a `data:` URL, null once it expired. */
  toDataUrl?: (url: string) => Promise<string | null>;
  now?: () => number;
}

/** What one attempt produced: the event to ingest (none for a caption), and how the call log names it. */
interface Answer {
  outcome: LlmCallRecord['outcome'];
  event: IngestEvent | null;
  calls?: ToolCall[];
  text?: string;
}

/** True for a conversation turn, false for a side request; pure. */
export function isTurnRequest(request: LlmRequest): request is TurnRequest {
  return request.purpose === 'reply' || request.purpose === 'followup' || request.purpose === 'proactive' || request.purpose === 'wakeup';
}

/** Builds the processor function for the LLM worker. */
export function createLlmProcessor(options: LlmProcessorOptions) {
  const now = options.now ?? Date.now;
  const { client, ingestor, stats } = options;
  const judge = createJudgeStep(options, now);
  return async (job: Job<LlmRequest>, _token?: string, signal?: AbortSignal): Promise<void> => {
    const request = job.data;
    const started = now();
    const exchanges: LlmExchange[] = [];
    const record = (result: Pick<LlmCallRecord, 'outcome'> & Partial<LlmCallRecord>) =>
      recordAttempt(options, request, { client: client.name, attempt: job.attemptsMade + 1, startedAt: started, latencyMs: now() - started, exchanges, ...result });
    const task = { task: request.purpose };
    stats.trigger.counted({ name: 'llm_requests_total', labels: task });
    try {
      const answer = await collectExchanges(exchanges, () => {
        if (request.purpose === 'judge') return judge(request, signal);
        if (request.purpose === 'caption') return caption(options, request, signal);
        return ask(options, request, signal, now);
      });
      const { event, ...recorded } = answer;
      await record(recorded);
      if (event !== null) await ingestor.ingest(request.sessionId, event);
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
      const event = failureEvent(request, error, now());
      if (event !== null) await ingestor.ingest(request.sessionId, event);
    }
  };
}

async function ask(options: LlmProcessorOptions, original: TurnRequest | TextRequest, signal: AbortSignal | undefined, now: () => number): Promise<Answer> {
  const call = signal === undefined ? {} : { signal };
  let request = original;
  let material = await options.material(request);
  if (options.toDataUrl !== undefined) {
    const inlined = await inlineUploads(request, material, options.toDataUrl);
    if (inlined.missing.length > 0) options.logger.info({ sessionId: request.sessionId, missing: inlined.missing }, 'uploaded images expired; sent without them');
    request = inlined.request;
    material = inlined.material;
  }
  const { requestId } = request;
  if (isTurnRequest(request)) {
    const calls = (await options.client.decide(request, material, call)).calls;
    return { outcome: 'decided', calls, event: { type: 'llm.replied', at: now(), requestId, calls } };
  }
  const text = await options.client.text(request, material, call);
  return { outcome: 'text', text, event: { type: 'llm.text', at: now(), requestId, text, fallback: false } };
}

/** The judge step: scores, or fails closed (one warning per process) when no judge model is configured. */
function createJudgeStep(options: LlmProcessorOptions, now: () => number) {
  let warnedNoJudge = false;
  return async (request: JudgeRequest, signal?: AbortSignal): Promise<Answer> => {
    const { requestId, sessionId } = request;
    if (options.groups === undefined || options.groups.judgeModel === null) {
      if (!warnedNoJudge) {
        warnedNoJudge = true;
        options.logger.warn({ sessionId }, 'heartflow is on but no judge model is configured (llm.models.judge): the bot never joins group conversations on its own');
      }
      const error = { code: 'judge_unavailable', message: 'no judge model configured (llm.models.judge)' };
      return { outcome: 'failed', event: { type: 'llm.failed', at: now(), requestId, error } };
    }
    const { verdict, calls } = await options.groups.judge(request, signal);
    if (verdict === null) {
      options.logger.warn({ sessionId, requestId, calls }, 'the judge never answered with readable scores: no reply');
      const error = { code: 'judge_unreadable', message: `no readable scores in ${calls} answer(s)` };
      return { outcome: 'failed', event: { type: 'llm.failed', at: now(), requestId, error } };
    }
    return { outcome: 'judged', event: { type: 'judge.scored', at: now(), requestId, ...verdict } };
  };
}

async function caption(options: LlmProcessorOptions, request: CaptionRequest, signal?: AbortSignal): Promise<Answer> {
  if (options.groups === undefined || options.groups.visionModel === null) return { outcome: 'text', event: null };
  const text = await options.groups.caption(await withReadableImage(options, request), signal);
  return { outcome: 'text', text, event: null };
}

/** An uploaded image (`/v1/images/<id>`), which no model can fetch, goes to the vision model as a `data:` URL. */
async function withReadableImage(options: LlmProcessorOptions, request: CaptionRequest): Promise<CaptionRequest> {
  if (options.toDataUrl === undefined || uploadIdOf(request.image.url) === null) return request;
  const url = await options.toDataUrl(request.image.url);
  if (url === null) throw new RuntimeError('not_found', 'the uploaded image expired before it was captioned');
  return { ...request, image: { ...request.image, url } };
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

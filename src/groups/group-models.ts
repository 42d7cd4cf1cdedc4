/**
 * The model calls group chats add, run by the LLM worker: the Heartflow judge (`llm.models.judge`) and image
 * captions (`llm.models.vision`). The judge reads the group memory before the judged message and the persona
 * summary; an answer that holds no readable scores is asked again, more firmly, up to `heartflow.maxRetries`
 * times, and then the judgement ends with no reply. HTTP failures leave as LlmError (the worker retries the
 * retryable ones with backoff).
 */
import type { KizunaConfig } from '../config/schema.js';
import { sessionExtrasFor } from '../config/session-settings.js';
import type { ChatCompletionMessageParam, ChatModel } from '../llm/chat-model.js';
import { lastBotText } from '../llm/group-memory.js';
import { parseJudgeOutput } from '../llm/judge-output.js';
import { buildJudgeMessages, judgeRetryReminder } from '../llm/judge-prompt.js';
import { LlmError } from '../llm/llm-error.js';
import type { CaptionRequest, HistoryEntry, JudgeRequest, JudgeVerdict } from '../llm/llm-types.js';
import { renderTemplate, type Templates } from '../llm/prompt-templates.js';
import type { CaptionStore } from '../stores/caption-store.js';
import type { ConversationStore } from '../stores/conversation-store.js';
import type { PersonaSummaries } from '../stores/persona-summaries.js';

export interface GroupModelsOptions {
  model: ChatModel;
  config: KizunaConfig;
  templates: Templates;
  conversations: Pick<ConversationStore, 'history'>;
  captions: CaptionStore;
  personas: PersonaSummaries;
  now?: () => number;
}

export interface GroupModels {
  /** The judge model, or null when none is configured (judgements then fail closed). */
  readonly judgeModel: string | null;
  readonly visionModel: string | null;
  /** Scores a judge request; null when every answer was unreadable. Throws LlmError when a call fails. Performs I/O. */
  judge(request: JudgeRequest, signal?: AbortSignal): Promise<{ verdict: JudgeVerdict | null; calls: number }>;
  /** Captions one image and stores the caption. Throws LlmError when the call fails. Performs I/O. */
  caption(request: CaptionRequest, signal?: AbortSignal): Promise<string>;
}

const defaultCaptionMaxChars = 160;

/** Creates the group model calls for one process. */
export function createGroupModels(options: GroupModelsOptions): GroupModels {
  const { model, config, templates } = options;
  const now = options.now ?? Date.now;
  const judgeModel = config.llm.models.judge ?? null;
  const visionModel = config.llm.models.vision ?? null;
  const timeoutMs = config.llm.timeoutSeconds * 1000;
  const call = (signal?: AbortSignal) => ({ timeoutMs, ...(signal === undefined ? {} : { signal }) });
  // Some models refuse any temperature but their own, so none is sent unless one is configured.
  const temperature = config.llm.temperature === undefined ? {} : { temperature: config.llm.temperature };

  const summarise = async (persona: string): Promise<string> => {
    if (judgeModel === null) throw new LlmError('bad_request', 'no judge model configured');
    const content = renderTemplate(templates['persona-summary'], { persona });
    const answer = await model.complete({ model: judgeModel, messages: [{ role: 'user', content }], maxTokens: 200 }, call());
    return answer.text ?? '';
  };

  return {
    judgeModel,
    visionModel,
    async judge(request, signal) {
      if (judgeModel === null) throw new LlmError('bad_request', 'no judge model configured (llm.models.judge)');
      const extras = sessionExtrasFor(config, request.sessionId);
      const history = await memoryBefore(options.conversations, request, extras.group.judgeContextMessages);
      const material = {
        persona: await options.personas.summaryOf(extras.persona, summarise),
        timezone: extras.timezone,
        now: now(),
        history: history.before,
        lastBotText: lastBotText(history.all),
        captions: await options.captions.read(request.sessionId, history.all.flatMap((entry) => (entry.images ?? []).flatMap((image) => image.hash ?? []))),
        includeReasoning: extras.group.judgeIncludeReasoning,
      };
      const messages: ChatCompletionMessageParam[] = buildJudgeMessages(request, material, templates);
      const attempts = 1 + extras.group.judgeMaxRetries;
      for (let attempt = 1; attempt <= attempts; attempt++) {
        const answer = await model.complete({ model: judgeModel, messages: [...messages], maxTokens: 300, ...temperature }, call(signal));
        const verdict = parseJudgeOutput(answer.text ?? '');
        if (verdict !== null) return { verdict, calls: attempt };
        messages.push({ role: 'assistant', content: answer.text ?? '' }, { role: 'user', content: judgeRetryReminder(attempt) });
      }
      return { verdict: null, calls: attempts };
    },
    async caption(request, signal) {
      if (visionModel === null) throw new LlmError('bad_request', 'no vision model configured (llm.models.vision)');
      const extras = sessionExtrasFor(config, request.sessionId);
      const prompt = extras.group.captionPrompt ?? templates.caption;
      const answer = await model.complete(
        {
          model: visionModel,
          messages: [{ role: 'user', content: [{ type: 'text', text: prompt }, { type: 'image_url', image_url: { url: request.image.url } }] }],
          maxTokens: 120,
        },
        call(signal),
      );
      const text = (answer.text ?? '').replace(/\s+/g, ' ').trim();
      if (text.length === 0) throw new LlmError('invalid_response', 'the caption answer had no text');
      const caption = text.length > defaultCaptionMaxChars ? `${text.slice(0, defaultCaptionMaxChars)}…` : text;
      await options.captions.write(request.sessionId, request.image.hash, caption, now());
      return caption;
    },
  };
}

/** The group memory up to the judged message: the `limit` entries before it, and everything read. Performs I/O. */
async function memoryBefore(
  conversations: Pick<ConversationStore, 'history'>,
  request: JudgeRequest,
  limit: number,
): Promise<{ before: HistoryEntry[]; all: HistoryEntry[] }> {
  const since = request.memorySince ?? -Infinity;
  const all = (await conversations.history(request.sessionId, limit + 30)).filter((entry) => entry.at >= since);
  const { message } = request;
  const isJudged = (entry: HistoryEntry) =>
    message.messageId !== undefined ? entry.messageId === message.messageId : entry.at === message.at && entry.text === message.text;
  const index = all.findIndex(isJudged);
  const upTo = index >= 0 ? all.slice(0, index) : all.filter((entry) => entry.at <= message.at && !isJudged(entry));
  return { before: upTo.slice(-Math.max(0, limit)), all: index >= 0 ? all.slice(0, index) : upTo };
}

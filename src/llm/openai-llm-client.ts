/**
 * The LLM client for a real endpoint: builds each request's messages from the prompt templates and asks the
 * chat model (through the official openai SDK) — turns through the session tools with the perceive→decide
 * loop, side requests (inner thoughts, reminder wording) as plain short text.
 */
import type { KizunaConfig } from '../config/schema.js';
import type { ChatModel } from './chat-model.js';
import { decide } from './decide.js';
import { LlmError } from './llm-error.js';
import type { LlmClient } from './llm-types.js';
import { buildTextMessages, buildTurnMessages, type PromptOptions } from './prompt-builder.js';
import type { Templates } from './prompt-templates.js';
import { sessionTools } from './session-tools.js';

export interface OpenAiLlmClientOptions {
  model: ChatModel;
  config: KizunaConfig;
  templates: Templates;
}

const maxSideTextChars = 300;

/** Creates the client; one per process. */
export function createOpenAiLlmClient(options: OpenAiLlmClientOptions): LlmClient {
  const { model, config, templates } = options;
  const promptOptions = (sessionId: string): PromptOptions => ({
    templates,
    chatType: sessionId.split(':')[1] === 'group' ? 'group' : 'private',
    maxInputChars: config.llm.maxInputChars,
    maxImages: config.llm.maxImagesPerRequest,
  });
  const timeoutMs = config.llm.timeoutSeconds * 1000;
  const temperature = config.llm.temperature === undefined ? {} : { temperature: config.llm.temperature };
  return {
    name: 'openai',
    async decide(request, material, { signal }) {
      const messages = buildTurnMessages(request, material, promptOptions(request.sessionId));
      const decision = await decide(
        model,
        { model: config.llm.models.chat, messages, tools: [...sessionTools], ...temperature },
        {
          maxCompatRetries: config.llm.maxCompatRetries,
          timeoutMs,
          now: material.now,
          timeZone: material.timezone,
          maxReplyChars: config.llm.maxReplyChars,
          ...(signal === undefined ? {} : { signal }),
        },
      );
      return { calls: decision.calls };
    },
    async text(request, material, { signal }) {
      const messages = buildTextMessages(request, material, promptOptions(request.sessionId));
      const answer = await model.complete(
        { model: config.llm.models.thinking ?? config.llm.models.chat, messages, maxTokens: 200, ...temperature },
        { timeoutMs, ...(signal === undefined ? {} : { signal }) },
      );
      const text = (answer.text ?? '').trim();
      if (text.length === 0) throw new LlmError('invalid_response', 'the answer had no text');
      return text.length > maxSideTextChars ? `${text.slice(0, maxSideTextChars)}…` : text;
    },
  };
}

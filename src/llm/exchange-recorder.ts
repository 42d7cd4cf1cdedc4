/**
 * Catches every chat-completions round an LLM job makes, whatever kind of request it is: the LLM worker runs
 * each job inside `collectExchanges`, and the process's chat model is wrapped by `recordingChatModel`, which
 * adds each round to the collection of the job it runs for. The job's code in between (the decide loop, a
 * side request, request kinds added later) needs to know nothing about it. AsyncLocalStorage carries the
 * collection because the rounds happen several calls deep, with other jobs interleaved.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { toErrorInfo } from '../errors.js';
import type { ChatCallOptions, ChatModel, ChatRequest } from './chat-model.js';
import type { LlmExchange } from './llm-call-log.js';

const current = new AsyncLocalStorage<LlmExchange[]>();

/** Runs `work`, adding every round made by a recording chat model meanwhile to `into`. */
export function collectExchanges<T>(into: LlmExchange[], work: () => Promise<T>): Promise<T> {
  return current.run(into, work);
}

/** Wraps `model` so each round is recorded in the running job's collection (none outside a job). */
export function recordingChatModel(model: ChatModel, now: () => number = Date.now): ChatModel {
  return {
    async complete(request: ChatRequest, options?: ChatCallOptions) {
      const into = current.getStore();
      if (into === undefined) return model.complete(request, options);
      const started = now();
      const base = { model: request.model, messages: [...request.messages], tools: (request.tools ?? []).map(toolName) };
      try {
        const answer = await model.complete(request, options);
        into.push({
          ...base,
          answer: { text: answer.text, toolCalls: answer.toolCalls.map(({ name, arguments: args }) => ({ name, arguments: args })) },
          usage: answer.usage,
          latencyMs: now() - started,
        });
        return answer;
      } catch (error) {
        into.push({ ...base, error: toErrorInfo(error), latencyMs: now() - started });
        throw error;
      }
    },
  };
}

function toolName(tool: NonNullable<ChatRequest['tools']>[number]): string {
  return tool.type === 'function' ? tool.function.name : tool.type;
}

/**
 * The seam between kizuna and any chat-completions endpoint: one request in, text and tool calls out.
 * `OpenAiChatModel` (src/llm/openai-chat-model.ts) implements it with the official openai SDK; tests use the
 * same class against a local fake server.
 */
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';

export type { ChatCompletionMessageParam, ChatCompletionTool };

export interface ChatRequest {
  model: string;
  messages: ChatCompletionMessageParam[];
  tools?: ChatCompletionTool[];
  /** Upper bound on the answer's length in tokens. */
  maxTokens?: number;
  temperature?: number;
}

/** A tool call exactly as the model sent it: `arguments` is unparsed text and may be garbage. */
export interface RawToolCall {
  id: string;
  name: string;
  arguments: string;
}

export interface ChatAnswer {
  text: string | null;
  toolCalls: RawToolCall[];
  usage: { promptTokens: number; completionTokens: number };
}

export interface ChatCallOptions {
  signal?: AbortSignal;
  /** Per-request timeout in milliseconds. */
  timeoutMs?: number;
}

export interface ChatModel {
  /** Sends one chat-completions request; throws LlmError on failure. Performs I/O. */
  complete(request: ChatRequest, options?: ChatCallOptions): Promise<ChatAnswer>;
}

export interface SpeechRequest {
  model: string;
  voice: string;
  text: string;
  format?: 'mp3' | 'opus' | 'wav';
}

export interface SpeechModel {
  /** Synthesises speech (OpenAI `audio.speech`); throws LlmError on failure. Performs I/O. */
  speak(request: SpeechRequest, options?: ChatCallOptions): Promise<{ audio: Buffer; mimeType: string }>;
}

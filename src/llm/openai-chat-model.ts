/**
 * ChatModel and SpeechModel over the official openai SDK, for OpenAI and any compatible endpoint. The SDK
 * never retries (BullMQ owns retries); every failure leaves as an LlmError. Answers are read defensively,
 * because compatible servers bend the protocol: the SDK casts the body but checks nothing.
 */
import OpenAI from 'openai';
import { InvalidInputError } from '../errors.js';
import type {
  ChatAnswer,
  ChatCallOptions,
  ChatModel,
  ChatRequest,
  RawToolCall,
  SpeechModel,
  SpeechRequest,
} from './chat-model.js';
import { LlmError, classifyLlmError } from './llm-error.js';

export interface OpenAiChatModelOptions {
  /** The API root, e.g. `https://api.openai.com/v1`. */
  baseUrl: string;
  apiKey: string;
  /** Default deadline of one request, body included, in milliseconds (60 s unless set). */
  timeoutMs?: number;
}

const speechMimeTypes: Readonly<Record<NonNullable<SpeechRequest['format']>, string>> = {
  mp3: 'audio/mpeg',
  opus: 'audio/ogg',
  wav: 'audio/wav',
};

/** Chat completions and speech through one openai SDK client with retries off and a whole-request deadline. */
export class OpenAiChatModel implements ChatModel, SpeechModel {
  readonly #client: OpenAI;
  readonly #timeoutMs: number;

  constructor(options: OpenAiChatModelOptions) {
    if (!URL.canParse(options.baseUrl)) throw new InvalidInputError('baseUrl', `not a URL: "${options.baseUrl}"`);
    this.#timeoutMs = checkTimeout(options.timeoutMs ?? 60_000, 'timeoutMs');
    this.#client = new OpenAI({
      baseURL: options.baseUrl,
      apiKey: options.apiKey,
      maxRetries: 0,
      timeout: this.#timeoutMs,
    });
  }

  /** Sends one chat-completions request; throws LlmError on failure. Performs I/O. */
  async complete(request: ChatRequest, options: ChatCallOptions = {}): Promise<ChatAnswer> {
    const tools = request.tools ?? [];
    const body = {
      model: request.model,
      messages: request.messages,
      ...(tools.length > 0 ? { tools, tool_choice: 'auto' as const } : {}),
      // max_tokens rather than max_completion_tokens: compatible servers know only the former.
      ...(request.maxTokens === undefined ? {} : { max_tokens: request.maxTokens }),
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    };
    return this.#withDeadline(options, async (signal, timeout) =>
      toChatAnswer(await this.#client.chat.completions.create(body, { signal, timeout })),
    );
  }

  /** Synthesises speech (OpenAI `audio.speech`); throws LlmError on failure. Performs I/O. */
  async speak(request: SpeechRequest, options: ChatCallOptions = {}): Promise<{ audio: Buffer; mimeType: string }> {
    const format = request.format ?? 'mp3';
    return this.#withDeadline(options, async (signal, timeout) => {
      const response = await this.#client.audio.speech.create(
        { model: request.model, voice: request.voice, input: request.text, response_format: format },
        { signal, timeout },
      );
      const audio = Buffer.from(await response.arrayBuffer());
      if (audio.length === 0) throw new LlmError('invalid_response', 'the speech answer has no audio');
      const contentType = response.headers.get('content-type') ?? '';
      return { audio, mimeType: contentType.startsWith('audio/') ? contentType : speechMimeTypes[format] };
    });
  }

  /**
   * Runs `call` under the caller's signal and a deadline that also covers reading the body (the SDK's own
   * timeout stops once headers arrive), and classifies whatever it throws.
   */
  async #withDeadline<T>(options: ChatCallOptions, call: (signal: AbortSignal, timeout: number) => Promise<T>): Promise<T> {
    const timeout = options.timeoutMs === undefined ? this.#timeoutMs : checkTimeout(options.timeoutMs, 'timeoutMs');
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    const forward = () => controller.abort();
    const outer = options.signal;
    if (outer?.aborted) controller.abort();
    else outer?.addEventListener('abort', forward, { once: true });
    try {
      return await call(controller.signal, timeout);
    } catch (error) {
      if (outer?.aborted) throw new LlmError('aborted', 'the request was aborted', { cause: error });
      if (timedOut) throw new LlmError('timeout', `no complete answer within ${timeout} ms`, { cause: error });
      throw classifyLlmError(error);
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', forward);
    }
  }
}

function checkTimeout(value: number, field: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new InvalidInputError(field, `must be a positive number, got ${value}`);
  // The SDK accepts whole milliseconds only.
  return Math.ceil(value);
}

/** Reads a chat-completions body; throws LlmError invalid_response when it is not one. */
function toChatAnswer(body: unknown): ChatAnswer {
  const choice = isRecord(body) && Array.isArray(body['choices']) ? body['choices'][0] : undefined;
  const message = isRecord(choice) ? choice['message'] : undefined;
  if (!isRecord(message)) {
    throw new LlmError('invalid_response', `not a chat completion (no choices[0].message): ${preview(body)}`);
  }
  const usage = usageOf(isRecord(body) ? body['usage'] : undefined);
  return { text: textOf(message['content']), toolCalls: toolCallsOf(message), usage };
}

function textOf(content: unknown): string | null {
  if (typeof content === 'string') return content === '' ? null : content;
  // Some compatible servers answer with content parts, as in requests.
  if (Array.isArray(content)) {
    const text = content.map((part) => (isRecord(part) && typeof part['text'] === 'string' ? part['text'] : '')).join('');
    return text === '' ? null : text;
  }
  return null;
}

function toolCallsOf(message: Record<string, unknown>): RawToolCall[] {
  const list = message['tool_calls'];
  if (Array.isArray(list) && list.length > 0) return list.map((call, index) => rawToolCall(call, index));
  // The deprecated single `function_call`, still sent by some older compatible servers.
  const legacy = message['function_call'];
  return isRecord(legacy) ? [rawToolCall({ type: 'function', function: legacy }, 0)] : [];
}

function rawToolCall(call: unknown, index: number): RawToolCall {
  const record = isRecord(call) ? call : {};
  const id = typeof record['id'] === 'string' && record['id'] !== '' ? record['id'] : `call_${index}`;
  const fn = isRecord(record['function']) ? record['function'] : isRecord(record['custom']) ? record['custom'] : {};
  const name = typeof fn['name'] === 'string' ? fn['name'] : '';
  const input = fn['arguments'] ?? fn['input'];
  // Arguments should be a JSON string; a few servers send the object itself.
  const args = typeof input === 'string' ? input : input === undefined || input === null ? '' : JSON.stringify(input);
  return { id, name, arguments: args };
}

function usageOf(usage: unknown): ChatAnswer['usage'] {
  const read = (key: string): number => {
    const value = isRecord(usage) ? usage[key] : undefined;
    return typeof value === 'number' && Number.isFinite(value) ? value : 0;
  };
  return { promptTokens: read('prompt_tokens'), completionTokens: read('completion_tokens') };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function preview(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body) ?? String(body);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

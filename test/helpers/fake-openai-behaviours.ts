/**
 * What the fake OpenAI server can be told to do, and the bodies it answers with. Answers are deterministic
 * (ids count up, speech and embeddings derive from the input) so tests can assert them exactly.
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export type JsonObject = { [key: string]: unknown };

/** One request as the fake server received it. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; `{}` when the body was not a JSON object (see `rawBody`). */
  body: JsonObject;
  rawBody: string;
  /** True once the client closed the connection before the server finished its answer. */
  clientClosed: boolean;
}

export interface FakeToolCall {
  name: string;
  /** An object is sent JSON-encoded; a string is sent exactly as given (use it for garbage). */
  arguments: object | string;
}

export interface FakeUsage {
  promptTokens: number;
  completionTokens: number;
}

/** Answer after `delayMs` (cancelled if the client goes away). */
interface Delay {
  delayMs?: number;
}

export type FakeAnswer =
  | ({ toolCalls: FakeToolCall[]; text?: string; usage?: FakeUsage } & Delay)
  | ({ text: string; usage?: FakeUsage } & Delay)
  /** A `reply` tool call whose content has this many characters. */
  | ({ oversized: number } & Delay)
  /** Status 200 with a body that is not JSON, sent as `contentType` (application/json by default). */
  | ({ garbage: true; contentType?: string } & Delay)
  | ({ status: number; body?: unknown } & Delay)
  /**
   * Never finish: the socket is destroyed after `hangMs`, or earlier when the client or the server closes.
   * With `afterHeaders`, status 200 and the start of a body are sent first, then nothing.
   */
  | { hangMs: number; afterHeaders?: boolean }
  /** The default answer, after a delay. */
  | { delayMs: number };

/** A scripted behaviour: a fixed answer, or one chosen from the request. */
export type FakeBehaviour = FakeAnswer | ((request: RecordedRequest) => FakeAnswer);

const defaultUsage: FakeUsage = { promptTokens: 1, completionTokens: 1 };

/** The body of a chat completion for a success answer. */
export function chatCompletionBody(answer: FakeAnswer, request: RecordedRequest, seq: number): JsonObject {
  const toolCalls = 'toolCalls' in answer ? answer.toolCalls : 'oversized' in answer ? [oversizedReply(answer.oversized)] : [];
  const text = 'text' in answer ? (answer.text ?? null) : null;
  const usage = ('usage' in answer ? answer.usage : undefined) ?? defaultUsage;
  const message: JsonObject = { role: 'assistant', content: text, refusal: null };
  if (toolCalls.length > 0) {
    message['tool_calls'] = toolCalls.map((call, index) => ({
      id: `call_${seq}_${index}`,
      type: 'function',
      function: { name: call.name, arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments) },
    }));
  }
  return {
    id: `chatcmpl-fake-${seq}`,
    object: 'chat.completion',
    created: 1_700_000_000 + seq,
    model: typeof request.body['model'] === 'string' ? request.body['model'] : 'fake',
    choices: [{ index: 0, message, finish_reason: toolCalls.length > 0 ? 'tool_calls' : 'stop', logprobs: null }],
    usage: {
      prompt_tokens: usage.promptTokens,
      completion_tokens: usage.completionTokens,
      total_tokens: usage.promptTokens + usage.completionTokens,
    },
  };
}

/** The content of an `{ oversized: n }` reply: `n` characters of readable text. */
export function oversizedContent(length: number): string {
  return 'All work and no play. '.repeat(Math.ceil(length / 22)).slice(0, length);
}

function oversizedReply(length: number): FakeToolCall {
  return { name: 'reply', arguments: { content: oversizedContent(length), max_wait_seconds: 60 } };
}

/** The audio the fake speech endpoint returns for `input`. */
export function fakeSpeechAudio(input: string): Buffer {
  return Buffer.from(`FAKE-AUDIO:${input}`, 'utf8');
}

export const speechContentTypes: Readonly<Record<string, string>> = {
  mp3: 'audio/mpeg',
  opus: 'audio/ogg',
  aac: 'audio/aac',
  flac: 'audio/flac',
  wav: 'audio/wav',
  pcm: 'audio/pcm',
};

/** The unit vector the fake embeddings endpoint returns for `text` (float32 values, so both encodings agree). */
export function fakeEmbedding(text: string, dimensions = 8): number[] {
  const values: number[] = [];
  for (let block = 0; values.length < dimensions; block += 1) {
    for (const byte of createHash('sha256').update(`${block}:${text}`).digest()) values.push(byte / 127.5 - 1);
  }
  const vector = values.slice(0, dimensions);
  const norm = Math.hypot(...vector) || 1;
  return vector.map((value) => Math.fround(value / norm));
}

/** The body of an embeddings answer, honouring `dimensions` and `encoding_format` as the SDK sends them. */
export function embeddingsBody(request: RecordedRequest): JsonObject {
  const input = request.body['input'];
  const texts = (Array.isArray(input) ? input : [input]).map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
  const dimensions = typeof request.body['dimensions'] === 'number' ? request.body['dimensions'] : 8;
  const base64 = request.body['encoding_format'] === 'base64';
  const data = texts.map((text, index) => {
    const vector = fakeEmbedding(text, dimensions);
    const embedding = base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
    return { object: 'embedding', index, embedding };
  });
  const tokens = texts.reduce((sum, text) => sum + text.length, 0);
  return { object: 'list', data, model: request.body['model'] ?? 'fake', usage: { prompt_tokens: tokens, total_tokens: tokens } };
}

/** An OpenAI-style error body for a status answer without its own body. */
export function errorBody(status: number): JsonObject {
  return { error: { message: `fake error ${status}`, type: status >= 500 ? 'server_error' : 'invalid_request_error', code: null } };
}

/**
 * The record of a session's LLM calls, for people watching it (the console, `GET /v1/sessions/:id/llm`):
 * one entry per attempt of an LLM job — purpose, model, the messages sent and what came back in each
 * round, the outcome, the error, the latency — newest first in a bounded Redis list with a TTL. Long texts
 * are cut in the middle and inlined images reduced to their size, so an entry stays small. It is a view,
 * not state: nothing reads it back to decide anything, and replay does not need it.
 */
import type { Redis } from 'ioredis';
import type { ToolCall } from '../../machines/session-types.js';
import { sessionKeys } from '../redis/keys.js';
import { guardRedis } from '../runtime/session-store.js';

/** One chat-completions round: the request as sent and the answer or error. */
export interface LlmExchange {
  model: string;
  messages: unknown[];
  /** Names of the tools offered. */
  tools: string[];
  answer?: { text: string | null; toolCalls: Array<{ name: string; arguments: string }> };
  usage?: { promptTokens: number; completionTokens: number };
  error?: { code: string; message: string };
  latencyMs: number;
}

export interface LlmCallRecord {
  requestId: string;
  purpose: string;
  /** The client that answered (`openai`, `offline`) and the model of its first round, if it had rounds. */
  client: string;
  model: string;
  attempt: number;
  startedAt: number;
  latencyMs: number;
  /** `decided`: tool calls; `text`: a side request's text; `retrying`: failed, BullMQ tries again. */
  outcome: 'decided' | 'text' | 'retrying' | 'failed' | 'aborted';
  calls?: ToolCall[];
  text?: string;
  error?: { code: string; message: string };
  exchanges: LlmExchange[];
}

export interface CallLogLimits {
  maxEntries: number;
  maxChars: number;
  ttlSeconds: number;
}

export class LlmCallLog {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #limits: CallLogLimits;

  constructor(redis: Redis, prefix: string, limits: CallLogLimits) {
    this.#redis = redis;
    this.#prefix = prefix;
    this.#limits = limits;
  }

  /** Adds a record (cut to the limits) in front, drops the oldest past `maxEntries`. Performs I/O. */
  async append(sessionId: string, record: LlmCallRecord): Promise<void> {
    if (this.#limits.maxEntries === 0) return;
    const key = sessionKeys(this.#prefix, sessionId).llmCalls;
    const entry = JSON.stringify(cutRecord(record, this.#limits.maxChars));
    await guardRedis(() =>
      this.#redis.multi().lpush(key, entry).ltrim(key, 0, this.#limits.maxEntries - 1).expire(key, this.#limits.ttlSeconds).exec(),
    );
  }

  /** The newest `limit` records, newest first. Performs I/O. */
  async read(sessionId: string, limit = this.#limits.maxEntries): Promise<LlmCallRecord[]> {
    if (limit <= 0) return [];
    const rows = await guardRedis(() => this.#redis.lrange(sessionKeys(this.#prefix, sessionId).llmCalls, 0, limit - 1));
    return rows.map((row) => JSON.parse(row) as LlmCallRecord);
  }
}

/** The record with every text cut to `maxChars` and inlined images reduced to a note; pure. */
export function cutRecord(record: LlmCallRecord, maxChars: number): LlmCallRecord {
  const cut = (text: string) => cutMiddle(text, maxChars);
  return {
    ...record,
    ...(record.text === undefined ? {} : { text: cut(record.text) }),
    ...(record.error === undefined ? {} : { error: { ...record.error, message: cut(record.error.message) } }),
    exchanges: record.exchanges.map((exchange) => ({
      ...exchange,
      messages: exchange.messages.map((message) => cutMessage(message, cut)),
      ...(exchange.answer === undefined
        ? {}
        : {
            answer: {
              text: exchange.answer.text === null ? null : cut(exchange.answer.text),
              toolCalls: exchange.answer.toolCalls.map((call) => ({ name: call.name, arguments: cut(call.arguments) })),
            },
          }),
      ...(exchange.error === undefined ? {} : { error: { ...exchange.error, message: cut(exchange.error.message) } }),
    })),
  };
}

/** Keeps the start and the end of a long text (a prompt's persona and its newest lines); pure. */
export function cutMiddle(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const keep = Math.floor(maxChars / 2);
  return `${text.slice(0, keep)}\n[… ${text.length - 2 * keep} characters cut …]\n${text.slice(text.length - keep)}`;
}

/** A `data:` URL reduced to its type and size, other URLs kept; pure. */
export function describeImageUrl(url: string): string {
  const match = /^data:([^;,]*)[;,]/.exec(url);
  if (match === null) return url;
  const base64 = url.slice(url.indexOf(',') + 1);
  return `data:${match[1]};base64,… (${Math.round((base64.length * 3) / 4 / 1024)} KB inlined, not kept)`;
}

function cutMessage(message: unknown, cut: (text: string) => string): unknown {
  if (!isRecord(message)) return message;
  const content = message['content'];
  if (typeof content === 'string') return { ...message, content: cut(content) };
  if (!Array.isArray(content)) return message;
  return { ...message, content: content.map((part) => cutPart(part, cut)) };
}

function cutPart(part: unknown, cut: (text: string) => string): unknown {
  if (!isRecord(part)) return part;
  if (typeof part['text'] === 'string') return { ...part, text: cut(part['text']) };
  const image = part['image_url'];
  if (isRecord(image) && typeof image['url'] === 'string') return { ...part, image_url: { ...image, url: describeImageUrl(image['url']) } };
  return part;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The perceive→decide loop of seed 002: a model that answers in plain text (typically moved by an image) has
 * perceived but not decided, so its text is kept in the conversation and it is asked again to decide through
 * a tool. Its free text is never shown to the user.
 */
import type { ToolCall } from '../../machines/session-types.js';
import { InvalidInputError } from '../errors.js';
import type { ChatAnswer, ChatCompletionMessageParam, ChatCompletionTool, ChatModel, ChatRequest } from './chat-model.js';
import { assertTimeZone } from './reminder-time.js';
import { type AdjustedToolCall, type DroppedToolCall, parseToolCalls } from './tool-call-parser.js';

export interface DecideRequest extends ChatRequest {
  tools: ChatCompletionTool[];
}

export interface DecideOptions {
  /** Extra rounds allowed when an answer has no usable tool call (seed 002's `max_compat_retries`). */
  maxCompatRetries: number;
  signal?: AbortSignal;
  /** Deadline of each round's request, in milliseconds. */
  timeoutMs?: number;
  /** The time reminders are read at (epoch ms). */
  now: number;
  /** IANA time zone wall-clock reminder times are read in. */
  timeZone: string;
  /** Bound on every text argument, in characters. */
  maxReplyChars: number;
}

/** What the model decided, with what it cost and what was dropped on the way. */
export interface Decision {
  /** The usable calls of the last round, in the model's order; empty when the model never decided. */
  calls: ToolCall[];
  /** Requests sent: 1 + the compatibility retries used. */
  rounds: number;
  /** Tokens summed over all rounds. */
  usage: ChatAnswer['usage'];
  /** The free text of the last answer, for logs only. */
  text: string | null;
  /** Calls not kept, over all rounds. */
  dropped: Array<DroppedToolCall & { round: number }>;
  /** Kept calls with an ignored or changed argument, over all rounds. */
  adjusted: Array<AdjustedToolCall & { round: number }>;
}

/** The user message that asks a model which answered in text to decide through a tool. */
export const decideNudge = 'You have observed this. Now decide by calling reply or do_nothing; do not answer in plain text.';

/** Asks `model` until it decides through a tool or the retries are spent; throws LlmError when a request fails. */
export async function decide(model: ChatModel, request: DecideRequest, options: DecideOptions): Promise<Decision> {
  checkOptions(request, options);
  const messages = [...request.messages];
  const callOptions = {
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  };
  const usage = { promptTokens: 0, completionTokens: 0 };
  const decision: Decision = { calls: [], rounds: 0, usage, text: null, dropped: [], adjusted: [] };
  for (;;) {
    const answer = await model.complete({ ...request, messages: [...messages] }, callOptions);
    const round = (decision.rounds += 1);
    usage.promptTokens += answer.usage.promptTokens;
    usage.completionTokens += answer.usage.completionTokens;
    const parsed = parseToolCalls(answer.toolCalls, options);
    decision.dropped.push(...parsed.dropped.map((entry) => ({ ...entry, round })));
    decision.adjusted.push(...parsed.adjusted.map((entry) => ({ ...entry, round })));
    decision.text = answer.text;
    decision.calls = parsed.calls;
    if (parsed.calls.length > 0 || round > options.maxCompatRetries) return decision;
    messages.push(...nextRoundMessages(answer, parsed.dropped));
  }
}

/**
 * What the model is shown after an answer with no usable call: its own answer, why each of its calls was not
 * done (the protocol wants one tool message per call), and the nudge.
 */
function nextRoundMessages(answer: ChatAnswer, dropped: readonly DroppedToolCall[]): ChatCompletionMessageParam[] {
  const nudge: ChatCompletionMessageParam = { role: 'user', content: decideNudge };
  if (answer.toolCalls.length === 0) {
    const text = answer.text?.trim() ?? '';
    return text === '' ? [nudge] : [{ role: 'assistant', content: answer.text }, nudge];
  }
  const assistant: ChatCompletionMessageParam = {
    role: 'assistant',
    content: answer.text,
    tool_calls: answer.toolCalls.map((call) => ({
      id: call.id,
      type: 'function',
      // Some servers re-parse the history's arguments; broken JSON there would turn into a 400.
      function: { name: call.name, arguments: isJsonObject(call.arguments) ? call.arguments : '{}' },
    })),
  };
  // With no usable call, every raw call was dropped, in order: dropped[i] is the fate of toolCalls[i].
  const results = answer.toolCalls.map((call, index): ChatCompletionMessageParam => ({
    role: 'tool',
    tool_call_id: call.id,
    content: `Not done: ${dropped[index]?.reason ?? 'unusable call'}.`,
  }));
  return [assistant, ...results, nudge];
}

function checkOptions(request: DecideRequest, options: DecideOptions): void {
  if (request.tools.length === 0) throw new InvalidInputError('tools', 'decide needs at least one tool');
  if (!Number.isInteger(options.maxCompatRetries) || options.maxCompatRetries < 0) {
    throw new InvalidInputError('maxCompatRetries', `must be an integer >= 0, got ${options.maxCompatRetries}`);
  }
  if (!Number.isInteger(options.maxReplyChars) || options.maxReplyChars < 1) {
    throw new InvalidInputError('maxReplyChars', `must be a positive integer, got ${options.maxReplyChars}`);
  }
  if (!Number.isFinite(options.now)) throw new InvalidInputError('now', `must be epoch milliseconds, got ${options.now}`);
  assertTimeZone(options.timeZone);
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

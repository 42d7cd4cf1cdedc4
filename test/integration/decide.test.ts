/**
 * The perceive→decide loop over real HTTP: OpenAiChatModel and the real openai SDK against the fake OpenAI
 * server, asserting what the model is asked in each round and what the session receives.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import type { ChatCompletionMessageParam } from '../../src/llm/chat-model.js';
import { type DecideOptions, type DecideRequest, decide, decideNudge } from '../../src/llm/decide.js';
import { LlmError } from '../../src/llm/llm-error.js';
import { OpenAiChatModel } from '../../src/llm/openai-chat-model.js';
import { sessionTools } from '../../src/llm/session-tools.js';
import { type FakeOpenAi, startFakeOpenAi } from '../helpers/fake-openai-server.js';
import { waitFor } from '../helpers/wait-for.js';

let fake: FakeOpenAi;
let model: OpenAiChatModel;

const conversation: ChatCompletionMessageParam[] = [
  { role: 'system', content: 'You are Mio, chatting through tools.' },
  { role: 'user', content: [{ type: 'text', text: 'look at my cat!' }] },
];
const request: DecideRequest = { model: 'chat-test', messages: conversation, tools: [...sessionTools] };
const now = Date.parse('2026-11-21T18:00:00+08:00');
const options: DecideOptions = { maxCompatRetries: 1, now, timeZone: 'Asia/Shanghai', maxReplyChars: 300 };
const replyHi = { name: 'reply', arguments: { content: 'So fluffy!', max_wait_seconds: 120 } };

beforeEach(async () => {
  fake = await startFakeOpenAi();
  model = new OpenAiChatModel({ baseUrl: fake.baseUrl, apiKey: 'test-key', timeoutMs: 10_000 });
});

afterEach(async () => {
  await fake.close();
});

function messagesOf(index: number): unknown[] {
  return fake.requests[index]!.body['messages'] as unknown[];
}

describe('decide', () => {
  it('returns the calls of a first answer that decides, after one request', async () => {
    fake.script({ toolCalls: [replyHi], usage: { promptTokens: 50, completionTokens: 9 } });
    const decision = await decide(model, request, options);
    expect(decision).toEqual({
      calls: [{ tool: 'reply', content: 'So fluffy!', maxWaitSeconds: 120 }],
      rounds: 1,
      usage: { promptTokens: 50, completionTokens: 9 },
      text: null,
      dropped: [],
      adjusted: [],
    });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.body).toMatchObject({ model: 'chat-test', messages: conversation, tools: sessionTools, tool_choice: 'auto' });
  });

  it('keeps a plain-text answer in the conversation and asks again with the nudge', async () => {
    fake.script(
      { text: 'Aww, what a lovely cat.', usage: { promptTokens: 40, completionTokens: 6 } },
      { toolCalls: [replyHi], usage: { promptTokens: 55, completionTokens: 8 } },
    );
    const decision = await decide(model, request, options);
    expect(decision.calls).toEqual([{ tool: 'reply', content: 'So fluffy!', maxWaitSeconds: 120 }]);
    expect(decision.rounds).toBe(2);
    expect(decision.usage).toEqual({ promptTokens: 95, completionTokens: 14 });
    expect(fake.requests).toHaveLength(2);
    expect(messagesOf(1)).toEqual([
      ...conversation,
      { role: 'assistant', content: 'Aww, what a lovely cat.' },
      { role: 'user', content: decideNudge },
    ]);
    expect(fake.requests[1]!.body['tools']).toEqual(sessionTools);
    expect(conversation).toHaveLength(2);
  });

  it('returns no calls after 1 + maxCompatRetries requests that never decide; the text is only reported', async () => {
    fake.setDefault({ text: 'I love cats so much.' });
    const decision = await decide(model, request, { ...options, maxCompatRetries: 2 });
    expect(decision).toMatchObject({ calls: [], rounds: 3, text: 'I love cats so much.' });
    expect(fake.requests).toHaveLength(3);
    expect(messagesOf(2)).toEqual([
      ...conversation,
      { role: 'assistant', content: 'I love cats so much.' },
      { role: 'user', content: decideNudge },
      { role: 'assistant', content: 'I love cats so much.' },
      { role: 'user', content: decideNudge },
    ]);
  });

  it('sends exactly one request when no retries are allowed', async () => {
    fake.setDefault({ text: 'Just talking.' });
    const decision = await decide(model, request, { ...options, maxCompatRetries: 0 });
    expect(decision.calls).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it('asks again after an empty answer with the nudge alone', async () => {
    fake.script({ status: 200, body: { choices: [{ message: { role: 'assistant', content: '' } }] } }, { toolCalls: [replyHi] });
    const decision = await decide(model, request, options);
    expect(decision.rounds).toBe(2);
    expect(messagesOf(1)).toEqual([...conversation, { role: 'user', content: decideNudge }]);
  });

  it('treats garbage arguments as no decision: the model is told why and asked again', async () => {
    const fenced = '```json\n{"content": "So fluffy!"}\n```';
    fake.script({ text: 'Replying.', toolCalls: [{ name: 'reply', arguments: fenced }] }, { toolCalls: [replyHi] });
    const decision = await decide(model, request, options);
    expect(decision.calls).toEqual([{ tool: 'reply', content: 'So fluffy!', maxWaitSeconds: 120 }]);
    expect(decision.dropped).toEqual([
      { id: 'call_1_0', name: 'reply', reason: expect.stringMatching(/^arguments are not valid JSON/u), round: 1 },
    ]);
    const [assistant, toolResult, nudge] = messagesOf(1).slice(conversation.length);
    expect(assistant).toEqual({
      role: 'assistant',
      content: 'Replying.',
      tool_calls: [{ id: 'call_1_0', type: 'function', function: { name: 'reply', arguments: '{}' } }],
    });
    expect(toolResult).toMatchObject({ role: 'tool', tool_call_id: 'call_1_0', content: expect.stringMatching(/^Not done: arguments are not valid JSON/u) });
    expect(nudge).toEqual({ role: 'user', content: decideNudge });
  });

  it('tells the model which tools do not exist when it called only those', async () => {
    fake.script({ toolCalls: [{ name: 'send_sticker', arguments: { id: 7 } }] }, { toolCalls: [{ name: 'do_nothing', arguments: {} }] });
    const decision = await decide(model, request, options);
    expect(decision.calls).toEqual([{ tool: 'do_nothing' }]);
    const sent = messagesOf(1).slice(conversation.length);
    expect(sent[0]).toMatchObject({ tool_calls: [{ function: { name: 'send_sticker', arguments: '{"id":7}' } }] });
    expect(sent[1]).toEqual({ role: 'tool', tool_call_id: 'call_1_0', content: 'Not done: unknown tool "send_sticker".' });
  });

  it('keeps several replies in order with their metadata, guards leaks and resolves reminders', async () => {
    fake.script({
      toolCalls: [
        { name: 'kfc_reply', arguments: { content: 'Your cat is adorable!' } },
        { name: 'reply', arguments: { content: 'What is her name? thought: I want to know more. mood: excited' } },
        { name: 'set_reminder', arguments: { when: 'in 2 hours', text: 'Feed the cat' } },
        { name: 'reply', arguments: { content: 'I will remind you.', max_wait_seconds: '90', expected_reaction: 'her name' } },
      ],
    });
    const decision = await decide(model, request, options);
    expect(decision.calls).toEqual([
      { tool: 'reply', content: 'Your cat is adorable!' },
      { tool: 'reply', content: 'What is her name?' },
      { tool: 'set_reminder', when: 'in 2 hours', text: 'Feed the cat', dueAt: now + 2 * 3_600_000 },
      { tool: 'reply', content: 'I will remind you.', maxWaitSeconds: 90, expectedReaction: 'her name' },
    ]);
    expect(decision.adjusted).toEqual([
      { id: 'call_1_1', name: 'reply', field: 'content', reason: 'cut at leaked metadata "thought:"', round: 1 },
    ]);
    expect(fake.requests).toHaveLength(1);
  });

  it('bounds an oversized reply by maxReplyChars', async () => {
    fake.script({ oversized: 5_000 });
    const decision = await decide(model, request, { ...options, maxReplyChars: 100 });
    const [call] = decision.calls;
    expect(call).toMatchObject({ tool: 'reply', maxWaitSeconds: 60 });
    expect(call?.tool === 'reply' ? Array.from(call.content) : []).toHaveLength(100);
    expect(call?.tool === 'reply' && call.content.endsWith('…')).toBe(true);
  });

  it('lets a behaviour answer from what it is asked', async () => {
    fake.setDefault((received) => {
      const messages = received.body['messages'] as Array<{ content?: unknown }>;
      return messages.at(-1)?.content === decideNudge ? { toolCalls: [replyHi] } : { text: 'Cute!' };
    });
    const decision = await decide(model, request, { ...options, maxCompatRetries: 3 });
    expect(decision.rounds).toBe(2);
    expect(decision.calls).toHaveLength(1);
  });

  it('propagates a failed round as an LlmError', async () => {
    fake.script({ text: 'Nice.' }, { status: 503 });
    const error = await decide(model, request, options).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ kind: 'server', retryable: true });
    expect(fake.requests).toHaveLength(2);
  });

  it('stops when aborted during a later round', async () => {
    fake.script({ text: 'Nice.' }, { delayMs: 60_000 });
    const controller = new AbortController();
    const pending = decide(model, request, { ...options, signal: controller.signal }).catch((thrown: unknown) => thrown);
    await waitFor(() => fake.requests.length === 2);
    controller.abort();
    expect(await pending).toMatchObject({ kind: 'aborted', retryable: false });
    await waitFor(() => fake.requests[1]?.clientClosed);
  });

  it('applies the per-round deadline', async () => {
    fake.script({ hangMs: 60_000 });
    await expect(decide(model, request, { ...options, timeoutMs: 200 })).rejects.toMatchObject({ kind: 'timeout' });
  });

  it.each([
    ['maxCompatRetries', { maxCompatRetries: -1 }],
    ['maxCompatRetries', { maxCompatRetries: 1.5 }],
    ['maxReplyChars', { maxReplyChars: 0 }],
    ['timeZone', { timeZone: 'Mars/Olympus_Mons' }],
    ['now', { now: Number.NaN }],
  ])('rejects a bad %s before asking anything', async (field, override) => {
    const error = await decide(model, request, { ...options, ...override }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ field });
    expect(fake.requests).toHaveLength(0);
  });

  it('rejects a request without tools before asking anything', async () => {
    await expect(decide(model, { ...request, tools: [] }, options)).rejects.toThrow(/tools/u);
    expect(fake.requests).toHaveLength(0);
  });
});

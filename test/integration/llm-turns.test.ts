/**
 * How a conversation turn survives a misbehaving model, end to end through the real runtime, Redis and
 * openai SDK against the fake OpenAI server: retries of retryable failures, no retry of terminal ones, the
 * user's text kept when a turn fails for good, plain-text answers nudged towards a tool, unreadable and
 * hanging answers, and oversized replies.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decideNudge } from '../../src/llm/decide.js';
import { oversizedContent } from '../helpers/fake-openai-behaviours.js';
import {
  answer,
  call,
  messagesOf,
  outboxOf,
  requestsMentioning,
  say,
  type ScriptedModel,
  startScenarioRuntime,
  startScriptedModel,
  userPromptOf,
  viewOf,
  waitForDelivered,
  waitForRequests,
  waitForView,
} from '../helpers/session-scenarios.js';
import type { TestRuntime } from '../helpers/test-runtime.js';

const maxReplyChars = 500;

describe('LLM turns with three attempts', () => {
  let model: ScriptedModel;
  let kizuna: TestRuntime;

  beforeAll(async () => {
    model = await startScriptedModel();
    kizuna = await startScenarioRuntime(model, {}, { maxAttempts: 3, timeoutSeconds: 1, maxReplyChars, maxCompatRetries: 1 });
  });
  afterEach(() => model.reset());
  afterAll(async () => {
    await kizuna.stop();
    await model.close();
  });

  it('retries a rate limit and a server error, then delivers the one reply', async () => {
    const sessionId = 'http:private:retry';
    model.script({ status: 429 }, { status: 500 }, answer(call.reply('Third time lucky.')));
    await say(kizuna, sessionId, 'Are you there, Miko?');

    const delivered = await waitForDelivered(kizuna, sessionId);
    expect(delivered.map((message) => message.text)).toEqual(['Third time lucky.']);
    expect(requestsMentioning(model, 'Are you there, Miko?')).toHaveLength(3);
    const view = await waitForView(kizuna, sessionId, (candidate) => candidate.state === 'idle');
    expect(view.context?.lastError).toBeNull();
  });

  it('does not retry an authentication error; the session goes idle and keeps the text for the next turn', async () => {
    const sessionId = 'http:private:auth';
    model.script({ status: 401 });
    await say(kizuna, sessionId, 'Did you feed the fish?');

    const failed = await waitForView(kizuna, sessionId, (view) => view.state === 'idle' && view.context?.lastError !== null);
    expect(failed.context?.lastError).toMatchObject({ code: 'llm_failed', message: expect.stringContaining('auth') });
    expect(requestsMentioning(model, 'Did you feed the fish?')).toHaveLength(1);
    expect(await outboxOf(kizuna, sessionId)).toEqual([]);

    model.script(answer(call.reply('Yes, twice!')));
    await say(kizuna, sessionId, 'And the cat?');
    const [next] = await waitForRequests(model, 'And the cat?');
    expect(userPromptOf(next!)).toContain('[new message]\nDid you feed the fish? And the cat?');
    expect((await waitForDelivered(kizuna, sessionId)).map((message) => message.text)).toEqual(['Yes, twice!']);
  });

  it('keeps a plain-text answer in the conversation and asks again with the nudge', async () => {
    const sessionId = 'http:private:nudge';
    model.script({ text: 'Aww, what a cute photo.' }, answer(call.reply('So cute!')));
    await say(kizuna, sessionId, 'Look at my kitten!');

    const delivered = await waitForDelivered(kizuna, sessionId);
    expect(delivered.map((message) => message.text)).toEqual(['So cute!']);
    const requests = requestsMentioning(model, 'Look at my kitten!');
    expect(requests).toHaveLength(2);
    expect(messagesOf(requests[1]!).slice(0, 2)).toEqual(messagesOf(requests[0]!));
    expect(messagesOf(requests[1]!).slice(2)).toEqual([
      { role: 'assistant', content: 'Aww, what a cute photo.' },
      { role: 'user', content: decideNudge },
    ]);
  });

  it('sends nothing when the model answers in plain text twice, and goes back to idle', async () => {
    const sessionId = 'http:private:chatty';
    model.script({ text: 'Hmm, interesting.' }, { text: 'Still thinking about it.' });
    await say(kizuna, sessionId, 'What do you think about rain?');

    await waitForRequests(model, 'What do you think about rain?', 2);
    const view = await waitForView(kizuna, sessionId, (candidate) => candidate.state === 'idle');
    expect(view.context?.turn).toBeNull();
    expect(requestsMentioning(model, 'What do you think about rain?')).toHaveLength(2);
    expect(await outboxOf(kizuna, sessionId)).toEqual([]);
  });

  it('retries an answer that is not JSON and delivers the next one', async () => {
    const sessionId = 'http:private:garbage';
    model.script({ garbage: true }, answer(call.reply('Sorry, I dozed off.')));
    await say(kizuna, sessionId, 'Hello? Anyone home?');

    const delivered = await waitForDelivered(kizuna, sessionId);
    expect(delivered.map((message) => message.text)).toEqual(['Sorry, I dozed off.']);
    expect(requestsMentioning(model, 'Hello? Anyone home?')).toHaveLength(2);
  });

  it('gives up on an answer that hangs past the deadline and retries', async () => {
    const sessionId = 'http:private:hang';
    model.script({ hangMs: 4000 }, answer(call.reply('Here I am.')));
    await say(kizuna, sessionId, 'Miko, wake up!');

    const delivered = await waitForDelivered(kizuna, sessionId);
    expect(delivered.map((message) => message.text)).toEqual(['Here I am.']);
    const requests = requestsMentioning(model, 'Miko, wake up!');
    expect(requests).toHaveLength(2);
    expect(requests[0]!.clientClosed).toBe(true);
  });

  it('gives up on an answer whose body stalls after the headers, and retries', async () => {
    const sessionId = 'http:private:stall';
    model.script({ hangMs: 4000, afterHeaders: true }, answer(call.reply('Sorry, my line froze.')));
    await say(kizuna, sessionId, 'Hello, can you hear me?');

    const delivered = await waitForDelivered(kizuna, sessionId);
    expect(delivered.map((message) => message.text)).toEqual(['Sorry, my line froze.']);
    const requests = requestsMentioning(model, 'Hello, can you hear me?');
    expect(requests).toHaveLength(2);
    expect(requests[0]!.clientClosed).toBe(true);
  });

  it('cuts an oversized reply to llm.maxReplyChars', async () => {
    const sessionId = 'http:private:oversized';
    model.script({ oversized: 50_000 });
    await say(kizuna, sessionId, 'Tell me a long story.');

    const [message] = await waitForDelivered(kizuna, sessionId);
    expect(Array.from(message!.text)).toHaveLength(maxReplyChars);
    expect(message!.text).toBe(`${oversizedContent(50_000).slice(0, maxReplyChars - 1).trimEnd()}…`);
  });
});

describe('LLM turns with two attempts', () => {
  let model: ScriptedModel;
  let kizuna: TestRuntime;

  beforeAll(async () => {
    model = await startScriptedModel();
    kizuna = await startScenarioRuntime(model, {}, { maxAttempts: 2, timeoutSeconds: 1 });
  });
  afterEach(() => model.reset());
  afterAll(async () => {
    await kizuna.stop();
    await model.close();
  });

  it('after the last failed attempt the session is idle with the error, sends nothing, and keeps the text', async () => {
    const sessionId = 'http:private:exhausted';
    model.script({ status: 500 }, { status: 500 });
    await say(kizuna, sessionId, 'Shall we play a game?');

    const failed = await waitForView(kizuna, sessionId, (view) => view.state === 'idle' && view.context?.lastError !== null);
    expect(failed.context?.lastError).toMatchObject({ code: 'llm_failed', message: expect.stringContaining('500') });
    expect(requestsMentioning(model, 'Shall we play a game?')).toHaveLength(2);
    expect(await outboxOf(kizuna, sessionId)).toEqual([]);

    model.script(answer(call.reply('Chess it is.')));
    await say(kizuna, sessionId, 'Chess maybe?');
    const [next] = await waitForRequests(model, 'Chess maybe?');
    expect(userPromptOf(next!)).toContain('[new message]\nShall we play a game? Chess maybe?');
    expect((await waitForDelivered(kizuna, sessionId)).map((message) => message.text)).toEqual(['Chess it is.']);
    expect((await viewOf(kizuna, sessionId)).context?.fragments).toEqual([]);
  });
});

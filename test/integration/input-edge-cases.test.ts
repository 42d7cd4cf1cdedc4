/**
 * What users actually send, over the HTTP API into the real runtime, Redis and openai SDK against the fake
 * OpenAI server: a second message while the bot is still thinking, blank text, a picture without words, an
 * emoji, a very long message, and a burst of unfinished fragments.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messageTexts } from '../helpers/session-log.js';
import {
  answer,
  call,
  messagesOf,
  outboxOf,
  requestsMentioning,
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
import { waitFor } from '../helpers/wait-for.js';

const burstSession = 'http:private:burst';
const tunedSession = 'http:private:tuned';

describe('user input edge cases over HTTP', () => {
  let model: ScriptedModel;
  let kizuna: TestRuntime;

  beforeAll(async () => {
    model = await startScriptedModel();
    kizuna = await startScenarioRuntime(
      model,
      // No text scores as complete and a burst of 50 fragments is held (by default 20 fragments count as a
      // complete utterance): 0.5 s of silence ends what the user is typing.
      {
        debounce: { timeoutSeconds: 0.5, threshold: 1, maxFragments: 64 },
        sessions: { [tunedSession]: { debounce: { maxFragments: 8 }, wait: { maxConsecutiveTimeouts: 5 } } },
      },
      // Long enough for the fake's 2 s delay: the abort, not the deadline, must end that request.
      { timeoutSeconds: 5 },
      true,
    );
  });
  afterEach(() => model.reset());
  afterAll(async () => {
    await kizuna.stop();
    await model.close();
  });

  async function post(chatId: string, fields: { text?: string; images?: Array<{ url: string }> }): Promise<number> {
    const response = await fetch(`${kizuna.baseUrl}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat: { type: 'private', id: chatId }, sender: { id: chatId }, ...fields }),
    });
    await response.arrayBuffer();
    return response.status;
  }

  it('a second message while the model is answering aborts that request and asks again with both texts', async () => {
    const sessionId = 'http:private:dinner';
    model.script({ delayMs: 2000, toolCalls: [call.reply('Pizza!')] }, answer(call.reply('Sushi sounds perfect.')));
    expect(await post('dinner', { text: 'Where should we eat tonight?' })).toBe(202);
    const [first] = await waitForRequests(model, 'Where should we eat tonight?');
    const firstAnswerDue = Date.now() + 2000;

    expect(await post('dinner', { text: 'Maybe sushi?' })).toBe(202);
    await waitFor(() => first!.clientClosed, { message: 'the first request was aborted' });
    const [second] = await waitForRequests(model, 'Maybe sushi?');
    expect(userPromptOf(second!)).toContain('[new message]\nWhere should we eat tonight? Maybe sushi?');
    await waitForDelivered(kizuna, sessionId);
    await waitForView(kizuna, sessionId, (view) => view.state === 'idle');

    // Past the moment the first answer would have come, only the second one was delivered.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, firstAnswerDue + 300 - Date.now())));
    expect((await outboxOf(kizuna, sessionId)).map(({ text, status }) => ({ text, status }))).toEqual([{ text: 'Sushi sounds perfect.', status: 'delivered' }]);
    expect(requestsMentioning(model, 'Where should we eat tonight?')).toHaveLength(2);
  });

  it('whitespace-only text changes nothing and asks the model nothing', async () => {
    const sessionId = 'http:private:blank';
    model.script(answer(call.reply('Hi there!')));
    await post('blank', { text: 'Hi Miko!' });
    await waitForDelivered(kizuna, sessionId);
    const before = await waitForView(kizuna, sessionId, (view) => view.state === 'idle' && view.context?.lastBotAt !== null);
    const requestsBefore = model.requests.length;

    expect(await post('blank', { text: '  \n\t ' })).toBe(202);
    const after = await waitForView(kizuna, sessionId, (view) => view.version > before.version);
    expect(after.state).toBe('idle');
    expect(after.context).toEqual(before.context);
    expect(after.timers).toEqual(before.timers);
    expect(model.requests.length).toBe(requestsBefore);
  });

  it('an image without text reaches the model as an image part', async () => {
    const sessionId = 'http:private:photo';
    const url = 'https://example.com/photos/cat-on-sofa.jpg';
    model.script(answer(call.reply('What a fluffy cat!')));
    expect(await post('photo', { images: [{ url }] })).toBe(202);

    const [request] = await waitForRequests(model, url);
    const content = messagesOf(request!)[1]!.content as Array<{ type: string; text?: string; image_url?: { url: string } }>;
    expect(content.map((part) => part.type)).toEqual(['text', 'image_url']);
    expect(content[0]!.text).toMatch(/\[new message\]\n\S*.*image/u);
    expect(content[1]!.image_url).toEqual({ url });
    expect((await waitForDelivered(kizuna, sessionId)).map((message) => message.text)).toEqual(['What a fluffy cat!']);
  });

  it('an emoji-only message gets a reply', async () => {
    const sessionId = 'http:private:emoji';
    model.script(answer(call.reply('Aww, hugs back!')));
    expect(await post('emoji', { text: '🥰' })).toBe(202);

    const [request] = await waitForRequests(model, '[new message]\\n🥰');
    expect(userPromptOf(request!)).toMatch(/\[new message\]\n🥰$/u);
    expect((await waitForDelivered(kizuna, sessionId)).map((message) => message.text)).toEqual(['Aww, hugs back!']);
  });

  it('a 10,000-character message is accepted and reaches the model cut, with the cut marked', async () => {
    const sessionId = 'http:private:novel';
    const long = Array.from({ length: 10_000 }, (_, index) => String.fromCharCode(97 + (index % 26))).join('');
    const maxInputChars = kizuna.config.llm.maxInputChars;
    model.script(answer(call.reply('That is a lot to read!')));
    expect(await post('novel', { text: long })).toBe(202);

    const [request] = await waitForRequests(model, long.slice(0, 60));
    const prompt = userPromptOf(request!);
    expect(prompt).toContain(`[new message]\n${long.slice(0, maxInputChars)}\n[… ${10_000 - maxInputChars} more characters cut …]`);
    expect(prompt).not.toContain(long.slice(0, maxInputChars + 1));
    await waitForDelivered(kizuna, sessionId);
  });

  it('a burst of 50 unfinished fragments becomes one request holding them all, in order', async () => {
    const parts = Array.from({ length: 50 }, (_, index) => `part ${index + 1}`);
    model.script(answer(call.reply('Got all of it.')));
    for (const part of parts) expect(await post('burst', { text: part })).toBe(202);

    const [request] = await waitForRequests(model, 'part 1 part 2 part 3');
    expect(userPromptOf(request!)).toContain(`[new message]\n${parts.join(' ')}`);
    await waitForDelivered(kizuna, burstSession);
    const done = await waitForView(kizuna, burstSession, (view) => view.state === 'idle');
    expect(done.context?.fragments).toEqual([]);
    expect(requestsMentioning(model, 'part 1 part 2')).toHaveLength(1);
    expect(model.requests.filter((candidate) => userPromptOf(candidate).includes('[new message]\npart '))).toHaveLength(1);
    expect(messageTexts((await kizuna.runtime.reader.readLog(burstSession)).entries)).toEqual(parts);
    expect((await viewOf(kizuna, burstSession)).context?.lastError).toBeNull();
  });

  it('a session override of one setting keeps the global values of the others', async () => {
    // A blank message creates the session (and applies its settings) without asking the model anything.
    expect(await post('tuned', { text: ' ' })).toBe(202);
    const view = await waitForView(kizuna, tunedSession, () => true);
    const { debounce, wait } = kizuna.config;
    expect(view.context?.settings.debounce).toEqual({ ...debounce, maxFragments: 8 });
    expect(view.context?.settings.wait).toEqual({ ...wait, maxConsecutiveTimeouts: 5 });
  });
});

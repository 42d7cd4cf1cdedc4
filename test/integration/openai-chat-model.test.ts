/**
 * OpenAiChatModel through the real openai SDK against the fake OpenAI server: what is sent, what comes back,
 * and how every failure is classified. No Redis is needed; this is integration because it does real HTTP.
 */
import OpenAI, { APIError, APIUserAbortError } from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../src/llm/chat-model.js';
import { LlmError, classifyLlmError } from '../../src/llm/llm-error.js';
import { OpenAiChatModel } from '../../src/llm/openai-chat-model.js';
import { sessionTools } from '../../src/llm/session-tools.js';
import { fakeEmbedding, fakeSpeechAudio } from '../helpers/fake-openai-behaviours.js';
import { type FakeOpenAi, startFakeOpenAi } from '../helpers/fake-openai-server.js';
import { freePort } from '../helpers/free-port.js';
import { waitFor } from '../helpers/wait-for.js';

let fake: FakeOpenAi;
let model: OpenAiChatModel;

const hello: ChatRequest = { model: 'chat-test', messages: [{ role: 'user', content: 'hello' }] };

beforeEach(async () => {
  fake = await startFakeOpenAi();
  model = new OpenAiChatModel({ baseUrl: fake.baseUrl, apiKey: 'test-key', timeoutMs: 10_000 });
});

afterEach(async () => {
  await fake.close();
});

/** The LlmError a promise rejects with; fails the test if it resolves or throws anything else. */
async function failure(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(LlmError);
  return error as LlmError;
}

describe('OpenAiChatModel.complete', () => {
  it('sends the tools with tool_choice auto and returns the raw tool calls, text and usage', async () => {
    fake.script({
      text: 'Let me think.',
      toolCalls: [
        { name: 'reply', arguments: { content: 'Hi!', max_wait_seconds: 120 } },
        { name: 'do_nothing', arguments: '{"thought": "wait"' },
      ],
      usage: { promptTokens: 42, completionTokens: 7 },
    });
    const answer = await model.complete({ ...hello, tools: [...sessionTools], maxTokens: 300, temperature: 0.5 });

    expect(answer).toEqual({
      text: 'Let me think.',
      toolCalls: [
        { id: 'call_1_0', name: 'reply', arguments: '{"content":"Hi!","max_wait_seconds":120}' },
        { id: 'call_1_1', name: 'do_nothing', arguments: '{"thought": "wait"' },
      ],
      usage: { promptTokens: 42, completionTokens: 7 },
    });
    expect(fake.requests).toHaveLength(1);
    const request = fake.requests[0]!;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers['authorization']).toBe('Bearer test-key');
    expect(request.body).toEqual({
      model: 'chat-test',
      messages: [{ role: 'user', content: 'hello' }],
      tools: sessionTools,
      tool_choice: 'auto',
      max_tokens: 300,
      temperature: 0.5,
    });
  });

  it('sends no tools or tool_choice without tools, and returns plain text with no tool calls', async () => {
    fake.script({ text: 'Just text.' });
    const answer = await model.complete({ ...hello, tools: [] });
    expect(answer).toEqual({ text: 'Just text.', toolCalls: [], usage: { promptTokens: 1, completionTokens: 1 } });
    expect(Object.keys(fake.requests[0]!.body).sort()).toEqual(['messages', 'model']);
  });

  it('reads tool arguments a compatible server sends as an object, and invents ids it leaves out', async () => {
    const completion = {
      choices: [{ message: { role: 'assistant', content: null, tool_calls: [{ type: 'function', function: { name: 'reply', arguments: { content: 'Hey' } } }] } }],
    };
    fake.script({ status: 200, body: completion });
    const answer = await model.complete(hello);
    expect(answer.toolCalls).toEqual([{ id: 'call_0', name: 'reply', arguments: '{"content":"Hey"}' }]);
    expect(answer.usage).toEqual({ promptTokens: 0, completionTokens: 0 });
  });

  it.each(['application/json', 'text/html'])('a 200 body that is not JSON (%s) is a retryable invalid_response', async (contentType) => {
    fake.script({ garbage: true, contentType });
    const error = await failure(model.complete(hello));
    expect(error).toMatchObject({ code: 'llm_failed', kind: 'invalid_response', retryable: true });
  });

  it('a JSON body without choices is a retryable invalid_response that quotes the body', async () => {
    fake.script({ status: 200, body: { object: 'error', message: 'quota exceeded' } });
    const error = await failure(model.complete(hello));
    expect(error).toMatchObject({ kind: 'invalid_response', retryable: true });
    expect(error.message).toContain('quota exceeded');
  });

  it.each([
    [429, 'rate_limit'],
    [500, 'server'],
    [503, 'server'],
    [408, 'timeout'],
  ] as const)('HTTP %i is a retryable %s error, asked once (the SDK does not retry)', async (status, kind) => {
    fake.script({ status });
    const error = await failure(model.complete(hello));
    expect(error).toMatchObject({ code: 'llm_failed', kind, status, retryable: true });
    expect(error.message).toContain(`fake error ${status}`);
    expect(fake.requests).toHaveLength(1);
  });

  it.each([
    [400, 'bad_request'],
    [404, 'bad_request'],
    [422, 'bad_request'],
    [401, 'auth'],
    [403, 'auth'],
  ] as const)('HTTP %i is a terminal %s error', async (status, kind) => {
    fake.script({ status, body: { error: { message: 'no such model', type: 'invalid_request_error' } } });
    const error = await failure(model.complete(hello));
    expect(error).toMatchObject({ kind, status, retryable: false });
    expect(error.message).toContain('no such model');
    expect(fake.requests).toHaveLength(1);
  });

  it('a server that hangs past the deadline gives a retryable timeout and sees the connection closed', async () => {
    fake.script({ hangMs: 60_000 });
    const error = await failure(model.complete(hello, { timeoutMs: 200 }));
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
    await waitFor(() => fake.requests[0]?.clientClosed);
    expect(fake.requests).toHaveLength(1);
  });

  it('the deadline also covers a body that stalls after the headers', async () => {
    fake.script({ hangMs: 60_000, afterHeaders: true });
    const error = await failure(model.complete(hello, { timeoutMs: 200 }));
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
    await waitFor(() => fake.requests[0]?.clientClosed);
  });

  it('aborting the signal mid-request gives a terminal aborted error and closes the connection', async () => {
    fake.script({ delayMs: 60_000 });
    const controller = new AbortController();
    const pending = failure(model.complete(hello, { signal: controller.signal }));
    await waitFor(() => fake.requests.length === 1);
    controller.abort();
    expect(await pending).toMatchObject({ kind: 'aborted', retryable: false });
    await waitFor(() => fake.requests[0]?.clientClosed);
  });

  it('an already aborted signal sends nothing', async () => {
    const error = await failure(model.complete(hello, { signal: AbortSignal.abort() }));
    expect(error.kind).toBe('aborted');
    expect(fake.requests).toHaveLength(0);
  });

  it('a refused connection is a retryable connection error', async () => {
    const nowhere = new OpenAiChatModel({ baseUrl: `http://127.0.0.1:${await freePort()}/v1`, apiKey: 'k' });
    const error = await failure(nowhere.complete(hello));
    expect(error).toMatchObject({ kind: 'connection', retryable: true });
  });

  it('a delayed answer within the deadline is returned', async () => {
    fake.script({ delayMs: 50 });
    fake.setDefault({ text: 'worth the wait' });
    expect((await model.complete(hello)).text).toBe('worth the wait');
  });

  it('rejects a base URL that is not a URL and a deadline that is not positive', async () => {
    expect(() => new OpenAiChatModel({ baseUrl: 'api.openai.com', apiKey: 'k' })).toThrow(/baseUrl/u);
    expect(() => new OpenAiChatModel({ baseUrl: fake.baseUrl, apiKey: 'k', timeoutMs: 0 })).toThrow(/timeoutMs/u);
    await expect(model.complete(hello, { timeoutMs: -1 })).rejects.toThrow(/timeoutMs/u);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('OpenAiChatModel.speak', () => {
  it('returns the audio bytes and their mime type', async () => {
    const speech = await model.speak({ model: 'tts-test', voice: 'alloy', text: 'おやすみ', format: 'opus' });
    expect(speech.audio.equals(fakeSpeechAudio('おやすみ'))).toBe(true);
    expect(speech.mimeType).toBe('audio/ogg');
    expect(fake.requests[0]).toMatchObject({
      path: '/v1/audio/speech',
      body: { model: 'tts-test', voice: 'alloy', input: 'おやすみ', response_format: 'opus' },
    });
  });

  it('classifies failures like chat requests', async () => {
    fake.script({ status: 500 }, { status: 401 });
    expect(await failure(model.speak({ model: 'tts', voice: 'alloy', text: 'a' }))).toMatchObject({ kind: 'server', retryable: true });
    expect(await failure(model.speak({ model: 'tts', voice: 'alloy', text: 'a' }))).toMatchObject({ kind: 'auth', retryable: false });
    expect(fake.requests).toHaveLength(2);
  });
});

describe('the fake OpenAI server', () => {
  it('answers embeddings deterministically in both encodings the SDK uses', async () => {
    const client = new OpenAI({ baseURL: fake.baseUrl, apiKey: 'k', maxRetries: 0 });
    const decoded = await client.embeddings.create({ model: 'embed-test', input: ['old news', 'new news'] });
    expect(fake.requests[0]!.body['encoding_format']).toBe('base64');
    expect(decoded.data.map((item) => item.embedding)).toEqual([fakeEmbedding('old news'), fakeEmbedding('new news')]);
    const floats = await client.embeddings.create({ model: 'embed-test', input: 'old news', encoding_format: 'float', dimensions: 40 });
    expect(floats.data[0]!.embedding).toEqual(fakeEmbedding('old news', 40));
    expect(fakeEmbedding('old news')).not.toEqual(fakeEmbedding('new news'));
  });

  it('lets a behaviour answer from the request', async () => {
    fake.setDefault((request) => ({ text: `you said ${JSON.stringify(request.body['messages'])}` }));
    expect((await model.complete(hello)).text).toBe('you said [{"role":"user","content":"hello"}]');
  });
});

describe('classifyLlmError', () => {
  it.each([
    [409, 'server', true],
    [413, 'bad_request', false],
    [502, 'server', true],
  ] as const)('classifies HTTP %i the SDK way as %s', (status, kind, retryable) => {
    const error = classifyLlmError(APIError.generate(status, { message: 'm' }, undefined, new Headers()));
    expect(error).toMatchObject({ kind, status, retryable });
  });

  it('classifies what the SDK leaves untyped', () => {
    expect(classifyLlmError(new APIUserAbortError())).toMatchObject({ kind: 'aborted', retryable: false });
    expect(classifyLlmError(new DOMException('stop', 'AbortError'))).toMatchObject({ kind: 'aborted' });
    expect(classifyLlmError(new DOMException('late', 'TimeoutError'))).toMatchObject({ kind: 'timeout', retryable: true });
    expect(classifyLlmError(new SyntaxError('Unexpected token <'))).toMatchObject({ kind: 'invalid_response', retryable: true });
    expect(classifyLlmError(new TypeError('terminated'))).toMatchObject({ kind: 'connection', retryable: true });
    expect(classifyLlmError('a string')).toMatchObject({ kind: 'connection', message: expect.stringContaining('a string') });
    const original = new LlmError('auth', 'bad key', { status: 401 });
    expect(classifyLlmError(original)).toBe(original);
    expect(original).toMatchObject({ code: 'llm_failed', name: 'LlmError', message: 'LLM auth (HTTP 401): bad key' });
  });
});

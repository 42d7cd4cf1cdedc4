/**
 * The routes the web console uses, through the real HTTP server, runtime, Redis and (for the LLM record)
 * the openai SDK against the fake OpenAI server: image uploads and how an uploaded image reaches the model,
 * the per-session record of LLM calls, replay, the console's files, and access with a token.
 */
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LlmCallRecord } from '../../src/llm/llm-call-log.js';
import { sessionKeys, uploadKey } from '../../src/redis/keys.js';
import { spawnKizuna, writeConfigFile } from '../helpers/kizuna-process.js';
import { answer, call, chatModel, type ScriptedModel, startScenarioRuntime, startScriptedModel, waitForDelivered, waitForRequests, waitForState } from '../helpers/session-scenarios.js';
import { testConfig } from '../helpers/test-config.js';
import { startTestRuntime, type TestRuntime } from '../helpers/test-runtime.js';
import { waitFor } from '../helpers/wait-for.js';

const redPng = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#ff0000' } }).png().toBuffer();
const blueJpeg = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#0000ff' } }).jpeg().toBuffer();

async function upload(base: string, bytes: Buffer | string, contentType: string | null, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/v1/images`, { method: 'POST', body: bytes, headers: { ...(contentType === null ? {} : { 'content-type': contentType }), ...headers } });
}

async function postMessage(base: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/v1/messages`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
}

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string; field?: string } }).error;

describe('console routes with the fake model', () => {
  let model: ScriptedModel;
  let kizuna: TestRuntime;
  let base: string;

  beforeAll(async () => {
    model = await startScriptedModel();
    kizuna = await startScenarioRuntime(model, { uploads: { maxBytes: 4096, ttlSeconds: 600 } }, { maxAttempts: 2, timeoutSeconds: 30 }, true);
    base = kizuna.baseUrl!;
  });
  afterEach(() => model.reset());
  afterAll(async () => {
    await kizuna.stop();
    await model.close();
  });

  it('stores an uploaded image with a TTL and serves it back', async () => {
    const bytes = await redPng();
    const response = await upload(base, bytes, 'image/png');
    expect(response.status).toBe(201);
    const receipt = (await response.json()) as { id: string; url: string; contentType: string; bytes: number };
    expect(receipt).toMatchObject({ url: `/v1/images/${receipt.id}`, contentType: 'image/png', bytes: bytes.length });
    const ttl = await kizuna.runtime.redis.ttl(uploadKey(kizuna.config.redis.prefix, receipt.id));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(600);

    const served = await fetch(`${base}${receipt.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('identifies an uploaded image in a group message by its bytes (the upload id), not by its URL', async () => {
    const receipt = (await (await upload(base, await redPng(), 'image/png')).json()) as { id: string; url: string };
    const sessionId = 'http:group:uploads';
    const posted = await postMessage(base, { chat: { type: 'group', id: 'uploads' }, sender: { id: 'ann' }, text: 'look', images: [{ url: receipt.url }] });
    expect(posted.status).toBe(202);
    const message = await waitFor(async () => (await kizuna.runtime.reader.readLog(sessionId)).entries.find((entry) => entry.event?.type === 'message.received')?.event);
    expect(message).toMatchObject({ images: [{ url: receipt.url, hash: receipt.id.slice(0, 16) }] });
  });

  it('refuses an oversize upload, a wrong or lying content type and an empty body; unknown ids are 404', async () => {
    const oversize = await upload(base, Buffer.concat([await redPng(), Buffer.alloc(5000)]), 'image/png');
    expect(oversize.status).toBe(413);
    const text = await upload(base, 'hello', 'text/plain');
    expect(text.status).toBe(415);
    expect((await errorOf(text)).message).toContain('content-type must be one of image/png');
    const none = await upload(base, await redPng(), null);
    expect(none.status).toBe(415);
    const lying = await upload(base, await blueJpeg(), 'image/png');
    expect(lying.status).toBe(415);
    expect((await errorOf(lying)).message).toBe('content-type says image/png but the bytes are image/jpeg');
    const notImage = await upload(base, '<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/png');
    expect(notImage.status).toBe(415);
    const empty = await upload(base, '', 'image/png');
    expect(empty.status).toBe(400);

    expect((await fetch(`${base}/v1/images/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await fetch(`${base}/v1/images/not-an-id`)).status).toBe(404);
    expect((await kizuna.runtime.redis.keys(`${kizuna.config.redis.prefix}:upload:*`)).length).toBeLessThanOrEqual(1);
  });

  it('refuses a message that refers to an unknown upload, storing nothing', async () => {
    const response = await postMessage(base, { chat: { type: 'private', id: 'ghost' }, sender: { id: 'ghost' }, text: 'see', images: [{ url: `/v1/images/${'0'.repeat(64)}` }] });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ field: 'images.0.url', message: expect.stringContaining('unknown or expired upload') });
    expect((await fetch(`${base}/v1/sessions/http:private:ghost`)).status).toBe(404);
  });

  it('sends an uploaded image to the model as a data: URL and records the call with the image reduced to its size', async () => {
    const bytes = await redPng();
    const { url } = (await (await upload(base, bytes, 'image/png')).json()) as { url: string };
    model.script(answer(call.reply('What a red square!')));
    const sent = await postMessage(base, { chat: { type: 'private', id: 'painter' }, sender: { id: 'painter' }, text: 'my painting:', images: [{ url }] });
    expect(sent.status).toBe(202);
    await waitForDelivered(kizuna, 'http:private:painter');

    const request = model.requests.find((candidate) => JSON.stringify(candidate.body).includes('my painting:'))!;
    const parts = JSON.stringify(request.body['messages']);
    expect(parts).toContain(`data:image/png;base64,${bytes.toString('base64')}`);
    expect(parts).not.toContain('/v1/images/');

    const calls = (await (await fetch(`${base}/v1/sessions/http:private:painter/llm`)).json()) as LlmCallRecord[];
    expect(calls).toHaveLength(1);
    const [record] = calls;
    expect(record).toMatchObject({ purpose: 'reply', client: 'openai', model: chatModel, outcome: 'decided', attempt: 1, calls: [{ tool: 'reply', content: 'What a red square!' }] });
    expect(record!.latencyMs).toBeGreaterThanOrEqual(0);
    const exchange = record!.exchanges[0]!;
    expect(exchange.tools).toContain('reply');
    expect(exchange.answer?.toolCalls[0]).toMatchObject({ name: 'reply', arguments: expect.stringContaining('What a red square!') });
    expect(JSON.stringify(exchange.messages)).toContain('my painting:');
    expect(JSON.stringify(exchange.messages)).toContain('data:image/png;base64,… (0 KB inlined, not kept)');
    // The event log and the stored history keep the short reference.
    const log = await kizuna.runtime.reader.readLog('http:private:painter');
    expect(JSON.stringify(log.entries)).toContain(url);
  });

  it('records every attempt: a retried rate limit, then the answer, newest first', async () => {
    model.script({ status: 429 }, answer(call.reply('Second try.')));
    await postMessage(base, { chat: { type: 'private', id: 'retry' }, sender: { id: 'retry' }, text: 'are you there?' });
    await waitForDelivered(kizuna, 'http:private:retry');
    const calls = await waitFor(async () => {
      const list = (await (await fetch(`${base}/v1/sessions/http:private:retry/llm`)).json()) as LlmCallRecord[];
      return list.length >= 2 ? list : undefined;
    });
    expect(calls.map((record) => [record.outcome, record.attempt])).toEqual([
      ['decided', 2],
      ['retrying', 1],
    ]);
    expect(calls[1]!.error).toMatchObject({ code: 'llm_failed', message: expect.stringContaining('429') });
    expect(calls[1]!.exchanges[0]!.error?.message).toContain('429');
    expect(calls[0]!.requestId).toBe(calls[1]!.requestId);
  });

  it('records a request the user interrupted as aborted', async () => {
    model.script({ hangMs: 25_000 }, answer(call.reply('Both parts, got it.')));
    await postMessage(base, { chat: { type: 'private', id: 'hasty' }, sender: { id: 'hasty' }, text: 'first part.' });
    await waitForRequests(model, 'first part.');
    await postMessage(base, { chat: { type: 'private', id: 'hasty' }, sender: { id: 'hasty' }, text: 'second part.' });
    await waitForDelivered(kizuna, 'http:private:hasty');
    const calls = await waitFor(async () => {
      const list = (await (await fetch(`${base}/v1/sessions/http:private:hasty/llm`)).json()) as LlmCallRecord[];
      return list.length >= 2 ? list : undefined;
    });
    const aborted = calls.find((record) => record.outcome === 'aborted');
    expect(aborted).toMatchObject({ purpose: 'reply', error: { code: 'llm_failed', message: expect.stringContaining('aborted') } });
    expect(JSON.stringify(aborted!.exchanges[0]!.messages)).toContain('first part.');
    expect(calls.find((record) => record.outcome === 'decided')?.calls).toEqual([expect.objectContaining({ tool: 'reply', content: 'Both parts, got it.' })]);
  });

  it('answers 404 for the LLM record and replay of an unknown session, and 400 for a bad limit', async () => {
    expect((await fetch(`${base}/v1/sessions/http:private:nobody/llm`)).status).toBe(404);
    expect((await fetch(`${base}/v1/sessions/not-a-session/llm`)).status).toBe(404);
    expect((await fetch(`${base}/v1/sessions/http:private:nobody/replay`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${base}/v1/sessions/http:private:painter/llm?limit=-1`)).status).toBe(400);
  });

  it('replays a session: reproduced, then a divergence named once the log is tampered with', async () => {
    const sessionId = 'http:private:replayed';
    await postMessage(base, { chat: { type: 'private', id: 'replayed' }, sender: { id: 'replayed' }, text: 'remember this.' });
    await waitForState(kizuna, sessionId, 'idle');
    const good = await fetch(`${base}/v1/sessions/${sessionId}/replay`, { method: 'POST' });
    expect(good.status).toBe(200);
    expect(await good.json()).toMatchObject({ sessionId, reproduced: true, applied: expect.any(Number) });

    const key = sessionKeys(kizuna.config.redis.prefix, sessionId).log;
    const first = JSON.parse((await kizuna.runtime.redis.lindex(key, 0))!) as { state: unknown };
    await kizuna.runtime.redis.lset(key, 0, JSON.stringify({ ...first, state: 'proactive' }));
    const bad = (await (await fetch(`${base}/v1/sessions/${sessionId}/replay`, { method: 'POST' })).json()) as Record<string, unknown>;
    expect(bad).toMatchObject({ reproduced: false, divergence: { index: 0, reason: 'state differs', expected: 'proactive' } });
    expect(bad.description).toContain('diverges at log entry 0');
  });

  it('serves the console page, its modules and the machine diagram without a token, and nothing outside them', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).toContain('/console/app.js');
    expect(html).not.toMatch(/(src|href)="https?:/);
    for (const file of ['app.js', 'console.css', 'session-page.js', 'diagram.js']) {
      const response = await fetch(`${base}/console/${file}`);
      expect(response.status, file).toBe(200);
      expect(await response.text(), file).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    }
    const svg = await fetch(`${base}/console/machine.svg`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(await svg.text()).toContain('data-state="awaiting-llm"');
    expect((await fetch(`${base}/console/nope.js`)).status).toBe(404);
    expect((await fetch(`${base}/console/..%2Fmachine-svg.ts`)).status).toBe(404);
    expect((await fetch(`${base}/console/../http/access.ts`)).status).toBe(404);
  });
});

describe('console access with a token', () => {
  let kizuna: TestRuntime;
  let base: string;

  beforeAll(async () => {
    kizuna = await startTestRuntime({ http: true, config: testConfig({ http: { token: 'sesame' } }) });
    base = kizuna.baseUrl!;
  });
  afterAll(() => kizuna.stop());

  it('refuses the API without the token, page and modules excepted', async () => {
    expect((await fetch(`${base}/v1/sessions`)).status).toBe(401);
    expect((await fetch(`${base}/v1/images/${'0'.repeat(64)}`)).status).toBe(401);
    expect((await upload(base, await redPng(), 'image/png')).status).toBe(401);
    expect((await fetch(`${base}/v1/sessions/http:private:x/llm`)).status).toBe(401);
    expect((await fetch(`${base}/v1/sessions/http:private:x/replay`, { method: 'POST' })).status).toBe(401);
    expect((await fetch(`${base}/v1/stream`)).status).toBe(401);
    expect((await fetch(`${base}/`)).status).toBe(200);
    expect((await fetch(`${base}/console/app.js`)).status).toBe(200);
  });

  it('swaps /?token= for an HttpOnly cookie that works for reads and the stream, and for writes from its own origin', async () => {
    expect((await fetch(`${base}/?token=wrong`, { redirect: 'manual' })).status).toBe(401);
    const swap = await fetch(`${base}/?token=sesame`, { redirect: 'manual' });
    expect(swap.status).toBe(303);
    expect(swap.headers.get('location')).toBe('/');
    const setCookie = swap.headers.get('set-cookie')!;
    expect(setCookie).toBe('kizuna_token=sesame; HttpOnly; SameSite=Strict; Path=/');
    const cookie = setCookie.split(';')[0]!;

    expect((await fetch(`${base}/v1/sessions`, { headers: { cookie } })).status).toBe(200);
    const controller = new AbortController();
    const stream = await fetch(`${base}/v1/stream`, { headers: { cookie }, signal: controller.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    controller.abort();

    const body = { chat: { type: 'private', id: 'cookie' }, sender: { id: 'cookie' }, text: 'hi.' };
    expect((await postMessage(base, body, { cookie })).status).toBe(401);
    expect((await postMessage(base, body, { cookie, origin: 'http://elsewhere.example' })).status).toBe(401);
    expect((await postMessage(base, body, { cookie, origin: base })).status).toBe(202);
    expect((await upload(base, await redPng(), 'image/png', { cookie, origin: base })).status).toBe(201);
  });
});

describe('kizuna start', () => {
  it('refuses to listen beyond loopback without a token, saying what to do', async () => {
    const config = writeConfigFile({ http: { host: '0.0.0.0', port: 0 } });
    const kizuna = spawnKizuna(['start', '--config', config], { REDIS_URL: 'redis://127.0.0.1:1' });
    const code = await kizuna.exited;
    expect(code).not.toBe(0);
    expect(kizuna.output()).toContain('http.host is "0.0.0.0"');
    expect(kizuna.output()).toContain('Set KIZUNA_API_TOKEN (or http.token), or listen on 127.0.0.1');
  });
});


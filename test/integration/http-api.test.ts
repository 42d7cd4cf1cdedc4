import { mkdtempSync, rmSync } from 'node:fs';
import { type IncomingMessage, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivateRedis } from '../../src/redis/private-redis.js';
import { globalKeys, sessionKeys } from '../../src/redis/keys.js';
import { freePort } from '../helpers/free-port.js';
import { testConfig } from '../helpers/test-config.js';
import { startTestRuntime, type TestRuntime } from '../helpers/test-runtime.js';
import { waitFor } from '../helpers/wait-for.js';

const message = (id: string, text: string, extra: Record<string, unknown> = {}) => ({
  chat: { type: 'private', id },
  sender: { id, name: id },
  text,
  ...extra,
});

/** Rejects naming `what` when `promise` has not settled within `ms`. */
async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: still pending after ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function post(base: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    // An answer that never comes is a failure of its own, not a test timeout with no clue where it hung.
    signal: AbortSignal.timeout(30_000),
  });
}

describe('HTTP API', () => {
  let kizuna: TestRuntime;
  let base: string;

  beforeAll(async () => {
    kizuna = await startTestRuntime({ http: true, config: testConfig({ offline: { replyWaitSeconds: 600 } }) });
    base = kizuna.baseUrl!;
  });
  afterAll(() => kizuna.stop());

  it('accepts a message with 202 and the bot replies into the outbox', async () => {
    const response = await post(base, message('alice', 'hello there.'));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({
      sessionId: 'http:private:alice',
      eventId: 'http:private:alice#1',
      seq: 1,
      duplicate: false,
    });

    const messages = await waitFor(async () => {
      const list = (await (await fetch(`${base}/v1/sessions/http:private:alice/messages`)).json()) as unknown[];
      return list.length > 0 ? list : undefined;
    });
    expect(messages).toEqual([
      {
        seq: 1,
        text: 'You said "hello there.". I\'m listening.',
        kind: 'reply',
        at: expect.any(Number),
        deliverAt: expect.any(Number),
        status: 'delivered',
        deliveredAt: expect.any(Number),
      },
    ]);
  });

  it('shows sessions, one session with its timers, and the event log', async () => {
    const list = (await (await fetch(`${base}/v1/sessions`)).json()) as Array<{ sessionId: string; state: string }>;
    expect(list).toContainEqual({ sessionId: 'http:private:alice', state: 'waiting' });
    // A page of no sessions is empty (Redis reads `ZRANGE 0 -1` as the whole index).
    expect(await (await fetch(`${base}/v1/sessions?limit=0`)).json()).toEqual([]);
    expect(await (await fetch(`${base}/v1/sessions?offset=0&limit=1`)).json()).toEqual([list[0]]);

    const view = (await (await fetch(`${base}/v1/sessions/http:private:alice`)).json()) as Record<string, unknown>;
    expect(view).toMatchObject({ sessionId: 'http:private:alice', state: 'waiting', version: expect.any(Number) });
    expect(view.timers).toEqual([{ name: 'wait', dueAt: expect.any(Number) }]);
    expect((view.context as { outboundSeq: number }).outboundSeq).toBe(1);

    const log = (await (await fetch(`${base}/v1/sessions/http:private:alice/events`)).json()) as {
      entries: Array<{ seq: number | null; event?: { type: string } }>;
    };
    expect(log.entries.map((entry) => entry.event?.type)).toContain('message.received');
    expect(log.entries.map((entry) => entry.event?.type)).toContain('llm.replied');
  });

  it('lists only messages after a given seq', async () => {
    await post(base, message('alice', 'and another thing!'));
    await waitFor(async () => {
      const list = (await (await fetch(`${base}/v1/sessions/http:private:alice/messages`)).json()) as unknown[];
      return list.length >= 2;
    });
    const after = (await (await fetch(`${base}/v1/sessions/http:private:alice/messages?after=1`)).json()) as Array<{
      seq: number;
    }>;
    expect(after.map((item) => item.seq)).toEqual([2]);
  });

  it('answers 400 naming the field for wrong types and missing fields', async () => {
    const cases: Array<[unknown, string]> = [
      [{ chat: { type: 'channel', id: 'x' }, sender: { id: 'x' }, text: 'hi' }, 'chat.type'],
      [{ chat: { type: 'private', id: 'x' }, sender: { id: 'x' }, text: 42 }, 'text'],
      [{ chat: { type: 'private', id: 'x' }, text: 'hi' }, 'sender'],
      [{ chat: { type: 'private', id: 'has space' }, sender: { id: 'x' }, text: 'hi' }, 'chat.id'],
      [{ chat: { type: 'private', id: 'x' }, sender: { id: 'x' }, images: [{ href: 'nope' }] }, 'images.0.url'],
      [{ chat: { type: 'private', id: 'x' }, sender: { id: 'x' }, mentionsBot: 'yes' }, 'mentionsBot'],
    ];
    for (const [body, field] of cases) {
      const response = await post(base, body);
      expect(response.status).toBe(400);
      const payload = (await response.json()) as { error: { field: string; code: string } };
      expect(payload.error).toMatchObject({ code: 'invalid_input', field });
    }
  });

  it('answers 400 for malformed JSON and 413 for a body over 64 KB, storing nothing', async () => {
    const malformed = await post(base, '{"chat": {');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { field: string } }).error.field).toBe('body');

    const huge = await post(base, message('bob', 'x'.repeat(70 * 1024)));
    expect(huge.status).toBe(413);
    expect((await fetch(`${base}/v1/sessions/http:private:bob`)).status).toBe(404);
  });

  it('accepts a 10,000-character message', async () => {
    const response = await post(base, message('carol', '好'.repeat(10_000)));
    expect(response.status).toBe(202);
  });

  it('drops a re-delivered platform message id without storing it twice', async () => {
    const first = await post(base, message('dave', 'once.', { messageId: 'm-1' }));
    const second = await post(base, message('dave', 'once.', { messageId: 'm-1' }));
    expect(((await first.json()) as { duplicate: boolean }).duplicate).toBe(false);
    expect(await second.json()).toMatchObject({ duplicate: true, seq: 1 });
  });

  it('answers 404 for unknown sessions and unknown routes', async () => {
    expect((await fetch(`${base}/v1/sessions/http:private:nobody`)).status).toBe(404);
    expect((await fetch(`${base}/v1/sessions/http:private:nobody/messages`)).status).toBe(404);
    expect((await fetch(`${base}/v1/sessions/not-a-session-id`)).status).toBe(404);
    // A broken percent-encoding is an unknown session too, not an internal error.
    const broken = await fetch(`${base}/v1/sessions/http:private:%E0%A4%A/messages`);
    expect(broken.status).toBe(404);
    expect(await broken.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await fetch(`${base}/v1/nothing`)).status).toBe(404);
  });

  it('streams commits over SSE', async () => {
    const controller = new AbortController();
    const response = await fetch(`${base}/v1/stream`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    await post(base, message('erin', 'streaming works.'));
    let text = '';
    await waitFor(async () => {
      const chunk = await reader.read();
      text += new TextDecoder().decode(chunk.value);
      return text.includes('http:private:erin') && text.includes('"to":"awaiting-llm"');
    });
    controller.abort();
    expect(text).toContain('event: commit');
  });

  it('drops a stream client that stopped reading instead of buffering commits for it without end', async () => {
    const streamClients = async () => Number(/^kizuna_sse_clients (\d+)$/m.exec(await (await fetch(`${base}/metrics`)).text())?.[1]);
    // The earlier stream test's client has gone once its abort reached the server.
    await waitFor(async () => (await streamClients()) === 0);
    const stalled = await new Promise<IncomingMessage>((resolve, reject) => {
      const request = httpRequest(`${base}/v1/stream`, (response) => resolve(response));
      request.once('error', reject);
      request.end();
    });
    stalled.pause();
    expect(await streamClients()).toBe(1);
    // Commits keep coming (here 64 KB each straight onto the channel) while the client reads none of them:
    // far more than the socket buffers hold.
    const commit = JSON.stringify({ sessionId: 'http:private:flood', padding: 'x'.repeat(64 * 1024) });
    for (let sent = 0; sent < 400; sent++) await kizuna.runtime.redis.publish(globalKeys(kizuna.config.redis.prefix).stream, commit);
    await waitFor(async () => (await streamClients()) === 0, { message: 'the stalled stream client was dropped' });
    stalled.destroy();
  });

  it('serves health and Prometheus metrics', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', redis: 'ready' });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/kizuna_events_applied_total [1-9]/);
    expect(metrics).toContain('kizuna_ingest_to_commit_ms_bucket{le="+Inf"}');
    // LLM calls by task and deliveries by kind and outcome, from the conversations above.
    expect(metrics).toMatch(/kizuna_llm_requests_total\{task="reply"\} [1-9]/);
    expect(metrics).toMatch(/kizuna_llm_latency_ms_count\{task="reply"\} [1-9]/);
    expect(metrics).toMatch(/kizuna_deliveries_total\{kind="reply",outcome="delivered"\} [1-9]/);
  });
});

/** A GET with a Host header of our choosing (what a page on a rebound DNS name sends); resolves with the status. */
function getWithHost(base: string, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${base}${path}`, { headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.once('error', reject);
    request.end();
  });
}

describe('HTTP API without a token, reached by a browser', () => {
  let kizuna: TestRuntime;
  let base: string;

  beforeAll(async () => {
    kizuna = await startTestRuntime({ http: true, config: testConfig() });
    base = kizuna.baseUrl!;
  });
  afterAll(() => kizuna.stop());

  it('refuses a POST that another site’s page sends (a no-cors fetch or a form), storing nothing', async () => {
    const crossSite = await post(base, JSON.stringify(message('mallory', 'spend my tokens.')), { 'content-type': 'text/plain', origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect(await post(base, message('mallory', 'hi.'), { origin: 'null' }).then((response) => response.status)).toBe(403);
    expect((await fetch(`${base}/v1/sessions/http:private:mallory`)).status).toBe(404);
    // API clients send no Origin, and the console's own page sends its own.
    expect((await post(base, message('mallory', 'hi.'))).status).toBe(202);
    expect((await post(base, message('mallory', 'hi again.'), { origin: base })).status).toBe(202);
  });

  it('refuses reads addressed to another host name (DNS rebinding), and serves loopback names', async () => {
    const port = new URL(base).port;
    expect(await getWithHost(base, '/v1/sessions', `rebound.example:${port}`)).toBe(403);
    expect(await getWithHost(base, '/v1/stream', `rebound.example:${port}`)).toBe(403);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'localhost']) expect(await getWithHost(base, '/v1/sessions', host), host).toBe(200);
    expect(await getWithHost(base, '/healthz', `rebound.example:${port}`)).toBe(200);
  });
});

describe('HTTP API with a token', () => {
  let kizuna: TestRuntime;

  beforeAll(async () => {
    kizuna = await startTestRuntime({ http: true, config: testConfig({ http: { token: 'sesame' } }) });
  });
  afterAll(() => kizuna.stop());

  it('requires the bearer token on the API but not on /healthz', async () => {
    const base = kizuna.baseUrl!;
    expect((await post(base, message('frank', 'hi.'))).status).toBe(401);
    expect((await post(base, message('frank', 'hi.'), { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await post(base, message('frank', 'hi.'), { authorization: 'Bearer sesame' })).status).toBe(202);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe('HTTP API when Redis goes away', () => {
  it('answers 503 redis_full when Redis reached maxmemory, stores nothing half-way, and accepts again with room', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kizuna-full-'));
    const redis = await startPrivateRedis({ port: await freePort(), dataDir });
    const kizuna = await startTestRuntime({ http: true, redisUrl: redis.url, roles: [] });
    try {
      const base = kizuna.baseUrl!;
      expect((await post(base, message('hana', 'before.'))).status).toBe(202);
      await kizuna.runtime.redis.config('SET', 'maxmemory', '1');
      const during = await post(base, message('hana', 'during.'));
      expect(during.status).toBe(503);
      expect(((await during.json()) as { error: { code: string } }).error.code).toBe('redis_full');
      await kizuna.runtime.redis.config('SET', 'maxmemory', '0');
      expect((await post(base, message('hana', 'after.'))).status).toBe(202);
      const mailbox = await kizuna.runtime.redis.lrange(sessionKeys(kizuna.config.redis.prefix, 'http:private:hana').mailbox, 0, -1);
      expect(mailbox.map((entry) => JSON.parse(entry.slice(entry.indexOf(' ') + 1)).text)).toEqual(['before.', 'after.']);
    } finally {
      await kizuna.stop();
      await redis.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('answers 503 at ingest instead of crashing or dropping silently, and recovers', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kizuna-down-'));
    const port = await freePort();
    const redis = await startPrivateRedis({ port, dataDir });
    const kizuna = await startTestRuntime({ http: true, redisUrl: redis.url });
    try {
      const base = kizuna.baseUrl!;
      expect((await post(base, message('gina', 'before.'))).status).toBe(202);
      redis.process.kill('SIGKILL');
      await waitFor(() => kizuna.runtime.redis.status !== 'ready');
      const during = await post(base, message('gina', 'during.'));
      expect(during.status).toBe(503);
      expect(((await during.json()) as { error: { code: string } }).error.code).toBe('redis_unavailable');
      expect((await fetch(`${base}/healthz`)).status).toBe(503);

      const restarted = await startPrivateRedis({ port, dataDir });
      try {
        await waitFor(() => kizuna.runtime.redis.status === 'ready', { timeoutMs: 15_000 });
        expect((await post(base, message('gina', 'after.'))).status).toBe(202);
        const log = await waitFor(async () => {
          const entries = (await kizuna.runtime.reader.readLog('http:private:gina')).entries;
          return entries.filter((entry) => entry.event?.type === 'message.received').length === 2 ? entries : undefined;
        });
        const texts = log.flatMap((entry) => (entry.event?.type === 'message.received' ? [entry.event.text] : []));
        expect(texts).toEqual(['before.', 'after.']);
      } finally {
        await withDeadline(kizuna.stop(), 30_000, 'stopping the runtime after the Redis restart');
        await restarted.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

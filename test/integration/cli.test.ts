// The kizuna CLI as users run it: `start` with its own Redis (opening configured periodic groups) and a clean SIGTERM shutdown, `start` without
// redis-server, a `start` or `worker` that fails to start (exits, leaving nothing running), `worker` role parsing, and `replay` exit codes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sessionKeys } from '../../src/redis/keys.js';
import { freePort } from '../helpers/free-port.js';
import { spawnKizuna, waitForOutput, writeConfigFile } from '../helpers/kizuna-process.js';
import { testConfig } from '../helpers/test-config.js';
import { startTestRuntime, type TestRuntime } from '../helpers/test-runtime.js';
import { waitFor } from '../helpers/wait-for.js';

const temporary: string[] = [];
afterAll(() => temporary.forEach((path) => rmSync(path, { recursive: true, force: true })));

function redisServerRunningOn(port: number): boolean {
  const listing = execFileSync('ps', ['-eo', 'args']).toString();
  return listing.split('\n').some((line) => line.startsWith('redis-server') && line.includes(`:${port}`));
}

describe('kizuna start', () => {
  it('launches its own Redis from redis.conf, serves the API, opens configured periodic groups, and shuts everything down on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kizuna-start-'));
    temporary.push(dataDir);
    const [httpPort, redisPort] = [await freePort(), await freePort()];
    const sessions = { 'http:group:daily': { groups: { proactive: { periodicSeconds: 86_400 } } } };
    const configPath = writeConfigFile({ http: { port: httpPort }, redis: { privatePort: redisPort, dataDir }, sessions });
    const started = Date.now();
    const kizuna = spawnKizuna(['start'], { KIZUNA_CONFIG: configPath, REDIS_URL: '' });
    try {
      await waitForOutput(kizuna, /kizuna is running/, 30_000);
      expect(kizuna.output()).toContain(`private redis-server on redis://127.0.0.1:${redisPort}`);
      expect(kizuna.output()).toContain('built-in offline model');
      expect(redisServerRunningOn(redisPort)).toBe(true);

      const base = `http://127.0.0.1:${httpPort}`;
      const posted = await fetch(`${base}/v1/messages`, {
        method: 'POST',
        body: JSON.stringify({ chat: { type: 'private', id: 'zoe' }, sender: { id: 'zoe' }, text: 'hi there!' }),
      });
      expect(posted.status).toBe(202);
      await waitFor(async () => ((await (await fetch(`${base}/v1/sessions/http:private:zoe/messages`)).json()) as unknown[]).length === 1);
      // A configured group with a periodic message is armed at start, before anyone writes in it.
      const daily = await waitFor(async () => {
        const view = (await (await fetch(`${base}/v1/sessions/http:group:daily`)).json()) as { timers?: Array<{ name: string; dueAt: number }> };
        return view.timers?.find((timer) => timer.name === 'periodic');
      });
      expect(daily.dueAt).toBeGreaterThanOrEqual(started + 86_400_000);
      expect(daily.dueAt).toBeLessThanOrEqual(Date.now() + 86_400_000);

      kizuna.kill('SIGTERM');
      expect(await kizuna.exited).toBe(0);
      expect(redisServerRunningOn(redisPort)).toBe(false);
      expect(readFileSync(join(dataDir, 'appendonlydir', 'appendonly.aof.manifest'), 'utf8')).toContain('appendonly.aof');
    } finally {
      kizuna.kill('SIGKILL');
    }
  });

  it('exits with one line of advice when redis-server is not installed', async () => {
    const configPath = writeConfigFile({ redis: { privatePort: await freePort() } });
    const kizuna = spawnKizuna(['start'], { KIZUNA_CONFIG: configPath, REDIS_URL: '', PATH: '/nonexistent' });
    expect(await kizuna.exited).toBe(1);
    const lines = kizuna.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/redis-server was not found: install it .*apt-get install redis-server.* or set REDIS_URL/);
  });

  it('stops its own Redis and exits when a later step of starting fails (the HTTP port is taken)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kizuna-start-'));
    temporary.push(dataDir);
    const [httpPort, redisPort] = [await freePort(), await freePort()];
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(httpPort, '127.0.0.1', resolve));
    try {
      const configPath = writeConfigFile({ http: { port: httpPort }, redis: { privatePort: redisPort, dataDir } });
      const kizuna = spawnKizuna(['start'], { KIZUNA_CONFIG: configPath, REDIS_URL: '' });
      try {
        expect(await kizuna.exited).toBe(1);
        expect(kizuna.output()).toMatch(new RegExp(`kizuna start: listen EADDRINUSE.*:${httpPort}`));
        expect(redisServerRunningOn(redisPort)).toBe(false);
      } finally {
        kizuna.kill('SIGKILL');
      }
    } finally {
      taken.close();
    }
  });

  it('rejects an invalid config file naming the key', async () => {
    const configPath = writeConfigFile({ http: { port: 'eighty' } });
    const kizuna = spawnKizuna(['start'], { KIZUNA_CONFIG: configPath });
    expect(await kizuna.exited).toBe(1);
    expect(kizuna.output()).toMatch(/invalid configuration: http\.port/);
  });
});

describe('kizuna worker', () => {
  it('exits naming the URL when Redis is unreachable, instead of retrying forever', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const worker = spawnKizuna(['worker', '--roles', 'session'], { REDIS_URL: url });
    try {
      expect(await worker.exited).toBe(1);
      expect(worker.output()).toContain(`kizuna worker: Redis at ${url} is unreachable`);
    } finally {
      worker.kill('SIGKILL');
    }
  });

  it('refuses an unknown role', async () => {
    const worker = spawnKizuna(['worker', '--roles', 'session,juggler'], {});
    expect(await worker.exited).toBe(1);
    expect(worker.output()).toContain('unknown role "juggler"');
  });
});

describe('kizuna replay', () => {
  let kizuna: TestRuntime;
  afterAll(() => kizuna?.stop());

  it('exits 0 when the log reproduces the snapshot, 1 with the divergence when it does not, 2 when unknown', async () => {
    kizuna = await startTestRuntime({ config: testConfig({ offline: { replyWaitSeconds: 600 } }) });
    const sessionId = 'http:private:replayed';
    await kizuna.runtime.ingestor.ingest(sessionId, {
      type: 'message.received',
      at: Date.now(),
      sender: { id: 'x' },
      text: 'hello!',
      images: [],
      mentionsBot: false,
    });
    await waitFor(async () => (await kizuna.runtime.reader.getSession(sessionId))?.state === 'waiting');
    const env = { REDIS_URL: kizuna.redisUrl, KIZUNA_PREFIX: kizuna.config.redis.prefix };
    const fixtureDir = mkdtempSync(join(tmpdir(), 'kizuna-fixture-'));
    temporary.push(fixtureDir);

    const good = spawnKizuna(['replay', sessionId, '--save', join(fixtureDir, 'session.json')], env);
    expect(await good.exited).toBe(0);
    expect(good.output()).toContain('the stored snapshot is reproduced');
    expect(JSON.parse(readFileSync(join(fixtureDir, 'session.json'), 'utf8'))).toMatchObject({ sessionId, entries: expect.any(Array) });

    const actorKey = sessionKeys(kizuna.config.redis.prefix, sessionId).actor;
    const snapshot = JSON.parse((await kizuna.runtime.redis.hget(actorKey, 'snapshot'))!);
    snapshot.context.outboundSeq = 41;
    await kizuna.runtime.redis.hset(actorKey, 'snapshot', JSON.stringify(snapshot));
    const bad = spawnKizuna(['replay', sessionId], env);
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toMatch(/diverges after the whole log: final snapshot differs; at context\.outboundSeq; expected 41, got 1/);

    const unknown = spawnKizuna(['replay', 'http:private:nobody'], env);
    expect(await unknown.exited).toBe(2);
  });
});

describe('kizuna start --inspect', () => {
  it('feeds every session actor to the Stately inspector relay', async () => {
    const { WebSocket } = await import('ws');
    const dataDir = mkdtempSync(join(tmpdir(), 'kizuna-inspect-'));
    temporary.push(dataDir);
    const [httpPort, redisPort, inspectPort] = [await freePort(), await freePort(), await freePort()];
    const configPath = writeConfigFile({
      http: { port: httpPort },
      redis: { privatePort: redisPort, dataDir },
      inspect: { url: `ws://localhost:${inspectPort}` },
    });
    const kizuna = spawnKizuna(['start', '--inspect'], { KIZUNA_CONFIG: configPath, REDIS_URL: '' });
    try {
      await waitForOutput(kizuna, /kizuna is running/, 30_000);
      expect(kizuna.output()).toContain(`Stately inspector: open http://localhost:${inspectPort}`);
      const page = await (await fetch(`http://localhost:${inspectPort}/`)).text();
      expect(page).toContain('https://stately.ai/inspect');

      const received: Array<{ type: string; sessionId?: string; snapshot?: { value?: unknown } }> = [];
      const viewer = new WebSocket(`ws://localhost:${inspectPort}`);
      viewer.on('message', (data) => received.push(JSON.parse(data.toString())));
      await new Promise((resolve) => viewer.once('open', resolve));
      await fetch(`http://127.0.0.1:${httpPort}/v1/messages`, {
        method: 'POST',
        body: JSON.stringify({ chat: { type: 'private', id: 'ivy' }, sender: { id: 'ivy' }, text: 'inspect me!' }),
      });
      await waitFor(() => received.some((event) => event.type === '@xstate.snapshot' && event.snapshot?.value === 'waiting'), {
        timeoutMs: 15_000,
      });
      expect(received.some((event) => event.type === '@xstate.actor')).toBe(true);
      viewer.close();
      kizuna.kill('SIGTERM');
      expect(await kizuna.exited).toBe(0);
    } finally {
      kizuna.kill('SIGKILL');
    }
  });
});

/**
 * OneBot in the `kizuna` CLI as users run it: `kizuna start` serving the reverse endpoint on its HTTP port
 * (a simulated NapCat connects and chats with the offline model), and the settings the CLI refuses.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { FakeOnebot, handshakeStatus } from '../helpers/fake-onebot.js';
import { freePort } from '../helpers/free-port.js';
import { spawnKizuna, waitForOutput, writeConfigFile } from '../helpers/kizuna-process.js';
import { deletePrefix } from '../helpers/redis-cleanup.js';
import { testPrefix } from '../helpers/test-config.js';
import { Redis } from 'ioredis';
import { inject } from 'vitest';

const prefix = testPrefix();
afterAll(async () => {
  const redis = new Redis(inject('redisUrl'));
  await deletePrefix(redis, prefix);
  redis.disconnect();
});

describe('kizuna start with onebot enabled', () => {
  it('serves the reverse endpoint on its HTTP port and answers a QQ private message through it', async () => {
    const port = await freePort();
    const configPath = writeConfigFile({ redis: { prefix }, http: { port }, onebot: { enabled: true, accessToken: 'napcat-token', sendIntervalSeconds: 0 }, debounce: { timeoutSeconds: 0.3 } });
    const kizuna = spawnKizuna(['start'], { KIZUNA_CONFIG: configPath, REDIS_URL: inject('redisUrl') });
    const qq = new FakeOnebot('10001');
    try {
      await waitForOutput(kizuna, /OneBot: reverse WebSocket at ws:\/\/127\.0\.0\.1:\d+\/onebot\/v11\/ws \(token required\)/, 30_000);
      const url = `ws://127.0.0.1:${port}/onebot/v11/ws`;
      expect(await handshakeStatus(url, { 'X-Self-ID': '10001' })).toBe(401);
      await qq.connectTo(url, { token: 'napcat-token' });
      qq.sendPrivate(20001, 'hello from NapCat');

      const [sent] = await qq.waitForActions('send_private_msg');
      expect(sent!.params['user_id']).toBe(20001);
      expect(sent!.params['message']).toEqual([{ type: 'text', data: { text: expect.stringContaining('hello from NapCat') } }]);
      kizuna.kill('SIGTERM');
      expect(await kizuna.exited).toBe(0);
      await qq.close();
    } finally {
      kizuna.kill('SIGKILL');
    }
  });

  it('refuses to serve the reverse endpoint without a token on a non-loopback address', async () => {
    // The API token lets kizuna listen beyond loopback at all (see access.ts); the OneBot endpoint needs its own.
    const configPath = writeConfigFile({ redis: { prefix }, http: { host: '0.0.0.0', port: await freePort(), token: 'api' }, onebot: { enabled: true } });
    const kizuna = spawnKizuna(['start'], { KIZUNA_CONFIG: configPath, REDIS_URL: inject('redisUrl') });
    expect(await kizuna.exited).toBe(1);
    expect(kizuna.output()).toMatch(/onebot\.accessToken is required/);
  });

  it('refuses a worker with the outbox role, which would not have the OneBot connection', async () => {
    const configPath = writeConfigFile({ redis: { prefix }, onebot: { enabled: true, accessToken: 't' } });
    const worker = spawnKizuna(['worker'], { KIZUNA_CONFIG: configPath, REDIS_URL: inject('redisUrl') });
    expect(await worker.exited).toBe(1);
    expect(worker.output()).toMatch(/--roles session,llm/);
  });
});

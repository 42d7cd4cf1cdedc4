/**
 * Memory Reboot's state and commands: everything lives in Redis under the group's hash tag and survives a
 * worker restart; messages queued while no worker runs are checked later, in order; a re-run check never
 * reminds twice; retention removes old messages for good; admins read the status and the command list and
 * wipe a group, silently; blocked groups store nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RebootStore } from '../../src/memory-reboot/reboot-store.js';
import { globalKeys, rebootKeys } from '../../src/redis/keys.js';
import { withScripts } from '../../src/redis/scripts.js';
import { DrainTrigger } from '../../src/runtime/drain-trigger.js';
import { type TestRuntime, startTestRuntime } from '../helpers/test-runtime.js';
import { day, hour, minute, post, postAll, rebootEvents, settled, startRebootRuntime, storedCount, t0 } from '../helpers/reboot-scenarios.js';
import { testConfig } from '../helpers/test-config.js';
import { waitFor } from '../helpers/wait-for.js';

const news = 'Breaking: the city council approved the new tram line to the airport, opening in 2027.';

describe('state in Redis', () => {
  it('survives a worker restart: the new worker rebuilds the index from Redis and reminds', async () => {
    const first = await startRebootRuntime();
    const g = 'http:group:restart';
    await postAll(first, g, [
      { sender: 'a', text: news, at: t0 },
      { sender: 'b', text: news, at: t0 + minute },
    ]);
    await first.runtime.close();
    const second = await startTestRuntime({ config: first.config, roles: ['memory-reboot'] });
    try {
      const c = await post(second, g, { sender: 'c', text: news, at: t0 + 2 * hour });
      await settled(second, g);
      expect(await rebootEvents(second, g)).toEqual([expect.objectContaining({ type: 'reboot.matched', messageId: c })]);
      expect(await storedCount(second, g)).toBe(3);
    } finally {
      await second.stop();
    }
  });

  it('checks messages queued while no worker ran, in order, once a worker starts (even if their job was lost)', async () => {
    const ingestOnly = await startRebootRuntime({}, []);
    const g = 'http:group:queued';
    await post(ingestOnly, g, { sender: 'a', text: news, at: t0 });
    await post(ingestOnly, g, { sender: 'b', text: news, at: t0 + minute });
    const c = await post(ingestOnly, g, { sender: 'c', text: news, at: t0 + 2 * hour });
    await ingestOnly.runtime.queues.reboot.obliterate({ force: true });
    await ingestOnly.runtime.close();
    const worker = await startTestRuntime({ config: ingestOnly.config, roles: ['memory-reboot'] });
    try {
      await settled(worker, g);
      expect(await rebootEvents(worker, g)).toEqual([expect.objectContaining({ type: 'reboot.matched', messageId: c })]);
    } finally {
      await worker.stop();
    }
  });

  it('a running worker picks up a group whose job was lost while its armed flag stayed set (the sweep, at start and every sweepIntervalSeconds)', async () => {
    const kizuna = await startRebootRuntime({ runtime: { sweepIntervalSeconds: 0.5 } });
    try {
      const g = 'http:group:lost-job';
      // What an ingest whose job was lost leaves behind: queued and armed (and in the index), no job.
      const store = new RebootStore(withScripts(kizuna.runtime.redis), kizuna.config.redis.prefix);
      expect(await store.enqueue(g, JSON.stringify({ id: 'x1', at: t0, sender: { id: 'a' }, text: news, images: [] }))).toEqual({ needsTrigger: true, dropped: 0 });
      await settled(kizuna, g);
      expect(await storedCount(kizuna, g)).toBe(1);
    } finally {
      await kizuna.stop();
    }
  });

  it('keeps every key of a group under the group session\'s hash tag', async () => {
    const kizuna = await startRebootRuntime({ admins: ['root'] });
    try {
      const g = 'http:group:tags';
      await postAll(kizuna, g, [
        { sender: 'a', text: news, at: t0 },
        { sender: 'b', text: '/weather tokyo', at: t0 + minute },
      ]);
      const shared = Object.values(globalKeys(kizuna.config.redis.prefix));
      const keys = (await kizuna.runtime.redis.keys(`${kizuna.config.redis.prefix}:*reboot*`)).filter((key) => !shared.includes(key));
      expect(keys.length).toBeGreaterThanOrEqual(5);
      for (const key of keys) expect(key).toContain(`{${g}}`);
    } finally {
      await kizuna.stop();
    }
  });
});

describe('a check that runs again', () => {
  let kizuna: TestRuntime;
  beforeAll(async () => {
    kizuna = await startRebootRuntime();
  });
  afterAll(async () => {
    await kizuna.stop();
  });

  it('neither stores a message twice nor reminds twice (a re-delivered message, a check re-run after a crash)', async () => {
    const g = 'http:group:rerun';
    await postAll(kizuna, g, [
      { sender: 'a', text: news, at: t0, messageId: 'a1' },
      { sender: 'b', text: news, at: t0 + minute, messageId: 'b1' },
      { sender: 'c', text: news, at: t0 + 2 * hour, messageId: 'c1' },
      { sender: 'c', text: news, at: t0 + 2 * hour, messageId: 'c1' },
    ]);
    const keys = rebootKeys(kizuna.config.redis.prefix, g);
    const entry = JSON.stringify({ id: 'c1', messageId: 'c1', at: t0 + 2 * hour, sender: { id: 'c' }, text: news, images: [] });
    await kizuna.runtime.redis.rpush(keys.pending, entry);
    await new DrainTrigger(kizuna.runtime.queues.reboot).trigger(g);
    await settled(kizuna, g);
    expect(await storedCount(kizuna, g)).toBe(3);
    expect(await rebootEvents(kizuna, g)).toEqual([expect.objectContaining({ type: 'reboot.matched', messageId: 'c1' })]);
    expect(await kizuna.runtime.redis.hget(keys.meta, 'reminded')).toBe('1');
  });

  it('reminds once when a check that already reminded dies before its commit and runs again', async () => {
    const g = 'http:group:crash';
    await postAll(kizuna, g, [
      { sender: 'a', text: news, at: t0, messageId: 'a1' },
      { sender: 'b', text: news, at: t0 + minute, messageId: 'b1' },
    ]);
    // What the first attempt left behind: its reminder is in the mailbox, its message is not stored.
    await kizuna.runtime.ingestor.ingest(g, { type: 'reboot.matched', at: t0 + 2 * hour, messageId: 'c1', text: 'first attempt' }, 'reboot:c1');
    await postAll(kizuna, g, [{ sender: 'c', text: news, at: t0 + 2 * hour, messageId: 'c1' }]);
    expect(await rebootEvents(kizuna, g)).toEqual([expect.objectContaining({ messageId: 'c1', text: 'first attempt' })]);
    expect(await storedCount(kizuna, g)).toBe(3);
    expect(await kizuna.runtime.redis.hget(rebootKeys(kizuna.config.redis.prefix, g).meta, 'reminded')).toBe('1');
  });

  it('drops a malformed queued entry and goes on with the next', async () => {
    const g = 'http:group:malformed';
    const keys = rebootKeys(kizuna.config.redis.prefix, g);
    await kizuna.runtime.redis.rpush(keys.pending, '{"not": "an entry"', JSON.stringify({ id: 'ok', at: t0, sender: { id: 'a' }, text: news, images: [] }));
    await new DrainTrigger(kizuna.runtime.queues.reboot).trigger(g);
    await settled(kizuna, g);
    expect(await storedCount(kizuna, g)).toBe(1);
  });
});

describe('retention', () => {
  it('removes messages older than retentionDays from Redis and never matches them', async () => {
    const kizuna = await startRebootRuntime({ memoryReboot: { retentionDays: 1 } });
    try {
      const g = 'http:group:retention';
      await postAll(kizuna, g, [
        { sender: 'a', text: news, at: t0 },
        { sender: 'b', text: news, at: t0 + minute },
        { sender: 'c', text: news, at: t0 + 2 * day },
      ]);
      expect(await rebootEvents(kizuna, g)).toEqual([]);
      const keys = rebootKeys(kizuna.config.redis.prefix, g);
      expect(await kizuna.runtime.redis.hkeys(keys.records)).toHaveLength(1);
      expect(await kizuna.runtime.redis.zcard(keys.times)).toBe(1);
      expect(await kizuna.runtime.redis.hlen(keys.vectors)).toBe(1);
      const ttl = await kizuna.runtime.redis.pttl(keys.records);
      expect(ttl).toBeGreaterThan(day);
      expect(ttl).toBeLessThanOrEqual(2 * day);
    } finally {
      await kizuna.stop();
    }
  });
});

describe('admin commands', () => {
  let kizuna: TestRuntime;
  beforeAll(async () => {
    kizuna = await startRebootRuntime({ admins: ['root'], memoryReboot: { blockedGroups: ['quiet'] } });
  });
  afterAll(async () => {
    await kizuna.stop();
  });

  it('answers /reboot status to an admin with a quote of the command, and ignores everyone else', async () => {
    const g = 'http:group:admin-status';
    await postAll(kizuna, g, [
      { sender: 'a', text: news, at: t0 },
      { sender: 'b', text: news, at: t0 + minute },
      { sender: 'c', text: news, at: t0 + 2 * hour },
      { sender: 'mallory', text: '/reboot status', at: t0 + 3 * hour },
    ]);
    expect((await rebootEvents(kizuna, g)).map((event) => event.type)).toEqual(['reboot.matched']);
    const [command] = await postAll(kizuna, g, [{ sender: 'root', text: '记忆状态', at: t0 + 4 * hour }]);
    const answer = (await rebootEvents(kizuna, g)).at(-1);
    expect(answer).toMatchObject({ type: 'admin.answered', replyTo: command });
    const text = answer?.type === 'admin.answered' ? answer.text : '';
    expect(text).toContain('Group admin-status: active');
    expect(text).toContain('Messages: 3 (with an embedding: 3; pictures: 0); reminders sent: 1');
    expect(text).toContain('judge: off');
    expect(text).toContain('offline-ngram-512');
  });

  it('lists the command filter and the commands it has seen', async () => {
    const g = 'http:group:admin-commands';
    await postAll(kizuna, g, [
      { sender: 'a', text: '/签到', at: t0 },
      { sender: 'b', text: '/签到', at: t0 + minute },
      { sender: 'c', text: '!roll 2d6', at: t0 + 2 * minute },
      { sender: 'root', text: '/reboot commands', at: t0 + 3 * minute },
    ]);
    const answer = (await rebootEvents(kizuna, g)).at(-1);
    expect(answer?.type === 'admin.answered' ? answer.text : '').toContain('Seen: 签到 ×2, roll ×1');
  });

  it("does not count kizuna's own chat commands as another bot's", async () => {
    const g = 'http:group:admin-own-commands';
    await postAll(kizuna, g, [
      { sender: 'a', text: '/reminders', at: t0 },
      { sender: 'b', text: '/heartflow', at: t0 + minute },
      { sender: 'c', text: '/status', at: t0 + 2 * minute },
      { sender: 'd', text: '!roll 2d6', at: t0 + 3 * minute },
      { sender: 'root', text: '/reboot commands', at: t0 + 4 * minute },
    ]);
    const answer = (await rebootEvents(kizuna, g)).at(-1);
    expect(answer?.type === 'admin.answered' ? answer.text : '').toMatch(/Seen: roll ×1$/u);
    expect(await storedCount(kizuna, g)).toBe(0);
  });

  it('wipes a group silently: nothing is answered and nothing old matches any more', async () => {
    const g = 'http:group:admin-wipe';
    await postAll(kizuna, g, [
      { sender: 'a', text: news, at: t0 },
      { sender: 'b', text: news, at: t0 + minute },
      { sender: 'root', text: '/reboot wipe', at: t0 + 10 * minute },
      { sender: 'c', text: news, at: t0 + 2 * hour },
    ]);
    expect(await rebootEvents(kizuna, g)).toEqual([]);
    expect(await storedCount(kizuna, g)).toBe(1);
  });

  it('stores nothing in a blocked group, where /reboot status still says so', async () => {
    const g = 'http:group:quiet';
    await postAll(kizuna, g, [
      { sender: 'a', text: news, at: t0 },
      { sender: 'b', text: news, at: t0 + minute },
      { sender: 'c', text: news, at: t0 + 2 * hour },
      { sender: 'root', text: '/reboot', at: t0 + 3 * hour },
    ]);
    expect(await storedCount(kizuna, g)).toBe(0);
    const events = await rebootEvents(kizuna, g);
    expect(events.map((event) => event.type)).toEqual(['admin.answered']);
    expect(events[0]?.type === 'admin.answered' ? events[0].text : '').toContain('blocked');
  });

  it('answers a malformed /reboot with the usage', async () => {
    const g = 'http:group:admin-usage';
    await postAll(kizuna, g, [{ sender: 'root', text: '/reboot everything now', at: t0 }]);
    await waitFor(async () => (await rebootEvents(kizuna, g)).length === 1);
    const [answer] = await rebootEvents(kizuna, g);
    expect(answer?.type === 'admin.answered' ? answer.text : '').toContain('Usage: /reboot status');
  });
});

describe('with every role, through the HTTP API', () => {
  it('queues group messages posted over HTTP and the session applies the reminder event it receives', async () => {
    const kizuna = await startTestRuntime({
      config: testConfig({ memoryReboot: { llmConfirm: false, cooldownSeconds: 0 } }),
      roles: ['session', 'llm', 'outbox', 'memory-reboot'],
      http: true,
    });
    try {
      const g = 'http:group:over-http';
      for (const [index, sender] of ['a', 'b', 'c'].entries()) {
        const response = await fetch(`${kizuna.baseUrl}/v1/messages`, {
          method: 'POST',
          body: JSON.stringify({ chat: { type: 'group', id: 'over-http' }, sender: { id: sender }, text: news, messageId: `h${index}` }),
        });
        expect(response.status).toBe(202);
        await settled(kizuna, g);
      }
      const log = await waitFor(async () => {
        const entries = (await kizuna.runtime.reader.readLog(g)).entries;
        return entries.some((entry) => entry.event?.type === 'reboot.matched') ? entries : undefined;
      });
      const applied = log.find((entry) => entry.event?.type === 'reboot.matched');
      expect(applied?.event).toMatchObject({ type: 'reboot.matched', messageId: 'h2' });
      expect(applied?.rejected).toBeUndefined();
    } finally {
      await kizuna.stop();
    }
  });
});

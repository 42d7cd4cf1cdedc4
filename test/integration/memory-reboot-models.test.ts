/**
 * Memory Reboot's models through the real openai SDK against the fake OpenAI server — embeddings, the vision
 * verdict (cached by content hash) and the judge's yes / no / garbage / error / missing model — and its
 * pictures through the safe fetcher: a broken picture and a hostile URL cost the message nothing else.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebootKeys } from '../../src/redis/keys.js';
import type { RecordedRequest } from '../helpers/fake-openai-behaviours.js';
import { type FakeOpenAi, startFakeOpenAi } from '../helpers/fake-openai-server.js';
import { type ImageServer, redirect, serve, startImageServer, testPicture } from '../helpers/image-server.js';
import { hour, minute, postAll, rebootEvents, startRebootRuntime, storedCount, t0 } from '../helpers/reboot-scenarios.js';
import type { TestRuntime } from '../helpers/test-runtime.js';

const news = 'Breaking: the city council approved the new tram line to the airport, opening in 2027.';
let images: ImageServer;
let contentPng: Buffer;
let stickerPng: Buffer;
let freshPng: Buffer;

beforeAll(async () => {
  images = await startImageServer();
  contentPng = await testPicture();
  stickerPng = await testPicture({ variant: 2 });
  freshPng = await testPicture({ variant: 3 });
  images.route('/fresh-a.png', serve(freshPng, 'image/png'));
  images.route('/fresh-b.png', serve(freshPng, 'image/png'));
  images.route('/content.png', serve(contentPng, 'image/png'));
  images.route('/sticker.png', serve(stickerPng, 'image/png'));
  images.route('/broken.png', serve(Buffer.concat([contentPng.subarray(0, 24), Buffer.alloc(300, 0x42)]), 'image/png'));
  images.route('/to-metadata.png', redirect('http://169.254.169.254/latest/meta-data/iam'));
});
afterAll(async () => {
  await images.close();
});

const chatRequests = (model: FakeOpenAi) => model.requests.filter((request) => request.path === '/v1/chat/completions');
const embeddingInputs = (model: FakeOpenAi) => model.requests.filter((request) => request.path === '/v1/embeddings').map((request) => String(request.body['input']));
const imageOf = (request: RecordedRequest): string => JSON.stringify(request.body).match(/data:image\/png;base64,([A-Za-z0-9+/=]+)/)?.[1] ?? '';

describe('embeddings and vision through the openai SDK', () => {
  let model: FakeOpenAi;
  let kizuna: TestRuntime;

  beforeAll(async () => {
    model = await startFakeOpenAi();
    model.setDefault((request) => {
      if (request.path !== '/v1/chat/completions') return { text: '' };
      const sticker = imageOf(request) === stickerPng.toString('base64');
      return { text: sticker ? '{"is_sticker": true, "content": ""}' : '```json\n{"is_sticker": false, "content": "[news screenshot] Tram line approved"}\n```' };
    });
    kizuna = await startRebootRuntime({ llm: { baseUrl: model.baseUrl, apiKey: 'test', models: { embedding: 'embed-small', vision: 'vision-mini' } } });
  });
  afterAll(async () => {
    await kizuna.stop();
    await model.close();
  });

  it('embeds through embeddings.create and reminds on the same text from a third person', async () => {
    const g = 'http:group:embeddings';
    const [, , c] = await postAll(kizuna, g, [
      { sender: 'a', text: news, at: t0 },
      { sender: 'b', text: news, at: t0 + minute },
      { sender: 'c', text: news, at: t0 + 2 * hour },
    ]);
    expect(await rebootEvents(kizuna, g)).toEqual([expect.objectContaining({ type: 'reboot.matched', messageId: c })]);
    const embeddings = model.requests.filter((request) => request.path === '/v1/embeddings');
    expect(embeddings.length).toBeGreaterThanOrEqual(3);
    expect(embeddings[0]?.body).toMatchObject({ model: 'embed-small', input: news });
    const record = JSON.parse((await kizuna.runtime.redis.hget(rebootKeys(kizuna.config.redis.prefix, g).records, c!)) ?? '{}');
    expect(record).toMatchObject({ space: 'openai:embed-small', text: news, sender: { id: 'c' } });
    const vector = await kizuna.runtime.redis.hgetBuffer(rebootKeys(kizuna.config.redis.prefix, g).vectors, c!);
    expect(vector?.length).toBe(8 * 2); // the fake model's 8 dimensions, float16
  });

  it('skips pictures the vision model calls stickers; a sticker-only message is not stored', async () => {
    const g = 'http:group:vision-sticker';
    await postAll(kizuna, g, [{ sender: 'a', images: [{ url: `${images.origin}/sticker.png` }], at: t0 }]);
    expect(await storedCount(kizuna, g)).toBe(0);
  });

  it('appends a content picture\'s description to the text before embedding, and stores its hashes', async () => {
    const g = 'http:group:vision-content';
    const [id] = await postAll(kizuna, g, [{ sender: 'a', text: 'look at this', images: [{ url: `${images.origin}/sticker.png` }, { url: `${images.origin}/content.png` }], at: t0 }]);
    expect(embeddingInputs(model)).toContain('look at this [picture: [news screenshot] Tram line approved]');
    const record = JSON.parse((await kizuna.runtime.redis.hget(rebootKeys(kizuna.config.redis.prefix, g).records, id!)) ?? '{}');
    expect(record.text).toBe('look at this [picture: [news screenshot] Tram line approved]');
    expect(record.images).toEqual([{ sha256: createHash('sha256').update(contentPng).digest('hex'), dhash: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
  });

  it('asks the vision model once per picture, whatever URL it comes under', async () => {
    const g = 'http:group:vision-cache';
    const asked = () => chatRequests(model).filter((request) => imageOf(request) === freshPng.toString('base64')).length;
    await postAll(kizuna, g, [
      { sender: 'a', images: [{ url: `${images.origin}/fresh-a.png` }], at: t0 },
      { sender: 'b', images: [{ url: `${images.origin}/fresh-b.png` }], at: t0 + minute },
      { sender: 'c', images: [{ url: `${images.origin}/fresh-a.png` }], at: t0 + 2 * minute },
    ]);
    expect(asked()).toBe(1);
    expect(await storedCount(kizuna, g)).toBe(3);
  });

  it('checks a message whose picture is broken by its text alone', async () => {
    const g = 'http:group:broken-picture';
    const [withText] = await postAll(kizuna, g, [
      { sender: 'a', text: news, images: [{ url: `${images.origin}/broken.png` }], at: t0 },
      { sender: 'b', images: [{ url: `${images.origin}/broken.png` }], at: t0 + minute },
    ]);
    expect(await storedCount(kizuna, g)).toBe(1);
    const record = JSON.parse((await kizuna.runtime.redis.hget(rebootKeys(kizuna.config.redis.prefix, g).records, withText!)) ?? '{}');
    expect(record).toMatchObject({ text: news, images: [] });
  });
});

describe('hostile picture URLs', () => {
  let kizuna: TestRuntime;

  beforeAll(async () => {
    kizuna = await startRebootRuntime({ security: { allowPrivateImageHosts: false } });
  });
  afterAll(async () => {
    await kizuna.stop();
  });

  it('never reach a private address, directly or through a redirect; the message is checked without them', async () => {
    const g = 'http:group:hostile';
    const before = images.requests.length;
    const [id] = await postAll(kizuna, g, [
      { sender: 'a', text: news, images: [{ url: `${images.origin}/content.png` }, { url: `http://[::1]:${images.port}/content.png` }, { url: 'http://169.254.169.254/latest/meta-data/' }], at: t0 },
    ]);
    expect(images.requests.length).toBe(before);
    const record = JSON.parse((await kizuna.runtime.redis.hget(rebootKeys(kizuna.config.redis.prefix, g).records, id!)) ?? '{}');
    expect(record).toMatchObject({ text: news, images: [] });
  });

  it('refuse a redirect to a private address even from an allowed host', async () => {
    const allowed = await startRebootRuntime({ security: { allowPrivateImageHosts: false, allowedImageHosts: ['127.0.0.1'] } });
    try {
      const g = 'http:group:hostile-redirect';
      const [first, second] = await postAll(allowed, g, [
        { sender: 'a', text: 'a picture for you', images: [{ url: `${images.origin}/to-metadata.png` }], at: t0 },
        { sender: 'b', text: 'and a real one', images: [{ url: `${images.origin}/content.png` }], at: t0 + minute },
      ]);
      const records = rebootKeys(allowed.config.redis.prefix, g).records;
      expect(JSON.parse((await allowed.runtime.redis.hget(records, first!)) ?? '{}').images).toEqual([]);
      expect(JSON.parse((await allowed.runtime.redis.hget(records, second!)) ?? '{}').images).toHaveLength(1);
      expect(images.requests).toContain('/to-metadata.png');
    } finally {
      await allowed.stop();
    }
  });
});

describe('the judge fails closed', () => {
  let model: FakeOpenAi;

  beforeAll(async () => {
    model = await startFakeOpenAi();
  });
  afterAll(async () => {
    await model.close();
  });

  /** Three people post the same news, the last one after the cooldown; returns the reminders and judge calls. */
  async function threeReposts(config: Record<string, unknown>): Promise<{ reminders: number; judgeCalls: number }> {
    const kizuna = await startRebootRuntime(config);
    try {
      const before = chatRequests(model).length;
      const g = 'http:group:judge';
      await postAll(kizuna, g, [
        { sender: 'a', text: news, at: t0 },
        { sender: 'b', text: news, at: t0 + minute },
        { sender: 'c', text: news, at: t0 + 2 * hour },
      ]);
      return { reminders: (await rebootEvents(kizuna, g)).length, judgeCalls: chatRequests(model).length - before };
    } finally {
      await kizuna.stop();
    }
  }

  const withJudge = (models: Record<string, string> = { judge: 'judge-mini' }) => ({ llm: { baseUrl: model.baseUrl, apiKey: 'test', models }, memoryReboot: { llmConfirm: true } });

  it('reminds when the judge says yes, not when it says no', async () => {
    model.setDefault({ text: 'Verdict: {"should_remind": true, "reason": "bare forward"}' });
    expect(await threeReposts(withJudge())).toEqual({ reminders: 1, judgeCalls: 1 });
    model.setDefault({ text: '{"should_remind": false, "reason": "ongoing"}' });
    expect(await threeReposts(withJudge())).toEqual({ reminders: 0, judgeCalls: 1 });
  });

  it('does not remind when the judge answers garbage or fails', async () => {
    model.setDefault({ text: 'I would rather not say.' });
    expect(await threeReposts(withJudge())).toEqual({ reminders: 0, judgeCalls: 1 });
    model.setDefault({ status: 500 });
    expect((await threeReposts(withJudge())).reminders).toBe(0);
    model.setDefault({ garbage: true });
    expect((await threeReposts(withJudge())).reminders).toBe(0);
  });

  it('does not remind, and asks no model, when llmConfirm is on without a judge model or endpoint', async () => {
    model.setDefault({ text: '{"should_remind": true}' });
    expect(await threeReposts(withJudge({}))).toEqual({ reminders: 0, judgeCalls: 0 });
    expect(await threeReposts({ memoryReboot: { llmConfirm: true } })).toEqual({ reminders: 0, judgeCalls: 0 });
  });

  it('reminds on every passing match when llmConfirm is off, asking no model', async () => {
    expect(await threeReposts({ ...withJudge(), memoryReboot: { llmConfirm: false } })).toEqual({ reminders: 1, judgeCalls: 0 });
  });

  it('by default (auto) asks the judge when a judge model is configured, and reminds without one otherwise', async () => {
    model.setDefault({ text: '{"should_remind": false}' });
    expect(await threeReposts({ ...withJudge(), memoryReboot: { llmConfirm: 'auto' } })).toEqual({ reminders: 0, judgeCalls: 1 });
    expect(await threeReposts({ llm: { baseUrl: model.baseUrl, apiKey: 'test' }, memoryReboot: { llmConfirm: 'auto' } })).toEqual({ reminders: 1, judgeCalls: 0 });
  });
});

describe('uploaded pictures (the console, API clients)', () => {
  it('are read from the upload store, hashed and matched like any other; an unknown upload is skipped', async () => {
    const kizuna = await startRebootRuntime({ security: { allowPrivateImageHosts: false } });
    try {
      const g = 'http:group:uploads';
      const upload = await kizuna.runtime.uploads.put(contentPng, 'image/png');
      const missing = `/v1/images/${'0'.repeat(64)}`;
      const [first, , third] = await postAll(kizuna, g, [
        { sender: 'a', images: [{ url: upload.url }], at: t0 },
        { sender: 'b', images: [{ url: upload.url }], at: t0 + minute },
        { sender: 'c', text: 'seen this?', images: [{ url: missing }, { url: upload.url }], at: t0 + 2 * hour },
      ]);
      expect(await rebootEvents(kizuna, g)).toEqual([expect.objectContaining({ type: 'reboot.matched', messageId: third })]);
      const records = rebootKeys(kizuna.config.redis.prefix, g).records;
      expect(JSON.parse((await kizuna.runtime.redis.hget(records, first!)) ?? '{}').images).toEqual([
        { sha256: createHash('sha256').update(contentPng).digest('hex'), dhash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      ]);
      expect(JSON.parse((await kizuna.runtime.redis.hget(records, third!)) ?? '{}').images).toHaveLength(1);
    } finally {
      await kizuna.stop();
    }
  });
});

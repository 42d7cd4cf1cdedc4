/**
 * Seed 003's scenario table, row by row, on the real runtime: a memory-reboot worker, real Redis, real
 * pictures served over HTTP and hashed with sharp, the offline embedding, and the judge (where a row needs
 * it) through the openai SDK against the fake OpenAI server. A reminder is checked where it lands: as a
 * `reboot.matched` event in the group session's mailbox, quoting the triggering message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeOpenAi } from '../helpers/fake-openai-server.js';
import { startFakeOpenAi } from '../helpers/fake-openai-server.js';
import { type ImageServer, serve, startImageServer, testPicture } from '../helpers/image-server.js';
import { day, hour, minute, postAll, rebootEvents, startRebootRuntime, storedCount, t0 } from '../helpers/reboot-scenarios.js';
import type { TestRuntime } from '../helpers/test-runtime.js';

const news = 'Breaking: the city council approved the new tram line to the airport, opening in 2027.';
const reminderText = 'Déjà vu! This was posted here before.';

let images: ImageServer;
let picture: string;

beforeAll(async () => {
  images = await startImageServer();
  images.route('/news.png', serve(await testPicture(), 'image/png'));
  images.route('/news-small.jpg', serve(await testPicture({ width: 160, height: 120, format: 'jpeg', quality: 60 }), 'image/jpeg'));
  picture = `${images.origin}/news.png`;
});
afterAll(async () => {
  await images.close();
});

describe('seed 003 scenarios, judge off (every passing match reminds)', () => {
  let kizuna: TestRuntime;
  let group = 0;
  const nextGroup = () => `http:group:row-${(group += 1)}`;

  beforeAll(async () => {
    kizuna = await startRebootRuntime({ memoryReboot: { reminderText, ignorePatterns: ['签到'] } });
  });
  afterAll(async () => {
    await kizuna.stop();
  });

  it('A posts news → B reposts it → an hour later C posts it: C gets a quote-reply reminder', async () => {
    const g = nextGroup();
    const [, , c] = await postAll(kizuna, g, [
      { sender: 'a', text: news, at: t0 },
      { sender: 'b', text: `${news} wow`, at: t0 + 10 * minute },
      { sender: 'c', text: news, at: t0 + 10 * minute + hour + minute },
    ]);
    const events = await rebootEvents(kizuna, g);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'reboot.matched', messageId: c, text: reminderText });
    expect(typeof events[0]?.at).toBe('number');
    expect(await storedCount(kizuna, g)).toBe(3);
    const checks = kizuna.runtime.stats.get().context.counters.memory_reboot_checks_total;
    expect(checks['outcome="reminded",reason="remind"']).toBeGreaterThanOrEqual(1);
    expect(checks['outcome="stored",reason="no_match"']).toBeGreaterThanOrEqual(1);
  });

  it('a repost with no platform message id gets a plain reminder: no quote of an internal id', async () => {
    const g = nextGroup();
    await postAll(kizuna, g, [
      { sender: 'a', text: news, at: t0, messageId: null },
      { sender: 'b', text: `${news} wow`, at: t0 + 10 * minute, messageId: null },
      { sender: 'c', text: news, at: t0 + 10 * minute + hour + minute, messageId: null },
    ]);
    const events = await rebootEvents(kizuna, g);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'reboot.matched', text: reminderText });
    expect(events[0]).not.toHaveProperty('messageId');
  });

  it('A posts news → 30 minutes later B reposts: no reminder (only two people)', async () => {
    const g = nextGroup();
    await postAll(kizuna, g, [
      { sender: 'a', text: news, at: t0 },
      { sender: 'b', text: news, at: t0 + 30 * minute },
      { sender: 'b', text: news, at: t0 + 3 * hour },
    ]);
    expect(await rebootEvents(kizuna, g)).toEqual([]);
  });

  it('A posts a sticker → many repeat it: no reminder, stickers are not even stored', async () => {
    const g = nextGroup();
    const before = images.requests.length;
    const sticker = [{ url: picture, sticker: true }];
    await postAll(kizuna, g, ['a', 'b', 'c', 'd'].map((sender, index) => ({ sender, images: sticker, at: t0 + index * 2 * hour })));
    expect(await rebootEvents(kizuna, g)).toEqual([]);
    expect(await storedCount(kizuna, g)).toBe(0);
    expect(images.requests.length).toBe(before);
  });

  it('A posts a picture → 10 minutes later B posts the same picture: no reminder (cooldown, and only two people)', async () => {
    const g = nextGroup();
    await postAll(kizuna, g, [
      { sender: 'a', images: [{ url: picture }], at: t0 },
      { sender: 'b', images: [{ url: `${images.origin}/news-small.jpg` }], at: t0 + 10 * minute },
    ]);
    expect(await rebootEvents(kizuna, g)).toEqual([]);
  });

  it('with three people, a copy posted 10 minutes after the last one is within the cooldown: no reminder', async () => {
    const g = nextGroup();
    await postAll(kizuna, g, [
      { sender: 'a', images: [{ url: picture }], at: t0 },
      { sender: 'b', images: [{ url: picture }], at: t0 + 2 * hour },
      { sender: 'c', images: [{ url: `${images.origin}/news-small.jpg` }], at: t0 + 2 * hour + 10 * minute },
    ]);
    expect(await rebootEvents(kizuna, g)).toEqual([]);
    expect(await storedCount(kizuna, g)).toBe(3);
  });

  it('A posts a picture → A posts it again an hour later: no reminder (their own content)', async () => {
    const g = nextGroup();
    await postAll(kizuna, g, [
      { sender: 'a', images: [{ url: picture }], at: t0 },
      { sender: 'b', images: [{ url: picture }], at: t0 + 5 * minute },
      { sender: 'a', images: [{ url: picture }], at: t0 + 2 * hour },
    ]);
    expect(await rebootEvents(kizuna, g)).toEqual([]);
  });

  it('the same picture, resized and recompressed, reminds a third person after the cooldown', async () => {
    const g = nextGroup();
    const [, , c] = await postAll(kizuna, g, [
      { sender: 'a', images: [{ url: picture }], at: t0 },
      { sender: 'b', images: [{ url: picture }], at: t0 + 5 * minute },
      { sender: 'c', images: [{ url: `${images.origin}/news-small.jpg` }], at: t0 + 3 * hour },
    ]);
    expect(await rebootEvents(kizuna, g)).toEqual([expect.objectContaining({ type: 'reboot.matched', messageId: c })]);
  });

  it('A posts news → B forwards it → C quotes B\'s copy while reposting it: no reminder, a reply knows what it replies to', async () => {
    const g = nextGroup();
    await postAll(kizuna, g, [
      { sender: 'a', text: news, at: t0 },
      { sender: 'b', text: news, at: t0 + 10 * minute, messageId: 'forwarded' },
      { sender: 'c', text: `${news} +1`, at: t0 + 3 * hour, replyTo: 'forwarded' },
    ]);
    expect(await rebootEvents(kizuna, g)).toEqual([]);
  });

  it('"？" is too short, "签到" is an ignore pattern, "/帮助" is another bot\'s command: none is stored', async () => {
    const g = nextGroup();
    const spam = ['？', '签到', '/帮助'];
    await postAll(kizuna, g, spam.flatMap((text, row) => ['a', 'b', 'c'].map((sender, index) => ({ sender, text, at: t0 + (row * 3 + index) * 2 * hour }))));
    expect(await storedCount(kizuna, g)).toBe(0);
    expect(await rebootEvents(kizuna, g)).toEqual([]);
  });
});

describe('seed 003 scenarios, judge on', () => {
  let kizuna: TestRuntime;
  let model: FakeOpenAi;
  let verdict = { should_remind: true, reason: 'bare repost' };

  beforeAll(async () => {
    model = await startFakeOpenAi();
    model.setDefault(() => ({ text: JSON.stringify(verdict) }));
    kizuna = await startRebootRuntime({
      llm: { baseUrl: model.baseUrl, apiKey: 'test', models: { judge: 'judge-mini' } },
      memoryReboot: { llmConfirm: true, reminderText },
    });
  });
  afterAll(async () => {
    await kizuna.stop();
    await model.close();
  });

  const judgePrompts = () => model.requests.filter((request) => request.path === '/v1/chat/completions').map((request) => JSON.stringify(request.body));

  it('A posts news → the group is still talking about it → B reposts: the judge says it is an ongoing discussion, no reminder', async () => {
    const g = 'http:group:judge-ongoing';
    verdict = { should_remind: false, reason: 'the group is discussing it right now' };
    const before = judgePrompts().length;
    await postAll(kizuna, g, [
      { sender: 'a', name: 'Ann', text: news, at: t0 },
      { sender: 'x', name: 'Xia', text: news, at: t0 + 5 * minute },
      { sender: 'c', name: 'Cat', text: 'the tram will make the airport so much easier to reach', at: t0 + 70 * minute },
      { sender: 'd', name: 'Dan', text: 'yes finally, the bus takes forever today', at: t0 + 75 * minute },
      { sender: 'b', name: 'Bob', text: news, at: t0 + 2 * hour },
    ]);
    expect(await rebootEvents(kizuna, g)).toEqual([]);
    const prompts = judgePrompts().slice(before);
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toContain('the bus takes forever today');
    expect(prompts[0]).toContain('Ann');
  });

  it('A posts news → B quotes it in a discussion → C reposts it agreeing: the judge says no, no reminder', async () => {
    const g = 'http:group:judge-quote';
    verdict = { should_remind: false, reason: 'agreeing with the earlier post' };
    const before = judgePrompts().length;
    await postAll(kizuna, g, [
      { sender: 'a', name: 'Ann', text: news, at: t0 },
      { sender: 'b', name: 'Bob', text: `「${news}」👍`, at: t0 + 10 * minute },
      { sender: 'b', name: 'Bob', text: 'about time! this will help commuters a lot', at: t0 + 11 * minute },
      { sender: 'c', name: 'Cat', text: `${news} +1`, at: t0 + 2 * hour },
    ]);
    expect(await rebootEvents(kizuna, g)).toEqual([]);
    expect(judgePrompts().length).toBe(before + 1);
    expect(judgePrompts().at(-1)).toContain('this will help commuters a lot');
  });

  it('A posts news → two days later D shares it as if it were new: the judge agrees, D gets the reminder', async () => {
    const g = 'http:group:judge-late';
    verdict = { should_remind: true, reason: 'shared as if new' };
    const [, , d] = await postAll(kizuna, g, [
      { sender: 'a', name: 'Ann', text: news, at: t0 },
      { sender: 'b', name: 'Bob', text: news, at: t0 + 20 * minute },
      { sender: 'd', name: 'Dee', text: news, at: t0 + 2 * day },
    ]);
    expect(await rebootEvents(kizuna, g)).toEqual([expect.objectContaining({ type: 'reboot.matched', messageId: d, text: reminderText })]);
    expect(judgePrompts().at(-1)).toContain('2 days');
  });
});

describe('the judge context', () => {
  it('shows the judge judgeContextMessages around the matched message and the group\'s last judgeContextMessages, no more', async () => {
    const model = await startFakeOpenAi();
    model.setDefault(() => ({ text: JSON.stringify({ should_remind: true, reason: 'bare repost' }) }));
    const kizuna = await startRebootRuntime({
      llm: { baseUrl: model.baseUrl, apiKey: 'test', models: { judge: 'judge-mini' } },
      memoryReboot: { llmConfirm: true, reminderText, judgeContextMessages: 2 },
    });
    try {
      const g = 'http:group:judge-context';
      const filler = {
        before1: 'Has anyone tried the new bakery on Elm Street yet?',
        before2: 'My cat knocked a glass off the kitchen table again this morning.',
        before3: 'The football match last night went all the way to penalties.',
        after1: 'I still need two volunteers for the picnic on Sunday.',
        after2: 'Which laptop would you recommend for first-year programming students?',
        after3: 'The river trail is closed because of the flooding near the old mill.',
        recent1: 'Does anybody know a good plumber in the north district?',
        recent2: 'Happy birthday to Lena, have a wonderful day!',
        recent3: 'Remember to bring your library books back by Friday.',
      };
      const chat = (key: keyof typeof filler, at: number) => ({ sender: `s-${key}`, text: filler[key], at });
      const [, , , , , , , , , , , c] = await postAll(kizuna, g, [
        chat('before1', t0),
        chat('before2', t0 + minute),
        chat('before3', t0 + 2 * minute),
        { sender: 'a', name: 'Ann', text: news, at: t0 + 3 * minute },
        chat('after1', t0 + 4 * minute),
        chat('after2', t0 + 5 * minute),
        chat('after3', t0 + 6 * minute),
        { sender: 'b', name: 'Bob', text: `${news} wow`, at: t0 + 10 * minute },
        chat('recent1', t0 + 20 * minute),
        chat('recent2', t0 + 21 * minute),
        chat('recent3', t0 + 22 * minute),
        { sender: 'c', name: 'Cat', text: news, at: t0 + 2 * hour },
      ]);
      expect(await rebootEvents(kizuna, g)).toEqual([expect.objectContaining({ type: 'reboot.matched', messageId: c })]);
      const prompts = model.requests.filter((request) => request.path === '/v1/chat/completions').map((request) => JSON.stringify(request.body));
      expect(prompts).toHaveLength(1);
      const [prompt] = prompts as [string];
      // Around the match (Ann's copy, the best one): two before and two after; then the two newest messages.
      for (const shown of [filler.before2, filler.before3, filler.after1, filler.after2, filler.recent2, filler.recent3]) expect(prompt).toContain(shown);
      for (const hidden of [filler.before1, filler.after3, filler.recent1]) expect(prompt).not.toContain(hidden);
    } finally {
      await kizuna.stop();
      await model.close();
    }
  });
});

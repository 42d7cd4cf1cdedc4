/**
 * Group memory and images end to end: the real runtime on Redis, a real image server on loopback (the safe
 * fetcher allowed private hosts for the test), and the fake OpenAI server as chat and vision model. Memory is
 * bounded in Redis and rendered as timestamped lines; images are identified by their bytes at ingest, shown
 * natively once, then rendered as `[Image]` or, once captioned, `[Image: caption]`.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { groupTurns, isCaptionRequest, post, visionModel } from '../helpers/group-scenarios.js';
import { type ImageServer, serve, startImageServer, testPicture } from '../helpers/image-server.js';
import { answer, call, messagesOf, type ScriptedModel, startScenarioRuntime, startScriptedModel, userPromptOf, waitForDelivered, waitForView } from '../helpers/session-scenarios.js';
import type { TestRuntime } from '../helpers/test-runtime.js';
import { waitFor } from '../helpers/wait-for.js';

function imageUrlsOf(request: { body: Record<string, unknown> }): string[] {
  return messagesOf(request as never).flatMap((message) =>
    Array.isArray(message.content) ? (message.content as Array<{ type: string; image_url?: { url: string } }>).flatMap((part) => (part.type === 'image_url' ? [part.image_url!.url] : [])) : [],
  );
}

describe('group memory and images', () => {
  let model: ScriptedModel;
  let kizuna: TestRuntime;
  let images: ImageServer;

  beforeAll(async () => {
    model = await startScriptedModel();
    images = await startImageServer();
    const cat = await testPicture({ variant: 0 });
    images.route('/cat.png', serve(cat, 'image/png'));
    images.route('/cat-again.png', serve(cat, 'image/png'));
    images.route('/dog.png', serve(await testPicture({ variant: 2 }), 'image/png'));
    kizuna = await startScenarioRuntime(
      model,
      {
        debounce: { enabled: false },
        groups: { memoryMaxMessages: 6, promptMessages: 4, captionImages: true },
        security: { allowPrivateImageHosts: true },
      },
      { models: { chat: 'fake-chat', vision: visionModel } },
    );
  });
  afterEach(() => model.reset());
  afterAll(async () => {
    await kizuna.stop();
    await images.close();
    await model.close();
  });

  it('keeps every message in Redis up to groups.memoryMaxMessages and shows the newest groups.promptMessages as lines', async () => {
    const group = 'http:group:memory';
    for (let index = 1; index <= 8; index++) await post(kizuna, group, `m${index}`, `line ${index}`, { name: `Member${index}` });
    model.script(answer(call.reply('what a chatty bunch')));
    await post(kizuna, group, 'zoe', '@Miko summary?', { name: 'Zoe', mentionsBot: true });
    await waitForDelivered(kizuna, group);

    // The reply enters memory when its delivery report is applied, just after the outbox says delivered.
    type Entry = { role: string; text: string };
    const history = await waitFor(async () => {
      const entries = (await kizuna.runtime.reader.readConversation(group)).history as Entry[];
      return entries.at(-1)?.role === 'bot' ? entries : undefined;
    });
    expect(history).toHaveLength(6);
    expect(history.map((entry) => entry.text)).toEqual(['line 5', 'line 6', 'line 7', 'line 8', '@Miko summary?', 'what a chatty bunch']);
    const prompt = userPromptOf(groupTurns(model, '@Miko summary?')[0]!);
    expect(prompt).toMatch(/\[\d\d:\d\d:\d\d\] Member6: line 6\n\[\d\d:\d\d:\d\d\] Member7: line 7/);
    expect(prompt).not.toContain('line 5');
    expect(prompt).toContain('Zoe: @Miko summary? [@you]');
  });

  it('shows a first-seen image natively once; the same bytes under another URL are not shown again and get their caption', async () => {
    const group = 'http:group:images';
    model.route((request) => (isCaptionRequest(request) ? { text: 'A swirly blue and orange pattern.' } : undefined));
    model.script(answer(call.reply('pretty!')));
    await post(kizuna, group, 'amy', 'look', { name: 'Amy', images: [{ url: `${images.origin}/cat.png` }] });
    await post(kizuna, group, 'amy', '@Miko what is this?', { name: 'Amy', mentionsBot: true });
    await waitForDelivered(kizuna, group);
    const first = groupTurns(model, '@Miko what is this?')[0]!;
    expect(imageUrlsOf(first)).toEqual([`${images.origin}/cat.png`]);
    expect(userPromptOf(first)).toContain('Amy: look [Image #1]');

    await waitFor(() => model.requests.some(isCaptionRequest));
    const captionRequest = model.requests.find(isCaptionRequest)!;
    expect(imageUrlsOf(captionRequest)).toEqual([`${images.origin}/cat.png`]);

    model.script(answer(call.reply('same one as before')));
    await post(kizuna, group, 'ben', 'again!', { name: 'Ben', images: [{ url: `${images.origin}/cat-again.png` }] });
    await post(kizuna, group, 'ben', '@Miko and this?', { name: 'Ben', mentionsBot: true });
    await waitForDelivered(kizuna, group, 2);
    const second = groupTurns(model, '@Miko and this?')[0]!;
    expect(imageUrlsOf(second)).toEqual([]);
    expect(userPromptOf(second)).toContain('Ben: again! [Image: A swirly blue and orange pattern.]');
    const view = await waitForView(kizuna, group, (candidate) => candidate.context?.group?.knownImages.length === 1);
    expect(view.context?.group?.knownImages[0]).toMatch(/^[0-9a-f]{16}$/);
  });

  it('identifies an image that cannot be fetched by its URL, and still shows it once', async () => {
    const group = 'http:group:missing';
    model.script(answer(call.reply('I cannot quite see it')));
    await post(kizuna, group, 'cy', '@Miko see?', { mentionsBot: true, images: [{ url: `${images.origin}/gone.png` }] });
    await waitForDelivered(kizuna, group);
    expect(imageUrlsOf(groupTurns(model, '@Miko see?')[0]!)).toEqual([`${images.origin}/gone.png`]);
    const view = await waitForView(kizuna, group, (candidate) => candidate.context?.group?.knownImages.length === 1);
    expect(view.context?.group?.knownImages[0]).toMatch(/^url-/);
  });

  it('captions an uploaded image (/v1/images/<id>) from its bytes, as the turn that showed it did', async () => {
    const group = 'http:group:uploaded';
    const upload = await kizuna.runtime.uploads.put(await testPicture({ variant: 3 }), 'image/png');
    const earlier = model.requests.length;
    model.route((request) => (isCaptionRequest(request) ? { text: 'A chequered test card.' } : undefined));
    model.script(answer(call.reply('nice upload')));
    await post(kizuna, group, 'dee', '@Miko my picture', { name: 'Dee', mentionsBot: true, images: [{ url: upload.url }] });
    await waitForDelivered(kizuna, group);
    expect(imageUrlsOf(groupTurns(model, '@Miko my picture')[0]!)).toEqual([expect.stringMatching(/^data:image\/png;base64,/)]);

    const captionRequest = await waitFor(() => model.requests.slice(earlier).find(isCaptionRequest));
    expect(imageUrlsOf(captionRequest)).toEqual([expect.stringMatching(/^data:image\/png;base64,/)]);
    const calls = await waitFor(async () => {
      const records = await kizuna.runtime.llmCalls.read(group);
      return records.find((record) => record.purpose === 'caption' && record.outcome !== 'retrying');
    });
    expect(calls).toMatchObject({ outcome: 'text', text: 'A chequered test card.' });
  });
});

/**
 * What the user receives, end to end through the real runtime, Redis and openai SDK against the fake
 * OpenAI server: a reply decided through the tools, several replies paced like typing, the metadata-leak
 * guard, and voice clips with the text as the fallback.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatLocalDateTime } from '../../machines/local-time.js';
import { voiceKey } from '../../src/adapters/http-delivery.js';
import { sessionKeys } from '../../src/redis/keys.js';
import { fakeSpeechAudio } from '../helpers/fake-openai-behaviours.js';
import {
  answer,
  call,
  isSpeechRequest,
  outboxOf,
  persona,
  say,
  type ScriptedModel,
  speechModel,
  startScenarioRuntime,
  startScriptedModel,
  systemPromptOf,
  userPromptOf,
  waitForDelivered,
  waitForRequests,
  waitForState,
} from '../helpers/session-scenarios.js';
import type { TestRuntime } from '../helpers/test-runtime.js';
import { waitFor } from '../helpers/wait-for.js';

const voiceSessions = ['http:private:voice', 'http:private:voice-fails'];

describe('delivery of what the model decided', () => {
  let model: ScriptedModel;
  let kizuna: TestRuntime;

  beforeAll(async () => {
    model = await startScriptedModel();
    kizuna = await startScenarioRuntime(model, {
      reply: { typingCharsPerSecond: 20, typingDelayMinSeconds: 0.5, typingDelayMaxSeconds: 1.5 },
      sessions: Object.fromEntries(voiceSessions.map((id) => [id, { tts: { enabled: true, alwaysSendText: false } }])),
    });
  });
  afterEach(() => model.reset());
  afterAll(async () => {
    await kizuna.stop();
    await model.close();
  });

  /** The stored delivery outcome of message `seq` (whether a voice clip went out). */
  async function outcomeOf(sessionId: string, seq: number): Promise<{ status: string; voice?: boolean }> {
    const raw = await kizuna.runtime.redis.hget(sessionKeys(kizuna.config.redis.prefix, sessionId).delivery, String(seq));
    return JSON.parse(raw ?? 'null') as { status: string; voice?: boolean };
  }

  it('delivers a reply decided through the tools; the model was shown the persona, the text and the time', async () => {
    const sessionId = 'http:private:first';
    model.script(answer(call.reply('Morning! Did you sleep well?')));
    const before = Date.now();
    await say(kizuna, sessionId, 'Good morning, Miko!');

    const [request] = await waitForRequests(model, 'Good morning, Miko!');
    const after = Date.now();
    const delivered = await waitForDelivered(kizuna, sessionId);
    expect(delivered.map(({ text, kind }) => ({ text, kind }))).toEqual([{ text: 'Morning! Did you sleep well?', kind: 'reply' }]);
    expect(request!.body['model']).toBe('fake-chat');
    const system = systemPromptOf(request!);
    expect(system).toContain(persona);
    const shownTime = /It is now (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) \(UTC\)/.exec(system)?.[1];
    expect([formatLocalDateTime(before, 'UTC'), formatLocalDateTime(after, 'UTC')]).toContain(shownTime);
    expect(userPromptOf(request!)).toContain('[new message]\nGood morning, Miko!');
    await waitForState(kizuna, sessionId, 'idle');
  });

  it('delivers several replies of one answer in order, each later one after its typing pause', async () => {
    const sessionId = 'http:private:typing';
    const texts = ['Hi!', 'How was your day?', 'Tell me everything, I have all evening.', 'Really.'];
    model.script(answer(...texts.map((text) => call.reply(text))));
    await say(kizuna, sessionId, 'I am home.');

    const delivered = await waitForDelivered(kizuna, sessionId, texts.length);
    const bySeq = [...delivered].sort((a, b) => a.seq - b.seq);
    expect(bySeq.map((message) => message.text)).toEqual(texts);
    expect(new Set(bySeq.map((message) => message.kind))).toEqual(new Set(['reply']));
    const { typingCharsPerSecond, typingDelayMinSeconds, typingDelayMaxSeconds } = kizuna.config.reply;
    const typing = (text: string) =>
      Math.round(Math.min(typingDelayMaxSeconds, Math.max(typingDelayMinSeconds, text.length / typingCharsPerSecond)) * 1000);
    // 17 chars → 850 ms; 39 chars → clamped to the 1.5 s maximum; 7 chars → raised to the 0.5 s minimum.
    for (let index = 1; index < bySeq.length; index++) {
      expect(bySeq[index]!.deliverAt - bySeq[index - 1]!.deliverAt).toBe(typing(texts[index]!));
    }
    const deliveredAt = bySeq.map((message) => message.deliveredAt!);
    expect(deliveredAt).toEqual([...deliveredAt].sort((a, b) => a - b));
  });

  it('cuts metadata the model typed into the content: the user reads only the message', async () => {
    const sessionId = 'http:private:leak';
    model.script(answer(call.reply('好的呀 想法：她好可爱 心情：开心')));
    await say(kizuna, sessionId, '我们明天去看猫吧！');

    const delivered = await waitForDelivered(kizuna, sessionId);
    await waitForState(kizuna, sessionId, 'idle');
    expect((await outboxOf(kizuna, sessionId)).map((message) => message.text)).toEqual(['好的呀']);
    expect(delivered[0]!.text).toBe('好的呀');
  });

  it('sends a voice clip instead of the text when speech is on', async () => {
    const sessionId = 'http:private:voice';
    model.script(answer(call.reply('La la la, a song for you.')));
    await say(kizuna, sessionId, 'Sing me something!');

    await waitForDelivered(kizuna, sessionId);
    const speech = model.requests.filter(isSpeechRequest);
    expect(speech.map((request) => request.body)).toEqual([
      { model: speechModel, voice: 'alloy', input: 'La la la, a song for you.', response_format: 'mp3' },
    ]);
    const stored = await kizuna.runtime.redis.getBuffer(voiceKey(kizuna.config.redis.prefix, sessionId, 1));
    expect(stored?.toString('utf8')).toBe(`audio/mpeg\n${fakeSpeechAudio('La la la, a song for you.').toString('utf8')}`);
    expect(await outcomeOf(sessionId, 1)).toMatchObject({ status: 'delivered', voice: true });
  });

  it('still delivers the text when speech fails', async () => {
    const sessionId = 'http:private:voice-fails';
    model.route((request) => (isSpeechRequest(request) ? { status: 500 } : undefined));
    model.script(answer(call.reply('Can you hear me?')));
    await say(kizuna, sessionId, 'Say it out loud.');

    const delivered = await waitForDelivered(kizuna, sessionId);
    expect(delivered.map((message) => message.text)).toEqual(['Can you hear me?']);
    expect(model.requests.filter((request) => isSpeechRequest(request) && request.body['input'] === 'Can you hear me?')).toHaveLength(1);
    expect(await outcomeOf(sessionId, 1)).toMatchObject({ status: 'delivered', voice: false });
    expect(await kizuna.runtime.redis.exists(voiceKey(kizuna.config.redis.prefix, sessionId, 1))).toBe(0);
    await waitFor(async () => (await outboxOf(kizuna, sessionId)).every((message) => message.status === 'delivered'));
  });
});

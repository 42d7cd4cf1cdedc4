// Seed 004 (debounce): one test per line of the feature checklist in shared/research/seeds.md §7 that the
// session machine and driver own. The classifier itself is tested in debounce-*.test.ts.
import { describe, expect, it } from 'vitest';
import type { Snapshot } from 'xstate';
import { defaultSessionSettings } from '../../machines/session-settings.js';
import type { CompletenessScorer } from '../../src/completeness/completeness-scorer.js';
import { applyBatch } from '../../src/runtime/apply-batch.js';
import { llmRequestOf } from '../../src/runtime/effects.js';
import { createLiveSession } from '../../src/runtime/session-actor.js';
import { MachineHarness, reply, settingsWith } from '../helpers/machine-harness.js';

const quiet = { proactive: { enabled: false }, thinking: { enabled: false } };

describe('[004] debounce', () => {
  it('only chats in the configured scope are debounced; commands never are', () => {
    const privateOnly = new MachineHarness({ ...quiet, debounce: { scope: 'group' } });
    privateOnly.say('so', 1000, 0.01);
    expect(privateOnly.state).toBe('awaiting-llm');
    const both = new MachineHarness(quiet);
    both.say('so', 1000, 0.01);
    expect(both.state).toBe('buffering');
    both.say('/reminders', 1500, 0.01);
    expect(both.context.fragments.map((fragment) => fragment.text)).toEqual(['so']);
    expect(both.outbound.at(-1)).toMatchObject({ kind: 'notice', text: 'No reminders.' });
  });

  it('a fragment is complete iff its score reaches the threshold', () => {
    expect(new MachineHarness({ ...quiet, debounce: { threshold: 0.8 } }).say('x', 1000, 0.8).state).toBe('awaiting-llm');
    expect(new MachineHarness({ ...quiet, debounce: { threshold: 0.8 } }).say('x', 1000, 0.79).state).toBe('buffering');
  });

  it('a complete first message goes to the model at once and unchanged', () => {
    const session = new MachineHarness(quiet).say('今天好累啊。', 1000, 0.97);
    expect(session.state).toBe('awaiting-llm');
    expect(llmRequestOf('http:private:alice', session.context)).toMatchObject({ text: '今天好累啊。', requestedAt: 1000 });
  });

  it('an incomplete message is held, and the timeout restarts from each held message', () => {
    const session = new MachineHarness({ ...quiet, debounce: { timeoutSeconds: 10 } }).say('如果明天', 1000, 0.1);
    expect(session.context.turn).toBeNull();
    expect(session.context.timers.debounce?.dueAt).toBe(11_000);
    session.say('不下雨的话', 4000, 0.2);
    expect(session.context.timers.debounce?.dueAt).toBe(14_000);
  });

  it('the merged buffer is re-scored on every fragment; complete (or the hold limit) → one call with the merged text', async () => {
    const seen: string[] = [];
    const scorer: CompletenessScorer = { name: 'recording', score: async (text) => (seen.push(text), text.endsWith('吧') ? 0.95 : 0.1) };
    const live = createLiveSession('http:private:alice', undefined, 0);
    const message = (text: string, at: number) => JSON.stringify({ type: 'message.received', at, sender: { id: 'alice' }, text, images: [], mentionsBot: false });
    const options = {
      scorer,
      settings: settingsWith(quiet),
      rebuild: (persisted: Snapshot<unknown>) => createLiveSession('http:private:alice', persisted, 0),
    };
    // Each fragment arrives on its own (a drain each): each re-scores the merged buffer.
    expect((await applyBatch(live, [{ seq: 1, json: message('如果明天不下雨', 1000) }], options)).state).toBe('buffering');
    const batch = await applyBatch(live, [{ seq: 2, json: message('我们就去爬山吧', 2000) }], options);
    expect(seen).toEqual(['如果明天不下雨', '如果明天不下雨我们就去爬山吧']);
    expect(batch.state).toBe('awaiting-llm');
    expect(batch.effects.filter((effect) => effect.type === 'llm.start')).toEqual([
      expect.objectContaining({ request: expect.objectContaining({ text: '如果明天不下雨我们就去爬山吧' }) }),
    ]);

    const limited = new MachineHarness({ ...quiet, debounce: { maxFragments: 3 } });
    limited.say('a', 1000, 0.01).say('b', 1100, 0.01).say('c', 1200, 0.01);
    expect(limited.state).toBe('awaiting-llm');
  });

  it('on timeout the held text goes as one message with the images of every fragment, not debounced again; timeout 0 never sends', () => {
    const session = new MachineHarness(quiet);
    session.say('look', 1000, 0.1, ['https://img/1.png']).say('at this', 2000, 0.1, ['https://img/2.png']).fire('debounce');
    expect(session.state).toBe('awaiting-llm');
    expect(llmRequestOf('http:private:alice', session.context)).toMatchObject({
      text: 'look at this',
      images: [{ url: 'https://img/1.png' }, { url: 'https://img/2.png' }],
    });
    const never = new MachineHarness({ ...quiet, debounce: { timeoutSeconds: 0 } }).say('so', 1000, 0.1);
    expect(never.state).toBe('buffering');
    expect(never.context.timers.debounce).toBeUndefined();
  });

  it('messages that arrive while a reply is prepared end up in one call with all their text', () => {
    const session = new MachineHarness(quiet);
    session.say('hello!', 1000, 0.95).say('are you', 1200, 0.2).say('there?', 1300, 0.9);
    expect(session.state).toBe('awaiting-llm');
    expect(llmRequestOf('http:private:alice', session.context).text).toBe('hello! are you there?');
    expect(session.context.requestSeq).toBe(2);
  });

  it('cancel on new message: the pending reply is never delivered and the next call has the old text then the new', () => {
    const session = new MachineHarness(quiet).say('hello!', 1000, 0.95);
    const first = session.context.turn!.requestId;
    session.say('how are you?', 1500, 0.95);
    session.actor.send({ type: 'llm.replied', at: 1600, requestId: first, calls: [reply('hi!', 60)] });
    expect(session.outbound).toEqual([]);
    expect(llmRequestOf('http:private:alice', session.context).text).toBe('hello! how are you?');

    const kept = new MachineHarness({ ...quiet, debounce: { cancelOnNewMessage: false } }).say('hello!', 1000, 0.95);
    kept.say('how are you?', 1500, 0.95).answer(1600, [reply('hi!', 60)]);
    expect(kept.outbound.map((message) => message.text)).toEqual(['hi!']);
    expect(kept.context.fragments.map((fragment) => fragment.text)).toEqual(['how are you?']);
    expect(kept.state).toBe('awaiting-llm');
  });

  it('the buffer is cleared by the reply that answered it, and nothing lingers afterwards', () => {
    const session = new MachineHarness(quiet).say('so', 1000, 0.1).say('what now?', 1500, 0.95).answer(2000, [reply('we rest', 0)]);
    expect(session.context.fragments).toEqual([]);
    expect(session.history.filter((record) => record.role === 'user').map((record) => record.text)).toEqual(['so', 'what now?']);
  });

  it('if the classifier breaks, fragments pass through undebounced (fail open)', async () => {
    const broken: CompletenessScorer = { name: 'broken', score: () => Promise.reject(new Error('model missing')) };
    const batch = await applyBatch(
      createLiveSession('http:private:alice', undefined, 0),
      [{ seq: 1, json: JSON.stringify({ type: 'message.received', at: 1000, sender: { id: 'a' }, text: 'so', images: [], mentionsBot: false }) }],
      { scorer: broken, settings: defaultSessionSettings, rebuild: (persisted: Snapshot<unknown>) => createLiveSession('http:private:alice', persisted, 0) },
    );
    expect(batch.state).toBe('awaiting-llm');
  });

  it('an image message and a text message sent back to back become one request', () => {
    const session = new MachineHarness(quiet).say('', 1000, 0, ['https://img/cat.png']).say('look at my cat!', 1400, 0.97);
    expect(session.state).toBe('awaiting-llm');
    expect(llmRequestOf('http:private:alice', session.context)).toMatchObject({ text: 'look at my cat!', images: [{ url: 'https://img/cat.png' }] });
  });
});

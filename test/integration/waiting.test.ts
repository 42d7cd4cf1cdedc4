/**
 * Waiting for the user's reaction, end to end through the real runtime, Redis and openai SDK against the
 * fake OpenAI server: the wait the model asks for, the follow-up when it runs out (and silence at the
 * timeout cap), inner thoughts while waiting (from the thinking model, or canned when it fails), and
 * do_nothing that keeps waiting. Durations are seconds, set through the configuration.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cannedThought } from '../../src/llm/canned-lines.js';
import {
  answer,
  call,
  isTextRequest,
  mentalLogOf,
  outboxOf,
  persona,
  requestsMentioning,
  say,
  type ScriptedModel,
  startScenarioRuntime,
  startScriptedModel,
  thinkingModel,
  userPromptOf,
  viewOf,
  waitForDelivered,
  waitForRequests,
  waitForState,
  waitForView,
} from '../helpers/session-scenarios.js';
import type { TestRuntime } from '../helpers/test-runtime.js';
import { waitFor } from '../helpers/wait-for.js';

const thinker = 'http:private:thinker';
const worrier = 'http:private:worrier';

describe('waiting for a reaction', () => {
  let model: ScriptedModel;
  let kizuna: TestRuntime;

  beforeAll(async () => {
    model = await startScriptedModel();
    kizuna = await startScenarioRuntime(model, {
      wait: { minSeconds: 0.5, maxSeconds: 30, maxConsecutiveTimeouts: 2 },
      sessions: {
        [thinker]: { thinking: { enabled: true, progressThresholds: [0.3, 0.6], minIntervalSeconds: 0.1 } },
        [worrier]: { thinking: { enabled: true, progressThresholds: [0.3], minIntervalSeconds: 0 } },
      },
    });
  });
  afterEach(() => model.reset());
  afterAll(async () => {
    await kizuna.stop();
    await model.close();
  });

  it('follows up when the wait runs out, and stops without asking again at the timeout cap', async () => {
    const sessionId = 'http:private:waiter';
    const question = 'Did you finish the zebra report?';
    model.script(
      answer(call.reply(question, { expected_reaction: 'tells me the report is done', max_wait_seconds: 1 })),
      answer(call.reply('Still busy with the zebras?', { max_wait_seconds: 1 })),
    );
    await say(kizuna, sessionId, 'Back to work on the zebra report.');

    const waiting = await waitForState(kizuna, sessionId, 'waiting');
    expect(waiting.context?.wait).toMatchObject({ seconds: 1, expectedReaction: 'tells me the report is done', lastBotText: question });
    expect(waiting.timers.map((timer) => timer.name)).toContain('wait');

    const [, followup] = await waitForRequests(model, 'zebra report', 2);
    const prompt = userPromptOf(followup!);
    expect(prompt).toContain(`You sent: "${question}"`);
    expect(prompt).toContain('You expected: tells me the report is done.');
    expect(prompt).toContain('This is timeout 1 in a row.');
    const elapsed = Number(/and waited (\d+) s\./.exec(prompt)?.[1]);
    expect(elapsed).toBeGreaterThanOrEqual(1);

    const done = await waitForView(kizuna, sessionId, (view) => view.state === 'idle' && view.context?.consecutiveTimeouts === 2);
    expect(done.context?.turn).toBeNull();
    expect(requestsMentioning(model, 'zebra report')).toHaveLength(2);
    const delivered = await waitForDelivered(kizuna, sessionId, 2);
    expect(delivered.map(({ text, kind }) => ({ text, kind }))).toEqual([
      { text: question, kind: 'reply' },
      { text: 'Still busy with the zebras?', kind: 'followup' },
    ]);
    expect((await mentalLogOf(kizuna, sessionId)).filter((line) => line.kind === 'timeout')).toHaveLength(2);
  });

  it('has inner thoughts while waiting, logs them, and shows them in the follow-up', async () => {
    const lastBotText = 'Guess what I found in the garden?';
    const thoughts = ['I hope they guess the hedgehog.', 'Maybe they are still at work.'];
    let thought = 0;
    model.route((request) => (isTextRequest(request) ? { text: thoughts[thought++] ?? 'Enough thinking.' } : undefined));
    model.script(
      answer(call.reply(lastBotText, { expected_reaction: 'makes a wild guess', max_wait_seconds: 2 })),
      answer(call.doNothing({ max_wait_seconds: 0 })),
    );
    await say(kizuna, thinker, 'I am bored, entertain me.');

    const [, followup] = await waitForRequests(model, 'I am bored, entertain me.', 2);
    const thinking = requestsMentioning(model, lastBotText, isTextRequest);
    expect(thinking).toHaveLength(2);
    expect(thinking.map((request) => request.body['model'])).toEqual([thinkingModel, thinkingModel]);
    expect(userPromptOf(thinking[0]!)).toContain(persona);
    expect(userPromptOf(thinking[0]!)).toContain('makes a wild guess');

    const logged = (await mentalLogOf(kizuna, thinker)).filter((line) => line.kind === 'waiting_thought');
    expect(logged.map((line) => line.text)).toEqual(thoughts);
    expect(userPromptOf(followup!)).toContain(`Thoughts you had while waiting:\n- ${thoughts[0]}\n- ${thoughts[1]}`);
    await waitForState(kizuna, thinker, 'idle');
  });

  it('logs a canned thought when the thinking model fails', async () => {
    model.route((request) => (isTextRequest(request) ? { status: 500 } : undefined));
    model.script(answer(call.reply('Are you coming to dinner?', { max_wait_seconds: 5 })));
    await say(kizuna, worrier, 'I will tell you later.');

    const logged = await waitFor(async () => {
      const lines = (await mentalLogOf(kizuna, worrier)).filter((line) => line.kind === 'waiting_thought');
      return lines.length > 0 ? lines : undefined;
    });
    expect(logged.map((line) => line.text)).toEqual([cannedThought(0.3)]);
    expect(requestsMentioning(model, 'Are you coming to dinner?', isTextRequest)).toHaveLength(kizuna.config.llm.maxAttempts);
    expect((await viewOf(kizuna, worrier)).state).toBe('waiting');

    // The user answers: the wait ends quietly.
    model.script(answer(call.reply('Great!')));
    await say(kizuna, worrier, 'Yes, coming!');
    await waitForDelivered(kizuna, worrier, 2);
  });

  it('keeps waiting, silently, when the model does nothing but asks to wait', async () => {
    const sessionId = 'http:private:quiet';
    model.script(answer(call.doNothing({ max_wait_seconds: 20, expected_reaction: 'sends another sticker' })));
    await say(kizuna, sessionId, '👍');

    const view = await waitForState(kizuna, sessionId, 'waiting');
    expect(view.context?.wait).toMatchObject({ seconds: 20, expectedReaction: 'sends another sticker' });
    expect(view.timers.map((timer) => timer.name)).toContain('wait');
    expect(await outboxOf(kizuna, sessionId)).toEqual([]);
  });
});

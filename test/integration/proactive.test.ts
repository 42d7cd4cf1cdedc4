/**
 * Proactive messages, end to end through the real runtime, Redis and openai SDK against the fake OpenAI
 * server: after an exchange the bot reaches out by itself (a 1 s random delay), with the configured prompt
 * rendered; the unanswered counter counts delivered proactive messages and a user message resets it; the
 * cap stops them; a user message during generation discards the proactive message; quiet hours defer it.
 * Each test has its own runtime, because proactive sessions keep reaching out until their cap.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatLocalDateTime } from '../../machines/local-time.js';
import type { RecordedRequest } from '../helpers/fake-openai-behaviours.js';
import {
  answer,
  call,
  outboxOf,
  persona,
  requestsMentioning,
  say,
  type ScriptedModel,
  startScenarioRuntime,
  startScriptedModel,
  systemPromptOf,
  userPromptOf,
  waitForDelivered,
  waitForRequests,
  waitForView,
} from '../helpers/session-scenarios.js';
import type { TestRuntime } from '../helpers/test-runtime.js';
import { waitFor } from '../helpers/wait-for.js';

const proactivePrompt = 'PROACTIVE unanswered={{unanswered_count}} time={{current_time}}';
const isProactive = (request: RecordedRequest) => userPromptOf(request).includes('PROACTIVE unanswered=');
const clock = (at: number) => formatLocalDateTime(at, 'UTC').slice(11);

describe('proactive messages', () => {
  let model: ScriptedModel;
  let kizuna: TestRuntime | undefined;

  beforeAll(async () => {
    model = await startScriptedModel();
  });
  afterEach(async () => {
    await kizuna?.stop();
    kizuna = undefined;
    model.reset();
  });
  afterAll(() => model.close());

  async function start(proactive: Record<string, unknown> = {}): Promise<TestRuntime> {
    kizuna = await startScenarioRuntime(
      model,
      {
        proactive: {
          enabled: true,
          policy: 'random-delay',
          minDelaySeconds: 1,
          maxDelaySeconds: 1,
          quietHours: '00:00-00:00',
          timezone: 'UTC',
          expectReplySeconds: 30,
          prompt: proactivePrompt,
          ...proactive,
        },
      },
      { timeoutSeconds: 5 },
    );
    return kizuna;
  }

  /** A first exchange: the user says `text`, the bot answers `reply` and ends its turn. */
  async function exchange(runtime: TestRuntime, sessionId: string, text: string, reply: string): Promise<void> {
    model.script(answer(call.reply(reply)));
    await say(runtime, sessionId, text);
    await waitForDelivered(runtime, sessionId);
  }

  it('reaches out after the exchange with the prompt rendered; the counter rises on delivery and a user message resets it', async () => {
    const runtime = await start();
    const sessionId = 'http:private:gym';
    await exchange(runtime, sessionId, 'I am going to the gym.', 'Have fun at the gym!');
    // Hold deliveries, to see the counter before and after the proactive message goes out.
    await runtime.runtime.queues.outbox.pause();
    model.route((request) => (isProactive(request) ? answer(call.reply('Back from the gym yet?')) : undefined));

    const before = Date.now();
    const [request] = await waitForRequests(model, 'I am going to the gym.', 1, isProactive);
    const after = Date.now();
    const prompt = userPromptOf(request!);
    const rendered = /PROACTIVE unanswered=(\d+) time=(.+)$/.exec(prompt);
    expect(rendered?.[1]).toBe('0');
    expect([formatLocalDateTime(before, 'UTC'), formatLocalDateTime(after, 'UTC')]).toContain(rendered?.[2]);
    expect(prompt).toContain('They said: I am going to the gym.');
    expect(prompt).toContain('You said: Have fun at the gym!');
    expect(systemPromptOf(request!)).toContain(persona);

    const queued = await waitForView(runtime, sessionId, (view) => view.state === 'waiting');
    expect(queued.context?.unanswered).toBe(0);
    expect((await outboxOf(runtime, sessionId)).map(({ text, kind, status }) => ({ text, kind, status }))).toEqual([
      { text: 'Have fun at the gym!', kind: 'reply', status: 'delivered' },
      { text: 'Back from the gym yet?', kind: 'proactive', status: 'queued' },
    ]);

    await runtime.runtime.queues.outbox.resume();
    const delivered = await waitForView(runtime, sessionId, (view) => view.context?.unanswered === 1);
    expect(delivered.state).toBe('waiting');
    expect((await waitForDelivered(runtime, sessionId, 2)).map((message) => message.kind)).toEqual(['reply', 'proactive']);

    model.script(answer(call.reply('Yay, welcome back!', { max_wait_seconds: 30 })));
    await say(runtime, sessionId, 'Yes, just got back!');
    await waitForDelivered(runtime, sessionId, 3);
    const answered = await waitForView(runtime, sessionId, (view) => view.state === 'waiting');
    expect(answered.context?.unanswered).toBe(0);
  });

  it('counts a proactive message typed as two segments as one unanswered message', async () => {
    const runtime = await start();
    const sessionId = 'http:private:twice';
    model.route((request) => (isProactive(request) ? answer(call.reply('Hey you!'), call.reply('I miss our chats.')) : undefined));
    await exchange(runtime, sessionId, 'Talk later, busy day.', 'Good luck today!');

    const delivered = await waitForDelivered(runtime, sessionId, 3);
    expect(delivered.map(({ text, kind }) => ({ text, kind }))).toEqual([
      { text: 'Good luck today!', kind: 'reply' },
      { text: 'Hey you!', kind: 'proactive' },
      { text: 'I miss our chats.', kind: 'proactive' },
    ]);
    const view = await waitForView(runtime, sessionId, (candidate) => candidate.context?.lastBotAt === delivered[2]!.deliveredAt);
    expect(view.context?.unanswered).toBe(1);
  });

  it('sends no further proactive message once maxUnanswered is reached', async () => {
    const runtime = await start({ maxUnanswered: 1, expectReplySeconds: 1 });
    const sessionId = 'http:private:sleepy';
    model.route((request) => (isProactive(request) ? answer(call.reply('Are you awake?')) : undefined));
    await exchange(runtime, sessionId, 'So tired today.', 'Rest a bit!');

    const capped = await waitForView(runtime, sessionId, (view) => view.state === 'idle' && view.context?.unanswered === 1 && view.context.consecutiveTimeouts === 1);
    expect(capped.timers.map((timer) => timer.name)).not.toContain('proactive');
    expect(requestsMentioning(model, 'So tired today.', isProactive)).toHaveLength(1);
    expect((await outboxOf(runtime, sessionId)).filter((message) => message.kind === 'proactive').map((message) => message.text)).toEqual(['Are you awake?']);
  });

  it('discards a proactive message being generated when the user writes', async () => {
    const runtime = await start();
    const sessionId = 'http:private:lunch';
    model.route((request) => (isProactive(request) ? { delayMs: 2000, toolCalls: [call.reply('Thinking of you!')] } : undefined));
    await exchange(runtime, sessionId, 'Lunch was great.', 'Glad to hear!');

    const [proactive] = await waitForRequests(model, 'Lunch was great.', 1, isProactive);
    model.script(answer(call.reply('No worries!', { max_wait_seconds: 30 })));
    await say(runtime, sessionId, 'Sorry, I was busy!');

    await waitFor(() => proactive!.clientClosed, { message: 'the proactive request was aborted' });
    const delivered = await waitForDelivered(runtime, sessionId, 2);
    expect(delivered.map(({ text, kind }) => ({ text, kind }))).toEqual([
      { text: 'Glad to hear!', kind: 'reply' },
      { text: 'No worries!', kind: 'reply' },
    ]);
    const view = await waitForView(runtime, sessionId, (candidate) => candidate.state === 'waiting');
    expect(view.context?.unanswered).toBe(0);
    const history = (await runtime.runtime.reader.readConversation(sessionId)).history as Array<{ text: string }>;
    expect(history.map((entry) => entry.text)).not.toContain('Thinking of you!');
  });

  it('defers a proactive message that falls in quiet hours to the end of the window', async () => {
    const now = Date.now();
    const windowEnd = Math.floor((now + 3_600_000) / 60_000) * 60_000;
    const runtime = await start({ quietHours: `${clock(now - 3_600_000)}-${clock(windowEnd)}` });
    const sessionId = 'http:private:night';
    model.route((request) => (isProactive(request) ? answer(call.reply('Psst, awake?')) : undefined));
    await exchange(runtime, sessionId, 'Good evening.', 'Evening!');

    const fired = await waitFor(async () => {
      const log = await runtime.runtime.reader.readLog(sessionId);
      return log.entries.find((entry) => entry.event?.type === 'timer.fired' && entry.event.name === 'proactive');
    }, { message: 'the proactive timer fired' });
    expect(fired.state).toBe('idle');
    const view = await waitForView(runtime, sessionId, (candidate) => candidate.timers.some((timer) => timer.name === 'proactive'));
    const deferred = view.timers.find((timer) => timer.name === 'proactive')!;
    expect(deferred.dueAt).toBeGreaterThanOrEqual(windowEnd);
    expect(requestsMentioning(model, 'Good evening.', isProactive)).toEqual([]);
    expect((await outboxOf(runtime, sessionId)).map((message) => message.kind)).toEqual(['reply']);
  });
});

/**
 * Reminders and booked wake-ups, end to end through the real runtime, Redis and openai SDK against the fake
 * OpenAI server: the model books them through its tools, the user lists and cancels reminders with chat
 * commands, a due reminder is worded by the model (or sent plainly when it fails), and a booked wake-up
 * comes back as a turn of the bot's own, with its reason.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatLocalDateTime } from '../../machines/local-time.js';
import type { RecordedRequest } from '../helpers/fake-openai-behaviours.js';
import {
  answer,
  call,
  isTextRequest,
  outboxOf,
  persona,
  requestsMentioning,
  say,
  type ScriptedModel,
  startScenarioRuntime,
  startScriptedModel,
  userPromptOf,
  viewOf,
  waitForDelivered,
  waitForRequests,
  waitForState,
  waitForView,
} from '../helpers/session-scenarios.js';
import type { TestRuntime } from '../helpers/test-runtime.js';
import { waitFor } from '../helpers/wait-for.js';

/** Sessions where random proactive messages are on (an hour away, so they never fire during a test). */
const proactiveOn = ['http:private:movie', 'http:private:exam'];

const isReminderWording = (request: RecordedRequest) => isTextRequest(request) && userPromptOf(request).includes('They asked you to remind them');

describe('reminders and wake-ups', () => {
  let model: ScriptedModel;
  let kizuna: TestRuntime;

  beforeAll(async () => {
    model = await startScriptedModel();
    kizuna = await startScenarioRuntime(model, {
      wakeup: { enabled: true, minSeconds: 1, maxSeconds: 3600 },
      sessions: Object.fromEntries(proactiveOn.map((id) => [id, { proactive: { enabled: true, minDelaySeconds: 3600, maxDelaySeconds: 3600 } }])),
    });
  });
  afterEach(() => model.reset());
  afterAll(async () => {
    await kizuna.stop();
    await model.close();
  });

  /** The texts of delivered messages of `kind`. */
  async function deliveredOfKind(sessionId: string, kind: string): Promise<string[]> {
    return (await outboxOf(kizuna, sessionId)).filter((message) => message.kind === kind && message.status === 'delivered').map((message) => message.text);
  }

  async function waitForNotice(sessionId: string, count: number): Promise<string[]> {
    return waitFor(async () => {
      const notices = await deliveredOfKind(sessionId, 'notice');
      return notices.length >= count ? notices : undefined;
    }, { message: `${count} notice(s)` });
  }

  it('lists a booked reminder on /reminders and cancels it on /reminders cancel 1, without asking the model', async () => {
    const sessionId = 'http:private:plants';
    model.script(answer(call.setReminder('in 10 minutes', 'Water the plants.'), call.reply('Sure, I will remind you.')));
    await say(kizuna, sessionId, 'Remind me to water the plants in 10 minutes.');
    await waitForDelivered(kizuna, sessionId);
    const booked = await waitForState(kizuna, sessionId, 'idle');
    const reminder = booked.context!.reminders[0]!;
    expect(booked.context?.reminders).toEqual([{ id: 1, dueAt: reminder.dueAt, text: 'Water the plants.' }]);
    expect(booked.timers).toContainEqual({ name: 'reminder:1', dueAt: reminder.dueAt });

    await say(kizuna, sessionId, '/reminders');
    const [listing] = await waitForNotice(sessionId, 1);
    expect(listing).toBe(`Reminders:\n#1 ${formatLocalDateTime(reminder.dueAt, 'UTC')} Water the plants.\nCancel one with /reminders cancel <id>.`);

    await say(kizuna, sessionId, '/reminders cancel 1');
    const notices = await waitForNotice(sessionId, 2);
    expect(notices[1]).toBe('Reminder #1 cancelled.');
    const view = await viewOf(kizuna, sessionId);
    expect(view.context?.reminders).toEqual([]);
    expect(view.timers.map((timer) => timer.name)).not.toContain('reminder:1');

    await say(kizuna, sessionId, '/reminders');
    expect((await waitForNotice(sessionId, 3))[2]).toBe('No reminders.');
    expect(requestsMentioning(model, 'water the plants')).toHaveLength(1);
  });

  it('sends a due reminder worded by the model', async () => {
    const sessionId = 'http:private:stretch';
    model.route((request) => (isReminderWording(request) ? { text: 'Stretch time, sleepy human!' } : undefined));
    model.script(() => answer(call.setReminder(new Date(Date.now() + 2000).toISOString(), 'Stand up and stretch.'), call.reply('Okay!')));
    await say(kizuna, sessionId, 'Remind me to stretch in two seconds.');

    const texts = await waitFor(async () => {
      const reminders = await deliveredOfKind(sessionId, 'reminder');
      return reminders.length > 0 ? reminders : undefined;
    });
    expect(texts).toEqual(['Stretch time, sleepy human!']);
    const [wording] = requestsMentioning(model, 'Stand up and stretch.', isReminderWording);
    expect(userPromptOf(wording!)).toContain(persona);
    expect(userPromptOf(wording!)).toContain('They asked you to remind them: "Stand up and stretch."');
    expect((await viewOf(kizuna, sessionId)).context?.reminders).toEqual([]);
  });

  it('sends a due reminder plainly when the model cannot word it', async () => {
    const sessionId = 'http:private:tea';
    model.route((request) => (isReminderWording(request) ? { status: 500 } : undefined));
    model.script(() => answer(call.setReminder(new Date(Date.now() + 1500).toISOString(), 'Take the tea out.'), call.reply('Will do.')));
    await say(kizuna, sessionId, 'Remind me about the tea.');

    const texts = await waitFor(async () => {
      const reminders = await deliveredOfKind(sessionId, 'reminder');
      return reminders.length > 0 ? reminders : undefined;
    });
    expect(texts).toEqual(['⏰ Take the tea out.']);
    expect(requestsMentioning(model, 'Take the tea out.', isReminderWording)).toHaveLength(kizuna.config.llm.maxAttempts);
  });

  it('comes back at a booked wake-up with a turn of its own that carries the reason', async () => {
    const sessionId = 'http:private:movie';
    const because = 'because: ask how the movie was';
    model.route((request) => (userPromptOf(request).includes(because) ? answer(call.reply('So, how was the movie?')) : undefined));
    model.script(answer(call.scheduleWakeup(0.03, 'ask how the movie was'), call.reply('Enjoy the film!')));
    await say(kizuna, sessionId, 'Going to the cinema now.');

    const booked = await waitForView(kizuna, sessionId, (view) => view.context?.wakeup !== null && view.state === 'idle');
    expect(booked.context?.wakeup?.reason).toBe('ask how the movie was');
    const [wakeup] = await waitForRequests(model, because);
    expect(userPromptOf(wakeup!)).toContain('[a wake-up you booked yourself]');
    const delivered = await waitForDelivered(kizuna, sessionId, 2);
    expect(delivered.map(({ text, kind }) => ({ text, kind }))).toEqual([
      { text: 'Enjoy the film!', kind: 'reply' },
      { text: 'So, how was the movie?', kind: 'proactive' },
    ]);
    expect((await viewOf(kizuna, sessionId)).context?.wakeup).toBeNull();
  });

  it('comes back at a booked wake-up even when random proactive messages are off', async () => {
    const sessionId = 'http:private:concert';
    const because = 'because: ask how the concert was';
    model.route((request) => (userPromptOf(request).includes(because) ? answer(call.reply('How was the concert?')) : undefined));
    model.script(answer(call.scheduleWakeup(0.03, 'ask how the concert was'), call.reply('Have fun!')));
    await say(kizuna, sessionId, 'Off to the concert!');

    // The wake-up fires: the event that applied it must have started the bot's own turn.
    const fired = await waitFor(async () => {
      const log = await kizuna.runtime.reader.readLog(sessionId);
      return log.entries.find((entry) => entry.event?.type === 'timer.fired' && entry.event.name === 'wakeup');
    }, { message: 'the wake-up timer fired' });
    expect(fired.state).toBe('proactive');
    await waitForRequests(model, because);
    const delivered = await waitFor(async () => {
      const texts = await deliveredOfKind(sessionId, 'proactive');
      return texts.length > 0 ? texts : undefined;
    }, { message: 'the wake-up message was delivered' });
    expect(delivered).toEqual(['How was the concert?']);
  });

  it('cancels a booked wake-up when the model schedules one of 0 minutes', async () => {
    const sessionId = 'http:private:exam';
    model.script(
      answer(call.scheduleWakeup(0.04, 'ask about the exam'), call.reply('Good luck!')),
      answer(call.scheduleWakeup(0, 'never mind'), call.reply('A free day then!')),
    );
    await say(kizuna, sessionId, 'Exam tomorrow, wish me luck.');
    const booked = await waitForView(kizuna, sessionId, (view) => view.context?.wakeup !== null && view.state === 'idle');
    const dueAt = booked.context!.wakeup!.dueAt;
    expect(booked.timers).toContainEqual({ name: 'wakeup', dueAt });

    await say(kizuna, sessionId, 'Oh, the exam was cancelled.');
    const cancelled = await waitForView(kizuna, sessionId, (view) => view.state === 'idle' && view.context?.wakeup === null);
    expect(cancelled.timers.map((timer) => timer.name)).not.toContain('wakeup');

    // Past the time it was booked for, nothing came back.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt + 500 - Date.now())));
    expect(requestsMentioning(model, 'because: ask about the exam')).toEqual([]);
    expect(await deliveredOfKind(sessionId, 'proactive')).toEqual([]);
  });
});

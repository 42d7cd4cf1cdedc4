// Seed 002 (KokoroFlow Chatter): one test per line of the feature checklist in shared/research/seeds.md §7
// that the session machine owns. Tool parsing, the leak guard and the perceive→decide loop are tested at the
// LLM boundary (tool-call-parser, decide); prompts in prompt-builder.test.ts.
import { describe, expect, it } from 'vitest';
import { cannedThought } from '../../src/llm/canned-lines.js';
import { llmRequestOf, pendingRequestsOf } from '../../src/runtime/effects.js';
import { doNothing, MachineHarness, reply } from '../helpers/machine-harness.js';

const quiet = { proactive: { enabled: false } };

/** A session whose model answered "hi!" and now waits `seconds` for a reaction. */
function waitingFor(seconds: number, overrides: ConstructorParameters<typeof MachineHarness>[0] = {}) {
  const session = new MachineHarness({ ...quiet, thinking: { enabled: false }, ...overrides });
  session.say('hello!', 1000).answer(2000, [reply('hi! what are you up to?', seconds, { expectedReaction: 'they tell me', thought: 'curious' })]);
  return session;
}

describe('[002] KokoroFlow Chatter', () => {
  it('the reply tool takes content plus thought, expected reaction, wait and mood; do_nothing the same without content', () => {
    const session = waitingFor(120, {});
    expect(session.context.wait).toMatchObject({ seconds: 120, expectedReaction: 'they tell me', lastBotText: 'hi! what are you up to?' });
    expect(session.mental.at(-1)).toMatchObject({ kind: 'plan', text: expect.stringContaining('curious') });
    const quietOne = new MachineHarness(quiet);
    quietOne.say('ok', 1000).answer(2000, [{ tool: 'do_nothing', thought: 'nothing to add', mood: 'calm', maxWaitSeconds: 0 }]);
    expect(quietOne.state).toBe('idle');
    expect(quietOne.outbound).toEqual([]);
  });

  it('several reply calls in one turn go out in order, each later one after clamp(len/15, 0.8, 4.0) s', () => {
    const session = new MachineHarness(quiet);
    session.say('tell me', 1000).answer(2000, [reply('ok!'), reply('x'.repeat(30)), reply('y'.repeat(150))]);
    const [first, second, third] = session.outbound;
    expect(session.outbound.map((message) => message.seq)).toEqual([1, 2, 3]);
    expect(first!.deliverAt).toBe(2000);
    expect(second!.deliverAt - first!.deliverAt).toBe(2000);
    expect(third!.deliverAt - second!.deliverAt).toBe(4000);
    const short = new MachineHarness(quiet).say('a', 1000).answer(2000, [reply('a'), reply('b')]);
    expect(short.outbound[1]!.deliverAt - short.outbound[0]!.deliverAt).toBe(800);
  });

  it('a wait W > 0 is clamped to [10, 600] s; W <= 0 ends the turn without waiting', () => {
    expect(waitingFor(3).context.wait?.seconds).toBe(10);
    expect(waitingFor(5000).context.wait?.seconds).toBe(600);
    expect(waitingFor(45).context.timers.wait?.dueAt).toBe(2000 + 45_000);
    const closed = waitingFor(0);
    expect(closed.state).toBe('idle');
    expect(closed.context.timers.wait).toBeUndefined();
    expect(waitingFor(-1).state).toBe('idle');
  });

  it('a user message during the wait cancels the timeout, records in time or late, resets the counter, starts a turn', () => {
    const inTime = waitingFor(60);
    inTime.say('studying', 30_000);
    expect(inTime.state).not.toBe('waiting');
    expect(inTime.context.timers.wait).toBeUndefined();
    expect(inTime.mental.at(-1)).toMatchObject({ kind: 'reply_in_time' });

    const late = waitingFor(60);
    late.fire('wait');
    expect(late.context.consecutiveTimeouts).toBe(1);
    late.say('sorry, was out', 200_000);
    expect(late.mental.at(-1)).toMatchObject({ kind: 'reply_late' });
    expect(late.context.consecutiveTimeouts).toBe(0);
    expect(['buffering', 'awaiting-llm']).toContain(late.state);
  });

  it('silence fires the timeout once, counts it, and asks the model with elapsed time, expectation, last message and thoughts', () => {
    const session = waitingFor(60);
    session.fire('wait');
    expect(session.state).toBe('timed-out');
    expect(session.context.consecutiveTimeouts).toBe(1);
    expect(session.mental.at(-1)).toMatchObject({ kind: 'timeout' });
    const request = llmRequestOf('http:private:alice', session.context);
    expect(request).toMatchObject({
      purpose: 'followup',
      consecutiveTimeouts: 1,
      wait: { startedAt: 2000, seconds: 60, expectedReaction: 'they tell me', lastBotText: 'hi! what are you up to?' },
    });
    expect(request.requestedAt).toBe(62_000);
    const before = session.context.timers;
    session.actor.send({ type: 'timer.fired', at: 62_500, name: 'wait', gen: 2, dueAt: 62_000 });
    expect(session.context.timers).toEqual(before);
    expect(session.context.consecutiveTimeouts).toBe(1);
  });

  it('after the third consecutive timeout the session stops without another model call and grants no new wait', () => {
    const session = waitingFor(60);
    for (const at of [100_000, 200_000]) {
      session.fire('wait');
      session.answer(at, [reply('still there?', 60)]);
    }
    const requests = session.context.requestSeq;
    session.fire('wait');
    expect(session.state).toBe('idle');
    expect(session.context.requestSeq).toBe(requests);
    expect(session.context.timers.wait).toBeUndefined();
  });

  it('do_nothing with a wait keeps (or starts) a wait; with 0 it ends the turn silently', () => {
    const waiting = new MachineHarness(quiet).say('brb', 1000).answer(2000, [doNothing(120)]);
    expect(waiting.state).toBe('waiting');
    expect(waiting.context.wait?.seconds).toBe(120);
    expect(waiting.outbound).toEqual([]);
    const again = waitingFor(60);
    again.fire('wait').answer(70_000, [doNothing(90)]);
    expect(again.state).toBe('waiting');
    expect(again.context.wait?.seconds).toBe(90);
    const done = new MachineHarness(quiet).say('ok', 1000).answer(2000, [doNothing(0)]);
    expect(done.state).toBe('idle');
  });

  it('inner thoughts at 0.3/0.6/0.85 of the wait, in order, 30 s apart, logged, in the next timeout request, reset per wait', () => {
    const session = waitingFor(200, { thinking: { enabled: true, progressThresholds: [0.3, 0.6, 0.85], minIntervalSeconds: 30 } });
    expect(session.context.timers.thinking?.dueAt).toBe(2000 + 60_000);
    session.fire('thinking');
    const [side] = session.context.side;
    expect(side).toMatchObject({ purpose: 'thinking', progress: 0.3 });
    expect(pendingRequestsOf('http:private:alice', session.context).at(-1)).toMatchObject({ purpose: 'thinking', progress: 0.3 });
    session.answerSide(62_500, 'I hope they answer soon');
    expect(session.mental.at(-1)).toMatchObject({ kind: 'waiting_thought', text: 'I hope they answer soon' });
    expect(session.context.timers.thinking?.dueAt).toBe(2000 + 120_000);
    session.fire('thinking').answerSide(122_000, 'maybe busy');
    expect(session.context.timers.thinking?.dueAt).toBe(2000 + 170_000);
    session.fire('thinking').answerSide(172_000, cannedThought(0.85), true);
    expect(session.context.wait?.thoughts).toBe(3);
    expect(session.context.timers.thinking).toBeUndefined();
    session.fire('wait');
    session.answer(210_000, [reply('you there?', 200)]);
    expect(session.context.wait?.thoughts).toBe(0);
    expect(session.context.timers.thinking).toBeDefined();

    const spaced = waitingFor(60, { thinking: { enabled: true, progressThresholds: [0.3, 0.4], minIntervalSeconds: 30 } });
    spaced.fire('thinking').answerSide(spaced.context.timers.wait!.dueAt - 20_000, 'hm');
    expect(spaced.context.timers.thinking).toBeUndefined();
  });

  it('an answer with no usable tool call sends nothing', () => {
    const session = new MachineHarness(quiet).say('hello!', 1000).answer(2000, []);
    expect(session.state).toBe('idle');
    expect(session.outbound).toEqual([]);
    expect(session.history).toEqual([{ type: 'history.recorded', role: 'user', text: 'hello!', at: 1000 }]);
  });

  it('the mental log records plans, waiting thoughts, timeouts and in-time/late replies', () => {
    const session = waitingFor(60, { thinking: { enabled: true, progressThresholds: [0.5], minIntervalSeconds: 1 } });
    session.fire('thinking').answerSide(33_000, 'waiting...');
    session.fire('wait');
    session.answer(70_000, [reply('hello?', 60)]);
    session.say('here!', 80_000);
    expect(session.mental.map((record) => record.kind)).toEqual(['plan', 'waiting_thought', 'timeout', 'plan', 'reply_in_time']);
  });

  it('silence-probability: after the silence threshold, one chance per check; failed draws check again later', () => {
    const policy = { enabled: true, policy: 'silence-probability' as const, silenceSeconds: 7200, probability: 0.3, checkIntervalSeconds: 60, minIntervalSeconds: 1800, quietHours: '00:00-00:00', timezone: 'UTC' };
    let started = 0;
    let deferredOneMinute = 0;
    for (let index = 0; index < 100; index++) {
      const session = new MachineHarness({ proactive: policy, thinking: { enabled: false } }, `http:private:s${index}`);
      session.say('hi', 1000).answer(2000, [reply('hey', 0)]);
      expect(session.context.timers.proactive?.dueAt).toBe(2000 + 7_200_000);
      const due = session.context.timers.proactive!.dueAt;
      session.fire('proactive');
      if (session.state === 'proactive') started += 1;
      else if (session.context.timers.proactive?.dueAt === due + 60_000) deferredOneMinute += 1;
    }
    expect(started + deferredOneMinute).toBe(100);
    expect(started).toBeGreaterThan(15);
    expect(started).toBeLessThan(45);
  });

  it('a proactive trigger is not user activity: the timeout counter and the user clock stay', () => {
    const session = new MachineHarness({ proactive: { enabled: true, minDelaySeconds: 10, maxDelaySeconds: 10, quietHours: '0-0', timezone: 'UTC' }, thinking: { enabled: false } });
    session.say('hello!', 1000).answer(2000, [reply('hi!', 60)]).fire('wait').answer(70_000, [reply('still there?', 60)]).fire('wait').answer(140_000, [doNothing(0)]);
    const { consecutiveTimeouts, lastUserAt } = session.context;
    session.fire('proactive');
    expect(session.context.consecutiveTimeouts).toBe(consecutiveTimeouts);
    expect(session.context.lastUserAt).toBe(lastUserAt);
  });

  it('proactive messages can be suppressed while the bot spoke last or after a goodbye', () => {
    const base = { enabled: true, minDelaySeconds: 10, maxDelaySeconds: 10, quietHours: '0-0', timezone: 'UTC' };
    const afterGoodbye = new MachineHarness({ proactive: { ...base, skipAfterGoodbye: true } });
    afterGoodbye.say('good night!', 1000).answer(2000, [reply('good night~', 0)]).deliverAll();
    expect(afterGoodbye.context.timers.proactive).toBeUndefined();
    afterGoodbye.say('morning!', 50_000_000);
    expect(afterGoodbye.context.closedByBot).toBe(false);

    const botLast = new MachineHarness({ proactive: { ...base, skipWhenBotSpokeLast: true } });
    botLast.say('hi', 1000).answer(2000, [reply('hey, how are you?', 30)]).deliverAll().fire('wait');
    botLast.answer(40_000, [doNothing(0)]);
    expect(botLast.context.timers.proactive).toBeUndefined();
  });

  it('waiting state, counters and thoughts live in the persisted snapshot, with the timeout at its absolute time', () => {
    const session = waitingFor(120, { thinking: { enabled: true, progressThresholds: [0.5], minIntervalSeconds: 1 } });
    session.fire('thinking').answerSide(62_500, 'hm');
    const persisted = JSON.parse(JSON.stringify(session.actor.getPersistedSnapshot())) as { context: typeof session.context };
    expect(persisted.context.wait).toMatchObject({ startedAt: 2000, seconds: 120, thoughts: 1 });
    expect(persisted.context.timers.wait).toEqual({ gen: expect.any(Number), dueAt: 122_000, firesAt: 122_000 });
  });

  it('a real user message aborts generation; timers and inner thoughts never do', () => {
    const session = waitingFor(200, { thinking: { enabled: true, progressThresholds: [0.3], minIntervalSeconds: 1 } });
    session.say('one more thing', 10_000, 0.95);
    const requestId = session.context.turn!.requestId;
    session.actor.send({ type: 'timer.fired', at: 11_000, name: 'thinking', gen: 999, dueAt: 11_000 });
    session.actor.send({ type: 'llm.text', at: 11_000, requestId: 's99', text: 'stray thought', fallback: false });
    expect(session.context.turn?.requestId).toBe(requestId);
    session.say('and another', 12_000, 0.95);
    expect(session.context.turn?.requestId).not.toBe(requestId);
  });

  it('the model can book a wake-up that replaces older ones, ignores quiet hours, overrides the proactive timer, and 0 cancels', () => {
    const settings = { proactive: { enabled: true, minDelaySeconds: 10, maxDelaySeconds: 10, quietHours: '00:00-23:59', timezone: 'UTC' }, wakeup: { enabled: true, minSeconds: 1800, maxSeconds: 86_400 }, thinking: { enabled: false } };
    const session = new MachineHarness(settings);
    session.say('watching a movie, brb', 1000).answer(2000, [doNothing(0), { tool: 'schedule_wakeup', delayMinutes: 10, reason: 'ask about the movie' }]);
    expect(session.context.wakeup).toEqual({ dueAt: 2000 + 30 * 60_000, reason: 'ask about the movie' });
    expect(session.context.timers.proactive).toBeUndefined();
    session.say('actually it is long', 3000).answer(4000, [doNothing(0), { tool: 'schedule_wakeup', delayMinutes: 120, reason: 'ask how it ended' }]);
    expect(session.context.timers.wakeup?.dueAt).toBe(4000 + 120 * 60_000);
    session.fire('wakeup');
    expect(session.state).toBe('proactive');
    expect(llmRequestOf('http:private:alice', session.context)).toMatchObject({ purpose: 'wakeup', wakeupReason: 'ask how it ended' });

    const cancelled = new MachineHarness(settings);
    cancelled.say('brb', 1000).answer(2000, [doNothing(0), { tool: 'schedule_wakeup', delayMinutes: 60, reason: 'x' }]);
    cancelled.say('never mind', 3000).answer(4000, [doNothing(0), { tool: 'schedule_wakeup', delayMinutes: 0, reason: '' }]);
    expect(cancelled.context.wakeup).toBeNull();
    expect(cancelled.context.timers.wakeup).toBeUndefined();
  });

  it('messages within the settle window are answered as one batch (at most maxHold after the first)', () => {
    const session = new MachineHarness({ ...quiet, debounce: { settleSeconds: 1.5, maxHoldSeconds: 5 } });
    session.say('hi!', 1000, 0.99);
    expect(session.state).toBe('buffering');
    expect(session.context.timers.settle?.dueAt).toBe(2500);
    session.say('how are you?', 2000, 0.99);
    expect(session.context.timers.settle?.dueAt).toBe(3500);
    session.say('long time no see!', 5500, 0.99);
    expect(session.context.timers.settle?.dueAt).toBe(6000);
    session.fire('settle');
    expect(session.state).toBe('awaiting-llm');
    expect(session.context.turn?.fragmentCount).toBe(3);
  });

  it('the model keeps memos with a TTL of 1 h to 14 d, at most 10, oldest evicted, shown in later requests until they expire', () => {
    const session = new MachineHarness(quiet);
    session.say('I have an exam on Friday', 1000).answer(2000, [doNothing(0), { tool: 'write_memo', text: 'exam on Friday', ttlHours: 0.1 }]);
    expect(session.context.memos).toEqual([{ id: 1, text: 'exam on Friday', expiresAt: 2000 + 3_600_000 }]);
    session.say('also I like cats', 3000);
    expect(llmRequestOf('http:private:alice', session.context).memos).toEqual([{ id: 1, text: 'exam on Friday' }]);
    session.answer(4000, [doNothing(0), ...Array.from({ length: 11 }, (_, index) => ({ tool: 'write_memo' as const, text: `note ${index}`, ttlHours: 1000 }))]);
    expect(session.context.memos).toHaveLength(10);
    expect(session.context.memos[0]!.text).toBe('note 1');
    expect(session.context.memos.at(-1)!.expiresAt).toBe(4000 + 336 * 3_600_000);
    session.say('bye', 5000).answer(6000, [doNothing(0), { tool: 'forget_memo', id: 5 }]);
    expect(session.context.memos.map((memo) => memo.id)).not.toContain(5);
    session.say('a year later', 4000 + 400 * 3_600_000);
    expect(llmRequestOf('http:private:alice', session.context).memos).toEqual([]);
  });
});

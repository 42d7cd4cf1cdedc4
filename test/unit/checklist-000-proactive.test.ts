// Seed 000 (proactive chat): one test per private-chat line of the feature checklist in
// shared/research/seeds.md §7. Group lines belong to the group-chat issue.
import { describe, expect, it } from 'vitest';
import { planDelivery } from '../../machines/delivery-plan.js';
import { isQuietAt, parseQuietHours, quietWindowEnd } from '../../machines/quiet-hours.js';
import { parseConfig } from '../../src/config/load-config.js';
import { sessionSettingsFor } from '../../src/config/session-settings.js';
import { MachineHarness, reply } from '../helpers/machine-harness.js';

const minute = 60_000;
const proactive = { enabled: true, minDelaySeconds: 1800, maxDelaySeconds: 36_000, quietHours: '00:00-00:00', timezone: 'UTC' };

/** A session that had one exchange (closed by the bot) and is now idle with its proactive timer armed. */
function afterExchange(overrides: ConstructorParameters<typeof MachineHarness>[0] = {}, at = 1_000_000, sessionId = 'http:private:alice') {
  const session = new MachineHarness({ proactive, ...overrides }, sessionId);
  session.say('hello!', at).answer(at + 1000, [reply('hi! talk later', 0)]).deliverAll();
  return session;
}

/** Runs the proactive turn after the timer fires and delivers the message. */
function sendProactive(session: MachineHarness, text = 'miss you'): void {
  session.fire('proactive');
  expect(session.state).toBe('proactive');
  session.answer(session.context.turn!.startedAt + 500, [reply(text)]).deliverAll();
}

describe('[000] proactive chat', () => {
  it('a non-empty message leads to exactly one proactive timer, uniform in [min, max] after the exchange', () => {
    const dues = new Set<number>();
    for (let index = 0; index < 40; index++) {
      const session = new MachineHarness({ proactive }, `http:private:user${index}`);
      session.say('hello!', 1_000_000).answer(1_001_000, [reply('hi!', 0)]);
      expect(session.state).toBe('idle');
      const timers = Object.keys(session.context.timers);
      expect(timers).toEqual(['proactive']);
      const delay = session.context.timers.proactive!.dueAt - 1_001_000;
      expect(delay).toBeGreaterThanOrEqual(1800 * 1000);
      expect(delay).toBeLessThanOrEqual(36_000 * 1000);
      expect(delay % 1000).toBe(0);
      dues.add(delay);
    }
    expect(dues.size).toBeGreaterThan(30);
  });

  it('each later user message cancels the pending proactive timer; a fresh one follows the next exchange', () => {
    const session = afterExchange();
    const first = session.context.timers.proactive!;
    session.say('back!', 2_000_000);
    expect(session.context.timers.proactive).toBeUndefined();
    session.answer(2_001_000, [reply('welcome back', 0)]);
    const second = session.context.timers.proactive!;
    expect(second.gen).toBeGreaterThan(first.gen);
    expect(Object.keys(session.context.timers).filter((name) => name === 'proactive')).toHaveLength(1);
  });

  it('empty or whitespace events neither reset the unanswered counter nor touch the schedule', () => {
    const session = afterExchange();
    sendProactive(session);
    session.fire('wait');
    expect(session.state).toBe('idle');
    const before = structuredClone(session.context);
    session.say('   ', 9_000_000, 0).say('', 9_000_001, 0);
    expect(session.context).toEqual(before);
    expect(session.context.unanswered).toBe(1);
  });

  it('a timer firing inside quiet hours sends nothing and defers to the end of the window (the chain never dies)', () => {
    const session = afterExchange({ proactive: { ...proactive, quietHours: '00:00-23:59' } });
    const due = session.context.timers.proactive!.dueAt;
    session.fire('proactive');
    expect(session.state).toBe('idle');
    expect(session.context.turn).toBeNull();
    const next = session.context.timers.proactive!;
    const windowEnd = quietWindowEnd(due, '00:00-23:59', 'UTC');
    expect(next.dueAt).toBeGreaterThanOrEqual(windowEnd);
    expect(next.dueAt).toBeLessThanOrEqual(windowEnd + 600_000);
  });

  it('quiet hours: S<E, wrap-around S>E, S=E never, malformed never; whole hours and HH:MM, in the time zone', () => {
    const at = (hour: number, minutes = 0) => Date.UTC(2026, 10, 21, hour, minutes);
    expect(isQuietAt(at(3), '1-7', 'UTC')).toBe(true);
    expect(isQuietAt(at(7), '1-7', 'UTC')).toBe(false);
    expect(isQuietAt(at(0, 59), '1-7', 'UTC')).toBe(false);
    expect(isQuietAt(at(23, 30), '23:00-07:00', 'UTC')).toBe(true);
    expect(isQuietAt(at(6, 59), '23:00-07:00', 'UTC')).toBe(true);
    expect(isQuietAt(at(12), '23:00-07:00', 'UTC')).toBe(false);
    expect(isQuietAt(at(12), '5-5', 'UTC')).toBe(false);
    expect(parseQuietHours('5-5')).toBeNull();
    expect(isQuietAt(at(3), 'nonsense', 'UTC')).toBe(false);
    expect(parseQuietHours('25:00-07:00')).toBeNull();
    // 03:00 UTC is 11:00 in Shanghai: not quiet there.
    expect(isQuietAt(at(3), '1-7', 'Asia/Shanghai')).toBe(false);
    expect(isQuietAt(at(20), '1-7', 'Asia/Shanghai')).toBe(true);
  });

  it('the unanswered counter grows by one per delivered proactive message and resets when the user speaks', () => {
    const session = afterExchange({ proactive: { ...proactive, maxUnanswered: 0 } });
    sendProactive(session);
    expect(session.context.unanswered).toBe(1);
    session.fire('wait');
    sendProactive(session, 'still here?');
    expect(session.context.unanswered).toBe(2);
    session.say('sorry, busy', 99_000_000);
    expect(session.context.unanswered).toBe(0);
  });

  it('at the cap a firing sends nothing and nothing more is scheduled until the user speaks; 0 means no cap', () => {
    const capped = afterExchange({ proactive: { ...proactive, maxUnanswered: 1 } });
    sendProactive(capped);
    capped.fire('wait');
    expect(capped.state).toBe('idle');
    expect(capped.context.timers.proactive).toBeUndefined();
    capped.say('hey', 99_000_000).answer(99_001_000, [reply('hi', 0)]);
    expect(capped.context.timers.proactive).toBeDefined();

    const uncapped = afterExchange({ proactive: { ...proactive, maxUnanswered: 0 } });
    for (let round = 0; round < 5; round++) {
      sendProactive(uncapped);
      uncapped.fire('wait');
    }
    expect(uncapped.context.unanswered).toBe(5);
    expect(uncapped.context.timers.proactive).toBeDefined();
  });

  it('the proactive request carries the count before this send (0 on the first)', () => {
    const session = afterExchange({ proactive: { ...proactive, maxUnanswered: 0 } });
    session.fire('proactive');
    expect(session.context.unanswered).toBe(0);
    session.answer(session.context.turn!.startedAt, [reply('hey')]).deliverAll().fire('wait');
    session.fire('proactive');
    expect(session.context.unanswered).toBe(1);
    expect(session.context.turn?.purpose).toBe('proactive');
  });

  it('after a proactive send the history holds the bot message only — the motivation is never a user turn', () => {
    const session = afterExchange();
    const before = session.history.length;
    sendProactive(session, 'how was your day?');
    const added = session.history.slice(before);
    expect(added).toEqual([{ type: 'history.recorded', role: 'bot', text: 'how was your day?', at: expect.any(Number) }]);
  });

  it('after a proactive send (and no reaction) a new proactive timer is armed with a new random delay', () => {
    const session = afterExchange({ proactive: { ...proactive, maxUnanswered: 0 } });
    const first = session.context.timers.proactive!;
    sendProactive(session);
    session.fire('wait');
    const second = session.context.timers.proactive!;
    expect(second.gen).not.toBe(first.gen);
    expect(second.dueAt).toBeGreaterThan(first.dueAt);
  });

  it('a failed or empty generation sends nothing, leaves the counter, and re-arms the timer', () => {
    const failed = afterExchange();
    failed.fire('proactive').failTurn(failed.context.turn!.startedAt + 100);
    expect(failed.state).toBe('idle');
    expect(failed.outbound).toHaveLength(1);
    expect(failed.context.unanswered).toBe(0);
    expect(failed.context.timers.proactive).toBeDefined();

    const empty = afterExchange();
    empty.fire('proactive').answer(empty.context.turn!.startedAt + 100, [{ tool: 'do_nothing' }]);
    expect(empty.state).toBe('idle');
    expect(empty.outbound).toHaveLength(1);
    expect(empty.context.timers.proactive).toBeDefined();
  });

  it('a user message during proactive generation discards it: not sent, not archived, counter unchanged', () => {
    const session = afterExchange();
    session.fire('proactive');
    const requestId = session.context.turn!.requestId;
    session.say('hey there', session.context.turn!.startedAt + 10);
    session.actor.send({ type: 'llm.replied', at: session.context.lastUserAt! + 10, requestId, calls: [reply('miss you')] });
    expect(session.outbound.map((message) => message.text)).toEqual(['hi! talk later']);
    expect(session.context.unanswered).toBe(0);
  });

  it('a delivery failure neither counts nor enters the history', () => {
    const session = afterExchange();
    session.fire('proactive');
    session.answer(session.context.turn!.startedAt, [reply('miss you')]);
    const message = session.outbound.at(-1)!;
    const historyBefore = session.history.length;
    session.actor.send({ type: 'outbound.failed', at: message.deliverAt, seq: message.seq, kind: 'proactive', error: { code: 'send_failed', message: 'ret=-2' } });
    expect(session.context.unanswered).toBe(0);
    expect(session.history.length).toBe(historyBefore);
    expect(session.context.lastError?.code).toBe('send_failed');
  });

  it('catch-up: a proactive timer firing within the grace sends; one firing later (downtime) is re-rolled, not sent', () => {
    const onTime = afterExchange();
    const due = onTime.context.timers.proactive!.dueAt;
    onTime.fire('proactive', due + 599_000);
    expect(onTime.state).toBe('proactive');

    const late = afterExchange();
    const lateDue = late.context.timers.proactive!.dueAt;
    late.fire('proactive', lateDue + 601_000);
    expect(late.state).toBe('idle');
    expect(late.context.timers.proactive!.dueAt).toBeGreaterThan(lateDue + 601_000);
  });

  it('segmented replies: a short reply split by punctuation, with random or logarithmic pauses', () => {
    const reply000 = {
      ...new MachineHarness().context.settings.reply,
      split: { enabled: true, maxLength: 80, pattern: '.*?[。？！?!~…\\n]+|.+$' },
    };
    const random = planDelivery(['你好呀！今天怎么样？我刚吃完饭~'], 0, { ...reply000, delayMode: 'random' }, 42);
    expect(random.messages.map((message) => message.text)).toEqual(['你好呀！', '今天怎么样？', '我刚吃完饭~']);
    const gaps = random.messages.slice(1).map((message, index) => message.deliverAt - random.messages[index]!.deliverAt);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(1500);
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(3500);

    const log = planDelivery(['one two three! four five six seven eight nine?'], 0, { ...reply000, delayMode: 'log' }, 7);
    const gap = log.messages[1]!.deliverAt - log.messages[0]!.deliverAt;
    const base = (Math.log(6 + 1) / Math.log(1.8)) * 1000;
    expect(gap).toBeGreaterThanOrEqual(Math.floor(base));
    expect(gap).toBeLessThanOrEqual(Math.ceil(base + 500));

    const long = planDelivery(['x'.repeat(81) + '。y。'], 0, reply000, 1);
    expect(long.messages).toHaveLength(1);
  });

  it('sessions are isolated and per-session overrides win over global settings', () => {
    const config = parseConfig({
      proactive: { maxUnanswered: 4, quietHours: '1-7' },
      sessions: { 'http:private:vip': { proactive: { maxUnanswered: 1, quietHours: '0-6' }, reply: { split: { enabled: true } } } },
    });
    expect(sessionSettingsFor(config, 'http:private:vip').proactive).toMatchObject({ maxUnanswered: 1, quietHours: '0-6' });
    expect(sessionSettingsFor(config, 'http:private:vip').reply.split.enabled).toBe(true);
    expect(sessionSettingsFor(config, 'http:private:other').proactive).toMatchObject({ maxUnanswered: 4, quietHours: '1-7' });
    const vip = afterExchange({}, 1_000_000);
    const other = new MachineHarness({ proactive }, 'http:private:other');
    sendProactive(vip);
    expect(vip.context.unanswered).toBe(1);
    expect(other.context.unanswered).toBe(0);
  });

  it('auto trigger: at start a configured idle session with nothing armed gets a proactive check; a message cancels it', () => {
    const session = new MachineHarness({ proactive: { ...proactive, autoTriggerSeconds: 300 } });
    session.actor.send({ type: 'session.opened', at: 5_000_000 });
    expect(session.context.timers.proactive?.dueAt).toBe(5_000_000 + 5 * minute);
    session.say('hi', 5_100_000);
    expect(session.context.timers.proactive).toBeUndefined();

    const off = new MachineHarness({ proactive });
    off.actor.send({ type: 'session.opened', at: 5_000_000 });
    expect(off.context.timers.proactive).toBeUndefined();
  });

  it('decay: the n-th consecutive unanswered attempt goes out only with probability p_n', () => {
    const never = afterExchange({ proactive: { ...proactive, maxUnanswered: 0, decayProbabilities: [1, 0] } });
    sendProactive(never);
    never.fire('wait');
    never.fire('proactive');
    expect(never.state).toBe('idle');
    expect(never.context.timers.proactive).toBeDefined();

    let sent = 0;
    for (let index = 0; index < 200; index++) {
      const session = afterExchange({ proactive: { ...proactive, decayProbabilities: [0.5] } }, 1_000_000, `http:private:u${index}`);
      session.fire('proactive');
      if (session.state === 'proactive') sent += 1;
    }
    expect(sent).toBeGreaterThan(60);
    expect(sent).toBeLessThan(140);
  });
});

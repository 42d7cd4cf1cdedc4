// Edge cases of the session machine found in review: counting, late deliveries, failed turns, wake-ups
// around busy conversations, settings changes while idle, and buffer folding under a request in flight.
import { describe, expect, it } from 'vitest';
import { llmRequestOf } from '../../src/runtime/effects.js';
import { doNothing, MachineHarness, reply } from '../helpers/machine-harness.js';

const proactive = { enabled: true, minDelaySeconds: 100, maxDelaySeconds: 100, quietHours: '0-0', timezone: 'UTC', maxUnanswered: 0 };

describe('session edge cases', () => {
  it('a proactive message in several segments counts as one unanswered message', () => {
    const session = new MachineHarness({ proactive, thinking: { enabled: false } });
    session.say('hi', 1000).answer(2000, [reply('bye', 0)]).deliverAll().fire('proactive');
    session.answer(session.context.turn!.startedAt, [reply('hey!'), reply('long time no see'), reply('how are you?')]).deliverAll();
    expect(session.context.unanswered).toBe(1);
  });

  it('a proactive message the user answered while its segments were still going out is not unanswered', () => {
    const session = new MachineHarness({ proactive, thinking: { enabled: false } });
    session.say('hi', 1000).answer(2000, [reply('bye', 0)]).deliverAll().fire('proactive');
    const started = session.context.turn!.startedAt;
    session.answer(started, [reply('hey!'), reply('x'.repeat(60))]);
    const [first, second] = session.outbound.slice(-2);
    session.actor.send({ type: 'outbound.delivered', at: first!.deliverAt, seq: first!.seq, kind: 'proactive', text: first!.text });
    session.say('oh hi!', first!.deliverAt + 100);
    session.actor.send({ type: 'outbound.delivered', at: second!.deliverAt, seq: second!.seq, kind: 'proactive', text: second!.text });
    expect(session.context.unanswered).toBe(0);
    expect(session.context.lastBotAt).toBe(second!.deliverAt);
  });

  it('notices (command answers) leave the conversation clock, the speaker and the history alone', () => {
    const session = new MachineHarness({ thinking: { enabled: false } });
    session.say('/reminders', 1000);
    const notice = session.outbound.at(-1)!;
    session.actor.send({ type: 'outbound.delivered', at: 1100, seq: notice.seq, kind: 'notice', text: notice.text });
    expect(session.context.lastSpeaker).toBeNull();
    expect(session.context.lastBotAt).toBeNull();
    expect(session.history).toEqual([]);
  });

  it('text of a failed turn is merged into the next message, or moved to the history after 3× the debounce timeout', () => {
    const soon = new MachineHarness({ proactive: { enabled: false }, thinking: { enabled: false } });
    soon.say('are you there?', 1000).failTurn(2000);
    expect(soon.context.timers.purge?.dueAt).toBe(2000 + 30_000);
    soon.say('hello?', 10_000);
    expect(soon.context.timers.purge).toBeUndefined();
    expect(llmRequestOf('http:private:alice', soon.context).text).toBe('are you there? hello?');

    const late = new MachineHarness({ proactive: { enabled: false }, thinking: { enabled: false } });
    late.say('are you there?', 1000).failTurn(2000).fire('purge');
    expect(late.context.fragments).toEqual([]);
    expect(late.history).toEqual([{ type: 'history.recorded', role: 'user', text: 'are you there?', at: 1000 }]);
    late.say('good morning!', 90_000_000);
    expect(llmRequestOf('http:private:alice', late.context).text).toBe('good morning!');
  });

  it('a booked wake-up that fires while the conversation is busy comes back later; proactive switches do not cancel it', () => {
    const settings = { proactive: { enabled: false }, wakeup: { enabled: true, minSeconds: 60, maxSeconds: 86_400, busyRetrySeconds: 300 }, thinking: { enabled: false } };
    const session = new MachineHarness(settings);
    session.say('watching a film', 1000).answer(2000, [doNothing(0), { tool: 'schedule_wakeup', delayMinutes: 5, reason: 'ask about the film' }]);
    const due = session.context.timers.wakeup!.dueAt;
    session.say('so', due - 10, 0.1);
    session.fire('wakeup');
    expect(session.state).toBe('buffering');
    expect(session.context.wakeup).not.toBeNull();
    expect(session.context.timers.wakeup!.dueAt).toBe(due + 300_000);
    session.fire('debounce').answer(due + 20_000, [reply('ok', 0)]);
    session.fire('wakeup');
    expect(session.state).toBe('proactive');
    expect(session.context.turn?.reason).toBe('ask about the film');

    const afterGoodbye = new MachineHarness({ ...settings, proactive: { enabled: true, skipAfterGoodbye: true, quietHours: '0-0', timezone: 'UTC' } });
    afterGoodbye.say('good night', 1000).answer(2000, [reply('good night~', 0), { tool: 'schedule_wakeup', delayMinutes: 480, reason: 'say good morning' }]);
    afterGoodbye.fire('wakeup');
    expect(afterGoodbye.state).toBe('proactive');
  });

  it('changing settings while idle re-arms (or drops) the proactive timer at once', () => {
    const session = new MachineHarness({ proactive: { enabled: false }, thinking: { enabled: false } });
    session.say('hi', 1000).answer(2000, [reply('bye', 0)]);
    expect(session.context.timers.proactive).toBeUndefined();
    const enabled = { ...session.context.settings, proactive: { ...session.context.settings.proactive, ...proactive } };
    session.actor.send({ type: 'settings.changed', at: 5000, settings: enabled });
    expect(session.context.timers.proactive?.dueAt).toBe(5000 + 100_000);
    session.actor.send({ type: 'settings.changed', at: 6000, settings: { ...enabled, proactive: { ...enabled.proactive, enabled: false } } });
    expect(session.context.timers.proactive).toBeUndefined();
  });

  it('with cancellation off, fragments arriving during a request never fold into the ones it carries', () => {
    const session = new MachineHarness({ debounce: { cancelOnNewMessage: false, maxFragments: 3 }, proactive: { enabled: false }, thinking: { enabled: false } });
    session.say('a', 1000, 0.1).say('b', 1100, 0.1).say('c', 1200, 0.1);
    expect(session.context.turn?.fragmentCount).toBe(3);
    for (const [index, text] of ['d', 'e', 'f', 'g'].entries()) session.say(text, 2000 + index, 0.1);
    expect(session.context.fragments.slice(0, 3).map((fragment) => fragment.text)).toEqual(['a', 'b', 'c']);
    expect(llmRequestOf('http:private:alice', session.context).text).toBe('a b c');
    session.answer(3000, [reply('ok', 0)]);
    expect(session.history.map((record) => record.text)).toEqual(['a', 'b', 'c']);
    expect(session.context.fragments.map((fragment) => fragment.text).join(' ')).toBe('d e f g');
  });
});

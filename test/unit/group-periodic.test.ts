// A group's periodic proactive timer (seed 000 issue #44, machines/group-periodic.ts) through the pure session
// machine with simulated time: on schedule whatever the group does, deferred out of quiet hours, skipped while
// the bot is busy or after downtime, never moved by messages, disarmed when turned off.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { sessionSettingsFor } from '../../src/config/session-settings.js';
import { llmRequestOf } from '../../src/runtime/effects.js';
import { GroupHarness } from '../helpers/group-harness.js';
import { reply, settingsWith } from '../helpers/machine-harness.js';
import type { SessionSettings } from '../../machines/session-types.js';

const t0 = Date.UTC(2026, 10, 21, 12, 0, 0);
const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

/** A group with an hourly periodic message; group proactive messages (the silence countdown) off, no judge. */
function periodicGroup(proactive: Partial<SessionSettings['proactive']> = {}): GroupHarness {
  return new GroupHarness({ proactive: { periodicSeconds: 3600, ...proactive }, heartflow: { enabled: false } });
}

/** Members chatting every `everyMinutes` from `from` (exclusive) to `to` (exclusive). */
function chatter(group: GroupHarness, from: number, to: number, everyMinutes = 7): void {
  for (let at = from + everyMinutes * minute; at < to; at += everyMinutes * minute) group.post(at % 2 === 0 ? 'bob' : 'carol', `chat at ${at}`, at);
}

function settingsOf(group: GroupHarness, proactive: Partial<SessionSettings['proactive']>): SessionSettings {
  const current = group.context.settings;
  return { ...current, proactive: { ...current.proactive, ...proactive } };
}

describe('[000 #44] the periodic group timer', () => {
  it('fires once per period whatever members and the bot say, each period counted from the schedule', () => {
    const group = periodicGroup();
    group.post('bob', 'morning', t0);
    expect(group.context.timers.periodic?.dueAt).toBe(t0 + hour);
    const armed = group.context.timers.periodic!;

    chatter(group, t0, t0 + hour);
    group.post('miko-account', 'typed by hand on the bot account', t0 + 30 * minute, { fromSelf: true });
    group.post('bob', '@Miko hi', t0 + 40 * minute, { mentionsBot: true }).answer(t0 + 40 * minute + second, [reply('hi Bob')]).deliverAll();
    expect(group.context.timers.periodic).toEqual(armed);

    group.fire('periodic');
    expect(group.state).toBe('proactive');
    expect(group.context.turn).toMatchObject({ purpose: 'proactive', periodSeconds: 3600 });
    expect(llmRequestOf('http:group:g1', group.context).group).toMatchObject({ periodSeconds: 3600 });
    expect(group.context.timers.periodic?.dueAt).toBe(t0 + 2 * hour);
    // Generation takes a while; the answer comes 5 s late, and the next period still starts at t0 + 2 h.
    group.answer(t0 + hour + 5 * second, [reply('Hourly check-in: how is everyone?')]).deliverAll();
    expect(group.state).toBe('idle');
    expect(group.context.timers.periodic?.dueAt).toBe(t0 + 2 * hour);

    chatter(group, t0 + hour, t0 + 2 * hour, 5);
    group.fire('periodic').answer(t0 + 2 * hour + second, [reply('Another hour, another hello.')]).deliverAll();
    expect(group.outbound.filter((message) => message.kind === 'proactive').map((message) => message.text)).toEqual([
      'Hourly check-in: how is everyone?',
      'Another hour, another hello.',
    ]);
    expect(group.context.timers.periodic?.dueAt).toBe(t0 + 3 * hour);
    expect(group.mental.filter((entry) => entry.kind === 'proactive').map((entry) => entry.text)).toEqual([
      'periodic message (every 3600 s)',
      'periodic message (every 3600 s)',
    ]);
  });

  it('is not discarded by members talking while it is composed (an addressed message still takes over)', () => {
    const group = periodicGroup();
    group.post('bob', 'hi', t0);
    group.fire('periodic');
    group.post('carol', 'lol', t0 + hour + second);
    expect(group.state).toBe('proactive');
    expect(group.history.at(-1)).toMatchObject({ role: 'user', text: 'lol' });
    group.answer(t0 + hour + 3 * second, [reply('hello group')]);
    expect(group.outbound.map((message) => message.text)).toEqual(['hello group']);

    group.fire('periodic');
    group.post('dan', '@Miko what time is it?', t0 + 2 * hour + second, { mentionsBot: true });
    expect(group.state).toBe('awaiting-llm');
    expect(group.context.turn?.purpose).toBe('reply');
    expect(group.context.timers.periodic?.dueAt).toBe(t0 + 3 * hour);
  });

  it('defers a firing inside quiet hours to the end of the window (+ ≤ 10 min jitter), then keeps the schedule', () => {
    // 13:00 UTC is the first slot; quiet 12:30–14:00.
    const group = periodicGroup({ quietHours: '12:30-14:00' });
    group.post('bob', 'hi', t0);
    group.fire('periodic');
    expect(group.state).toBe('idle');
    expect(group.context.turn).toBeNull();
    const deferred = group.context.timers.periodic!.dueAt;
    expect(deferred).toBeGreaterThanOrEqual(t0 + 2 * hour);
    expect(deferred).toBeLessThanOrEqual(t0 + 2 * hour + 10 * minute);
    expect(group.group.periodic).toEqual({ seconds: 3600, slotAt: t0 + hour });

    group.fire('periodic');
    expect(group.state).toBe('proactive');
    expect(group.context.timers.periodic?.dueAt).toBe(t0 + 3 * hour);
  });

  it('skips the period while the bot is busy (answering someone), and arms the next one', () => {
    const group = periodicGroup();
    group.post('bob', 'hi', t0);
    group.post('carol', '@Miko tell me a story', t0 + hour - second, { mentionsBot: true });
    expect(group.state).toBe('awaiting-llm');
    const turn = group.context.turn!;
    group.fire('periodic');
    expect(group.state).toBe('awaiting-llm');
    expect(group.context.turn).toEqual(turn);
    expect(group.context.timers.periodic?.dueAt).toBe(t0 + 2 * hour);
    group.answer(t0 + hour + 10 * second, [reply('Once upon a time…')]).deliverAll();
    expect(group.outbound.map((message) => message.kind)).toEqual(['reply']);
  });

  it('skips a period it fired too late for (downtime beyond the catch-up grace), staying on the schedule', () => {
    const group = periodicGroup({ catchUpGraceSeconds: 600 });
    group.post('bob', 'hi', t0);
    group.fire('periodic', t0 + 3 * hour + 20 * minute);
    expect(group.state).toBe('idle');
    expect(group.context.timers.periodic?.dueAt).toBe(t0 + 4 * hour);
  });

  it('goes out at the unanswered cap (the cap pauses only the silence countdown)', () => {
    const group = periodicGroup({ enabled: true, maxUnanswered: 1, silenceSeconds: 60, minDelaySeconds: 60, maxDelaySeconds: 60 });
    group.post('bob', 'hi', t0);
    group.fire('silence').fire('proactive').answer(t0 + 3 * minute, [reply('quiet in here')]).deliverAll();
    expect(group.context.unanswered).toBe(1);
    group.fire('silence');
    expect(group.context.timers.proactive).toBeUndefined();

    group.fire('periodic');
    expect(group.state).toBe('proactive');
    group.answer(t0 + hour + second, [reply('Hourly hello anyway')]).deliverAll();
    expect(group.context.unanswered).toBe(2);
    expect(group.outbound.at(-1)).toMatchObject({ kind: 'proactive', text: 'Hourly hello anyway' });
  });

  it('never acts on a replaced or stale firing', () => {
    const group = periodicGroup();
    group.post('bob', 'hi', t0);
    const first = group.context.timers.periodic!;
    group.actor.send({ type: 'settings.changed', at: t0 + minute, settings: settingsOf(group, { periodicSeconds: 7200 }) });
    const second_ = group.context.timers.periodic!;
    expect(second_.gen).not.toBe(first.gen);
    expect(second_.dueAt).toBe(t0 + minute + 2 * hour);

    const before = structuredClone(group.context);
    group.actor.send({ type: 'timer.fired', at: first.dueAt, name: 'periodic', gen: first.gen, dueAt: first.dueAt });
    expect(group.state).toBe('idle');
    expect(group.context).toEqual(before);

    group.fire('periodic');
    expect(group.state).toBe('proactive');
    const afterFiring = structuredClone(group.context);
    group.actor.send({ type: 'timer.fired', at: second_.dueAt + second, name: 'periodic', gen: second_.gen, dueAt: second_.dueAt });
    expect(group.context).toEqual(afterFiring);
  });

  it('is disarmed when the setting is turned off, and re-armed from the change when turned on again', () => {
    const group = periodicGroup();
    group.post('bob', 'hi', t0);
    const armed = group.context.timers.periodic!;
    group.actor.send({ type: 'settings.changed', at: t0 + minute, settings: settingsOf(group, { periodicSeconds: 0 }) });
    expect(group.context.timers.periodic).toBeUndefined();
    expect(group.group.periodic).toBeUndefined();
    const before = structuredClone(group.context);
    group.actor.send({ type: 'timer.fired', at: armed.dueAt, name: 'periodic', gen: armed.gen, dueAt: armed.dueAt });
    expect(group.context).toEqual(before);
    group.post('carol', 'still here', t0 + 2 * minute);
    expect(group.context.timers.periodic).toBeUndefined();

    group.actor.send({ type: 'settings.changed', at: t0 + 3 * minute, settings: settingsOf(group, { periodicSeconds: 1800 }) });
    expect(group.context.timers.periodic?.dueAt).toBe(t0 + 33 * minute);
  });

  it('keeps an armed schedule when settings change in other ways, or the runtime opens the session again', () => {
    const group = periodicGroup();
    group.actor.send({ type: 'session.opened', at: t0 });
    const armed = group.context.timers.periodic!;
    expect(armed.dueAt).toBe(t0 + hour);
    group.actor.send({ type: 'settings.changed', at: t0 + minute, settings: settingsOf(group, { quietHours: '03:00-04:00' }) });
    group.actor.send({ type: 'session.opened', at: t0 + 2 * minute });
    group.post('bob', 'first message', t0 + 3 * minute);
    expect(group.context.timers.periodic).toEqual(armed);
  });

  it('survives /heartflow_reset and /reset (a schedule from the configuration, not conversation state)', () => {
    const group = new GroupHarness({ proactive: { periodicSeconds: 3600 }, admins: ['root'] as never });
    group.post('bob', 'hi', t0);
    const armed = group.context.timers.periodic!;
    group.post('root', '/heartflow_reset', t0 + minute);
    group.post('root', '/reset', t0 + 2 * minute);
    expect(group.context.timers.periodic).toEqual(armed);
    expect(group.group.periodic).toEqual({ seconds: 3600, slotAt: t0 + hour });
  });

  it('plans nothing in a private chat, whatever its settings say', () => {
    const session = new GroupHarness({ proactive: { periodicSeconds: 60 } }, 'http:private:alice');
    session.actor.send({ type: 'session.opened', at: t0 });
    session.say('hello', t0 + second);
    expect(session.context.timers.periodic).toBeUndefined();
    expect(session.context.group).toBeUndefined();
  });
});

describe('groups.proactive.periodicSeconds in the configuration', () => {
  it('is off by default, reaches group sessions only, and a session override turns it on or off for one group', () => {
    const config = parseConfig({
      groups: { proactive: { periodicSeconds: 86_400 } },
      sessions: { 'qq:group:quiet': { groups: { proactive: { periodicSeconds: 0 } } }, 'qq:group:busy': { groups: { proactive: { periodicSeconds: 3600 } } } },
    });
    expect(sessionSettingsFor(parseConfig({}), 'qq:group:1').proactive.periodicSeconds).toBe(0);
    expect(sessionSettingsFor(config, 'qq:group:1').proactive.periodicSeconds).toBe(86_400);
    expect(sessionSettingsFor(config, 'qq:group:quiet').proactive.periodicSeconds).toBe(0);
    expect(sessionSettingsFor(config, 'qq:group:busy').proactive.periodicSeconds).toBe(3600);
    expect(sessionSettingsFor(config, 'qq:private:1').proactive).not.toHaveProperty('periodicSeconds');
    expect(settingsWith().proactive).not.toHaveProperty('periodicSeconds');
  });

  it('rejects a negative or sub-second period with a clear error, in the global section and in a session override', () => {
    expect(() => parseConfig({ groups: { proactive: { periodicSeconds: -5 } } })).toThrow(/groups\.proactive\.periodicSeconds/);
    expect(() => parseConfig({ groups: { proactive: { periodicSeconds: 0.2 } } })).toThrow(/at least 1 second/);
    expect(() => parseConfig({ sessions: { 'qq:group:1': { groups: { proactive: { periodicSeconds: 0.5 } } } } })).toThrow(/at least 1 second/);
  });
});

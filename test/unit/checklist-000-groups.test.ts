// Seed 000 (proactive chat), its group lines of the feature checklist in shared/research/seeds.md §7 (upstream
// v1.x "silence countdown"), and the events Memory Reboot sends a group — through the pure session machine.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { sessionSettingsFor } from '../../src/config/session-settings.js';
import { GroupHarness, scoresOf } from '../helpers/group-harness.js';
import { doNothing, MachineHarness, reply } from '../helpers/machine-harness.js';

const t0 = Date.UTC(2026, 10, 21, 12, 0, 0);
const second = 1000;
const minute = 60 * second;
const groupProactive = {
  enabled: true,
  policy: 'random-delay' as const,
  silenceSeconds: 1800,
  minDelaySeconds: 5400,
  maxDelaySeconds: 21_600,
  maxUnanswered: 2,
  quietHours: '00:00-00:00',
  timezone: 'UTC',
};

/** A group whose silence countdown runs (heartflow off so no judgement interferes). */
function quietGroup(proactive: Partial<typeof groupProactive> = {}, sessionId = 'http:group:g1') {
  return new GroupHarness({ proactive: { ...groupProactive, ...proactive }, heartflow: { enabled: false } }, sessionId);
}

/** Lets the countdown run out and the proactive timer fire; returns the group in `proactive`. */
function reachProactive(group: GroupHarness): GroupHarness {
  group.fire('silence');
  group.fire('proactive');
  expect(group.state).toBe('proactive');
  return group;
}

describe('[000] group silence countdown', () => {
  it('every member message cancels a pending proactive message, resets the counter and restarts the 30 min countdown', () => {
    const group = quietGroup();
    group.post('bob', 'morning all', t0);
    expect(group.context.timers.silence?.dueAt).toBe(t0 + 30 * minute);
    reachProactive(group).answer(group.context.turn!.startedAt + second, [reply('so quiet today')]).deliverAll();
    expect(group.context.unanswered).toBe(1);
    group.fire('silence');
    const pending = group.context.timers.proactive!;
    expect(pending).toBeDefined();

    const at = pending.dueAt - minute;
    group.post('carol', 'hey', at);
    expect(group.context.timers.proactive).toBeUndefined();
    expect(group.context.timers.silence?.dueAt).toBe(at + 30 * minute);
    expect(group.context.unanswered).toBe(0);
  });

  it('when the countdown runs out, plans a proactive message at a random delay in the group range (90–360 min)', () => {
    const delays = new Set<number>();
    for (let index = 0; index < 30; index++) {
      const group = quietGroup({}, `http:group:g${index}`);
      group.post('bob', 'hi', t0);
      group.fire('silence');
      const delay = group.context.timers.proactive!.dueAt - (t0 + 30 * minute);
      expect(delay).toBeGreaterThanOrEqual(90 * minute);
      expect(delay).toBeLessThanOrEqual(360 * minute);
      delays.add(delay);
    }
    expect(delays.size).toBeGreaterThan(20);
  });

  it('counts a delivered proactive message as unanswered; the bot\'s own messages restart the countdown but are not activity', () => {
    const group = quietGroup();
    group.post('bob', 'hi', t0);
    reachProactive(group);
    const startedAt = group.context.turn!.startedAt;
    group.answer(startedAt + second, [reply('so quiet here… anyone watching the match tonight?', 300)]).deliverAll();
    expect(group.state).toBe('idle');
    expect(group.context.unanswered).toBe(1);
    const deliveredAt = group.outbound.at(-1)!.deliverAt;
    expect(group.context.timers.silence?.dueAt).toBe(deliveredAt + 30 * minute);
    expect(group.context.lastUserAt).toBe(t0);
    expect(group.group.activity.messages).toBe(1);

    group.post('miko-account', 'posted by hand from the bot account', deliveredAt + minute, { fromSelf: true });
    expect(group.context.unanswered).toBe(1);
    expect(group.context.lastUserAt).toBe(t0);
    expect(group.context.timers.silence?.dueAt).toBe(deliveredAt + 31 * minute);
    expect(group.history.at(-1)).toMatchObject({ role: 'bot', text: 'posted by hand from the bot account' });
  });

  it('keeps the countdown running when a proactive turn fails or says nothing, so the bot tries again later', () => {
    for (const end of ['failed', 'nothing'] as const) {
      const group = quietGroup();
      group.post('bob', 'hi', t0);
      reachProactive(group);
      const startedAt = group.context.turn!.startedAt;
      if (end === 'failed') group.failTurn(startedAt + second);
      else group.answer(startedAt + second, [doNothing()]);
      expect(group.state).toBe('idle');
      expect(group.outbound).toEqual([]);
      expect(group.context.timers.silence?.dueAt).toBe(startedAt + 30 * minute);
      group.fire('silence');
      expect(group.context.timers.proactive).toBeDefined();
    }
  });

  it('keeps a countdown running when a voluntary reply that dropped the planned message fails', () => {
    const group = new GroupHarness({ proactive: groupProactive, heartflow: { enabled: true, settleSeconds: 0 } });
    group.post('bob', 'anyone around?', t0);
    // A slow judge: the countdown ran out and a proactive message was planned meanwhile.
    group.fire('silence');
    expect(group.context.timers.proactive).toBeDefined();
    group.score(t0 + 31 * minute, scoresOf(9));
    expect(group.state).toBe('awaiting-llm');
    group.failTurn(t0 + 32 * minute);
    expect(group.state).toBe('idle');
    expect(group.context.timers.silence?.dueAt).toBe(t0 + 61 * minute);
  });

  it('restarts the countdown instead of planning a message when it runs out while the bot is answering', () => {
    const group = quietGroup();
    group.post('bob', '@Miko still there?', t0, { mentionsBot: true });
    expect(group.state).toBe('awaiting-llm');
    // A slow model: the countdown runs out mid-turn. A planned message would fire outside idle and be lost.
    group.fire('silence');
    expect(group.context.timers.proactive).toBeUndefined();
    expect(group.context.timers.silence?.dueAt).toBe(t0 + 60 * minute);
    group.failTurn(t0 + 31 * minute);
    expect(group.state).toBe('idle');
    group.fire('purge');
    group.fire('silence');
    expect(group.context.timers.proactive).toBeDefined();
  });

  it('stops at the unanswered cap (2) until a member speaks again', () => {
    const group = quietGroup();
    group.post('bob', 'hi', t0);
    for (let round = 0; round < 2; round++) {
      reachProactive(group);
      group.answer(group.context.turn!.startedAt + second, [reply(`ping ${round}`)]).deliverAll();
    }
    expect(group.context.unanswered).toBe(2);
    group.fire('silence');
    expect(group.context.timers.proactive).toBeUndefined();
    expect(group.context.timers.silence).toBeUndefined();
    group.post('carol', 'sorry, was busy', group.outbound.at(-1)!.deliverAt + 3 * 60 * minute);
    expect(group.context.unanswered).toBe(0);
    expect(group.context.timers.silence).toBeDefined();
  });

  it('defers a proactive message that comes due in quiet hours to the end of the window', () => {
    const group = quietGroup({ quietHours: '00:00-23:59' });
    group.post('bob', 'hi', t0);
    group.fire('silence');
    const due = group.context.timers.proactive!.dueAt;
    group.fire('proactive');
    expect(group.state).toBe('idle');
    expect(group.context.timers.proactive!.dueAt).toBeGreaterThan(due);
  });

  it('discards a proactive message being composed when a member speaks', () => {
    const group = quietGroup();
    group.post('bob', 'hi', t0);
    reachProactive(group);
    const requestId = group.context.turn!.requestId;
    group.post('carol', 'back from lunch', group.context.turn!.startedAt + second);
    expect(group.state).toBe('idle');
    expect(group.context.turn).toBeNull();
    group.actor.send({ type: 'llm.replied', at: t0 + 999 * minute, requestId, calls: [reply('too late')] });
    expect(group.outbound).toEqual([]);
  });

  it('gives group sessions the group defaults (seed 000 v1.x: 30 min silence, 90–360 min, cap 2, quiet 2–6) under their overrides', () => {
    const config = parseConfig({ groups: { proactive: { enabled: true } }, sessions: { 'qq:group:7': { proactive: { maxUnanswered: 5 } } } });
    const group = sessionSettingsFor(config, 'qq:group:1').proactive;
    expect(group).toMatchObject({ enabled: true, silenceSeconds: 1800, minDelaySeconds: 5400, maxDelaySeconds: 21_600, maxUnanswered: 2, quietHours: '02:00-06:00', policy: 'random-delay' });
    expect(sessionSettingsFor(config, 'qq:group:7').proactive.maxUnanswered).toBe(5);
    expect(sessionSettingsFor(config, 'qq:private:1').proactive).toMatchObject({ maxUnanswered: 4, quietHours: '01:00-07:00' });
    expect(sessionSettingsFor(parseConfig({}), 'qq:group:1').proactive.enabled).toBe(false);
    // Off for groups by default; one group turned on by its own override, either way.
    const one = parseConfig({ sessions: { 'qq:group:7': { proactive: { enabled: true } }, 'qq:group:8': { groups: { proactive: { enabled: true } } } } });
    expect(['qq:group:6', 'qq:group:7', 'qq:group:8'].map((id) => sessionSettingsFor(one, id).proactive.enabled)).toEqual([false, true, true]);
  });

  it('replies in a group never open a wait (no follow-ups in a group)', () => {
    const group = quietGroup();
    group.post('bob', '@Miko hi', t0, { mentionsBot: true }).answer(t0 + second, [reply('hello!', 120)]);
    expect(group.state).toBe('idle');
    expect(group.context.wait).toBeNull();
  });
});

describe('[000] (beyond, #44) the independent periodic group timer', () => {
  it('fires on its schedule whatever the group says, and defers to the end of quiet hours', () => {
    // Every 4 h; quiet 02:00–06:00 UTC. The silence countdown is on too, and chatter keeps restarting it.
    const group = quietGroup({ quietHours: '02:00-06:00' });
    group.actor.send({ type: 'settings.changed', at: t0, settings: { ...group.context.settings, proactive: { ...group.context.settings.proactive, periodicSeconds: 4 * 3600 } } });
    const armed = group.context.timers.periodic!;
    expect(armed.dueAt).toBe(t0 + 4 * 60 * minute);
    for (let at = t0 + 10 * minute; at < armed.dueAt; at += 10 * minute) group.post('bob', 'busy busy', at);
    expect(group.context.timers.periodic).toEqual(armed);
    expect(group.context.timers.proactive).toBeUndefined();

    group.fire('periodic').answer(armed.dueAt + second, [reply('16:00 check-in!')]).deliverAll();
    expect(group.outbound.at(-1)).toMatchObject({ kind: 'proactive', text: '16:00 check-in!' });
    group.fire('periodic').answer(armed.dueAt + 4 * 60 * minute + second, [reply('20:00 check-in!')]).deliverAll();
    // The 00:00 slot is not quiet; the 04:00 one is: deferred to 06:00 (+ jitter), then the schedule goes on at 08:00.
    group.fire('periodic').answer(t0 + 12 * 60 * minute + second, [reply('midnight!')]).deliverAll();
    group.fire('periodic');
    expect(group.state).toBe('idle');
    const deferred = group.context.timers.periodic!.dueAt;
    expect(deferred).toBeGreaterThanOrEqual(Date.UTC(2026, 10, 22, 6, 0));
    expect(deferred).toBeLessThanOrEqual(Date.UTC(2026, 10, 22, 6, 10));
    group.fire('periodic');
    expect(group.state).toBe('proactive');
    expect(group.context.timers.periodic?.dueAt).toBe(Date.UTC(2026, 10, 22, 8, 0));
  });
});

describe('Memory Reboot and admin events', () => {
  it('reboot.matched queues one quote-reply reminder (no turn, no LLM call), recorded in group memory once delivered', () => {
    const group = quietGroup();
    group.post('bob', 'BREAKING: the moon is made of cheese', t0, { messageId: 'm9' });
    group.actor.send({ type: 'reboot.matched', at: t0 + second, messageId: 'm9', text: 'This was posted here three days ago 🙂' });
    expect(group.context.turn).toBeNull();
    expect(group.context.side).toEqual([]);
    expect(group.outbound).toEqual([expect.objectContaining({ kind: 'reminder', replyTo: 'm9', text: 'This was posted here three days ago 🙂' })]);
    group.deliverAll();
    expect(group.history.at(-1)).toMatchObject({ role: 'bot', text: 'This was posted here three days ago 🙂' });
  });

  it('reboot.matched without a platform message id queues a plain reminder, quoting nothing', () => {
    const group = quietGroup();
    group.post('bob', 'BREAKING: the moon is made of cheese', t0);
    group.actor.send({ type: 'reboot.matched', at: t0 + second, text: 'Posted here before' });
    expect(group.outbound).toHaveLength(1);
    expect(group.outbound[0]).toMatchObject({ kind: 'reminder', text: 'Posted here before' });
    expect(group.outbound[0]).not.toHaveProperty('replyTo');
  });

  it('reboot.matched does nothing in a private chat', () => {
    const session = new MachineHarness();
    const before = structuredClone(session.context);
    session.actor.send({ type: 'reboot.matched', at: t0, messageId: 'm1', text: 'old news' });
    expect(session.outbound).toEqual([]);
    expect(session.context).toEqual(before);
  });

  it('admin.answered queues one notice, quoting when asked, in any chat', () => {
    const group = quietGroup();
    group.actor.send({ type: 'admin.answered', at: t0, text: 'Memory wiped.', replyTo: 'm3' });
    expect(group.outbound).toEqual([expect.objectContaining({ kind: 'notice', text: 'Memory wiped.', replyTo: 'm3' })]);
    const session = new MachineHarness();
    session.actor.send({ type: 'admin.answered', at: t0, text: '3 groups, 812 messages' });
    expect(session.outbound).toEqual([expect.objectContaining({ kind: 'notice', text: '3 groups, 812 messages' })]);
    expect(session.outbound[0]).not.toHaveProperty('replyTo');
  });
});

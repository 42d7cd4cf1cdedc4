import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { sessionMachine } from '../../machines/session-machine.js';
import type { SessionEvent, SessionSettings } from '../../machines/session-types.js';
import { defaultSessionSettings } from '../../machines/session-settings.js';
import { firedTimer, messageEvent, replyEvent, replyWith } from '../helpers/session-events.js';

const settings: SessionSettings = {
  ...defaultSessionSettings,
  proactive: { ...defaultSessionSettings.proactive, minDelaySeconds: 100, maxDelaySeconds: 200 },
};

function start(events: SessionEvent[] = []) {
  const actor = createActor(sessionMachine, { input: { sessionId: 'http:private:alice' } });
  const emitted: unknown[] = [];
  actor.on('*', (event) => emitted.push(event));
  actor.start();
  actor.send({ type: 'settings.changed', at: 0, settings });
  for (const event of events) actor.send(event);
  return { actor, emitted, context: () => actor.getSnapshot().context, state: () => actor.getSnapshot().value };
}

describe('session machine transitions', () => {
  it('starts idle with nothing armed', () => {
    const { state, context } = start();
    expect(state()).toBe('idle');
    expect(context().timers).toEqual({});
  });

  it('idle + incomplete message → buffering with the debounce timer armed from the message time', () => {
    const { state, context } = start([messageEvent('so I was thinking', 1000, 0.3)]);
    expect(state()).toBe('buffering');
    expect(context().timers.debounce).toEqual({ gen: 1, dueAt: 11_000, firesAt: 11_000 });
    expect(context().fragments.map((fragment) => fragment.text)).toEqual(['so I was thinking']);
  });

  it('idle + complete message → awaiting-llm with a request in flight and no debounce timer', () => {
    const { state, context } = start([messageEvent('hello!', 1000, 0.95)]);
    expect(state()).toBe('awaiting-llm');
    expect(context().turn).toEqual({ requestId: 'r1', purpose: 'reply', startedAt: 1000, fragmentCount: 1 });
    expect(context().timers.debounce).toBeUndefined();
  });

  it('buffering re-scores the merged buffer: a later fragment completes it', () => {
    const { state, context } = start([messageEvent('如果明天下雨', 1000, 0.2), messageEvent('我们就不去了。', 2000, 0.97)]);
    expect(state()).toBe('awaiting-llm');
    expect(context().fragments.map((fragment) => fragment.text)).toEqual(['如果明天下雨', '我们就不去了。']);
  });

  it('each held fragment pushes the debounce deadline back, keeping the armed job; its early firing renews it', () => {
    const session = start([messageEvent('and', 1000, 0.1), messageEvent('then', 4000, 0.1)]);
    expect(session.context().timers.debounce).toEqual({ gen: 1, dueAt: 14_000, firesAt: 11_000 });
    session.actor.send({ type: 'timer.fired', at: 11_000, name: 'debounce', gen: 1, dueAt: 11_000 });
    expect(session.state()).toBe('buffering');
    expect(session.context().timers.debounce).toEqual({ gen: 2, dueAt: 14_000, firesAt: 14_000 });
    session.actor.send({ type: 'timer.fired', at: 14_000, name: 'debounce', gen: 2, dueAt: 14_000 });
    expect(session.state()).toBe('awaiting-llm');
  });

  it('buffering: an early firing of a pushed-back debounce timer waits for the new deadline, then → awaiting-llm', () => {
    const session = start([messageEvent('and', 1000, 0.1)]);
    const stale = firedTimer(session.context(), 'debounce');
    session.actor.send(messageEvent('then', 4000, 0.1));
    session.actor.send(stale);
    expect(session.state()).toBe('buffering');
    session.actor.send(firedTimer(session.context(), 'debounce'));
    expect(session.state()).toBe('awaiting-llm');
  });

  it('awaiting-llm + user message → back to buffering, the request dropped, the text kept', () => {
    const session = start([messageEvent('hello!', 1000, 0.95), messageEvent('are you there', 1500, 0.4)]);
    expect(session.state()).toBe('buffering');
    expect(session.context().turn).toBeNull();
    expect(session.context().fragments.map((fragment) => fragment.text)).toEqual(['hello!', 'are you there']);
  });

  it('a reply to a dropped request is ignored', () => {
    const session = start([messageEvent('hello!', 1000, 0.95), messageEvent('and more!', 1500, 0.95)]);
    session.actor.send(replyEvent('r1', 2000, [replyWith('late answer', 60)]));
    expect(session.state()).toBe('awaiting-llm');
    expect(session.context().turn?.requestId).toBe('r2');
    expect(session.emitted).toEqual([]);
  });

  it('awaiting-llm + reply with a wait → waiting; the message is emitted and the wait clamped', () => {
    const session = start([messageEvent('hello!', 1000, 0.95), replyEvent('r1', 2000, [replyWith('hi!', 5000)])]);
    expect(session.state()).toBe('waiting');
    expect(session.context().wait).toMatchObject({ startedAt: 2000, seconds: 600, origin: 'reply', lastBotText: 'hi!' });
    // gen 1 went to the debounce timer armed (and disarmed) on the way through buffering.
    expect(session.context().timers.wait).toEqual({ gen: 2, dueAt: 602_000, firesAt: 602_000 });
    expect(session.emitted.filter((item) => (item as { type: string }).type === 'outbound.queued')).toEqual([
      { type: 'outbound.queued', seq: 1, text: 'hi!', kind: 'reply', at: 2000, deliverAt: 2000 },
    ]);
    expect(session.context().fragments).toEqual([]);
  });

  it('awaiting-llm + reply without a wait → idle with the proactive timer armed', () => {
    const session = start([messageEvent('bye!', 1000, 0.95), replyEvent('r1', 2000, [replyWith('bye!', 0)])]);
    expect(session.state()).toBe('idle');
    const proactive = session.context().timers.proactive!;
    expect(proactive.dueAt - 2000).toBeGreaterThanOrEqual(100_000);
    expect(proactive.dueAt - 2000).toBeLessThanOrEqual(200_000);
  });

  it('awaiting-llm + failure → idle, keeping the user text for the next turn', () => {
    const session = start([messageEvent('hello!', 1000, 0.95)]);
    session.actor.send({ type: 'llm.failed', at: 2000, requestId: 'r1', error: { code: 'llm_failed', message: '500' } });
    expect(session.state()).toBe('idle');
    expect(session.context().lastError).toEqual({ code: 'llm_failed', message: '500' });
    session.actor.send(messageEvent('anyone?', 3000, 0.95));
    expect(session.context().fragments.map((fragment) => fragment.text)).toEqual(['hello!', 'anyone?']);
  });

  it('waiting + user message → buffering and the wait timer is gone', () => {
    const session = start([messageEvent('hello!', 1000, 0.95), replyEvent('r1', 2000, [replyWith('hi!', 60)])]);
    session.actor.send(messageEvent('sure', 3000, 0.5));
    expect(session.state()).toBe('buffering');
    expect(session.context().timers.wait).toBeUndefined();
    expect(session.context().wait).toBeNull();
  });

  it('waiting + wait timer → timed-out with a follow-up request, counting the timeout', () => {
    const session = start([messageEvent('hello!', 1000, 0.95), replyEvent('r1', 2000, [replyWith('hi!', 60)])]);
    session.actor.send(firedTimer(session.context(), 'wait'));
    expect(session.state()).toBe('timed-out');
    expect(session.context().consecutiveTimeouts).toBe(1);
    expect(session.context().turn).toMatchObject({ requestId: 'r2', purpose: 'followup' });
  });

  it('the third consecutive timeout goes to idle without asking the model', () => {
    const session = start([messageEvent('hello!', 1000, 0.95), replyEvent('r1', 2000, [replyWith('hi!', 60)])]);
    for (let round = 0; round < 2; round++) {
      session.actor.send(firedTimer(session.context(), 'wait'));
      const requestId = session.context().turn!.requestId;
      session.actor.send(replyEvent(requestId, 100_000 * (round + 1), [replyWith('still there?', 60)]));
      expect(session.state()).toBe('waiting');
    }
    const requestsBefore = session.context().requestSeq;
    session.actor.send(firedTimer(session.context(), 'wait'));
    expect(session.state()).toBe('idle');
    expect(session.context().consecutiveTimeouts).toBe(3);
    expect(session.context().requestSeq).toBe(requestsBefore);
  });

  it('idle + proactive timer → proactive; its reply counts as unanswered and waits for a reaction', () => {
    const session = start([messageEvent('bye!', 1000, 0.95), replyEvent('r1', 2000, [replyWith('bye!', 0)])]);
    session.actor.send(firedTimer(session.context(), 'proactive'));
    expect(session.state()).toBe('proactive');
    session.actor.send(replyEvent('r2', 300_000, [{ tool: 'reply', content: 'miss you' }]));
    expect(session.state()).toBe('waiting');
    expect(session.context().unanswered).toBe(0);
    session.actor.send({ type: 'outbound.delivered', at: 300_100, seq: 2, kind: 'proactive', text: 'miss you' });
    expect(session.context().unanswered).toBe(1);
    expect(session.context().wait?.seconds).toBe(settings.proactive.expectReplySeconds);
    expect(session.emitted.filter((event) => (event as { type: string }).type === 'outbound.queued').at(-1)).toMatchObject({ kind: 'proactive', text: 'miss you' });
  });

  it('a user message during proactive generation discards it', () => {
    const session = start([messageEvent('bye!', 1000, 0.95), replyEvent('r1', 2000, [replyWith('bye!', 0)])]);
    session.actor.send(firedTimer(session.context(), 'proactive'));
    session.actor.send(messageEvent('hey', 250_000, 0.95));
    session.actor.send(replyEvent('r2', 251_000, [replyWith('miss you', 60)]));
    const sent = session.emitted.filter((event) => (event as { type: string }).type === 'outbound.queued');
    expect(sent.map((event) => (event as { text: string }).text)).toEqual(['bye!']);
    expect(session.context().unanswered).toBe(0);
  });

  it('ignores empty and whitespace-only messages in every state', () => {
    const session = start([messageEvent('   ', 1000, 0)]);
    expect(session.state()).toBe('idle');
    session.actor.send(messageEvent('hello!', 2000, 0.95));
    session.actor.send(replyEvent('r1', 3000, [replyWith('hi!', 60)]));
    const before = session.actor.getPersistedSnapshot();
    session.actor.send(messageEvent('', 4000, 0));
    expect(session.actor.getPersistedSnapshot()).toEqual(before);
  });

  it('an image-only message is content', () => {
    const session = start([messageEvent('', 1000, 0, { images: [{ url: 'https://example.com/cat.png' }] })]);
    expect(session.state()).not.toBe('idle');
  });

  it('with debounce disabled every message goes straight to the model', () => {
    const session = start();
    session.actor.send({ type: 'settings.changed', at: 0, settings: { ...settings, debounce: { ...settings.debounce, enabled: false } } });
    session.actor.send(messageEvent('so', 1000, 0.01));
    expect(session.state()).toBe('awaiting-llm');
  });

  it('a full buffer counts as complete (the hold limit)', () => {
    const session = start();
    session.actor.send({ type: 'settings.changed', at: 0, settings: { ...settings, debounce: { ...settings.debounce, maxFragments: 3 } } });
    for (const [index, text] of ['a', 'b', 'c'].entries()) session.actor.send(messageEvent(text, 1000 + index, 0.01));
    expect(session.state()).toBe('awaiting-llm');
  });
});

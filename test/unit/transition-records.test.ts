import { describe, expect, it } from 'vitest';
import type { InspectionEvent } from 'xstate';
import { defaultSessionSettings } from '../../machines/session-settings.js';
import { stateName, type TransitionRecord } from '../../src/runtime/inspection.js';
import { collectFromLiveSession, createLiveSession, sendToLive } from '../../src/runtime/session-actor.js';
import { RandomEvents } from '../helpers/random-session.js';

describe('transition records (XState inspect)', () => {
  it('are one per event, from the state before to the state after, for fresh and rehydrated actors', () => {
    let moved = 0;
    for (const [seed, sessionId] of [
      [1, 'http:private:a'],
      [2, 'qq:group:b'],
    ] as const) {
      let live = createLiveSession(sessionId, undefined, 0);
      expect(collectFromLiveSession(live).transitions).toEqual([]);
      const generator = new RandomEvents(seed);
      const expected: TransitionRecord[] = [];
      const recorded: TransitionRecord[] = [];
      sendToLive(live, { type: 'settings.changed', at: 500, settings: defaultSessionSettings });
      expected.push({ sessionId, eventType: 'settings.changed', from: 'idle', to: 'idle', at: 500 });
      for (let step = 0; step < 300; step++) {
        if (step === 150) {
          // Evicted and rehydrated half-way: the records carry on from the stored state.
          recorded.push(...collectFromLiveSession(live).transitions);
          live = createLiveSession(sessionId, live.actor.getPersistedSnapshot(), 1);
          expect(collectFromLiveSession(live).transitions).toEqual([]);
        }
        const event = generator.next(live.actor.getSnapshot().context);
        const from = stateName(live.actor.getSnapshot().value);
        sendToLive(live, event);
        const to = stateName(live.actor.getSnapshot().value);
        if (from !== to) moved += 1;
        expected.push({ sessionId, eventType: event.type, from, to, at: event.at });
      }
      recorded.push(...collectFromLiveSession(live).transitions);
      expect(recorded).toEqual(expected);
    }
    // The records were about something: the sessions went through their states.
    expect(moved).toBeGreaterThan(50);
  });

  it('leave out an event that broke the actor, and pass every raw inspection event to an extra inspector', () => {
    const raw: InspectionEvent[] = [];
    const live = createLiveSession('http:private:broken', undefined, 0, (inspection) => raw.push(inspection));
    sendToLive(live, { type: 'settings.changed', at: 500, settings: defaultSessionSettings });
    // Settings the machine cannot read make it throw inside an action.
    sendToLive(live, { type: 'settings.changed', at: 600, settings: null as never });
    expect(live.actor.getSnapshot().status).toBe('error');
    expect(collectFromLiveSession(live).transitions.map((record) => record.at)).toEqual([500]);
    expect(raw.some((inspection) => inspection.type === '@xstate.microstep')).toBe(true);
    // Its start-up snapshot and the first event's; the broken event left none.
    expect(raw.filter((inspection) => inspection.type === '@xstate.snapshot').map((inspection) => inspection.event.type)).toEqual(['xstate.init', 'settings.changed']);
  });

  it('come from the actor itself, whoever sends it the event', () => {
    const live = createLiveSession('http:private:direct', undefined, 0);
    live.actor.send({ type: 'settings.changed', at: 500, settings: defaultSessionSettings });
    live.actor.send({ type: 'message.received', at: 700, sender: { id: 'u' }, text: 'hello?', images: [], mentionsBot: false, completeness: 1 });
    expect(collectFromLiveSession(live).transitions.map(({ eventType, from, to }) => `${eventType}: ${from} → ${to}`)).toEqual([
      'settings.changed: idle → idle',
      'message.received: idle → awaiting-llm',
    ]);
  });
});

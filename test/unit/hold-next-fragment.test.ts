import { createActor, enqueueActions } from 'xstate';
import { describe, expect, it } from 'vitest';
import { sessionMachine } from '../../machines/session-machine.js';
import { defaultSessionSettings } from '../../machines/session-settings.js';
import type { SessionSettings } from '../../machines/session-types.js';
import { RandomEvents } from '../helpers/random-session.js';

/** The machine as it was: a fragment joining a held buffer ran the three actions in turn, each its own assign. */
const threeSteps = sessionMachine.provide({
  actions: {
    holdNextFragment: enqueueActions(({ enqueue }) => {
      enqueue('appendFragment');
      enqueue('armDebounceTimer');
      enqueue({ type: 'disarmTimer', params: { name: 'settle' } });
    }),
  },
});

const withSettleWindow: SessionSettings = {
  ...defaultSessionSettings,
  debounce: { ...defaultSessionSettings.debounce, settleSeconds: 2, maxHoldSeconds: 6, maxFragments: 3 },
};

describe('holdNextFragment', () => {
  it('leaves every snapshot as appendFragment, armDebounceTimer and disarmTimer(settle) in turn did', () => {
    let held = 0;
    for (const [seed, sessionId, settings] of [
      [1, 'http:private:a', defaultSessionSettings],
      [2, 'http:private:b', withSettleWindow],
      [3, 'qq:group:c', withSettleWindow],
    ] as const) {
      const merged = createActor(sessionMachine, { input: { sessionId } }).start();
      const reference = createActor(threeSteps, { input: { sessionId } }).start();
      const generator = new RandomEvents(seed);
      for (const actor of [merged, reference]) actor.send({ type: 'settings.changed', at: 500, settings });
      for (let step = 0; step < 400; step++) {
        const event = generator.next(merged.getSnapshot().context);
        if (event.type === 'message.received' && merged.getSnapshot().value === 'buffering') held += 1;
        merged.send(event);
        reference.send(event);
        expect(merged.getPersistedSnapshot(), `${sessionId} step ${step}`).toEqual(reference.getPersistedSnapshot());
      }
    }
    // The comparison meant something: fragments did join held buffers.
    expect(held).toBeGreaterThan(20);
  });
});

import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { sessionMachine } from '../../machines/session-machine.js';
import { decodeSnapshot, encodeSnapshot } from '../../src/runtime/snapshot-codec.js';
import { RandomEvents } from '../helpers/random-session.js';

describe('snapshot codec', () => {
  it('round-trips every snapshot of random sessions exactly', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const actor = createActor(sessionMachine, { input: { sessionId: `http:private:c${seed}` } }).start();
      const generator = new RandomEvents(seed);
      for (let step = 0; step < 60; step++) {
        actor.send(generator.next(actor.getSnapshot().context));
        const persisted = actor.getPersistedSnapshot();
        const encoded = encodeSnapshot(persisted);
        const settings = JSON.parse(encoded.settings.json);
        expect(decodeSnapshot(encoded.json, (digest) => (digest === encoded.settings.digest ? settings : undefined))).toEqual(persisted);
      }
    }
  });

  it('stores a fresh session as little more than its seed and a settings reference', () => {
    const actor = createActor(sessionMachine, { input: { sessionId: 'http:private:fresh' } }).start();
    const encoded = encodeSnapshot(actor.getPersistedSnapshot());
    const stored = JSON.parse(encoded.json) as { value: string; context: Record<string, unknown> };
    expect(stored.value).toBe('idle');
    expect(Object.keys(stored.context).sort()).toEqual(['chatType', 'rng', 'settings']);
    expect(stored.context.settings).toBe(`settings:${encoded.settings.digest}`);
  });
});

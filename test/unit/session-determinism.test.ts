import { createActor, type Snapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { sessionMachine } from '../../machines/session-machine.js';
import type { SessionEvent, TimerName } from '../../machines/session-types.js';
import { RandomEvents } from '../helpers/random-session.js';

function runSequence(seed: number, length: number): { events: SessionEvent[]; snapshots: unknown[] } {
  const actor = createActor(sessionMachine, { input: { sessionId: `http:private:s${seed}` } }).start();
  const generator = new RandomEvents(seed);
  const events: SessionEvent[] = [];
  const snapshots: unknown[] = [];
  for (let index = 0; index < length; index++) {
    const event = generator.next(actor.getSnapshot().context);
    events.push(event);
    actor.send(event);
    snapshots.push(actor.getPersistedSnapshot());
  }
  return { events, snapshots };
}

describe('session machine determinism', () => {
  it('the same events give the same snapshot, event by event', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { events, snapshots } = runSequence(seed, 120);
      const again = createActor(sessionMachine, { input: { sessionId: `http:private:s${seed}` } }).start();
      events.forEach((event, index) => {
        again.send(event);
        expect(again.getPersistedSnapshot()).toEqual(snapshots[index]);
      });
    }
  });

  it('every snapshot survives a JSON round trip: a restored actor continues exactly like the original', () => {
    for (let seed = 100; seed <= 120; seed++) {
      const { events, snapshots } = runSequence(seed, 80);
      for (let cut = 0; cut < events.length - 1; cut += 7) {
        const restored = createActor(sessionMachine, {
          input: { sessionId: `http:private:s${seed}` },
          snapshot: JSON.parse(JSON.stringify(snapshots[cut])) as Snapshot<unknown>,
        }).start();
        expect(restored.getPersistedSnapshot()).toEqual(snapshots[cut]);
        for (let index = cut + 1; index < events.length; index++) restored.send(events[index]!);
        expect(restored.getPersistedSnapshot()).toEqual(snapshots.at(-1));
      }
    }
  });

  it('a timer that fires with its current generation is never left armed (so the sweeper never re-fires it)', () => {
    for (let seed = 200; seed <= 240; seed++) {
      const actor = createActor(sessionMachine, { input: { sessionId: `http:private:s${seed}` } }).start();
      const generator = new RandomEvents(seed);
      for (let index = 0; index < 150; index++) {
        const before = actor.getSnapshot().context;
        const event = generator.next(before);
        actor.send(event);
        if (event.type === 'timer.fired' && before.timers[event.name]?.gen === event.gen) {
          expect(actor.getSnapshot().context.timers[event.name as TimerName]?.gen).not.toBe(event.gen);
        }
      }
    }
  });

  it('a stale timer never changes the snapshot', () => {
    for (let seed = 300; seed <= 320; seed++) {
      const { events } = runSequence(seed, 60);
      const actor = createActor(sessionMachine, { input: { sessionId: `http:private:s${seed}` } }).start();
      for (const event of events) {
        actor.send(event);
        const before = actor.getPersistedSnapshot();
        for (const name of ['debounce', 'wait', 'proactive'] as const) {
          const gen = (actor.getSnapshot().context.timers[name]?.gen ?? 0) + 1000;
          actor.send({ type: 'timer.fired', at: event.at, name, gen, dueAt: event.at });
        }
        expect(actor.getPersistedSnapshot()).toEqual(before);
      }
    }
  });
});

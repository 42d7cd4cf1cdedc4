// XState behaviours the driver relies on, pinned with xstate 5.33.3. If an upgrade changes one of them,
// this file says which.
import { createActor, emit, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import xstatePackage from 'xstate/package.json' with { type: 'json' };

describe('xstate contract', () => {
  it('is the pinned version', () => {
    expect(xstatePackage.version).toBe('5.33.3');
  });

  it('delivers emitted events synchronously to actor.on listeners, in order', () => {
    const machine = setup({ types: { events: {} as { type: 'go' }, emitted: {} as { type: 'out'; n: number } } }).createMachine({
      on: { go: { actions: [emit({ type: 'out', n: 1 }), emit({ type: 'out', n: 2 })] } },
    });
    const actor = createActor(machine).start();
    const seen: number[] = [];
    actor.on('*', (event) => seen.push(event.n));
    actor.send({ type: 'go' });
    expect(seen).toEqual([1, 2]);
  });

  it('does not re-run entry actions when restoring a persisted snapshot', () => {
    let entries = 0;
    const machine = setup({ actions: { countEntry: () => void entries++ } }).createMachine({
      initial: 'a',
      states: { a: { on: { next: 'b' } }, b: { entry: 'countEntry' } },
    });
    const actor = createActor(machine).start();
    actor.send({ type: 'next' });
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    createActor(machine, { snapshot: persisted }).start();
    expect(entries).toBe(1);
  });

  it('reports an action that throws as an error snapshot instead of throwing from send', () => {
    const machine = setup({
      actions: {
        explode: () => {
          throw new Error('boom');
        },
      },
    }).createMachine({ on: { go: { actions: 'explode' } } });
    const actor = createActor(machine);
    actor.subscribe({ error: () => undefined });
    actor.start();
    expect(() => actor.send({ type: 'go' })).not.toThrow();
    expect(actor.getSnapshot().status).toBe('error');
  });
});

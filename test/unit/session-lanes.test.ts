import { describe, expect, it } from 'vitest';
import { SessionLanes } from '../../src/adapters/onebot/session-lanes.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('SessionLanes', () => {
  it('keeps each key in order while another key goes past a slow task', async () => {
    const lanes = new SessionLanes();
    const done: string[] = [];
    const slow = deferred();
    lanes.run('group:1', async () => {
      await slow.promise;
      done.push('g1-a');
    });
    lanes.run('group:1', async () => void done.push('g1-b'));
    lanes.run('private:2', async () => void done.push('p2-a'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(done).toEqual(['p2-a']);
    slow.resolve();
    await lanes.idle();
    expect(done).toEqual(['p2-a', 'g1-a', 'g1-b']);
    expect(lanes.size).toBe(0);
  });

  it('goes on after a task that throws', async () => {
    const lanes = new SessionLanes();
    const done: string[] = [];
    lanes.run('a', () => Promise.reject(new Error('broken')));
    lanes.run('a', async () => void done.push('after'));
    await lanes.idle();
    expect(done).toEqual(['after']);
  });
});
